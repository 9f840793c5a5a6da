// A YAML document as a small tree of nodes, parsed with libyaml: the one
// file that talks to libyaml. yaml_reader.h reads it with diagnostics.
#ifndef SAKIP_YAML_DOCUMENT_H_
#define SAKIP_YAML_DOCUMENT_H_

#include <memory>
#include <string>
#include <vector>

namespace sakip {

// Nodes are in the order libyaml reports them. Children are chained
// (first_child, next_sibling), so that a document is one array of nodes; a
// mapping's children alternate key and value. An alias is a node of its own
// pointing at its anchor, never a copy of it, so that an "alias bomb" costs
// no more than its text.
struct YamlNode {
  enum class Kind : unsigned char { kNull, kScalar, kList, kMap, kAlias };
  Kind kind = Kind::kNull;
  bool plain = false;  // a plain scalar (not quoted, not a block scalar)
  bool flow = false;   // a mapping or list written `{...}` / `[...]`
  int line = -1;       // 0-based mark; -1 when the node has none
  int column = 0;
  // Where the node ends (0-based, exclusive), for editing the text in
  // place (yaml_edit.h); a block collection ends where the next token starts.
  int end_line = -1;
  int end_column = 0;
  int first_child = -1;
  int last_child = -1;
  int next_sibling = -1;
  int target = -1;  // the anchored node of an alias
  std::string scalar;
};

struct YamlDocument {
  std::vector<YamlNode> nodes;  // nodes[0] is the root
};

// Why a text could not be parsed, 1-based in the file (`line_offset` lines
// precede the text), with a hint on how to fix it.
struct YamlProblem {
  int line = 0;
  int column = 0;
  std::string message;
  std::string hint;
};

// Deeper than any content file needs; bounds the work on hostile input.
inline constexpr int kMaxYamlDepth = 1000;

// The first document of `text`; null with `problem` set on a syntax error,
// text that is not UTF-8, an alias without an anchor or deeper nesting than
// kMaxYamlDepth. Null, `~` and empty plain scalars are kNull nodes.
std::shared_ptr<const YamlDocument> ParseYamlDocument(const std::string& text,
                                                      int line_offset,
                                                      YamlProblem* problem);

}  // namespace sakip

#endif  // SAKIP_YAML_DOCUMENT_H_
