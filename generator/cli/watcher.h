// Watching folders for changes (Linux inotify), for `sakip serve`.
#ifndef SAKIP_WATCHER_H_
#define SAKIP_WATCHER_H_

#include <map>
#include <string>
#include <vector>

namespace sakip {

class FolderWatcher {
 public:
  // Watches every folder below each of `roots` (missing roots are skipped).
  explicit FolderWatcher(std::vector<std::string> roots);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  bool ok() const { return fd_ >= 0; }

  // Waits up to `timeout_ms` for a change; then collects the changes that
  // follow within `settle_ms` (an editor's save is several events) and
  // returns true. Folders made meanwhile are watched from then on.
  bool WaitForChange(int timeout_ms, int settle_ms = 80);

 private:
  void AddTree(const std::string& root);
  bool Drain(int timeout_ms);  // true when any event was read

  int fd_ = -1;
  std::vector<std::string> roots_;
  std::map<int, std::string> watched_;  // watch descriptor -> folder
};

}  // namespace sakip

#endif  // SAKIP_WATCHER_H_
