// Changes one value of a YAML text in place, at the positions libyaml gives
// (yaml_document.h), so that comments, order and every other byte stay: a
// figure typed into a spreadsheet becomes a one-line change of the file.
#ifndef SAKIP_YAML_EDIT_H_
#define SAKIP_YAML_EDIT_H_

#include <functional>
#include <string>
#include <vector>

namespace sakip {

// Where a key goes among its siblings: keys with a rank are kept in rank
// order (a new one is written before the first sibling of a higher rank);
// -1 means "no rank", written after the last sibling. Two keys of the same
// rank (>= 0) are the same key written differently (`II` and `2`).
using YamlKeyRank = std::function<int(int depth, const std::string& key)>;

// Sets the value at `path` (mapping keys from the root) of `text` to
// `value`, YAML text of a scalar or a flow mapping (or kLiteralBlock). Missing
// keys are added: in a flow mapping inline, in a block mapping on lines of
// their own at the mapping's indentation, the innermost two levels in flow
// style
// (`anggaran: { III: 500 }`). Only the bytes of that value (or the new
// entry) change. False with `error` set when the path cannot be followed
// (a key holds a list, a block mapping is to be replaced, the text does
// not parse).
bool SetYamlValue(std::string* text, const std::vector<std::string>& path,
                  const std::string& value, const YamlKeyRank& rank,
                  std::string* error);

// A value given to SetYamlValue that starts with this is a literal block:
// its lines (after this prefix) are written indented below the key.
inline constexpr char kLiteralBlock[] = "|-\n";

// A text as a value for SetYamlValue: a literal block when it has several
// lines (as a content author writes them), else double-quoted.
std::string YamlText(const std::string& text);

// `text` as a YAML double-quoted scalar.
std::string YamlQuoted(const std::string& text);

}  // namespace sakip

#endif  // SAKIP_YAML_EDIT_H_
