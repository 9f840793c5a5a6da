#include "search_index.h"

#include <unistd.h>

#include <filesystem>
#include <vector>

#include "process.h"

namespace sakip {

namespace {

bool IsExecutable(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) &&
         access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string LocatePagefind(const std::string& configured,
                           const std::string& content_dir) {
  if (!configured.empty()) {
    if (configured.find('/') == std::string::npos) {
      return FindProgram(configured);
    }
    return IsExecutable(configured) ? configured : "";
  }
  std::string in_path = FindProgram("pagefind");
  if (!in_path.empty()) return in_path;
  std::vector<std::filesystem::path> candidates = {
      "node_modules/.bin/pagefind"};
  std::error_code ec;
  std::filesystem::path content = std::filesystem::absolute(content_dir, ec);
  if (!content_dir.empty() && !ec) {
    candidates.push_back(content.parent_path() / "node_modules/.bin/pagefind");
  }
  for (const auto& candidate : candidates) {
    if (IsExecutable(candidate)) return candidate.string();
  }
  return "";
}

bool BuildSearchIndex(const std::string& pagefind,
                      const std::string& version_dir, std::string* error) {
  ProcessResult result = RunProcess(
      {pagefind, "--site", version_dir, "--output-subdir", "pagefind"}, 600);
  if (!result.started) {
    *error = "cannot start `" + pagefind + "`";
    return false;
  }
  if (result.timed_out || result.exit_code != 0) {
    *error = "`" + pagefind + " --site " + version_dir + "` failed (exit " +
             std::to_string(result.exit_code) + ")";
    return false;
  }
  return true;
}

}  // namespace sakip
