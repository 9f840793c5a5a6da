#include "mustache.h"

#include <cctype>

namespace sakip {
namespace {

constexpr int kMaxPartialDepth = 100;  // a partial that includes itself

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)); }

std::string Trim(const std::string& s) {
  size_t first = 0, last = s.size();
  while (first < last && IsSpace(s[first])) ++first;
  while (last > first && IsSpace(s[last - 1])) --last;
  return s.substr(first, last - first);
}

// The parts of `a.b.c`, split as std::getline splits (no empty last part).
std::vector<std::string> DottedParts(const std::string& name) {
  std::vector<std::string> parts;
  for (size_t start = 0; start < name.size();) {
    size_t dot = name.find('.', start);
    if (dot == std::string::npos) {
      parts.push_back(name.substr(start));
      break;
    }
    parts.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

bool ValidDelimiter(const std::string& delimiter) {
  for (char c : delimiter) {
    if (c == '=' || IsSpace(c)) return false;
  }
  return true;
}

// `=<% %>=` (trimmed): sets `begin` and `end`, or false.
bool ParseDelimiters(const std::string& tag, std::string* begin,
                     std::string* end) {
  if (tag.size() < 5 || tag.back() != '=') return false;
  std::string inner = Trim(tag.substr(1, tag.size() - 2));
  size_t space = inner.find(' ');
  if (space == std::string::npos) return false;
  size_t next = inner.find_first_not_of(' ', space + 1);
  std::string new_begin = inner.substr(0, space);
  std::string new_end = inner.substr(next);
  if (!ValidDelimiter(new_begin) || !ValidDelimiter(new_end)) return false;
  *begin = new_begin;
  *end = new_end;
  return true;
}

}  // namespace

void MustacheTemplate::Fail(const std::string& message, size_t offset,
                            const std::string& hint) {
  error_ = message;
  error_offset_ = offset;
  error_hint_ = hint;
  ops_.clear();
}

MustacheTemplate::MustacheTemplate(const std::string& input) { Compile(input); }

void MustacheTemplate::Compile(const std::string& input) {
  std::string begin = "{{", end = "}}";
  bool braces = true;
  struct Open {
    size_t op;
    size_t offset;
  };
  std::vector<Open> open;
  // The first section (by its offset) left open or closed by another name.
  std::string unclosed_name;
  size_t unclosed_at = std::string::npos;
  auto unclosed = [&](const std::string& name, size_t offset) {
    if (offset < unclosed_at) unclosed_name = name, unclosed_at = offset;
  };
  std::string text;
  auto flush_text = [&] {
    if (text.empty()) return;
    ops_.push_back({Op::kText, std::move(text), {}, 0});
    text.clear();
  };
  const size_t size = input.size();
  for (size_t pos = 0; pos != size;) {
    if (input.compare(pos, begin.size(), begin) != 0) {
      size_t newline = input.compare(pos, 2, "\r\n") == 0         ? 2
                       : input[pos] == '\n' || input[pos] == '\r' ? 1
                                                                  : 0;
      if (newline == 0) {
        text += input[pos++];
        continue;
      }
      flush_text();
      ops_.push_back({Op::kNewline, input.substr(pos, newline), {}, 0});
      pos += newline;
      continue;
    }
    flush_text();
    const size_t tag_at = pos;
    size_t contents = pos + begin.size();
    const bool triple =
        braces && tag_at != size - 2 && input.at(contents) == begin[0];
    const std::string close = triple ? "}}}" : end;
    if (triple) ++contents;
    const size_t close_at = input.find(close, contents);
    if (close_at == std::string::npos) {
      return Fail("Unclosed tag at " + std::to_string(tag_at), tag_at,
                  "end the tag with `" + close + "`");
    }
    pos = close_at + close.size();
    const std::string tag = Trim(input.substr(contents, close_at - contents));
    if (!tag.empty() && tag[0] == '=') {
      if (!ParseDelimiters(tag, &begin, &end)) {
        return Fail(
            "Invalid set delimiter tag at " + std::to_string(tag_at), tag_at,
            "write it as `{{=<% %>=}}`: two delimiters, a space between "
            "them, no space or `=` inside one");
      }
      braces = begin == "{{" && end == "}}";
      continue;
    }
    Op op{triple ? Op::kRawVariable : Op::kVariable, tag, {}, 0};
    char sigil = triple || tag.empty() ? '\0' : tag[0];
    switch (sigil) {
      case '#':
        op.kind = Op::kSection;
        break;
      case '^':
        op.kind = Op::kInvertedSection;
        break;
      case '>':
        op.kind = Op::kPartial;
        break;
      case '&':
        op.kind = Op::kRawVariable;
        break;
      case '/':
      case '!':
        break;
      default:
        sigil = '\0';
        break;
    }
    if (sigil != '\0') op.text = Trim(tag.substr(1));
    if (sigil == '!') continue;  // a comment
    if (sigil == '/') {
      if (open.empty()) {
        return Fail(
            "Unopened section \"" + op.text + "\" at " + std::to_string(tag_at),
            tag_at,
            "open it before with `{{#" + op.text + "}}`, or remove `{{/" +
                op.text + "}}`");
      }
      Op& section = ops_[open.back().op];
      if (section.text != op.text) unclosed(section.text, open.back().offset);
      section.end = static_cast<uint32_t>(ops_.size());
      open.pop_back();
      continue;
    }
    if (op.kind != Op::kPartial && op.text != "." &&
        op.text.find('.') != std::string::npos) {
      op.path = DottedParts(op.text);
    }
    ops_.push_back(std::move(op));
    if (sigil == '#' || sigil == '^') open.push_back({ops_.size() - 1, tag_at});
  }
  flush_text();
  for (const Open& o : open) unclosed(ops_[o.op].text, o.offset);
  if (unclosed_at != std::string::npos) {
    return Fail("Unclosed section \"" + unclosed_name + "\" at " +
                    std::to_string(unclosed_at),
                unclosed_at,
                "close it with `{{/" + unclosed_name +
                    "}}`; sections inside it close before it does");
  }
}

// The state of one rendering: the output, where its current line starts,
// whether a section was rendered on that line, and the context stack.
class MustacheRenderer {
 public:
  MustacheRenderer(const TemplateSet* partials, std::string* out)
      : partials_(partials), out_(out) {}

  void Run(const MustacheTemplate& root, const TemplateData& data) {
    stack_.push_back(&data);
    Render(root.ops_, 0, root.ops_.size());
    if (DropLine()) out_->resize(line_start_);
  }

 private:
  using Op = MustacheTemplate::Op;

  void Render(const std::vector<Op>& ops, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      const Op& op = ops[i];
      switch (op.kind) {
        case Op::kText:
          out_->append(op.text);
          break;
        case Op::kNewline:
          if (DropLine()) {
            out_->resize(line_start_);
          } else {
            out_->append(op.text);
          }
          line_start_ = out_->size();
          section_on_line_ = false;
          break;
        case Op::kVariable:
        case Op::kRawVariable:
          if (const TemplateData* value = Lookup(op)) {
            if (!value->is_string()) break;
            if (op.kind == Op::kVariable) {
              AppendEscaped(value->string_value());
            } else {
              out_->append(value->string_value());
            }
          }
          break;
        case Op::kSection: {
          const TemplateData* value = Lookup(op);
          if (value && !value->is_false() && !value->is_empty_list()) {
            Section(ops, i + 1, op.end, value);
          }
          i = op.end - 1;
          break;
        }
        case Op::kInvertedSection: {
          const TemplateData* value = Lookup(op);
          if (!value || value->is_false() || value->is_empty_list()) {
            Section(ops, i + 1, op.end, value);
          }
          i = op.end - 1;
          break;
        }
        case Op::kPartial:
          Partial(op.text);
          break;
      }
    }
  }

  // A line that held a rendered section and is blank is not written.
  bool DropLine() const {
    if (!section_on_line_) return false;
    for (size_t i = line_start_; i < out_->size(); ++i) {
      char c = (*out_)[i];
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  void Section(const std::vector<Op>& ops, size_t from, size_t to,
               const TemplateData* value) {
    auto body = [&](const TemplateData* context) {
      section_on_line_ = true;  // the section's opening tag
      if (context) stack_.push_back(context);
      Render(ops, from, to);
      if (context) stack_.pop_back();
      section_on_line_ = true;  // its closing tag
    };
    if (value && value->is_non_empty_list()) {
      for (const TemplateData& item : value->list_value()) body(&item);
    } else {
      body(value);
    }
  }

  const TemplateData* Lookup(const Op& op) const {
    if (op.text == ".") return stack_.back();
    for (size_t i = stack_.size(); i-- > 0;) {
      const TemplateData* value = stack_[i];
      if (op.path.empty()) {
        value = value->get(op.text);
      } else {
        for (const std::string& part : op.path) {
          if (!(value = value->get(part))) break;
        }
      }
      if (value) return value;
    }
    return nullptr;
  }

  void Partial(const std::string& name) {
    if (depth_ >= kMaxPartialDepth) return;
    ++depth_;
    const TemplateData* value = nullptr;
    for (size_t i = stack_.size(); i-- > 0 && !value;) {
      value = stack_[i]->get(name);
    }
    if (value) {
      // kainjow rendered a string value of that name as a template.
      if (value->is_string()) {
        MustacheTemplate inline_partial(value->string_value());
        Render(inline_partial.ops_, 0, inline_partial.ops_.size());
      }
    } else if (partials_ && name.size() > 1 && name[0] == '_') {
      const MustacheTemplate* partial = partials_->Find(name.substr(1));
      if (partial) Render(partial->ops_, 0, partial->ops_.size());
    }
    --depth_;
  }

  void AppendEscaped(const std::string& text) {
    size_t plain = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const char* entity;
      switch (text[i]) {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          entity = "&quot;";
          break;
        case '\'':
          entity = "&apos;";
          break;
        default:
          continue;
      }
      out_->append(text, plain, i - plain);
      out_->append(entity);
      plain = i + 1;
    }
    out_->append(text, plain, std::string::npos);
  }

  const TemplateSet* partials_;
  std::string* out_;
  std::vector<const TemplateData*> stack_;  // innermost last
  size_t line_start_ = 0;
  bool section_on_line_ = false;
  int depth_ = 0;
};

std::string MustacheTemplate::Render(const TemplateData& data,
                                     const TemplateSet* partials) const {
  std::string out;
  if (!ok()) return out;
  out.reserve(16 * 1024);
  MustacheRenderer(partials, &out).Run(*this, data);
  return out;
}

TemplateSet::TemplateSet(const std::map<std::string, std::string>& templates) {
  for (const auto& [name, text] : templates) {
    compiled_[name] = std::make_unique<MustacheTemplate>(text);
  }
}

const MustacheTemplate* TemplateSet::Find(const std::string& name) const {
  auto it = compiled_.find(name);
  return it == compiled_.end() || !it->second->ok() ? nullptr
                                                    : it->second.get();
}

std::string TemplateSet::Render(const std::string& name,
                                const TemplateData& data) const {
  const MustacheTemplate* compiled = Find(name);
  return compiled ? compiled->Render(data, this) : "";
}

}  // namespace sakip
