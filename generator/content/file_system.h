// Disk access behind an interface so that the loader and the tests can run
// on an in-memory tree (as ninja's DiskInterface). Paths are '/'-separated
// and relative to the interface's root.
#ifndef SAKIP_FILE_SYSTEM_H_
#define SAKIP_FILE_SYSTEM_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sakip {

struct DirEntry {
  std::string name;
  bool is_dir = false;
  // A symbolic link: listed so that the loader can report it, never
  // followed (it could lead out of the content folder).
  bool is_link = false;
};

// What tells that a file on disk is unchanged without reading it: a
// change or replacement gives another size, time or inode.
struct FileIdentity {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileIdentity& o) const {
    return size == o.size && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns &&
           inode == o.inode;
  }
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // The file's bytes, or nullopt with `error` set.
  virtual std::optional<std::string> ReadFile(const std::string& path,
                                              std::string* error) const = 0;
  // Entries sorted by name; empty when the folder does not exist.
  virtual std::vector<DirEntry> ListDir(const std::string& path) const = 0;
  virtual bool IsFile(const std::string& path) const = 0;
  virtual bool IsDir(const std::string& path) const = 0;
  // Size in bytes, or nullopt when the file does not exist.
  virtual std::optional<std::uintmax_t> FileSize(
      const std::string& path) const = 0;
  // Whether several threads may read at once.
  virtual bool ConcurrentReads() const { return true; }
  // Where the file is on disk, so that its text can be read again later;
  // "" when it is not on disk (memory, git).
  virtual std::string DiskPath(const std::string& path) const {
    (void)path;
    return "";
  }
  // The identity of a regular file on disk (not a link); false when there
  // is none (memory, git, missing).
  virtual bool Identity(const std::string& path, FileIdentity* id) const {
    (void)path;
    (void)id;
    return false;
  }
};

// The real disk below `root`. Symbolic links are never followed: ListDir
// marks them `is_link`, and they are neither file nor folder.
class RealFileSystem : public FileSystem {
 public:
  explicit RealFileSystem(std::string root);
  std::optional<std::string> ReadFile(const std::string& path,
                                      std::string* error) const override;
  std::vector<DirEntry> ListDir(const std::string& path) const override;
  bool IsFile(const std::string& path) const override;
  bool IsDir(const std::string& path) const override;
  std::optional<std::uintmax_t> FileSize(
      const std::string& path) const override;
  std::string DiskPath(const std::string& path) const override {
    return Full(path);
  }
  bool Identity(const std::string& path, FileIdentity* id) const override;
  const std::string& root() const { return root_; }

 private:
  std::string Full(const std::string& path) const;
  std::string root_;
};

// An in-memory tree for tests: folders exist implicitly above every file.
class MemoryFileSystem : public FileSystem {
 public:
  void Write(const std::string& path, std::string contents);
  void Remove(const std::string& path);
  std::optional<std::string> ReadFile(const std::string& path,
                                      std::string* error) const override;
  std::vector<DirEntry> ListDir(const std::string& path) const override;
  bool IsFile(const std::string& path) const override;
  bool IsDir(const std::string& path) const override;
  std::optional<std::uintmax_t> FileSize(
      const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

// A folder of another FileSystem seen as its root (folder versions).
class SubdirFileSystem : public FileSystem {
 public:
  SubdirFileSystem(const FileSystem& base, std::string dir)
      : base_(base), dir_(std::move(dir)) {}
  std::optional<std::string> ReadFile(const std::string& path,
                                      std::string* error) const override {
    return base_.ReadFile(Join(path), error);
  }
  std::vector<DirEntry> ListDir(const std::string& path) const override {
    return base_.ListDir(Join(path));
  }
  bool IsFile(const std::string& path) const override {
    return base_.IsFile(Join(path));
  }
  bool IsDir(const std::string& path) const override {
    return base_.IsDir(Join(path));
  }
  std::optional<std::uintmax_t> FileSize(
      const std::string& path) const override {
    return base_.FileSize(Join(path));
  }
  bool ConcurrentReads() const override { return base_.ConcurrentReads(); }
  std::string DiskPath(const std::string& path) const override {
    return base_.DiskPath(Join(path));
  }
  bool Identity(const std::string& path, FileIdentity* id) const override {
    return base_.Identity(Join(path), id);
  }

 private:
  std::string Join(const std::string& path) const {
    return path.empty() ? dir_ : dir_ + "/" + path;
  }
  const FileSystem& base_;
  std::string dir_;
};

// The bytes of a file on disk ("" when it cannot be read): for the
// generator's own files (output, caches), not for content.
std::string ReadWholeFile(const std::filesystem::path& path);

// The same into `text`, reusing its memory: for reading many files in a
// row (fresh memory for each costs more than the read).
bool ReadWholeFileInto(const std::filesystem::path& path, std::string* text);

// Writes all of `bytes` to the open file `fd` (retrying short writes);
// false on an error, with errno set.
bool WriteAll(int fd, std::string_view bytes);

// Joins two '/'-separated paths; an empty side yields the other.
std::string JoinPath(const std::string& a, const std::string& b);

}  // namespace sakip

#endif  // SAKIP_FILE_SYSTEM_H_
