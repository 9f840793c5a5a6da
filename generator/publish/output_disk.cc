#include "output_disk.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "file_system.h"

namespace fs = std::filesystem;

namespace sakip::disk {
namespace {

std::atomic<long> changes{0};
long crash_at = 0;  // 0: never

void ReportChanges() {
  std::fprintf(stderr, "sakip: %ld file-system changes\n", changes.load());
}

// Called before each change: counts it, and ends the process at the one
// that SAKIP_CRASH_AT_CHANGE names.
void Change() {
  long n = changes.fetch_add(1) + 1;
  if (n == crash_at) _exit(kCrashExit);
}

std::error_code LastError() {
  return std::error_code(errno, std::generic_category());
}

}  // namespace

void ConfigureFromEnvironment() {
  if (const char* at = std::getenv("SAKIP_CRASH_AT_CHANGE")) {
    crash_at = std::strtol(at, nullptr, 10);
  }
  const char* count = std::getenv("SAKIP_COUNT_CHANGES");
  if (count && *count && std::string_view(count) != "0") {
    std::atexit(ReportChanges);
  }
}

long Changes() { return changes.load(); }

bool MakeFolders(const fs::path& folder, std::error_code& ec) {
  // One thread at a time, and each missing level is one change: the count
  // is then the same in whatever order the threads ask for folders.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  ec.clear();
  std::vector<fs::path> missing;
  for (fs::path level = folder; !level.empty() && !fs::is_directory(level, ec);
       level = level.parent_path()) {
    missing.push_back(level);
    if (level == level.parent_path()) break;
  }
  ec.clear();
  for (auto level = missing.rbegin(); level != missing.rend(); ++level) {
    Change();
    fs::create_directory(*level, ec);
    if (ec) return false;
  }
  return !missing.empty();
}

bool Remove(const fs::path& path, std::error_code& ec) {
  Change();
  return fs::remove(path, ec);
}

bool RemoveAll(const fs::path& path, std::error_code& ec) {
  Change();
  return fs::remove_all(path, ec) != static_cast<std::uintmax_t>(-1) && !ec;
}

bool HardLink(const fs::path& from, const fs::path& to, std::error_code& ec) {
  Change();
  fs::create_hard_link(from, to, ec);
  return !ec;
}

bool CopyFile(const fs::path& from, const fs::path& to, std::error_code& ec) {
  Change();
  return fs::copy_file(from, to, ec);
}

bool Rename(const fs::path& from, const fs::path& to, std::error_code& ec) {
  Change();
  fs::rename(from, to, ec);
  return !ec;
}

bool Exchange(const fs::path& a, const fs::path& b, std::error_code& ec) {
  Change();
  ec.clear();
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) !=
      0) {
    ec = LastError();
  }
  return !ec;
}

bool SetTime(const fs::path& path, time_t seconds) {
  Change();
  const struct timespec times[2] = {{0, UTIME_OMIT}, {seconds, 0}};
  return utimensat(AT_FDCWD, path.c_str(), times, 0) == 0;
}

int CreateNew(const fs::path& file) {
  Change();
  return open(file.c_str(),
              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
}

int OpenLockFile(const fs::path& file) {
  Change();
  return open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
}

bool Write(int fd, std::string_view bytes) {
  Change();
  return WriteAll(fd, bytes);
}

bool Truncate(int fd, off_t size) {
  Change();
  return ftruncate(fd, size) == 0;
}

ssize_t CopyRange(int from, loff_t* offset, int to, size_t length) {
  Change();
  return copy_file_range(from, offset, to, nullptr, length, 0);
}

bool WriteNewFile(const fs::path& file, std::string_view bytes) {
  int fd = CreateNew(file);
  if (fd < 0) return false;
  bool written = Write(fd, bytes);
  if (close(fd) != 0) written = false;
  return written;
}

bool ReplaceFile(const fs::path& file, std::string_view bytes) {
  std::error_code ec;
  MakeFolders(file.parent_path(), ec);
  fs::path temporary = file.string() + ".tmp-" + std::to_string(::getpid());
  if (fs::exists(fs::symlink_status(temporary, ec))) Remove(temporary, ec);
  if (!WriteNewFile(temporary, bytes)) {
    Remove(temporary, ec);
    return false;
  }
  if (!Rename(temporary, file, ec)) {
    Remove(temporary, ec);
    return false;
  }
  return true;
}

void RemoveAbandonedTemporaries(const fs::path& folder) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    size_t mark = name.rfind(".tmp-");
    if (mark == std::string::npos) continue;
    char* rest = nullptr;
    long pid = std::strtol(name.c_str() + mark + 5, &rest, 10);
    if (pid <= 0 || *rest != '\0') continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code remove_error;
    Remove(it->path(), remove_error);
  }
}

}  // namespace sakip::disk
