#include "zip_archive.h"

#include <zip.h>

#include <memory>

namespace sakip {
namespace {

// Closes a member on every path out of Read (RAII).
struct MemberCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

ZipArchive::ZipArchive(const std::string& path) {
  int code = 0;
  archive_ = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive_) return;
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  error_ = zip_error_strerror(&error);
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipArchive::Read(const std::string& name,
                                            size_t max_bytes) const {
  if (!archive_) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_, name.c_str(), 0, &stat) != 0) return std::nullopt;
  if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > max_bytes) {
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, MemberCloser> file(
      zip_fopen(archive_, name.c_str(), 0));
  if (!file) return std::nullopt;
  std::string bytes(stat.size, '\0');
  zip_int64_t got = zip_fread(file.get(), bytes.data(), bytes.size());
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace sakip
