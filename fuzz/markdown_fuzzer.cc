// The Markdown rendering path, in each of its modes. Whatever the input,
// the HTML must not carry a script element or a javascript: link.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "markdown.h"

namespace {

bool HasLower(const std::string& html, const std::string& needle) {
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  return lower.find(needle) != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  for (bool hard_breaks : {false, true}) {
    std::string html = sakip::RenderMarkdown(input, {false, hard_breaks});
    if (HasLower(html, "<script") || HasLower(html, "href=\"javascript:")) {
      std::abort();  // raw HTML or a dangerous link got through
    }
  }
  sakip::RenderMarkdown(input, {true, false});
  return 0;
}
