// Escaping for text placed in HTML or SVG by C++ code (templates escape
// their own variables).
#ifndef SAKIP_HTML_ESCAPE_H_
#define SAKIP_HTML_ESCAPE_H_

#include <string>

namespace sakip {

inline std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace sakip

#endif  // SAKIP_HTML_ESCAPE_H_
