#include "zip_archive.h"

#include <zip.h>

#include <ctime>
#include <memory>

namespace sakip {
namespace {

// Closes a member on every path out of Read (RAII).
struct MemberCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

struct SourceFreer {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

// 1980-01-01 00:00 local time, the earliest time a ZIP entry can hold: the
// same content gives the same bytes on any day. Computed once per process:
// mktime re-reads TZ on every call, freeing and copying glibc's zone name
// under a lock ThreadSanitizer cannot see, and workbooks are zipped on
// several threads (a race report in the TSan run). A function-local static
// is initialised once, and every thread that passes it is ordered after.
time_t FixedTime() {
  static const time_t fixed = [] {
    struct tm t = {};
    t.tm_year = 80;
    t.tm_mday = 1;
    t.tm_isdst = -1;
    return mktime(&t);
  }();
  return fixed;
}

std::string ErrorText(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  zip_error_fini(error);
  return text;
}

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

void ZipWriter::Add(const std::string& name, std::string bytes, bool compress) {
  members_.push_back({name, std::move(bytes), compress});
}

bool ZipWriter::Finish(std::string* bytes, std::string* error) const {
  // The archive is written into a growing buffer source, kept (not freed)
  // when the archive is closed, then read back.
  zip_error_t code;
  zip_error_init(&code);
  std::unique_ptr<zip_source_t, SourceFreer> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &code));
  if (!buffer) {
    *error = ErrorText(&code);
    return false;
  }
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &code);
  if (!archive) {
    *error = ErrorText(&code);
    return false;
  }
  zip_source_keep(buffer.get());  // the archive owns it now: one more user
  const time_t fixed = FixedTime();
  for (const Member& m : members_) {
    // The members outlive zip_close: libzip need not copy them.
    zip_source_t* data =
        zip_source_buffer(archive, m.bytes.data(), m.bytes.size(), 0);
    zip_int64_t index =
        data ? zip_file_add(archive, m.name.c_str(), data, ZIP_FL_ENC_UTF_8)
             : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      *error = zip_strerror(archive);
      zip_discard(archive);
      return false;
    }
    zip_uint64_t i = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(archive, i,
                             m.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                             m.compress ? 1 : 0);
    zip_file_set_mtime(archive, i, fixed, 0);
  }
  if (zip_close(archive) != 0) {
    *error = zip_strerror(archive);
    zip_discard(archive);
    return false;
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer.get(), &stat) != 0 ||
      !(stat.valid & ZIP_STAT_SIZE) || zip_source_open(buffer.get()) != 0) {
    *error = "cannot read the archive made in memory";
    return false;
  }
  bytes->assign(stat.size, '\0');
  zip_int64_t got = zip_source_read(buffer.get(), bytes->data(), stat.size);
  zip_source_close(buffer.get());
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
    *error = "cannot read the archive made in memory";
    return false;
  }
  return true;
}

}  // namespace sakip
