#include "compressed_text.h"

#include <zlib.h>

namespace sakip {
namespace {

// Below this, deflating saves too little to be worth a call.
constexpr size_t kMinDeflated = 512;

}  // namespace

CompressedText::CompressedText(const std::string& text) : size_(text.size()) {
  if (text.size() < kMinDeflated) {
    stored_ = text;
    return;
  }
  uLongf bound = compressBound(static_cast<uLong>(text.size()));
  std::string out(bound, '\0');
  // Level 1: ten times faster than the default for text, a little larger.
  int status = compress2(reinterpret_cast<Bytef*>(out.data()), &bound,
                         reinterpret_cast<const Bytef*>(text.data()),
                         static_cast<uLong>(text.size()), 1);
  if (status != Z_OK || bound >= text.size()) {
    stored_ = text;
    return;
  }
  out.resize(bound);
  out.shrink_to_fit();
  stored_ = std::move(out);
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
