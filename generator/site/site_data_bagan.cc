// The list form of a chart: the same nodes and links as the Graphviz
// drawing, as nested list items, for screens too narrow for the drawing.
#include <map>
#include <set>

#include "site_data.h"

namespace sakip {

using data = TemplateData;

namespace {

class ChartList {
 public:
  explicit ChartList(const GraphSpec& spec) : text_(spec.text) {
    for (const GraphNode& node : spec.nodes) {
      if (nodes_.emplace(node.id, &node).second) order_.push_back(&node);
    }
    std::set<std::string> has_parent;
    for (const GraphEdge& edge : spec.edges) {
      if (!nodes_.count(edge.from) || !nodes_.count(edge.to)) continue;
      children_[edge.from].push_back(edge.to);
      has_parent.insert(edge.to);
    }
    for (const GraphNode* node : order_) {
      if (!has_parent.count(node->id)) Add(*node, &roots_);
    }
    // Nodes only on a cycle have no root above them: listed last.
    for (const GraphNode* node : order_) Add(*node, &roots_);
  }

  data roots() && { return std::move(roots_); }

 private:
  // Each node once, under the first node that links to it.
  void Add(const GraphNode& node, data* list) {
    if (!done_.insert(node.id).second) return;
    data item;
    auto url = node.attributes.find("URL");
    // Flags, not empty values: an absent key shows the enclosing item's.
    bool linked = url != node.attributes.end() && !url->second.empty();
    Put(item, "url", linked ? url->second : "");
    Put(item, "ada_url", linked);
    auto found = text_.find(node.id);
    std::vector<std::string> lines = {node.id};
    if (found != text_.end() && !found->second.empty()) lines = found->second;
    Put(item, "nama", lines[0]);
    std::string rest;
    for (size_t i = 1; i < lines.size(); ++i) {
      rest += (rest.empty() ? "" : " · ") + lines[i];
    }
    Put(item, "ada_keterangan", !rest.empty());
    Put(item, "keterangan", rest);
    data children = ListData();
    for (const std::string& child : children_[node.id]) {
      Add(*nodes_.at(child), &children);
    }
    Put(item, "ada_anak", !children.is_empty_list());
    Put(item, "anak", std::move(children));
    Push(*list, std::move(item));
  }

  const std::map<std::string, std::vector<std::string>>& text_;
  std::map<std::string, const GraphNode*> nodes_;
  std::vector<const GraphNode*> order_;
  std::map<std::string, std::vector<std::string>> children_;
  std::set<std::string> done_;
  data roots_ = ListData();
};

}  // namespace

TemplateData ChartListData(const GraphSpec& spec) {
  return ChartList(spec).roots();
}

}  // namespace sakip
