#include "graphviz.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <regex>

namespace sakip {
namespace {

// Graphviz keeps global state; layouts are serialised.
std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// One context for the whole process: Graphviz's pango text plugin caches
// font data across contexts, and freeing a context and making another one
// reads freed memory (found with AddressSanitizer). The context stays
// reachable until exit.
GVC_t* SharedContext() {
  static GVC_t* gvc = gvContext();
  return gvc;
}
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// Layout state tied to one graph; freed before the graph.
class Layout {
 public:
  Layout(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {
    ok_ = gvLayout(gvc_, g_, "dot") == 0;
  }
  ~Layout() {
    if (ok_) gvFreeLayout(gvc_, g_);
  }
  bool ok() const { return ok_; }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool ok_ = false;
};

// agsafeset declares a missing attribute with an empty default; declared
// defaults (node_defaults, edge_defaults) are left alone.
void SetAll(void* object, const GraphAttributes& attrs) {
  for (const auto& [name, value] : attrs) {
    agsafeset(object, const_cast<char*>(name.c_str()),
              const_cast<char*>(value.c_str()), const_cast<char*>(""));
  }
}

void SetDefaults(Agraph_t* g, int kind, const GraphAttributes& attrs) {
  for (const auto& [name, value] : attrs) {
    agattr(g, kind, const_cast<char*>(name.c_str()),
           const_cast<char*>(value.c_str()));
  }
}

// Graphviz sizes its <svg> in points; HTML wants CSS pixels (4/3 of a point).
std::string PointsToPixels(const std::string& svg) {
  static const std::regex kSize("(width|height)=\"([0-9.]+)pt\"");
  std::string out;
  auto begin = std::sregex_iterator(svg.begin(), svg.end(), kSize);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += svg.substr(last, it->position() - last);
    int pixels = static_cast<int>(std::lround(std::stod((*it)[2]) * 4 / 3));
    out += (*it)[1].str() + "=\"" + std::to_string(pixels) + "\"";
    last = it->position() + it->length();
  }
  return out + svg.substr(last);
}

// Drops `<!-- ... -->` and one newline after each (Graphviz writes one per
// node and edge; std::regex on a large chart is slow).
std::string WithoutComments(const std::string& svg) {
  std::string out;
  out.reserve(svg.size());
  size_t pos = 0;
  for (size_t open; (open = svg.find("<!--", pos)) != std::string::npos;) {
    size_t close = svg.find("-->", open + 4);
    if (close == std::string::npos) break;
    out.append(svg, pos, open - pos);
    pos = close + 3;
    if (pos < svg.size() && svg[pos] == '\n') ++pos;
  }
  out.append(svg, pos, std::string::npos);
  return out;
}

std::string CleanSvg(const std::string& svg) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) return "";
  size_t tag_end = svg.find('>', start);
  std::string head = PointsToPixels(svg.substr(start, tag_end - start));
  return WithoutComments(head + svg.substr(tag_end));
}

}  // namespace

std::string GraphvizLabelText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string RenderGraphSvg(const GraphSpec& spec, std::string* error) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  GVC_t* gvc = SharedContext();
  if (!gvc) {
    *error = "Graphviz could not start";
    return "";
  }
  std::unique_ptr<Agraph_t, GraphDeleter> g(
      agopen(const_cast<char*>("g"), Agdirected, nullptr));
  SetAll(g.get(), spec.graph);
  SetDefaults(g.get(), AGNODE, spec.node_defaults);
  SetDefaults(g.get(), AGEDGE, spec.edge_defaults);
  std::map<std::string, Agnode_t*> nodes;
  for (const GraphNode& node : spec.nodes) {
    Agnode_t* n = agnode(g.get(), const_cast<char*>(node.id.c_str()), 1);
    nodes[node.id] = n;
    SetAll(n, node.attributes);
  }
  for (const GraphEdge& edge : spec.edges) {
    auto from = nodes.find(edge.from);
    auto to = nodes.find(edge.to);
    if (from == nodes.end() || to == nodes.end()) continue;
    Agedge_t* e = agedge(g.get(), from->second, to->second, nullptr, 1);
    SetAll(e, edge.attributes);
  }
  Layout layout(gvc, g.get());
  if (!layout.ok()) {
    *error = "Graphviz could not lay out the graph";
    return "";
  }
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc, g.get(), "svg", &data, &length) != 0 || !data) {
    *error = "Graphviz could not render SVG";
    return "";
  }
  std::string svg(data, length);
  gvFreeRenderData(data);
  return CleanSvg(svg);
}

}  // namespace sakip
