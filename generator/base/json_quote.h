// JSON strings written directly. The open data files hold hundreds of
// thousands of names; building a nlohmann value for each name with a
// non-ASCII letter or an en dash, only to print it, took most of their time.
#ifndef SAKIP_JSON_QUOTE_H_
#define SAKIP_JSON_QUOTE_H_

#include <string>

namespace sakip {

// RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(const std::string& text);

// `text` as a JSON string, byte for byte as nlohmann's dump() writes it
// (UTF-8 kept; '"', '\\' and control characters escaped). Text that is
// not UTF-8 is given to nlohmann, which throws, as before.
std::string JsonQuoted(const std::string& text);

}  // namespace sakip

#endif  // SAKIP_JSON_QUOTE_H_
