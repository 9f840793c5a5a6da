#include "graphviz.h"

#include <catch2/catch.hpp>

namespace sakip {
namespace {

TEST_CASE("a laid-out graph is a bare <svg> sized in pixels, no comments") {
  GraphSpec spec;
  spec.nodes = {{"a", {{"label", "Camat"}}}, {"b", {{"label", "Sekcam"}}}};
  spec.edges = {{"a", "b", {}}};
  std::string error;
  std::string svg = RenderGraphSvg(spec, &error);
  INFO(error);
  REQUIRE(svg.rfind("<svg", 0) == 0);
  // Graphviz writes a comment per graph, node and edge; all are dropped.
  CHECK(svg.find("<!--") == std::string::npos);
  CHECK(svg.find("-->") == std::string::npos);
  CHECK(svg.find(">Camat<") != std::string::npos);
  CHECK(svg.find(">Sekcam<") != std::string::npos);
  std::string tag = svg.substr(0, svg.find('>'));
  CHECK(tag.find("pt\"") == std::string::npos);
  CHECK(tag.find("width=\"") != std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}

}  // namespace
}  // namespace sakip
