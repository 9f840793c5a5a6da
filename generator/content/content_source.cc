#include "content_source.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace sakip {

ContentSource OpenWorkingTree(const std::string& content_dir) {
  ContentSource source;
  source.fs = std::make_unique<RealFileSystem>(content_dir);
  source.label = content_dir;
  source.display_root = content_dir == "." ? "" : content_dir;
  return source;
}

std::optional<ContentSource> OpenGitRef(const std::string& content_dir,
                                        const std::string& ref,
                                        std::string* error) {
  std::shared_ptr<GitRepository> repo = GitRepository::Open(content_dir, error);
  if (!repo) return std::nullopt;
  std::optional<GitCommitInfo> commit = repo->Resolve(ref, error);
  if (!commit) return std::nullopt;
  std::string workdir = repo->Workdir();
  std::string repo_path;
  if (!workdir.empty()) {
    std::error_code ec;
    fs::path relative = fs::relative(fs::weakly_canonical(content_dir, ec),
                                     fs::weakly_canonical(workdir, ec), ec);
    repo_path = relative.generic_string();
    if (repo_path == ".") repo_path.clear();
    if (repo_path.rfind("..", 0) == 0) {
      *error = content_dir + " is not inside the repository's working tree";
      return std::nullopt;
    }
  }
  std::unique_ptr<FileSystem> tree = repo->TreeAt(commit->id, repo_path, error);
  if (!tree) return std::nullopt;
  if (!tree->IsFile("site.yaml")) {
    *error = "git ref `" + ref + "` has no content tree at `" +
             (repo_path.empty() ? std::string(".") : repo_path) +
             "` (no site.yaml)";
    return std::nullopt;
  }
  ContentSource source;
  source.repo = repo;
  source.fs = std::move(tree);
  source.label = ref + " (" + commit->id.substr(0, 12) + ")";
  source.display_root = ref + ":" + (repo_path.empty() ? "" : repo_path);
  source.commit = commit->id;
  source.repo_path = repo_path;
  return source;
}

std::optional<ContentSource> OpenFolder(const std::string& dir,
                                        std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = "folder `" + dir + "` does not exist";
    return std::nullopt;
  }
  if (!fs::is_regular_file(fs::path(dir) / "site.yaml", ec)) {
    *error = "folder `" + dir + "` is not a content tree (no site.yaml)";
    return std::nullopt;
  }
  ContentSource source = OpenWorkingTree(dir);
  source.label = dir;
  return source;
}

std::optional<ContentSource> OpenContentSpec(const std::string& content_dir,
                                             const std::string& spec,
                                             std::string* error) {
  if (spec == ".") return OpenFolder(content_dir, error);
  std::error_code ec;
  if (fs::is_directory(spec, ec)) return OpenFolder(spec, error);
  return OpenGitRef(content_dir, spec, error);
}

}  // namespace sakip
