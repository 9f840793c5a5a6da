#include "compressed_text.h"

#include <zlib.h>

#include <optional>

namespace sakip {
namespace {

// Below this, deflating saves too little to be worth a call.
constexpr size_t kMinDeflated = 512;

// One deflate state per thread, reset for each text: a fresh state costs
// more than deflating a content file of a few KB. A 4 KB window and a small
// hash fit such files (uncompress reads any window size).
class Deflater {
 public:
  Deflater() {
    ok_ = deflateInit2(&stream_, 1, Z_DEFLATED, 12, 5, Z_DEFAULT_STRATEGY) ==
          Z_OK;
  }
  ~Deflater() {
    if (ok_) deflateEnd(&stream_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // The deflated text, or nullopt when that would not be smaller.
  std::optional<std::string> Deflate(const std::string& text) {
    if (!ok_ || deflateReset(&stream_) != Z_OK) return std::nullopt;
    std::string out(text.size(), '\0');
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream_.avail_in = static_cast<uInt>(text.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data());
    stream_.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) return std::nullopt;
    out.resize(out.size() - stream_.avail_out);
    out.shrink_to_fit();
    return out;
  }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

}  // namespace

CompressedText::CompressedText(const std::string& text) : size_(text.size()) {
  if (text.size() < kMinDeflated) {
    stored_ = text;
    return;
  }
  // Level 1: ten times faster than the default for text, a little larger.
  thread_local Deflater deflater;
  std::optional<std::string> out = deflater.Deflate(text);
  if (!out) {
    stored_ = text;
    return;
  }
  stored_ = std::move(*out);
  deflated_ = true;
}

std::string CompressedText::Text() const {
  if (!deflated_) return stored_;
  std::string text(size_, '\0');
  uLongf size = static_cast<uLongf>(size_);
  int status = uncompress(reinterpret_cast<Bytef*>(text.data()), &size,
                          reinterpret_cast<const Bytef*>(stored_.data()),
                          static_cast<uLong>(stored_.size()));
  if (status != Z_OK || size != size_) return "";  // never for our own data
  return text;
}

}  // namespace sakip
