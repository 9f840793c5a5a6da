// The path of a content file as diagnostics show it, held once per file.
// A large tree keeps a source position for almost everything it reads
// (about 300,000 at 15,000 jabatan), and each used to own a copy of its
// file's path: 26 MB after loading. A SourcePath is a pointer to the one
// copy, kept for the life of the program (paths are few: one per content
// file; a long `sakip serve` adds only the paths of new files). Compared
// by text, never by address, so that sorting stays deterministic.
#ifndef SAKIP_SOURCE_PATH_H_
#define SAKIP_SOURCE_PATH_H_

#include <compare>
#include <string>
#include <string_view>

namespace sakip {

class SourcePath {
 public:
  SourcePath();  // empty
  // Implicit: a position is written `{path, line, col}` with any string.
  SourcePath(std::string_view path);   // NOLINT(runtime/explicit)
  SourcePath(const std::string& path)  // NOLINT(runtime/explicit)
      : SourcePath(std::string_view(path)) {}
  SourcePath(const char* path)  // NOLINT(runtime/explicit)
      : SourcePath(std::string_view(path)) {}

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT
  bool empty() const { return text_->empty(); }
  size_t size() const { return text_->size(); }
  const char* c_str() const { return text_->c_str(); }

  friend bool operator==(const SourcePath& a, const SourcePath& b) {
    return a.text_ == b.text_ || *a.text_ == *b.text_;
  }
  friend std::strong_ordering operator<=>(const SourcePath& a,
                                          const SourcePath& b) {
    return *a.text_ <=> *b.text_;
  }
  friend std::string operator+(const SourcePath& a, std::string_view b) {
    return a.str() + std::string(b);
  }
  friend std::string operator+(std::string_view a, const SourcePath& b) {
    return std::string(a) + b.str();
  }

 private:
  const std::string* text_;
};

}  // namespace sakip

#endif  // SAKIP_SOURCE_PATH_H_
