// Typed, diagnosing access to YAML content (parsed by yaml_document.h):
// parse errors, wrong types, missing and unknown keys all become
// Diagnostics with a file position, and reading goes on so that every
// problem of a file is reported in one run.
#ifndef SAKIP_YAML_READER_H_
#define SAKIP_YAML_READER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "diagnostic.h"

namespace sakip {

// One parsed document and its nodes (yaml_document.h).
struct YamlDocument;
struct YamlNode;

struct YamlSource {
  SourcePath path;
  int line_offset = 0;  // lines before the YAML text (front matter fence)
  Diagnostics* diagnostics = nullptr;
};

class YamlValue {
 public:
  YamlValue() = default;

  // Parses `text`; on a syntax error reports it and returns nullopt.
  static std::optional<YamlValue> Parse(const std::string& text,
                                        const YamlSource* source);

  bool IsNull() const;  // absent, `~`, `null` or empty
  bool IsMap() const;
  bool IsList() const;
  bool IsScalar() const;
  SourcePos Pos() const;

  std::vector<YamlValue> Items() const;  // list items; empty otherwise
  std::string Scalar() const;            // raw scalar text, "" otherwise

  // Typed reads; each reports a wrong type as `<what> must be ...`.
  std::optional<std::string> AsString(const std::string& what) const;
  std::optional<double> AsNumber(const std::string& what) const;
  std::optional<int> AsInteger(const std::string& what) const;
  std::optional<bool> AsBool(const std::string& what) const;
  std::optional<Date> AsDate(const std::string& what) const;
  // A single string or a list of strings.
  std::vector<std::string> AsStringList(const std::string& what) const;

  const YamlSource* source() const { return source_; }

 private:
  friend class MapReader;
  YamlValue(std::shared_ptr<const YamlDocument> document, int node,
            const YamlSource* source, SourcePos fallback);
  void Error(const std::string& message, const std::string& hint = "") const;
  // The node itself, through an alias; null when the value is absent.
  const YamlNode* Node() const;
  // A mapping's keys and values, in document order.
  std::vector<std::pair<YamlValue, YamlValue>> Pairs() const;

  std::shared_ptr<const YamlDocument> document_;
  int node_ = -1;  // index in document_, -1 when absent
  const YamlSource* source_ = nullptr;
  SourcePos fallback_;  // position used when the node has no mark
};

enum class Need { kOptional, kRequired };

// A mapping with a declared set of keys. Construction reports a value that is
// not a mapping, duplicate keys, and unknown keys (a warning, with the
// closest declared key suggested).
class MapReader {
 public:
  MapReader(const YamlValue& value, std::string what,
            std::vector<std::string> known_keys);

  bool ok() const { return ok_; }
  SourcePos Pos() const { return value_.Pos(); }
  bool Has(const std::string& key) const;
  // The value of `key`; a null value positioned at the mapping when absent.
  YamlValue Get(const std::string& key) const;
  // Keys in document order (for maps keyed by ids, such as realisasi).
  std::vector<std::pair<std::string, YamlValue>> Entries() const;
  SourcePos KeyPos(const std::string& key) const;

  std::optional<std::string> String(const std::string& key,
                                    Need need = Need::kOptional) const;
  std::optional<double> Number(const std::string& key,
                               Need need = Need::kOptional) const;
  std::optional<int> Integer(const std::string& key,
                             Need need = Need::kOptional) const;
  std::optional<bool> Bool(const std::string& key) const;
  std::optional<Date> DateValue(const std::string& key,
                                Need need = Need::kOptional) const;
  std::vector<std::string> StringList(const std::string& key,
                                      Need need = Need::kOptional) const;
  // One of `allowed`; anything else is an error with a suggestion.
  std::optional<std::string> Choice(const std::string& key,
                                    const std::vector<std::string>& allowed,
                                    Need need = Need::kOptional) const;

 private:
  struct Entry {
    std::string key;
    SourcePos key_pos;
    YamlValue value;
  };
  const Entry* Find(const std::string& key) const;
  bool CheckPresent(const std::string& key, Need need) const;

  YamlValue value_;
  std::string what_;
  std::vector<Entry> entries_;
  bool ok_ = false;
};

}  // namespace sakip

#endif  // SAKIP_YAML_READER_H_
