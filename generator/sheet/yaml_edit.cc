#include "yaml_edit.h"

#include <cctype>
#include <cstdio>
#include <memory>

#include "yaml_document.h"

namespace sakip {
namespace {

// Byte offsets of libyaml's marks (line, and column in characters).
class Offsets {
 public:
  explicit Offsets(const std::string& text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  size_t At(int line, int column) const {
    if (line < 0) return text_.size();
    if (static_cast<size_t>(line) >= starts_.size()) return text_.size();
    size_t at = starts_[line];
    for (int c = 0; c < column && at < text_.size() && text_[at] != '\n'; ++c) {
      ++at;  // one character: its lead byte, then continuation bytes
      while (at < text_.size() && (text_[at] & 0xC0) == 0x80) ++at;
    }
    return at;
  }
  size_t LineEnd(size_t at) const {
    size_t end = text_.find('\n', at);
    return end == std::string::npos ? text_.size() : end;
  }

 private:
  const std::string& text_;
  std::vector<size_t> starts_;
};

struct Entry {
  int key = -1;
  int value = -1;
};

std::vector<Entry> Entries(const YamlDocument& doc, int map) {
  std::vector<Entry> entries;
  for (int k = doc.nodes[map].first_child; k >= 0;) {
    int v = doc.nodes[k].next_sibling;
    if (v < 0) break;
    entries.push_back({k, v});
    k = doc.nodes[v].next_sibling;
  }
  return entries;
}

// The node whose end is the end of `index`'s text: a block collection ends
// where the next token starts, its last scalar where it really ends.
int LastLeaf(const YamlDocument& doc, int index) {
  while (!doc.nodes[index].flow && doc.nodes[index].last_child >= 0 &&
         (doc.nodes[index].kind == YamlNode::Kind::kMap ||
          doc.nodes[index].kind == YamlNode::Kind::kList)) {
    index = doc.nodes[index].last_child;
  }
  return index;
}

std::string Placed(const std::string& value, bool flow, int column);

// `keys` (from `from` on) nested around `value`, as the entry to write into
// a mapping: the innermost two levels in flow style, outer levels as
// indented block lines (`indent` is the column of the new key).
std::string NewEntry(const std::vector<std::string>& keys, size_t from,
                     const std::string& value, bool flow, int indent) {
  size_t left = keys.size() - from;
  if (left == 1) return keys[from] + ": " + Placed(value, flow, indent);
  if (flow || left == 2) {
    return keys[from] + ": { " + NewEntry(keys, from + 1, value, true, 0) +
           " }";
  }
  return keys[from] + ":\n" + std::string(indent + 2, ' ') +
         NewEntry(keys, from + 1, value, false, indent + 2);
}

// `value` as written at a key of column `column`: a literal block
// (`|-` and its lines) indented below the key, or double-quoted inside a
// flow mapping, where blocks cannot be.
std::string Placed(const std::string& value, bool flow, int column) {
  if (!value.starts_with(kLiteralBlock)) return value;
  std::string lines = value.substr(sizeof kLiteralBlock - 1);
  if (flow) return YamlQuoted(lines);
  std::string out = "|-";
  std::string indent(column + 2, ' ');
  size_t from = 0;
  while (from <= lines.size()) {
    size_t end = lines.find('\n', from);
    if (end == std::string::npos) end = lines.size();
    std::string line = lines.substr(from, end - from);
    out += "\n" + (line.empty() ? "" : indent + line);
    from = end + 1;
  }
  return out;
}

struct Splice {
  size_t at = 0;
  size_t length = 0;
  std::string text;
};

// Where and what to write for `path` in `doc`; false with `error`.
bool PlanEdit(const std::string& text, const YamlDocument& doc,
              const std::vector<std::string>& path, const std::string& value,
              const YamlKeyRank& rank, Splice* splice, std::string* error) {
  Offsets offsets(text);
  int node = 0;
  for (size_t depth = 0; depth < path.size(); ++depth) {
    const YamlNode& map = doc.nodes[node];
    if (map.kind != YamlNode::Kind::kMap) {
      *error = "`" + path[depth > 0 ? depth - 1 : 0] + "` is not a mapping";
      return false;
    }
    const std::string& want = path[depth];
    int want_rank = rank ? rank(static_cast<int>(depth), want) : -1;
    std::vector<Entry> entries = Entries(doc, node);
    const Entry* found = nullptr;
    const Entry* before = nullptr;  // the first sibling ranked after `want`
    for (const Entry& e : entries) {
      const std::string& key = doc.nodes[e.key].scalar;
      int key_rank = rank ? rank(static_cast<int>(depth), key) : -1;
      if (key == want || (want_rank >= 0 && key_rank == want_rank)) {
        found = &e;
        break;
      }
      if (!before && want_rank >= 0 && key_rank > want_rank) before = &e;
    }
    if (found && depth + 1 < path.size()) {
      node = found->value;
      continue;
    }
    if (found) {  // the value itself
      const YamlNode& v = doc.nodes[found->value];
      if ((v.kind == YamlNode::Kind::kMap || v.kind == YamlNode::Kind::kList) &&
          !v.flow) {
        *error = "`" + want + "` holds a block, not a value";
        return false;
      }
      size_t start = offsets.At(v.line, v.column);
      size_t end = offsets.At(v.end_line, v.end_column);
      if (start < text.size() && (text[start] == '|' || text[start] == '>')) {
        // A block scalar ends where the next token starts: keep the line
        // breaks and blank lines after its last character.
        while (end > start &&
               std::isspace(static_cast<unsigned char>(text[end - 1]))) {
          --end;
        }
      }
      if (end <= start) {  // `key:` with nothing after it
        const YamlNode& k = doc.nodes[found->key];
        start = end = text.find(':', offsets.At(k.end_line, k.end_column)) + 1;
        *splice = {start, 0, " " + Placed(value, map.flow, k.column)};
        return true;
      }
      *splice = {start, end - start,
                 Placed(value, map.flow, doc.nodes[found->key].column)};
      return true;
    }
    // A new key in this mapping.
    if (entries.empty() && !map.flow) {
      *error = "`" + path[depth > 0 ? depth - 1 : 0] + "` has no entries";
      return false;
    }
    int indent = entries.empty() ? 0 : doc.nodes[entries.front().key].column;
    std::string entry = NewEntry(path, depth, value, map.flow, indent);
    if (before) {
      const YamlNode& k = doc.nodes[before->key];
      std::string gap = map.flow ? ", " : "\n" + std::string(indent, ' ');
      *splice = {offsets.At(k.line, k.column), 0, entry + gap};
    } else if (map.flow && entries.empty()) {
      size_t close = offsets.At(map.end_line, map.end_column) - 1;
      *splice = {close, 0, " " + entry + " "};
    } else if (map.flow) {
      const YamlNode& last = doc.nodes[entries.back().value];
      *splice = {offsets.At(last.end_line, last.end_column), 0, ", " + entry};
    } else {
      const YamlNode& leaf = doc.nodes[LastLeaf(doc, entries.back().value)];
      size_t end = offsets.LineEnd(offsets.At(leaf.end_line, leaf.end_column));
      *splice = {end, 0, "\n" + std::string(indent, ' ') + entry};
    }
    return true;
  }
  *error = "empty path";
  return false;
}

}  // namespace

bool SetYamlValue(std::string* text, const std::vector<std::string>& path,
                  const std::string& value, const YamlKeyRank& rank,
                  std::string* error) {
  YamlProblem problem;
  std::shared_ptr<const YamlDocument> doc =
      ParseYamlDocument(*text, 0, &problem);
  if (!doc) {
    *error = "line " + std::to_string(problem.line) + ": " + problem.message;
    return false;
  }
  Splice splice;
  if (!PlanEdit(*text, *doc, path, value, rank, &splice, error)) return false;
  if (splice.at > text->size()) {
    *error = "position outside the text";
    return false;
  }
  text->replace(splice.at, splice.length, splice.text);
  return true;
}

std::string YamlText(const std::string& text) {
  bool block = text.find('\n') != std::string::npos && !text.ends_with('\n') &&
               !text.starts_with(' ') && !text.starts_with('\n') &&
               text.find('\r') == std::string::npos;
  return block ? kLiteralBlock + text : YamlQuoted(text);
}

std::string YamlQuoted(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace sakip
