// Where a version of the content comes from: the working tree, a folder
// snapshot, or a git ref read from the object database.
#ifndef SAKIP_CONTENT_SOURCE_H_
#define SAKIP_CONTENT_SOURCE_H_

#include <memory>
#include <optional>
#include <string>

#include "file_system.h"
#include "git_repo.h"

namespace sakip {

struct ContentSource {
  std::shared_ptr<GitRepository> repo;  // keeps a git tree readable
  std::unique_ptr<FileSystem> fs;
  std::string label;         // for messages and diffs
  std::string display_root;  // prefix of paths in diagnostics
  std::string commit;        // "" unless read from git
  std::string repo_path;     // the content folder inside the repository
};

// The content folder `content_dir` as it is on disk.
ContentSource OpenWorkingTree(const std::string& content_dir);

// `ref` of the git repository that holds `content_dir`, at the same folder.
std::optional<ContentSource> OpenGitRef(const std::string& content_dir,
                                        const std::string& ref,
                                        std::string* error);

// A folder holding a content tree (it must have site.yaml).
std::optional<ContentSource> OpenFolder(const std::string& dir,
                                        std::string* error);

// For `sakip diff`: "." is the working tree; an existing folder is a folder
// snapshot; anything else is a git ref.
std::optional<ContentSource> OpenContentSpec(const std::string& content_dir,
                                             const std::string& spec,
                                             std::string* error);

}  // namespace sakip

#endif  // SAKIP_CONTENT_SOURCE_H_
