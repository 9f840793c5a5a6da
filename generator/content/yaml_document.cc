#include "yaml_document.h"

#include <yaml.h>

#include <unordered_map>

#include "diagnostic.h"

namespace sakip {
namespace {

// YAML 1.1 null, as plain scalars (YAML 1.2 core schema agrees).
bool IsNullText(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Owns libyaml's parser and its current event (RAII).
class EventParser {
 public:
  explicit EventParser(const std::string& text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_) {
      yaml_parser_set_input_string(
          &parser_, reinterpret_cast<const unsigned char*>(text.data()),
          text.size());
    }
  }
  ~EventParser() {
    if (has_event_) yaml_event_delete(&event_);
    if (ok_) yaml_parser_delete(&parser_);
  }
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;

  // The next event; null on a syntax error (see parser()).
  const yaml_event_t* Next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = ok_ && yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_ ? &event_ : nullptr;
  }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool ok_ = false;
  bool has_event_ = false;
};

// Builds a document's nodes from libyaml's events.
class DocumentBuilder {
 public:
  DocumentBuilder(const std::string& text, int line_offset,
                  YamlDocument* document, YamlProblem* problem)
      : text_(text),
        line_offset_(line_offset),
        document_(document),
        problem_(problem) {}

  // False with the problem set when the text cannot be read.
  bool Build() {
    // About one node per 12 bytes in content files: no regrowth.
    document_->nodes.reserve(text_.size() / 12 + 8);
    EventParser events(text_);
    while (const yaml_event_t* event = events.Next()) {
      switch (event->type) {
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          if (document_->nodes.empty()) Add(YamlNode{}, nullptr);
          return true;  // only the first document is read
        case YAML_SCALAR_EVENT:
          AddScalar(*event);
          break;
        case YAML_ALIAS_EVENT:
          if (!AddAlias(*event)) return false;
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (!Open(*event)) return false;
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          SetEnd(open_.back(), event->end_mark);
          open_.pop_back();
          break;
        default:
          break;
      }
    }
    ReportParserError(events.parser());
    return false;
  }

 private:
  void Report(int line, int column, std::string message, std::string hint) {
    problem_->line = line + 1 + line_offset_;
    problem_->column = column + 1;
    problem_->message = std::move(message);
    problem_->hint = std::move(hint);
  }

  void ReportParserError(const yaml_parser_t& parser) {
    if (parser.error == YAML_READER_ERROR) {
      auto [line, column] = LineColumnOf(text_, parser.problem_offset);
      Report(line, column,
             std::string("the text is not valid UTF-8 (") +
                 (parser.problem ? parser.problem : "unreadable") + ")",
             "save the file as UTF-8");
      return;
    }
    std::string message = std::string("YAML syntax error: ") +
                          (parser.problem ? parser.problem : "unreadable text");
    if (parser.context) {
      message += " (" + std::string(parser.context) + " at line " +
                 std::to_string(parser.context_mark.line + 1 + line_offset_) +
                 ")";
    }
    size_t at = parser.problem_mark.index;
    bool tab = at < text_.size() && text_[at] == '\t';
    Report(static_cast<int>(parser.problem_mark.line),
           static_cast<int>(parser.problem_mark.column), message,
           tab ? "indent YAML with spaces; tabs are not allowed there"
               : "check indentation, and quote text that holds `: ` or "
                 "starts with a special character");
  }

  static YamlNode NodeAt(const yaml_mark_t& mark) {
    YamlNode node;
    node.line = static_cast<int>(mark.line);
    node.column = static_cast<int>(mark.column);
    return node;
  }

  void SetEnd(int index, const yaml_mark_t& mark) {
    document_->nodes[index].end_line = static_cast<int>(mark.line);
    document_->nodes[index].end_column = static_cast<int>(mark.column);
  }

