// Mustache templates, compiled once and rendered from TemplateData.
//
// The output is byte for byte what kainjow/mustache (the library the theme
// was first rendered with, and still the reference in mustache_test.cc)
// writes for the same template and data, including its rules where they
// differ from the Mustache spec:
// - a line is dropped only when a section was rendered on it and nothing
//   but spaces and tabs is left (a section whose value is false leaves its
//   line's indentation); comments never drop a line;
// - `a.b` is looked up whole in each context from the innermost out;
// - `'` is escaped as `&apos;`;
// - partials are not indented.
// Partials `{{> _name}}` are the set's template `name`; a string value
// named like the tag is rendered as a template instead, as kainjow did.
#ifndef SAKIP_MUSTACHE_H_
#define SAKIP_MUSTACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "template_data.h"

namespace sakip {

class TemplateSet;

// One template, compiled.
class MustacheTemplate {
 public:
  explicit MustacheTemplate(const std::string& text);

  bool ok() const { return error_.empty(); }
  // kainjow's wording ("Unclosed section \"x\" at 12"), and the byte
  // offset the problem was found at.
  const std::string& error() const { return error_; }
  size_t error_offset() const { return error_offset_; }
  // How to fix the error.
  const std::string& error_hint() const { return error_hint_; }

  // Renders with `data` as the outermost context; partials come from
  // `partials` (may be null). "" when the template did not compile.
  std::string Render(const TemplateData& data,
                     const TemplateSet* partials = nullptr) const;

 private:
  friend class MustacheRenderer;
  struct Op {
    enum Kind : uint8_t {
      kText,
      kNewline,
      kVariable,
      kRawVariable,
      kSection,
      kInvertedSection,
      kPartial
    };
    Kind kind;
    std::string text;               // text, newline, or the tag's name
    std::vector<std::string> path;  // a dotted name's parts
    uint32_t end = 0;               // sections: the index after their ops
  };

  void Compile(const std::string& text);
  void Fail(const std::string& message, size_t offset, const std::string& hint);

  std::vector<Op> ops_;
  std::string error_;
  size_t error_offset_ = 0;
  std::string error_hint_;
};

// The templates of a theme, compiled once, safe to render from several
// threads at a time.
class TemplateSet {
 public:
  explicit TemplateSet(const std::map<std::string, std::string>& templates);

  // The template `name`, or null when there is none.
  const MustacheTemplate* Find(const std::string& name) const;
  // Renders template `name`; "" when it is missing or did not compile.
  std::string Render(const std::string& name, const TemplateData& data) const;

  const std::map<std::string, std::unique_ptr<MustacheTemplate>>& all() const {
    return compiled_;
  }

 private:
  std::map<std::string, std::unique_ptr<MustacheTemplate>> compiled_;
};

}  // namespace sakip

#endif  // SAKIP_MUSTACHE_H_
