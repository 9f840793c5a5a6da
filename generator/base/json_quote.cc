#include "json_quote.h"

#include <nlohmann/json.hpp>

namespace sakip {

bool IsValidUtf8(const std::string& text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* end = p + text.size();
  while (p < end) {
    unsigned char c = *p;
    int extra = c < 0x80   ? 0
                : c < 0xC2 ? -1
                : c < 0xE0 ? 1
                : c < 0xF0 ? 2
                : c < 0xF5 ? 3
                           : -1;
    if (extra < 0 || end - p <= extra) return extra == 0;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
    for (int k = 1; k <= extra; ++k) {
      unsigned char next = p[k];
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) {
        return false;
      }
    }
    p += extra + 1;
  }
  return true;
}

std::string JsonQuoted(const std::string& text) {
  std::string json;
  json.reserve(text.size() + 2);
  json += '"';
  bool ascii = true;
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ascii = ascii && c < 0x80;
      continue;
    }
    json.append(text, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        json += "\\\"";
        break;
      case '\\':
        json += "\\\\";
        break;
      case '\b':
        json += "\\b";
        break;
      case '\f':
        json += "\\f";
        break;
      case '\n':
        json += "\\n";
        break;
      case '\r':
        json += "\\r";
        break;
      case '\t':
        json += "\\t";
        break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        json += "\\u00";
        json += kHex[c >> 4];
        json += kHex[c & 15];
      }
    }
  }
  json.append(text, run, std::string::npos);
  json += '"';
  if (!ascii && !IsValidUtf8(text)) return nlohmann::json(text).dump();
  return json;
}

}  // namespace sakip
