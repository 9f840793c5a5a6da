#include "yaml_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <regex>

#include "suggest.h"
#include "yaml_document.h"

namespace sakip {
namespace {

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

std::optional<double> ParseDecimal(std::string text) {
  text = Trim(text);
  if (!text.empty() && text[0] == '+') text.erase(0, 1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(),
                                   value, std::chars_format::general);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

// \d{1,3}(\.\d{3})+ : Indonesian thousands, e.g. 1.754.000. By hand, as
// every number of the content passes here.
bool LooksLikeThousands(const std::string& text) {
  size_t dot = text.find('.');
  if (dot == 0 || dot == std::string::npos || dot > 3) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    bool group_start = i >= dot && (i - dot) % 4 == 0;
    if (group_start ? text[i] != '.' : !digit) return false;
  }
  return (text.size() - dot) % 4 == 0;
}

// YAML 1.1 booleans in lower, upper or title case, as yaml-cpp (used before
// libyaml) read them.
std::optional<bool> BoolOf(const std::string& text) {
  static const std::pair<const char*, bool> kWords[] = {
      {"true", true},   {"yes", true}, {"y", true},  {"on", true},
      {"false", false}, {"no", false}, {"n", false}, {"off", false}};
  for (const auto& [word, value] : kWords) {
    std::string lower(word), upper(word), title(word);
    for (char& c : upper) c = static_cast<char>(std::toupper(c));
    title[0] = static_cast<char>(std::toupper(title[0]));
    if (text == lower || text == upper || text == title) return value;
  }
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

YamlValue::YamlValue(std::shared_ptr<const YamlDocument> document, int node,
                     const YamlSource* source, SourcePos fallback)
    : document_(std::move(document)),
      node_(node),
      source_(source),
      fallback_(std::move(fallback)) {}

std::optional<YamlValue> YamlValue::Parse(const std::string& text,
                                          const YamlSource* source) {
  SourcePos start{source->path, source->line_offset + 1, 1};
  YamlProblem problem;
  std::shared_ptr<const YamlDocument> document =
      ParseYamlDocument(text, source->line_offset, &problem);
  if (!document) {
    source->diagnostics->Error({source->path, problem.line, problem.column},
                               problem.message, problem.hint);
    return std::nullopt;
  }
  return YamlValue(std::move(document), 0, source, start);
}

const YamlNode* YamlValue::Node() const {
  if (node_ < 0) return nullptr;
  const YamlNode* node = &document_->nodes[node_];
  // Anchors precede their aliases, so this ends.
  while (node->kind == YamlNode::Kind::kAlias) {
    node = &document_->nodes[node->target];
  }
  return node;
}

bool YamlValue::IsNull() const {
  const YamlNode* node = Node();
  return node == nullptr || node->kind == YamlNode::Kind::kNull;
}
bool YamlValue::IsMap() const {
  const YamlNode* node = Node();
  return node != nullptr && node->kind == YamlNode::Kind::kMap;
}
bool YamlValue::IsList() const {
  const YamlNode* node = Node();
  return node != nullptr && node->kind == YamlNode::Kind::kList;
}
bool YamlValue::IsScalar() const {
  const YamlNode* node = Node();
  return node != nullptr && node->kind == YamlNode::Kind::kScalar;
}

SourcePos YamlValue::Pos() const {
  const YamlNode* node = Node();
  if (node == nullptr || node->line < 0 || source_ == nullptr) {
    return fallback_;
  }
  return {source_->path, node->line + 1 + source_->line_offset,
          node->column + 1};
}

std::vector<YamlValue> YamlValue::Items() const {
  std::vector<YamlValue> items;
  if (!IsList()) return items;
  SourcePos pos = Pos();
  for (int child = Node()->first_child; child >= 0;
       child = document_->nodes[child].next_sibling) {
    items.push_back(YamlValue(document_, child, source_, pos));
  }
  return items;
}

std::vector<std::pair<YamlValue, YamlValue>> YamlValue::Pairs() const {
  std::vector<std::pair<YamlValue, YamlValue>> pairs;
  if (!IsMap()) return pairs;
  SourcePos pos = Pos();
  const std::vector<YamlNode>& nodes = document_->nodes;
  for (int key = Node()->first_child; key >= 0;) {
    int value = nodes[key].next_sibling;
    YamlValue key_value(document_, key, source_, pos);
    SourcePos key_pos = key_value.Pos();
    pairs.emplace_back(std::move(key_value),
                       YamlValue(document_, value, source_, key_pos));
    key = value < 0 ? -1 : nodes[value].next_sibling;
  }
  return pairs;
}

std::string YamlValue::Scalar() const {
  return IsScalar() ? Node()->scalar : "";
}

void YamlValue::Error(const std::string& message,
                      const std::string& hint) const {
  source_->diagnostics->Error(Pos(), message, hint);
}

std::optional<std::string> YamlValue::AsString(const std::string& what) const {
  if (IsNull()) return std::nullopt;
  if (!IsScalar()) {
    Error(what + " must be text, not a " + (IsMap() ? "mapping" : "list"));
    return std::nullopt;
  }
  return Node()->scalar;
}

std::optional<double> YamlValue::AsNumber(const std::string& what) const {
  if (IsNull()) return std::nullopt;
  if (!IsScalar()) {
    Error(what + " must be a number, not a " + (IsMap() ? "mapping" : "list"));
    return std::nullopt;
  }
  const std::string text = Trim(Node()->scalar);
  static const std::regex kDecimalComma(R"(-?\d+,\d+)");
  std::optional<double> value = ParseDecimal(text);
  if (!value) {
    std::string hint;
    if (LooksLikeThousands(text)) {
      hint = "write numbers without thousand separators, e.g. " +
             std::regex_replace(text, std::regex(R"(\.)"), "");
    } else if (std::regex_match(text, kDecimalComma)) {
      hint = "use a point for decimals, e.g. " +
             std::regex_replace(text, std::regex(","), ".");
    } else {
      hint =
          "if the document prints more than a number, put the number here "
          "and the printed text in a note";
    }
    Error(what + " must be a number, not `" + text + "`", hint);
    return std::nullopt;
  }
  if (Node()->plain && LooksLikeThousands(text)) {
    source_->diagnostics->Warning(
        Pos(),
        what + " `" + text + "` is read as " +
            Trim(text.substr(0, text.find('.'))) +
            " (a decimal point), not as thousands",
        "write " + std::regex_replace(text, std::regex(R"(\.)"), "") +
            " if thousands are meant");
  }
  return value;
}

std::optional<int> YamlValue::AsInteger(const std::string& what) const {
  std::optional<double> value = AsNumber(what);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value) || std::fabs(*value) > 1e9) {
    Error(what + " must be a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<bool> YamlValue::AsBool(const std::string& what) const {
  if (IsNull()) return std::nullopt;
  std::optional<bool> value =
      IsScalar() ? BoolOf(Node()->scalar) : std::nullopt;
  if (!value) Error(what + " must be true or false");
  return value;
}

std::optional<Date> YamlValue::AsDate(const std::string& what) const {
  std::optional<std::string> text = AsString(what);
  if (!text) return std::nullopt;
  std::optional<Date> date = ParseIsoDate(Trim(*text));
  if (!date) {
    Error(what + " must be a real date written YYYY-MM-DD, not `" + *text + "`",
          "for example 2024-01-24");
  }
  return date;
}

std::vector<std::string> YamlValue::AsStringList(
    const std::string& what) const {
  std::vector<std::string> list;
  if (IsNull()) return list;
  if (IsScalar()) {
    list.push_back(Node()->scalar);
    return list;
  }
  if (!IsList()) {
    Error(what + " must be text or a list of texts, not a mapping");
    return list;
  }
  for (const YamlValue& item : Items()) {
    if (item.IsNull()) continue;
    if (std::optional<std::string> text =
            item.AsString("each item of " + what)) {
      list.push_back(*text);
    }
  }
  return list;
}

MapReader::MapReader(const YamlValue& value, std::string what,
                     std::vector<std::string> known_keys)
    : value_(value), what_(std::move(what)) {
  Diagnostics* diagnostics = value.source()->diagnostics;
  if (value.IsNull()) {
    ok_ = true;  // an empty mapping; required keys are reported as missing
    return;
  }
  if (!value.IsMap()) {
    diagnostics->Error(value.Pos(),
                       what_ + " must be a mapping of `key: value` lines");
    return;
  }
  ok_ = true;
  for (auto& [key, item] : value.Pairs()) {
    if (!key.IsScalar()) {
      diagnostics->Error(key.Pos(), "a key in " + what_ + " must be a word");
      continue;
    }
    std::string name = key.Scalar();
    if (const Entry* first = Find(name)) {
      diagnostics->Error(key.Pos(),
                         "duplicate key `" + name + "` in " + what_ +
                             " (first at line " +
                             std::to_string(first->key_pos.line) + ")",
                         "remove one of the two; YAML keeps only one value");
      continue;
    }
    entries_.push_back({name, key.Pos(), item});
    if (known_keys.empty()) continue;  // keys are ids, checked by the caller
    if (std::find(known_keys.begin(), known_keys.end(), name) ==
        known_keys.end()) {
      std::string hint = DidYouMean(name, known_keys);
      if (hint.empty()) hint = "known keys: " + Join(known_keys);
      diagnostics->Warning(key.Pos(), "unknown key `" + name + "` in " + what_,
                           hint);
    }
  }
}

const MapReader::Entry* MapReader::Find(const std::string& key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

bool MapReader::Has(const std::string& key) const {
  const Entry* e = Find(key);
  return e != nullptr && !e->value.IsNull();
}

YamlValue MapReader::Get(const std::string& key) const {
  if (const Entry* e = Find(key)) return e->value;
  return YamlValue(nullptr, -1, value_.source_, value_.Pos());
}

std::vector<std::pair<std::string, YamlValue>> MapReader::Entries() const {
  std::vector<std::pair<std::string, YamlValue>> out;
  for (const Entry& e : entries_) out.emplace_back(e.key, e.value);
  return out;
}

SourcePos MapReader::KeyPos(const std::string& key) const {
  const Entry* e = Find(key);
  return e ? e->key_pos : value_.Pos();
}

bool MapReader::CheckPresent(const std::string& key, Need need) const {
  if (Has(key)) return true;
  if (need == Need::kRequired && ok_) {
    value_.source()->diagnostics->Error(
        Find(key) ? KeyPos(key) : value_.Pos(),
        "missing required key `" + key + "` in " + what_,
        "add a line `" + key + ": ...`");
  }
  return false;
}

std::optional<std::string> MapReader::String(const std::string& key,
                                             Need need) const {
  if (!CheckPresent(key, need)) return std::nullopt;
  return Get(key).AsString("`" + key + "`");
}

std::optional<double> MapReader::Number(const std::string& key,
                                        Need need) const {
  if (!CheckPresent(key, need)) return std::nullopt;
  return Get(key).AsNumber("`" + key + "`");
}

std::optional<int> MapReader::Integer(const std::string& key, Need need) const {
  if (!CheckPresent(key, need)) return std::nullopt;
  return Get(key).AsInteger("`" + key + "`");
}

std::optional<bool> MapReader::Bool(const std::string& key) const {
  if (!Has(key)) return std::nullopt;
  return Get(key).AsBool("`" + key + "`");
}

std::optional<Date> MapReader::DateValue(const std::string& key,
                                         Need need) const {
  if (!CheckPresent(key, need)) return std::nullopt;
  return Get(key).AsDate("`" + key + "`");
}

std::vector<std::string> MapReader::StringList(const std::string& key,
                                               Need need) const {
  if (!CheckPresent(key, need)) return {};
  return Get(key).AsStringList("`" + key + "`");
}

std::optional<std::string> MapReader::Choice(
    const std::string& key, const std::vector<std::string>& allowed,
    Need need) const {
  std::optional<std::string> text = String(key, need);
  if (!text) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) {
    return text;
  }
  std::string hint = DidYouMean(*text, allowed);
  if (hint.empty()) hint = "one of: " + Join(allowed);
  value_.source()->diagnostics->Error(
      Get(key).Pos(), "`" + key + "` cannot be `" + *text + "`", hint);
  return std::nullopt;
}

}  // namespace sakip
