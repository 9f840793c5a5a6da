// The hashes of content files as last read, by path and identity (size,
// times, inode), kept in the cache folder: a rebuild hashes only the files
// that changed, and reads none of an unchanged unit's (its parsed form is
// in the unit cache). As git's index: a file changed within the same clock
// tick as it was hashed could keep its identity, so entries whose times are
// not well before the list was written are not trusted ("racy").
#ifndef SAKIP_FILE_HASHES_H_
#define SAKIP_FILE_HASHES_H_

#include <mutex>
#include <string>
#include <unordered_map>

#include "file_system.h"

namespace sakip {

class FileHashes {
 public:
  // Reads the list in `folder`; none when `folder` is empty.
  explicit FileHashes(std::string folder);

  // The hash of the file at `disk_path` when its identity is the one it
  // had when hashed, and that was well before the list was written.
  bool Find(const std::string& disk_path, const FileIdentity& id,
            std::string* hash) const;
  // True when no hash is known (a first build).
  bool empty() const { return known_.empty(); }
  // Remembers a hash for the next build (thread-safe).
  void Record(const std::string& disk_path, const FileIdentity& id,
              const std::string& hash);
  // Writes what was recorded (whole, then renamed).
  void Save() const;

 private:
  struct Entry {
    FileIdentity id;
    std::string hash;
  };
  std::string folder_;
  int64_t written_ns_ = 0;  // when the list read was written
  std::unordered_map<std::string, Entry> known_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> recorded_;
};

}  // namespace sakip

#endif  // SAKIP_FILE_HASHES_H_
