#include "charts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "html_escape.h"
#include "indonesian_format.h"
#include "urls.h"

namespace sakip {
namespace {

const char* JenisColor(const std::string& jenis) {
  if (jenis == "jpt") return "#1f4e79";
  if (jenis == "administrator") return "#2e75b6";
  if (jenis == "pengawas") return "#9dc3e6";
  if (jenis == "fungsional") return "#c5e0b4";
  return "#f2f2f2";
}

const char* JenisFont(const std::string& jenis) {
  return jenis == "jpt" || jenis == "administrator" ? "#ffffff" : "#1a1a1a";
}

// Graphviz wraps nothing itself: break long names at spaces.
std::string Wrap(const std::string& text, size_t width) {
  std::string out;
  size_t line = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    std::string word = text.substr(start, space - start);
    if (line > 0 && line + 1 + word.size() > width) {
      out += "\n";
      line = 0;
    } else if (line > 0) {
      out += " ";
      ++line;
    }
    out += word;
    line += word.size();
    start = space + 1;
  }
  return out;
}

// At most `max` characters (not bytes), with an ellipsis when cut.
std::string Shorten(const std::string& text, size_t max) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > max) return text.substr(0, i) + "…";
  }
  return text;
}

// `id` names the chart within its page: Graphviz puts it before the id of
// every element it writes (`bagan_node1`), so that two charts inlined in
// one page have no id in common.
GraphSpec BaseSpec(const std::string& title, const std::string& id) {
  GraphSpec spec;
  spec.graph = {{"rankdir", "TB"},   {"nodesep", "0.25"},
                {"ranksep", "0.45"}, {"bgcolor", "transparent"},
                {"label", ""},       {"tooltip", GraphvizLabelText(title)},
                {"id", id}};
  spec.node_defaults = {{"shape", "box"},          {"style", "rounded,filled"},
                        {"fontname", "Helvetica"}, {"fontsize", "10"},
                        {"margin", "0.12,0.06"},   {"color", "#5b6770"}};
  spec.edge_defaults = {{"color", "#5b6770"}, {"arrowhead", "none"}};
  return spec;
}

std::string JabatanLabel(const Jabatan& j) {
  std::string label = Wrap(j.nama, 28);
  if (j.pejabat && !j.pejabat->nama.empty()) {
    label += "\n" + Wrap(j.pejabat->nama, 28);
  }
  return GraphvizLabelText(label);
}

// Fills dark enough to need white text (the first, fourth and fifth steps).
bool DarkPredikat(const std::vector<PredikatBand>& scale,
                  const std::string& label) {
  std::string cls = PredikatClass(scale, label);
  return cls == "predikat-1" || cls == "predikat-4" || cls == "predikat-5";
}

// The rows of the jabatan a pohon kinerja shows, in one year: a `mendukung`
// that names an IKI indicator a sasaran of that year links is drawn as
// that sasaran, the row the year's results are computed for.
class PohonRows {
 public:
  explicit PohonRows(int year) : year_(year) {}

  // `ind` (an indicator of `jabatan`) as the year's row.
  const Indikator* Row(const Jabatan& jabatan, const Indikator* ind) {
    if (seen_.insert(&jabatan).second) {
      for (const BarisHasil& row : BarisTahun(jabatan, year_)) {
        rows_[row.indikator] = {&jabatan, row.sasaran != nullptr};
        if (row.sasaran && row.sasaran->iki) {
          linked_[row.sasaran->iki] = row.indikator;
        }
      }
    }
    auto it = linked_.find(ind);
    const Indikator* row = it == linked_.end() ? ind : it->second;
    rows_.emplace(row, Info{&jabatan, false});  // not a row: still drawn
    return row;
  }
  const Jabatan* Owner(const Indikator* row) const {
    return rows_.at(row).jabatan;
  }
  bool IsSasaran(const Indikator* row) const { return rows_.at(row).sasaran; }

