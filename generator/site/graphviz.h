// Graph layout to SVG with Graphviz's cgraph/gvc libraries, linked in (never
// a `dot` subprocess). Callers describe a graph with plain structs; this
// file is the only user of the Graphviz C API.
#ifndef SAKIP_GRAPHVIZ_H_
#define SAKIP_GRAPHVIZ_H_

#include <map>
#include <string>
#include <vector>

namespace sakip {

using GraphAttributes = std::map<std::string, std::string>;

struct GraphNode {
  std::string id;
  GraphAttributes attributes;  // label, URL, tooltip, fillcolor, shape, ...
};

struct GraphEdge {
  std::string from;
  std::string to;
  GraphAttributes attributes;
};

struct GraphSpec {
  GraphAttributes graph;  // rankdir, nodesep, ...
  GraphAttributes node_defaults;
  GraphAttributes edge_defaults;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  // Each node's label as lines of plain text, by node id: the list form
  // of the chart shown on narrow screens (not given to Graphviz).
  std::map<std::string, std::vector<std::string>> text;
};

// Lays the graph out with `dot` and returns the <svg> element (no XML
// prologue, no comments), or "" with `error` set.
std::string RenderGraphSvg(const GraphSpec& spec, std::string* error);

// Text for a Graphviz label: backslash escapes (\N, \G, \l) are neutralised
// so that content cannot change what the label shows.
std::string GraphvizLabelText(const std::string& text);

}  // namespace sakip

#endif  // SAKIP_GRAPHVIZ_H_
