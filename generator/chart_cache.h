// Large charts laid out by earlier builds, so that a rebuild does not lay
// them out again. Layouts run one at a time (graphviz.cc) and grow faster
// than their graphs: the chart of units of a site's root with 500 units
// takes 160 ms and is redrawn after every edit below it, although it shows
// only unit names, while an org chart of 30 jabatan takes 1 ms. So only
// graphs of kCachedNodes nodes or more are kept (keeping all of a large
// site's charts cost 15 MB of memory and of cache file for nothing
// measurable). A chart is found by a hash of its GraphSpec and of a salt
// naming the generator, so that another generator (or another Graphviz
// linked into it) never reuses a layout.
//
// The cache is plain memory: the pipeline reads its text before rendering
// and writes Serialize() after a build, beside the unit cache. A text that
// is damaged gives the entries before the damage; a cache never fails a
// build and never changes its output.
#ifndef SAKIP_CHART_CACHE_H_
#define SAKIP_CHART_CACHE_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "graphviz.h"

namespace sakip {

inline constexpr size_t kCachedNodes = 50;

class ChartCache {
 public:
  // An empty cache whose keys are made with `salt`.
  explicit ChartCache(std::string salt);
  // The entries of `text`, an earlier Serialize() with the same salt.
  ChartCache(std::string salt, std::string text);

  // The SVG of `spec`, laid out now unless it is large and an earlier build
  // had it. "" with `error` set when Graphviz fails (not cached). Safe on
  // several threads.
  std::string Svg(const GraphSpec& spec, std::string* error);

  // The large charts this build used, found or laid out: a later build
  // mostly draws the same ones, and charts of pages no longer made fall
  // away.
  std::string Serialize() const;

  int found() const { return found_; }
  int laid_out() const { return laid_out_; }

 private:
  std::string KeyOf(const GraphSpec& spec) const;

  const std::string salt_;
  const std::string text_;  // the earlier entries, viewed by `earlier_`
  std::unordered_map<std::string_view, std::string_view> earlier_;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> used_;  // by key, for Serialize
  int found_ = 0;
  int laid_out_ = 0;
};

// The text of `spec`: every attribute, node and edge in order.
std::string GraphSpecText(const GraphSpec& spec);

}  // namespace sakip

#endif  // SAKIP_CHART_CACHE_H_
