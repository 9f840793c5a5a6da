#include "publish.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace sakip {
namespace {

bool WriteFile(const fs::path& path, const std::string& contents,
               std::string* error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    *error =
        "cannot create " + path.parent_path().string() + ": " + ec.message();
    return false;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) {
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

// A sibling of `out` that no other build uses at the same time.
fs::path Sibling(const fs::path& out, const std::string& tag) {
  std::ostringstream name;
  name << "." << out.filename().string() << "." << tag << "-" << getpid();
  return out.parent_path() / name.str();
}

// Held while a build writes next to `out`: builds of one folder (`sakip
// serve` and a `sakip build` at the same time) take turns. The lock file
// stays; it is empty.
class OutputLock {
 public:
  explicit OutputLock(const fs::path& out) {
    fs::path path =
        out.parent_path() / ("." + out.filename().string() + ".lock");
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~OutputLock() {
    if (fd_ >= 0) close(fd_);  // releases the lock
  }
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

// Staging folders of builds that were killed: with the lock held, no other
// build is using them.
void RemoveAbandonedStaging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".new-";
  std::error_code ec;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) {
      fs::remove_all(it->path(), ec);
    }
  }
}

}  // namespace

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) {
    return false;
  }
  std::stringstream parts(path);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

bool Publish(
    const OutputTree& tree, const std::string& out_dir, std::string* error,
    const std::function<void(const std::string& staging)>& before_swap) {
  fs::path out = fs::absolute(fs::path(out_dir)).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    *error = out.string() + " exists and is not a folder";
    return false;
  }
  // Never replace a folder that Sakip did not write, such as the content.
  if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) &&
      !fs::exists(out / kOutputMarker, ec)) {
    *error = out.string() + " is not empty and was not written by sakip (no " +
             kOutputMarker + "); choose another --out folder";
    return false;
  }
  fs::create_directories(out.parent_path(), ec);
  OutputLock lock(out);
  RemoveAbandonedStaging(out);
  fs::path staging = Sibling(out, "new");
  for (const auto& [path, contents] : tree.files()) {
    if (!IsSafeRelativePath(path)) {
      *error = "refusing to write outside the output folder: " + path;
      fs::remove_all(staging, ec);
      return false;
    }
    if (!WriteFile(staging / path, contents, error)) {
      fs::remove_all(staging, ec);
      return false;
    }
  }
  fs::create_directories(staging, ec);
  if (!WriteFile(staging / kOutputMarker,
                 "This folder is written by sakip build and replaced whole "
                 "by the next build.\n",
                 error)) {
    fs::remove_all(staging, ec);
    return false;
  }
  if (before_swap) before_swap(staging.string());
  if (!fs::exists(out)) {
    fs::rename(staging, out, ec);
  } else {
    // Swap both folders in one step so that readers never see a gap.
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(),
                  RENAME_EXCHANGE) != 0) {
      ec = std::error_code(errno, std::generic_category());
    }
  }
  if (ec) {
    *error =
        "cannot move the new site into " + out.string() + ": " + ec.message();
    fs::remove_all(staging, ec);
    return false;
  }
  fs::remove_all(staging, ec);  // the previous site, after the exchange
  return true;
}

}  // namespace sakip
