// Reads members of a ZIP file: the one file that talks to libzip.
#ifndef SAKIP_ZIP_ARCHIVE_H_
#define SAKIP_ZIP_ARCHIVE_H_

#include <optional>
#include <string>

struct zip;

namespace sakip {

class ZipArchive {
 public:
  // Opens `path`; check ok(), else error() says why (not a ZIP file, ...).
  explicit ZipArchive(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool ok() const { return archive_ != nullptr; }
  const std::string& error() const { return error_; }

  // The bytes of member `name`; nullopt when it is absent, unreadable or
  // larger than `max_bytes` (a spreadsheet part is a few MB at most; this
  // bounds what a hostile file can make us allocate).
  std::optional<std::string> Read(const std::string& name,
                                  size_t max_bytes = 64u << 20) const;

 private:
  struct zip* archive_ = nullptr;
  std::string error_;
};

}  // namespace sakip

#endif  // SAKIP_ZIP_ARCHIVE_H_
