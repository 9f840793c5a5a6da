#include "chart_cache.h"

#include <catch2/catch.hpp>

namespace sakip {
namespace {

// A chain of `nodes` boxes: large enough (or not) to be cached.
GraphSpec Chain(size_t nodes, const std::string& first_label = "Camat") {
  GraphSpec spec;
  spec.graph = {{"rankdir", "TB"}};
  spec.node_defaults = {{"shape", "box"}};
  for (size_t i = 0; i < nodes; ++i) {
    std::string id = "n" + std::to_string(i);
    spec.nodes.push_back(
        {id, {{"label", i == 0 ? first_label : "Staf " + std::to_string(i)}}});
    if (i > 0) spec.edges.push_back({"n" + std::to_string(i - 1), id, {}});
  }
  return spec;
}

TEST_CASE("a large chart of an earlier build is not laid out again") {
  std::string error;
  ChartCache first("generator A");
  std::string svg = first.Svg(Chain(kCachedNodes), &error);
  INFO(error);
  REQUIRE(svg.rfind("<svg", 0) == 0);
  CHECK(first.laid_out() == 1);

  ChartCache second("generator A", first.Serialize());
  CHECK(second.Svg(Chain(kCachedNodes), &error) == svg);
  CHECK(second.laid_out() == 0);
  CHECK(second.found() == 1);
  // What the second build used is what a third one finds.
  CHECK(second.Serialize() == first.Serialize());
}

TEST_CASE("a chart cache misses on another graph or another generator") {
  std::string error;
  ChartCache first("generator A");
  first.Svg(Chain(kCachedNodes), &error);
  std::string text = first.Serialize();

  ChartCache renamed("generator A", text);
  std::string svg = renamed.Svg(Chain(kCachedNodes, "Sekcam"), &error);
  CHECK(svg.find(">Sekcam<") != std::string::npos);
  CHECK(svg.find(">Camat<") == std::string::npos);
  CHECK(renamed.laid_out() == 1);

  ChartCache rebuilt("generator B", text);
  rebuilt.Svg(Chain(kCachedNodes), &error);
  CHECK(rebuilt.laid_out() == 1);
  CHECK(rebuilt.found() == 0);
}

TEST_CASE("a damaged chart cache is a miss, never a wrong chart") {
  std::string error;
  ChartCache first("generator A");
  std::string svg = first.Svg(Chain(kCachedNodes), &error);
  std::string text = first.Serialize();
  for (size_t cut : {size_t{0}, size_t{10}, text.size() / 2, text.size() - 1}) {
    ChartCache damaged("generator A", text.substr(0, cut));
    CHECK(damaged.Svg(Chain(kCachedNodes), &error) == svg);
    CHECK(damaged.found() == 0);
  }
  // An entry whose length runs past the end of the text.
  size_t entry = text.find('\n') + 1;
  std::string wrong_length = text;
  wrong_length.insert(wrong_length.find(' ', entry) + 1, "9");
  ChartCache garbled("generator A", wrong_length);
  CHECK(garbled.Svg(Chain(kCachedNodes), &error) == svg);
  CHECK(garbled.found() == 0);
  // A byte of the SVG changed: the entries still read, but the checksum
  // tells.
  std::string changed_svg = text;
  size_t camat = changed_svg.find(">Camat<");
  REQUIRE(camat != std::string::npos);
  changed_svg[camat + 1] = 'K';
  ChartCache changed("generator A", changed_svg);
  CHECK(changed.Svg(Chain(kCachedNodes), &error) == svg);
  CHECK(changed.found() == 0);
}

TEST_CASE("small charts are laid out each time and not kept") {
  std::string error;
  ChartCache cache("generator A");
  std::string svg = cache.Svg(Chain(3), &error);
  CHECK(svg.find(">Camat<") != std::string::npos);
  CHECK(cache.laid_out() == 0);  // not counted: not a cache candidate
  CHECK(cache.Serialize() == ChartCache("generator A").Serialize());
}

TEST_CASE("a graph's text tells apart values that plain joining would not") {
  GraphSpec a, b;
  a.nodes = {{"x", {{"label", "a;b"}}}};
  b.nodes = {{"x", {{"label", "a"}, {"tooltip", "b"}}}};
  CHECK(GraphSpecText(a) != GraphSpecText(b));
}

}  // namespace
}  // namespace sakip