 private:
  struct Info {
    const Jabatan* jabatan;
    bool sasaran;
  };
  int year_;
  std::set<const Jabatan*> seen_;
  std::map<const Indikator*, Info> rows_;
  std::map<const Indikator*, const Indikator*> linked_;
};

}  // namespace

GraphSpec OrgChart(const Unit& unit, const std::string& page) {
  GraphSpec spec = BaseSpec("Bagan organisasi " + unit.nama, "bagan");
  // A large unit drawn top-down is far wider than a screen; left-to-right
  // it grows downwards, which pages scroll naturally.
  if (unit.jabatan.size() > 8) spec.graph["rankdir"] = "LR";
  std::set<const Jabatan*> shown;
  for (const auto& owned : unit.jabatan) {
    const Jabatan& j = *owned;
    shown.insert(&j);
    spec.nodes.push_back({j.id,
                          {{"label", JabatanLabel(j)},
                           {"URL", RelativeUrl(page, JabatanPath(j))},
                           {"tooltip", GraphvizLabelText(j.nama)},
                           {"fillcolor", JenisColor(j.jenis)},
                           {"fontcolor", JenisFont(j.jenis)}}});
    spec.text[spec.nodes.back().id] = {j.nama};
    if (j.pejabat && !j.pejabat->nama.empty()) {
      spec.text[spec.nodes.back().id].push_back(j.pejabat->nama);
    }
  }
  for (const auto& owned : unit.jabatan) {
    const Jabatan& j = *owned;
    if (j.atasan && j.atasan->unit == &unit) {
      spec.edges.push_back({j.atasan->id, j.id, {}});
    } else if (j.atasan) {
      // The head's superior in another unit, as a link out.
      std::string id = "luar-" + j.atasan->id;
      spec.nodes.push_back(
          {id,
           {{"label", GraphvizLabelText(Wrap(j.atasan->nama, 28) + "\n(" +
                                        j.atasan->unit->nama + ")")},
            {"URL", RelativeUrl(page, JabatanPath(*j.atasan))},
            {"tooltip", GraphvizLabelText(j.atasan->nama)},
            {"style", "rounded,dashed"},
            {"fillcolor", "#ffffff"}}});
      spec.text[spec.nodes.back().id] = {j.atasan->nama, j.atasan->unit->nama};
      spec.edges.push_back({id, j.id, {{"style", "dashed"}}});
    }
  }
  for (const Unit* child : unit.children) {
    if (!child->pimpinan) continue;
    const Jabatan& head = *child->pimpinan;
    std::string id = "sub-" + child->id;
    spec.nodes.push_back(
        {id,
         {{"label", GraphvizLabelText(Wrap(head.nama, 28) + "\n(" +
                                      Wrap(child->nama, 28) + ")")},
          {"URL", RelativeUrl(page, UnitPath(*child))},
          {"tooltip", GraphvizLabelText("Bagan " + child->nama)},
          {"style", "rounded,filled,dashed"},
          {"fillcolor", "#fff8e1"}}});
    spec.text[spec.nodes.back().id] = {head.nama, child->nama};
    if (head.atasan && shown.count(head.atasan)) {
      spec.edges.push_back({head.atasan->id, id, {{"style", "dashed"}}});
    }
  }
  return spec;
}

GraphSpec UnitsChart(const Unit& root, const std::string& page) {
  GraphSpec spec = BaseSpec("Bagan unit kerja " + root.nama, "unit");
  std::vector<const Unit*> stack = {&root};
  while (!stack.empty()) {
    const Unit* u = stack.back();
    stack.pop_back();
    spec.nodes.push_back({u->path,
                          {{"label", GraphvizLabelText(Wrap(u->nama, 26))},
                           {"URL", RelativeUrl(page, UnitPath(*u))},
                           {"tooltip", GraphvizLabelText(u->nama)},
                           {"fillcolor", u == &root ? "#1f4e79" : "#dbe9f6"},
                           {"fontcolor", u == &root ? "#ffffff" : "#1a1a1a"}}});
    spec.text[spec.nodes.back().id] = {u->nama};
    if (u->parent && u != &root)
      spec.edges.push_back({u->parent->path, u->path, {}});
    for (auto it = u->children.rbegin(); it != u->children.rend(); ++it) {
      stack.push_back(*it);
    }
  }
  return spec;
}

