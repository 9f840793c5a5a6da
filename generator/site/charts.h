// The site's charts: Graphviz specs for org charts, the chart of units and
// the cascade of indicators (pohon kinerja), and small SVG bar charts.
#ifndef SAKIP_CHARTS_H_
#define SAKIP_CHARTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compute.h"
#include "graphviz.h"
#include "model.h"

namespace sakip {

// Jabatan of `unit` (name and holder), atasan -> bawahan, coloured by
// jenis; sub-unit heads and an outside superior as dashed links. URLs are
// relative to `page`.
GraphSpec OrgChart(const Unit& unit, const std::string& page);
// `root` and every unit below it.
GraphSpec UnitsChart(const Unit& root, const std::string& page);
// Indicators of `unit` linked by `mendukung` (either end in the unit),
// coloured by predikat in `year`. Empty when there are no links.
GraphSpec PohonKinerja(const Unit& unit, const std::string& page,
                       const Results& results, int year, const Site& site);

// A colour per predikat label: the first band of the scale is the best.
std::string PredikatColor(const std::vector<PredikatBand>& scale,
                          std::string_view label);
// CSS class for a predikat badge: predikat-1 (best) .. predikat-5.
std::string PredikatClass(const std::vector<PredikatBand>& scale,
                          std::string_view label);

struct Bar {
  std::string label;
  std::optional<double> value;  // percent; none draws "–"
  std::string color;
};

// Horizontal bars with a 100 % line, an accessible <title> and one <title>
// per bar.
std::string BarChartSvg(const std::vector<Bar>& bars, const std::string& title);

// One stacked bar of predikat counts, for the home page.
std::string PredikatBarSvg(const std::vector<PredikatBand>& scale,
                           const std::map<std::string, int>& counts,
                           const std::string& title);

}  // namespace sakip

#endif  // SAKIP_CHARTS_H_
