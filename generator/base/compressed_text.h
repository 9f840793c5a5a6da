// Text kept deflated in memory. Diagnostics keep every content file to quote
// the offending line, and a province's tree is tens of megabytes of text
// that is almost never quoted. The one user of zlib.
#ifndef SAKIP_COMPRESSED_TEXT_H_
#define SAKIP_COMPRESSED_TEXT_H_

#include <string>

namespace sakip {

class CompressedText {
 public:
  CompressedText() = default;
  explicit CompressedText(const std::string& text);

  std::string Text() const;  // the original text
  size_t stored_size() const { return stored_.size(); }

 private:
  std::string stored_;  // deflated, or the text itself when short
  size_t size_ = 0;
  bool deflated_ = false;
};

}  // namespace sakip

#endif  // SAKIP_COMPRESSED_TEXT_H_