GraphSpec PohonKinerja(const Unit& unit, const std::string& page,
                       const Results& results, int year, const Site& site) {
  GraphSpec spec = BaseSpec("Pohon kinerja " + unit.nama, "pohon");
  spec.graph["rankdir"] = "LR";
  spec.edge_defaults["arrowhead"] = "normal";
  spec.edge_defaults["dir"] = "back";
  PohonRows rows(year);
  std::set<const Indikator*> nodes;
  std::vector<std::pair<const Indikator*, const Indikator*>> links;
  for (const auto& j : unit.jabatan) {
    for (const BarisHasil& row : BarisTahun(*j, year)) {
      const Indikator& ind = *row.indikator;
      if (!ind.mendukung) continue;
      const Indikator* up = rows.Row(*ind.mendukung_jabatan, ind.mendukung);
      rows.Row(*j, &ind);
      nodes.insert(&ind);
      nodes.insert(up);
      links.push_back({up, &ind});
    }
  }
  // Every node went through rows.Row, which records its owner.
  auto owner = [&](const Indikator* ind) -> const Jabatan& {
    return *rows.Owner(ind);
  };
  // A sasaran may share its id with an IKI indicator of the same jabatan.
  auto id_of = [&](const Indikator* ind) {
    const Jabatan& j = owner(ind);
    return j.unit->path + "/" + j.id + (rows.IsSasaran(ind) ? "#pk:" : "#") +
           ind->id;
  };
  // Sorted by id, so that output does not depend on pointer order.
  std::vector<const Indikator*> all(nodes.begin(), nodes.end());
  std::sort(all.begin(), all.end(),
            [&](const Indikator* a, const Indikator* b) {
              return id_of(a) < id_of(b);
            });
  for (const Indikator* ind : all) {
    const HasilIndikator* h = results.Find(year, ind);
    const HasilTriwulan* q = h ? h->Terakhir() : nullptr;
    std::string predikat(q && q->capaian.has_value() ? q->predikat : "");
    std::string capaian = q && q->capaian.has_value()
                              ? FormatPersen(*q->capaian.value())
                              : std::string(kTanpaNilai);
    std::string label =
        Wrap(ind->nama, 34) + "\n" + owner(ind).nama + "\ncapaian " + capaian;
    spec.nodes.push_back(
        {id_of(ind),
         {{"label", GraphvizLabelText(label)},
          {"URL", RelativeUrl(page, JabatanPath(owner(ind)))},
          {"tooltip", GraphvizLabelText(ind->nama)},
          {"fillcolor", predikat.empty()
                            ? "#eeeeee"
                            : PredikatColor(site.skala_predikat, predikat)},
          {"fontcolor", DarkPredikat(site.skala_predikat, predikat)
                            ? "#ffffff"
                            : "#1a1a1a"}}});
    spec.text[spec.nodes.back().id] = {ind->nama, owner(ind).nama,
                                       "capaian " + capaian};
  }
  std::sort(links.begin(), links.end(), [&](const auto& a, const auto& b) {
    return std::make_pair(id_of(a.first), id_of(a.second)) <
           std::make_pair(id_of(b.first), id_of(b.second));
  });
  for (const auto& [from, to] : links) {
    spec.edges.push_back({id_of(from), id_of(to), {}});
  }
  return spec;
}

