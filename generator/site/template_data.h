// The values a page's Mustache templates see: objects of named values,
// lists, strings and booleans, built once per page by site_data*.cc and
// read by the renderer (mustache.h).
//
// Lean on purpose: a build makes one of these trees for each of tens of
// thousands of pages (docs/decisions.md, "Templates"). Values live in
// place in their parent's vectors; an object keeps its names and values in
// two vectors and is searched from the end, so setting a name again hides
// the earlier value without a search while the tree is built.
#ifndef SAKIP_TEMPLATE_DATA_H_
#define SAKIP_TEMPLATE_DATA_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sakip {

class TemplateData {
 public:
  enum class type { object, string, list, bool_true, bool_false };

  TemplateData() = default;  // an empty object
  explicit TemplateData(type t) : type_(t) {}
  TemplateData(std::string text)
      : type_(type::string), text_(std::move(text)) {}
  TemplateData(const char* text) : TemplateData(std::string(text)) {}
  TemplateData(bool value)
      : type_(value ? type::bool_true : type::bool_false) {}

  bool is_object() const { return type_ == type::object; }
  bool is_string() const { return type_ == type::string; }
  bool is_list() const { return type_ == type::list; }
  bool is_true() const { return type_ == type::bool_true; }
  bool is_false() const { return type_ == type::bool_false; }
  bool is_empty_list() const { return is_list() && items_.empty(); }
  bool is_non_empty_list() const { return is_list() && !items_.empty(); }

  // Objects: sets `name` (a later value for the same name wins); ignored
  // on other kinds of value.
  void set(std::string name, TemplateData value) {
    if (!is_object()) return;
    names_.push_back(std::move(name));
    items_.push_back(std::move(value));
  }
  // The value of `name`, or null (also for a value that is not an object).
  const TemplateData* get(std::string_view name) const {
    if (!is_object()) return nullptr;
    for (size_t i = names_.size(); i-- > 0;) {
      if (names_[i] == name) return &items_[i];
    }
    return nullptr;
  }

  // Lists: appends `item`; ignored on other kinds of value.
  void push_back(TemplateData item) {
    if (is_list()) items_.push_back(std::move(item));
  }
  const std::vector<TemplateData>& list_value() const { return items_; }

  const std::string& string_value() const { return text_; }

  // An object's names and values, in the order set (a name may repeat).
  const std::vector<std::string>& object_names() const { return names_; }
  const std::vector<TemplateData>& object_values() const { return items_; }

 private:
  type type_ = type::object;
  std::string text_;                 // a string's text
  std::vector<TemplateData> items_;  // a list's items, an object's values
  std::vector<std::string> names_;   // an object's names, beside its values
};

}  // namespace sakip

#endif  // SAKIP_TEMPLATE_DATA_H_
