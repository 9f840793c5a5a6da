#include "watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>

namespace sakip {

namespace {

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE |
                             IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY |
                             IN_DELETE_SELF | IN_ATTRIB;

}  // namespace

FolderWatcher::FolderWatcher(std::vector<std::string> roots)
    : roots_(std::move(roots)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  for (const std::string& root : roots_) AddTree(root);
}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) close(fd_);
}

void FolderWatcher::AddTree(const std::string& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return;
  auto add = [&](const std::string& dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR);
    if (wd >= 0) watched_[wd] = dir;
  };
  add(root);
  // Symlinked folders are not followed: the content tree is what is built.
  for (auto it = std::filesystem::recursive_directory_iterator(
           root, std::filesystem::directory_options::skip_permission_denied,
           ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) add(it->path().string());
  }
}

bool FolderWatcher::Drain(int timeout_ms) {
  pollfd pfd{fd_, POLLIN, 0};
  if (poll(&pfd, 1, timeout_ms) <= 0) return false;
  alignas(inotify_event) char buffer[16384];
  bool any = false;
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    any = true;
  }
  return any;
}

bool FolderWatcher::WaitForChange(int timeout_ms, int settle_ms) {
  if (fd_ < 0 || !Drain(timeout_ms)) return false;
  while (Drain(settle_ms)) {
  }
  // New folders (a new unit) need watches; re-adding is harmless, since
  // inotify returns the same descriptor for a folder already watched.
  for (const std::string& root : roots_) AddTree(root);
  return true;
}

}  // namespace sakip
