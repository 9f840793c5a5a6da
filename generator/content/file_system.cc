#include "file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace sakip {

namespace {

// Reads the open file `fd` whole into `text` (sized once from fstat, not
// grown a character at a time) and closes it; false on a read error or when
// it is not a regular file.
bool ReadAndClose(int fd, std::string* text) {
  struct stat info;
  bool ok = fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  // Sized by fstat (only growing: a string of a previous read keeps its
  // bytes, not filled again); a file that grew meanwhile is read on in
  // chunks (growing the string past the size would copy every file).
  size_t expected = ok ? static_cast<size_t>(info.st_size) : 0;
  if (text->size() < expected) text->resize(expected);
  size_t done = 0;
  while (ok) {
    ssize_t n;
    if (done < expected) {
      n = read(fd, text->data() + done, expected - done);
      if (n > 0) done += static_cast<size_t>(n);
    } else {
      char more[4096];
      n = read(fd, more, sizeof more);
      if (n > 0) {
        text->resize(done);
        text->append(more, static_cast<size_t>(n));
        done += static_cast<size_t>(n);
        expected = done;
      }
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
  }
  text->resize(ok ? done : 0);
  close(fd);
  return ok;
}

}  // namespace

std::string ReadWholeFile(const std::filesystem::path& path) {
  std::string text;
  ReadWholeFileInto(path, &text);
  return text;
}

bool ReadWholeFileInto(const std::filesystem::path& path, std::string* text) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    text->clear();
    return false;
  }
  return ReadAndClose(fd, text);
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

RealFileSystem::RealFileSystem(std::string root) : root_(std::move(root)) {}

std::string RealFileSystem::Full(const std::string& path) const {
  return JoinPath(root_.empty() ? "." : root_, path);
}

std::optional<std::string> RealFileSystem::ReadFile(const std::string& path,
                                                    std::string* error) const {
  int fd = open(Full(path).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) {
    *error = "is a symbolic link; links are not followed";
    return std::nullopt;
  }
  std::string text;
  if (fd < 0 || !ReadAndClose(fd, &text)) {
    *error = "cannot be read";
    return std::nullopt;
  }
  return text;
}

bool RealFileSystem::Identity(const std::string& path, FileIdentity* id) const {
  struct stat info;
  if (lstat(Full(path).c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return false;
  }
  id->size = static_cast<uint64_t>(info.st_size);
  id->mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 +
                 info.st_mtim.tv_nsec;
  id->ctime_ns = static_cast<int64_t>(info.st_ctim.tv_sec) * 1000000000 +
                 info.st_ctim.tv_nsec;
  id->inode = static_cast<uint64_t>(info.st_ino);
  return true;
}

std::vector<DirEntry> RealFileSystem::ListDir(const std::string& path) const {
  std::vector<DirEntry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(Full(path), ec), end; !ec && it != end;
       it.increment(ec)) {
    // The entry's type from the listing itself (d_type) where the file
    // system gives it: no stat per file.
    bool is_link = it->is_symlink(ec);
    if (ec) break;
    bool is_dir = !is_link && it->is_directory(ec);
    if (ec) break;
    entries.push_back({it->path().filename().string(), is_dir, is_link});
  }
  std::sort(
      entries.begin(), entries.end(),
      [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

bool RealFileSystem::IsFile(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(Full(path), ec));
}

bool RealFileSystem::IsDir(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(fs::symlink_status(Full(path), ec));
}

std::optional<std::uintmax_t> RealFileSystem::FileSize(
    const std::string& path) const {
  std::error_code ec;
  std::uintmax_t size = fs::file_size(Full(path), ec);
  if (ec) return std::nullopt;
  return size;
}

void MemoryFileSystem::Write(const std::string& path, std::string contents) {
  files_[path] = std::move(contents);
}

void MemoryFileSystem::Remove(const std::string& path) { files_.erase(path); }

std::optional<std::string> MemoryFileSystem::ReadFile(
    const std::string& path, std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    *error = "does not exist";
    return std::nullopt;
  }
  return it->second;
}

std::vector<DirEntry> MemoryFileSystem::ListDir(const std::string& path) const {
  std::string prefix = path.empty() ? "" : path + "/";
  std::map<std::string, bool> names;  // name -> is_dir
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    std::string rest = it->first.substr(prefix.size());
    size_t slash = rest.find('/');
    if (slash == std::string::npos) {
      names.emplace(rest, false);
    } else {
      names[rest.substr(0, slash)] = true;
    }
  }
  std::vector<DirEntry> entries;
  for (const auto& [name, is_dir] : names) entries.push_back({name, is_dir});
  return entries;
}

bool MemoryFileSystem::IsFile(const std::string& path) const {
  return files_.count(path) > 0;
}

bool MemoryFileSystem::IsDir(const std::string& path) const {
  if (path.empty()) return true;
  std::string prefix = path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::optional<std::uintmax_t> MemoryFileSystem::FileSize(
    const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

}  // namespace sakip
