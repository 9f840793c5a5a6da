// Reading content straight from a git repository's object database with
// libgit2 (no checkout; works in bare and shallow clones for the refs they
// have). This file is the only user of libgit2.
#ifndef SAKIP_GIT_REPO_H_
#define SAKIP_GIT_REPO_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "file_system.h"

namespace sakip {

struct GitCommitInfo {
  std::string id;       // full hex id
  std::string subject;  // first line of the message
  std::string author;
  long long time = 0;      // seconds since the epoch (author time)
  int offset_minutes = 0;  // the author's time zone (WIB = +420)
};

// A commit that changed a file: the file's blob before (in its first
// parent) and after ("" when absent).
struct FileChange {
  GitCommitInfo commit;  // `time` is the commit's (committer) time
  std::string before;
  std::string after;
};

class GitRepository {
 public:
  // Opens the repository that contains `path` (searching upwards); nullopt
  // with `error` set when there is none.
  static std::unique_ptr<GitRepository> Open(const std::string& path,
                                             std::string* error);
  ~GitRepository();

  // The commit a ref (tag, branch, commit id, HEAD~1, ...) names.
  std::optional<GitCommitInfo> Resolve(const std::string& ref,
                                       std::string* error) const;

  // `dir` of the commit's tree as a read-only FileSystem ("" = the root).
  std::unique_ptr<FileSystem> TreeAt(const std::string& commit_id,
                                     const std::string& dir,
                                     std::string* error) const;

  // The working tree's root ("" for a bare repository).
  std::string Workdir() const;

  // For each of `paths` (relative to the repository root) that changed:
  // the commits on the first-parent line from `commit_id` back that
  // changed it, newest first, at most `limit` each. One walk for all.
  std::map<std::string, std::vector<FileChange>> FileChanges(
      const std::string& commit_id, const std::vector<std::string>& paths,
      size_t limit) const;

  // The bytes of a blob, by its hex id.
  std::optional<std::string> ReadBlob(const std::string& blob_id) const;

 private:
  struct Impl;
  explicit GitRepository(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sakip

#endif  // SAKIP_GIT_REPO_H_
