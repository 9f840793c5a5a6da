#include "chart_cache.h"

#include <charconv>

#include "stable_hash.h"

namespace sakip {
namespace {

constexpr std::string_view kHeader = "# sakip charts 1\n";

void AppendAttributes(const GraphAttributes& attributes, std::string* out) {
  for (const auto& [name, value] : attributes) {
    *out += name;
    *out += '=';
    *out += std::to_string(value.size());
    *out += ':';
    *out += value;
    *out += ';';
  }
  *out += '\n';
}

}  // namespace

std::string GraphSpecText(const GraphSpec& spec) {
  std::string text = "graph ";
  AppendAttributes(spec.graph, &text);
  text += "node ";
  AppendAttributes(spec.node_defaults, &text);
  text += "edge ";
  AppendAttributes(spec.edge_defaults, &text);
  for (const GraphNode& node : spec.nodes) {
    text += "n " + std::to_string(node.id.size()) + ":" + node.id + " ";
    AppendAttributes(node.attributes, &text);
  }
  for (const GraphEdge& edge : spec.edges) {
    text += "e " + std::to_string(edge.from.size()) + ":" + edge.from + " " +
            std::to_string(edge.to.size()) + ":" + edge.to + " ";
    AppendAttributes(edge.attributes, &text);
  }
  return text;
}

ChartCache::ChartCache(std::string salt) : salt_(std::move(salt)) {}

// Entries are `<key> <length>\n<svg>\n`; reading stops at the first one
// that is not whole.
ChartCache::ChartCache(std::string salt, std::string text)
    : salt_(std::move(salt)), text_(std::move(text)) {
  std::string_view rest(text_);
  // A list cut short or damaged (a garbled byte of an SVG would still
  // read back) is not used.
  if (!Unseal(&rest)) return;
  if (rest.substr(0, kHeader.size()) != kHeader) return;
  rest.remove_prefix(kHeader.size());
  while (!rest.empty()) {
    size_t space = rest.find(' ');
    size_t newline = rest.find('\n');
    if (space == std::string_view::npos || newline == std::string_view::npos ||
        space > newline) {
      return;
    }
    size_t length = 0;
    const char* first = rest.data() + space + 1;
    const char* last = rest.data() + newline;
    auto [end, ec] = std::from_chars(first, last, length);
    if (ec != std::errc() || end != last) return;
    std::string_view key = rest.substr(0, space);
    rest.remove_prefix(newline + 1);
    if (rest.size() < length + 1 || rest[length] != '\n') return;
    earlier_[key] = rest.substr(0, length);
    rest.remove_prefix(length + 1);
  }
}

std::string ChartCache::KeyOf(const GraphSpec& spec) const {
  // Two hashes of 64 bits: a collision would show another unit's chart.
  std::string text = GraphSpecText(spec);
  return StableHash(salt_ + "\n" + text) + StableHash(text + "\n" + salt_);
}

std::string ChartCache::Svg(const GraphSpec& spec, std::string* error) {
  if (spec.nodes.size() < kCachedNodes) return RenderGraphSvg(spec, error);
  std::string key = KeyOf(spec);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto used = used_.find(key);
    if (used != used_.end()) return used->second;
    auto earlier = earlier_.find(key);
    if (earlier != earlier_.end()) {
      ++found_;
      return used_[key] = std::string(earlier->second);
    }
  }
  std::string svg = RenderGraphSvg(spec, error);
  if (svg.empty()) return svg;
  std::lock_guard<std::mutex> lock(mutex_);
  ++laid_out_;
  used_[key] = svg;
  return svg;
}

std::string ChartCache::Serialize() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out(kHeader);
  for (const auto& [key, svg] : used_) {
    out += key + " " + std::to_string(svg.size()) + "\n";
    out += svg;
    out += '\n';
  }
  return Sealed(std::move(out));
}

}  // namespace sakip