  // Appends `node` to the open list or mapping; remembers its anchor.
  int Add(YamlNode node, const yaml_char_t* anchor) {
    std::vector<YamlNode>& nodes = document_->nodes;
    int index = static_cast<int>(nodes.size());
    nodes.push_back(std::move(node));
    if (!open_.empty()) {
      YamlNode& parent = nodes[open_.back()];
      if (parent.last_child < 0) {
        parent.first_child = index;
      } else {
        nodes[parent.last_child].next_sibling = index;
      }
      parent.last_child = index;
    }
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = index;
    return index;
  }

  void AddScalar(const yaml_event_t& event) {
    const auto& scalar = event.data.scalar;
    YamlNode node = NodeAt(event.start_mark);
    node.scalar.assign(reinterpret_cast<const char*>(scalar.value),
                       scalar.length);
    node.plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
    bool null = node.plain && scalar.tag == nullptr && IsNullText(node.scalar);
    node.kind = null ? YamlNode::Kind::kNull : YamlNode::Kind::kScalar;
    if (null) node.scalar.clear();
    node.end_line = static_cast<int>(event.end_mark.line);
    node.end_column = static_cast<int>(event.end_mark.column);
    Add(std::move(node), scalar.anchor);
  }

  bool AddAlias(const yaml_event_t& event) {
    std::string name = reinterpret_cast<const char*>(event.data.alias.anchor);
    auto anchor = anchors_.find(name);
    if (anchor == anchors_.end()) {
      Report(static_cast<int>(event.start_mark.line),
             static_cast<int>(event.start_mark.column),
             "YAML alias `*" + name + "` names no anchor `&" + name +
                 "` written before it",
             "mark the value it repeats with `&" + name +
                 "` above this line, or write the value here");
      return false;
    }
    YamlNode node = NodeAt(event.start_mark);
    node.kind = YamlNode::Kind::kAlias;
    node.target = anchor->second;
    Add(std::move(node), nullptr);
    return true;
  }

  bool Open(const yaml_event_t& event) {
    if (static_cast<int>(open_.size()) >= kMaxYamlDepth) {
      Report(static_cast<int>(event.start_mark.line),
             static_cast<int>(event.start_mark.column),
             "YAML is nested too deeply (more than " +
                 std::to_string(kMaxYamlDepth) + " levels)",
             "content files need a few levels of nesting at most");
      return false;
    }
    bool list = event.type == YAML_SEQUENCE_START_EVENT;
    YamlNode node = NodeAt(event.start_mark);
    node.kind = list ? YamlNode::Kind::kList : YamlNode::Kind::kMap;
    node.flow =
        list ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
             : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
    const yaml_char_t* anchor = list ? event.data.sequence_start.anchor
                                     : event.data.mapping_start.anchor;
    open_.push_back(Add(std::move(node), anchor));
    return true;
  }

  const std::string& text_;
  const int line_offset_;
  YamlDocument* document_;
  YamlProblem* problem_;
  std::vector<int> open_;  // the lists and mappings being read
  std::unordered_map<std::string, int> anchors_;
};

// The node storage of this thread's last finished document, for the next:
// fresh memory for each file cost more than parsing the file.
thread_local std::vector<YamlNode> spare_nodes;

std::shared_ptr<YamlDocument> NewDocument() {
  auto* document = new YamlDocument;
  document->nodes.swap(spare_nodes);
  return std::shared_ptr<YamlDocument>(document, [](YamlDocument* done) {
    done->nodes.clear();
    if (done->nodes.capacity() > spare_nodes.capacity()) {
      spare_nodes.swap(done->nodes);
    }
    delete done;
  });
}

}  // namespace

std::shared_ptr<const YamlDocument> ParseYamlDocument(const std::string& text,
                                                      int line_offset,
                                                      YamlProblem* problem) {
  std::shared_ptr<YamlDocument> document = NewDocument();
  if (!DocumentBuilder(text, line_offset, document.get(), problem).Build()) {
    return nullptr;
  }
  return document;
}

}  // namespace sakip