std::string PredikatClass(const std::vector<PredikatBand>& scale,
                          std::string_view label) {
  for (size_t i = 0; i < scale.size(); ++i) {
    if (scale[i].label != label) continue;
    // Spread any number of bands over five colour steps.
    size_t step = scale.size() <= 1 ? 1 : 1 + (i * 4) / (scale.size() - 1);
    return "predikat-" + std::to_string(step);
  }
  return "predikat-0";
}

std::string PredikatColor(const std::vector<PredikatBand>& scale,
                          std::string_view label) {
  static const char* kColors[] = {"#9e9e9e", "#2e7d32", "#7cb342",
                                  "#f9a825", "#ef6c00", "#c62828"};
  std::string cls = PredikatClass(scale, label);
  return kColors[std::stoi(cls.substr(9))];
}

std::string BarChartSvg(const std::vector<Bar>& bars,
                        const std::string& title) {
  const int kLabelWidth = 300, kBarWidth = 300, kRow = 22, kTop = 8;
  double max = 100;
  for (const Bar& b : bars) {
    if (b.value) max = std::max(max, *b.value);
  }
  max = std::min(max, 200.0);
  int height = kTop * 2 + kRow * static_cast<int>(bars.size());
  int width = kLabelWidth + kBarWidth + 70;
  auto x_of = [&](double v) {
    return kLabelWidth + std::clamp(v, 0.0, max) / max * kBarWidth;
  };
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" class=\"grafik-batang\"><title>" +
                    EscapeHtml(title) + "</title>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    int y = kTop + static_cast<int>(i) * kRow;
    std::string label = Shorten(b.label, 40);
    std::string value = b.value ? FormatPersen(*b.value) : kTanpaNilai;
    svg += "<g><title>" + EscapeHtml(b.label + ": " + value) + "</title>";
    svg += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" +
           std::to_string(y + 15) + "\" text-anchor=\"end\">" +
           EscapeHtml(label) + "</text>";
    if (b.value) {
      char rect[200];
      std::snprintf(rect, sizeof rect,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" "
                    "fill=\"%s\"/>",
                    kLabelWidth, y + 3, x_of(*b.value) - kLabelWidth,
                    EscapeHtml(b.color).c_str());
      svg += rect;
    }
    char text[120];
    std::snprintf(text, sizeof text, "<text x=\"%.1f\" y=\"%d\">",
                  (b.value ? x_of(*b.value) : kLabelWidth) + 4, y + 15);
    svg += std::string(text) + EscapeHtml(value) + "</text></g>";
  }
  char line[160];
  std::snprintf(line, sizeof line,
                "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" "
                "class=\"garis-target\"/>",
                x_of(100), x_of(100), height - 4);
  return svg + line + "</svg>";
}

std::string PredikatBarSvg(const std::vector<PredikatBand>& scale,
                           const std::map<std::string, int>& counts,
                           const std::string& title) {
  int total = 0;
  for (const auto& [label, count] : counts) total += count;
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 12\" "
      "preserveAspectRatio=\"none\" role=\"img\" class=\"batang-predikat\">"
      "<title>" +
      EscapeHtml(title) + "</title>";
  if (total == 0) {
    return svg + "<rect width=\"200\" height=\"12\" fill=\"#e0e0e0\"/></svg>";
  }
  double x = 0;
  for (const PredikatBand& band : scale) {
    auto it = counts.find(band.label);
    if (it == counts.end() || it->second == 0) continue;
    double w = 200.0 * it->second / total;
    char rect[200];
    std::snprintf(rect, sizeof rect,
                  "<rect x=\"%.2f\" width=\"%.2f\" height=\"12\" fill=\"%s\">",
                  x, w, PredikatColor(scale, band.label).c_str());
    svg += std::string(rect) + "<title>" +
           EscapeHtml(band.label + ": " + std::to_string(it->second)) +
           "</title></rect>";
    x += w;
  }
  return svg + "</svg>";
}

}  // namespace sakip
