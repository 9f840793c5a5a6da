// Reads members of a ZIP file, and makes one in memory: the one file that
// talks to libzip.
#ifndef SAKIP_ZIP_ARCHIVE_H_
#define SAKIP_ZIP_ARCHIVE_H_

#include <optional>
#include <string>
#include <vector>

struct zip;
struct zip_source;

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

// A ZIP file made in memory from members given whole. The same members give
// the same bytes: every member has one fixed time, 1980-01-01.
class ZipWriter {
 public:
  ZipWriter() = default;
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // `compress`: deflated at zlib's fastest level (XML shrinks to a fifth
  // or less); else stored.
  void Add(const std::string& name, std::string bytes, bool compress = true);
  // The archive's bytes; false with `error` set when it could not be made.
  bool Finish(std::string* bytes, std::string* error) const;

 private:
  struct Member {
    std::string name, bytes;
    bool compress;
  };
  std::vector<Member> members_;
};

}  // namespace sakip

#endif  // SAKIP_ZIP_ARCHIVE_H_
