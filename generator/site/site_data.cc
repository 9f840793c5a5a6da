#include "site_data.h"

#include <map>

#include "charts.h"
#include "graphviz.h"
#include "indonesian_format.h"
#include "navigation.h"
#include "nip.h"
#include "read_record.h"
#include "resolve.h"
#include "site_extras.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

// Declared in site_data_pages.cc.
Page JabatanPage(const SiteContext& context, const Jabatan& jabatan,
                 Diagnostics* diagnostics);
Page KeputusanPage(const SiteContext& context, const Keputusan& keputusan);
// Declared in site_data_dokumen.cc.
Page DokumenPage(const SiteContext& context, const Unit& unit);

void Set(TemplateData& d, const std::string& key, TemplateData value) {
  d.set(key, std::move(value));
}

void Push(TemplateData& list, TemplateData item) {
  list.push_back(std::move(item));
}

void Put(TemplateData& d, const std::string& key, const std::string& value) {
  if (!value.empty()) Set(d, key, TemplateData(value));
}
void Put(TemplateData& d, const std::string& key, const char* value) {
  Put(d, key, std::string(value));
}
void Put(TemplateData& d, const std::string& key, std::string_view value) {
  Put(d, key, std::string(value));
}
void Put(TemplateData& d, const std::string& key, bool value) {
  d.set(key, value);
}
void Put(TemplateData& d, const std::string& key, TemplateData value) {
  Set(d, key, std::move(value));
}

TemplateData ListData() { return data(data::type::list); }

TemplateData LetteredData(const std::vector<std::string>& items) {
  data list = ListData();
  for (size_t i = 0; i < items.size(); ++i) {
    data item;
    Put(item, "huruf", Huruf(i));
    Put(item, "no", std::to_string(i + 1));
    Put(item, "teks", items[i]);
    Push(list, std::move(item));
  }
  return list;
}

TemplateData LinesData(const std::string& text) {
  data lines = ListData();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    data line;
    Put(line, "baris", text.substr(start, end - start));
    Push(lines, std::move(line));
    start = end + 1;
  }
  return lines;
}

TemplateData TextsData(const std::vector<std::string>& items,
                       const std::string& key) {
  data list = ListData();
  for (const std::string& text : items) {
    data item;
    Put(item, key, text);
    Push(list, std::move(item));
  }
  return list;
}

std::string FormatTarget(const Indikator& ind) {
  if (!ind.target) {
    return ind.target_keterangan.empty() ? kTanpaNilai : ind.target_keterangan;
  }
  if (ind.satuan == "%") return FormatPersen(*ind.target);
  return FormatAngka(*ind.target) +
         (ind.satuan.empty() ? "" : " " + ind.satuan);
}

std::string FormatNilai(const Nilai& n, bool percent) {
  if (!n.has_value()) return kTanpaNilai;
  return percent ? FormatPersen(*n.value()) : FormatAngka(*n.value());
}

void PutTugasFungsi(TemplateData& d, const Jabatan& j) {
  if (j.tugas.size() == 1) {
    Put(d, "tugas_tunggal", j.tugas[0]);
  } else {
    Put(d, "tugas", LetteredData(j.tugas));
  }
  Put(d, "ada_tugas", !j.tugas.empty());
  Put(d, "fungsi", LetteredData(j.fungsi));
  Put(d, "ada_fungsi", !j.fungsi.empty());
  data tujuan = ListData();
  for (size_t i = 0; i < j.tujuan.size(); ++i) {
    data t;
    Put(t, "no", std::to_string(i + 1));
    Put(t, "uraian", j.tujuan[i].uraian);
    Put(t, "indikator", LinesData(j.tujuan[i].indikator));
    Push(tujuan, std::move(t));
  }
  Put(d, "tujuan", std::move(tujuan));
  Put(d, "ada_tujuan", !j.tujuan.empty());
}

TemplateData PrintLinkData(const SiteContext& c, const std::string& page,
                           const std::vector<PrintLink>& links) {
  data list(data::type::list);
  for (const PrintLink& link : links) {
    data item;
    Put(item, "judul", link.judul);
    Put(item, "url", RelativeUrl(page, link.path));
    if (c.pdf) {
      Put(item, "pdf",
          RelativeUrl(page,
                      link.path.substr(0, link.path.size() - 5) + ".pdf"));
    }
    Push(list, std::move(item));
  }
  return list;
}

std::string Huruf(size_t index) {
  std::string out;
  ++index;
  while (index > 0) {
    --index;
    out.insert(out.begin(), static_cast<char>('a' + index % 26));
    index /= 26;
  }
  return out;
}

namespace {

std::string JenisUnitLabel(const std::string& jenis) {
  static const std::map<std::string, std::string> kLabels = {
      {"pemda", "Pemerintah Daerah"},
      {"dinas", "Dinas"},
      {"badan", "Badan"},
      {"satpol-pp", "Satuan Polisi Pamong Praja"},
      {"kecamatan", "Kecamatan"},
      {"kelurahan", "Kelurahan"},
      {"desa", "Desa"},
      {"sekretariat", "Sekretariat"}};
  auto it = kLabels.find(jenis);
  return it == kLabels.end() ? "Unit kerja" : it->second;
}

data List() { return data(data::type::list); }

std::string Persen(const std::optional<double>& v) {
  return v ? FormatPersen(*v) : kTanpaNilai;
}

data RingkasanData(const Ringkasan& r, const Site& site) {
  data d;
  Put(d, "jumlah_indikator", std::to_string(r.indikator));
  Put(d, "bernilai", std::to_string(r.bernilai));
  Put(d, "rata_capaian", Persen(r.rata_capaian));
  Put(d, "pagu", r.pagu > 0 ? FormatRupiah(r.pagu) : kTanpaNilai);
  Put(d, "realisasi_anggaran",
      r.pagu > 0 ? FormatRupiah(r.realisasi_anggaran) : kTanpaNilai);
  Put(d, "serapan", Persen(r.serapan));
  data predikat = List();
  for (const PredikatBand& band : site.skala_predikat) {
    auto it = r.per_predikat.find(band.label);
    data p;
    Put(p, "label", band.label);
    Put(p, "jumlah",
        std::to_string(it == r.per_predikat.end() ? 0 : it->second));
    Put(p, "kelas", PredikatClass(site.skala_predikat, band.label));
    Push(predikat, std::move(p));
  }
  Put(d, "predikat", std::move(predikat));
  Put(d, "batang_predikat",
      PredikatBarSvg(site.skala_predikat, r.per_predikat,
                     "Sebaran predikat capaian"));
  Put(d, "ada_nilai", r.bernilai > 0);
  return d;
}

const Ringkasan* Find(
    const std::map<int, std::map<const Unit*, Ringkasan>>& all, int year,
    const Unit* unit) {
  auto y = all.find(year);
  if (y == all.end()) return nullptr;
  auto it = y->second.find(unit);
  return it == y->second.end() ? nullptr : &it->second;
}

// The roll-up of `unit` with its sub-units: a read of them all (their
// results), recorded as one (read_record.h).
const Ringkasan* FindSubtree(const SiteContext& c, const Unit& unit) {
  NoteRead(ReadKind::kSubtree, &unit);
  return Find(c.results.per_unit_subtree, c.tahun, &unit);
}

data UnitCard(const SiteContext& c, const Unit& unit, const std::string& page) {
  data d;
  Put(d, "nama", unit.nama);
  Put(d, "jenis", JenisUnitLabel(unit.jenis));
  Put(d, "url", RelativeUrl(page, UnitPath(unit)));
  int jabatan = 0;
  std::vector<const Unit*> stack = {&unit};
  while (!stack.empty()) {
    const Unit* u = stack.back();
    stack.pop_back();
    jabatan += static_cast<int>(u->jabatan.size());
    for (const Unit* child : u->children) stack.push_back(child);
  }
  Put(d, "jumlah_jabatan", std::to_string(jabatan));
  Ringkasan empty;
  const Ringkasan* r = FindSubtree(c, unit);
  Put(d, "ringkasan", RingkasanData(r ? *r : empty, c.model.site));
  data children = List();
  for (const Unit* child : unit.children) {
    Push(children, UnitCard(c, *child, page));
  }
  Put(d, "anak", std::move(children));
  Put(d, "ada_anak", !unit.children.empty());
  return d;
}

// The template data of a navigation: every key set in every item, since
// Mustache would look a missing one up in the enclosing item (and, for
// `anak`, recurse for ever).
data NavData(const std::vector<NavItem>& items, const Page& page) {
  data list = List();
  for (const NavItem& item : items) {
    data d;
    Put(d, "nama", item.nama);
    std::string url = RelativeUrl(page.path, item.path);
    Put(d, "url", item.anchor.empty() ? url : url + "#" + item.anchor);
    Put(d, "aktif", item.aktif);
    // The unit's own page, or another page of that unit.
    Put(d, "halaman_ini", item.aktif && item.path == page.path);
    Put(d, "terbuka", item.terbuka);
    Put(d, "lainnya", item.unit == nullptr);
    Put(d, "ada_anak", !item.anak.empty());
    Put(d, "anak", NavData(item.anak, page));
    Push(list, std::move(d));
  }
  return list;
}

std::string Svg(const GraphSpec& spec, const std::string& what,
                const std::string& where, Diagnostics* diagnostics) {
  std::string error;
  std::string svg = RenderGraphSvg(spec, &error);
  if (svg.empty()) {
    diagnostics->Warning({where, 0, 0}, what + " was left out: " + error);
  }
  return svg;
}

const char* kKelompok[][2] = {{"jpt", "Jabatan Pimpinan Tinggi"},
                              {"administrator", "Jabatan Administrator"},
                              {"pengawas", "Jabatan Pengawas"},
                              {"fungsional", "Jabatan Fungsional"},
                              {"pelaksana", "Jabatan Pelaksana"},
                              {"", "Jabatan lainnya"}};

Page UnitPage(const SiteContext& c, const Unit& unit,
              Diagnostics* diagnostics) {
  Page page;
  page.path = UnitPath(unit);
  page.remah.push_back({"Beranda", HomePath()});
  page.template_name = "unit";
  page.judul = unit.nama;
  page.unit = &unit;
  for (const Unit* u = unit.parent; u; u = u->parent) {
    page.remah.insert(page.remah.begin() + 1, {u->nama, UnitPath(*u)});
  }
  page.remah.push_back({unit.nama, ""});
  data& d = page.data;
  Put(d, "nama", unit.nama);
  Put(d, "jenis", JenisUnitLabel(unit.jenis));
  Put(d, "pemerintah", unit.pemerintah);
  Put(d, "dasar_hukum", unit.dasar_hukum);
  data kop;
  Put(kop, "alamat", unit.kop.alamat);
  Put(kop, "telepon", unit.kop.telepon);
  Put(kop, "faks", unit.kop.faks);
  Put(kop, "email", unit.kop.email);
  Put(kop, "kota", unit.kop.kota);
  Put(kop, "kode_pos", unit.kop.kode_pos);
  Put(d, "kop", std::move(kop));
  Put(d, "ada_kop", !unit.kop.alamat.empty() || !unit.kop.email.empty());
  Put(d, "profil_html", RenderMarkdown(unit.profil, c.markdown));
  if (unit.parent) {
    data induk;
    Put(induk, "nama", unit.parent->nama);
    Put(induk, "url", RelativeUrl(page.path, UnitPath(*unit.parent)));
    Put(d, "induk", std::move(induk));
  }
  if (!unit.jabatan.empty()) {
    GraphSpec org = OrgChart(unit, page.path);
    Put(d, "bagan_organisasi",
        Svg(org, "the org chart", unit.pos.path, diagnostics));
    Put(d, "daftar_organisasi", ChartListData(org));
  }
  if (!unit.children.empty()) {
    GraphSpec units = UnitsChart(unit, page.path);
    Put(d, "bagan_unit",
        Svg(units, "the chart of units", unit.pos.path, diagnostics));
    Put(d, "daftar_unit", ChartListData(units));
  }
  GraphSpec pohon =
      PohonKinerja(unit, page.path, c.results, c.tahun, c.model.site);
  if (!pohon.nodes.empty()) {
    Put(d, "pohon_kinerja",
        Svg(pohon, "the pohon kinerja", unit.pos.path, diagnostics));
    Put(d, "daftar_pohon", ChartListData(pohon));
  }
  data groups = List();
  std::vector<const Jabatan*> order = HierarchyOrder(unit);
  std::vector<Bar> bars;
  for (const auto& group : kKelompok) {
    data items = List();
    for (const Jabatan* j : order) {
      bool known = false;
      for (const auto& g : kKelompok) known |= (j->jenis == g[0] && g[0][0]);
      std::string jenis = known ? j->jenis : "";
      if (jenis != group[0]) continue;
      data item;
      Put(item, "nama", j->nama);
      Put(item, "url", RelativeUrl(page.path, JabatanPath(*j)));
      Put(item, "pejabat", j->pejabat ? j->pejabat->nama : "");
      Put(item, "jumlah_indikator", std::to_string(j->indikator.size()));
      std::optional<double> mean;
      auto y = c.results.per_jabatan.find(c.tahun);
      if (y != c.results.per_jabatan.end() && y->second.count(j)) {
        mean = y->second.at(j).rata_capaian;
      }
      Put(item, "rata_capaian", Persen(mean));
      Push(items, std::move(item));
      if (mean) bars.push_back({j->nama, mean, "#2e75b6"});
    }
    if (items.is_empty_list()) continue;
    data g;
    Put(g, "judul", group[1]);
    Put(g, "jabatan", std::move(items));
    Push(groups, std::move(g));
  }
  Put(d, "kelompok_jabatan", std::move(groups));
  Put(d, "ada_jabatan", !unit.jabatan.empty());
  if (const Ringkasan* r = Find(c.results.per_unit, c.tahun, &unit)) {
    data ringkasan = RingkasanData(*r, c.model.site);
    Put(ringkasan, "tahun", std::to_string(c.tahun));
    if (!bars.empty()) {
      Put(ringkasan, "grafik",
          BarChartSvg(bars,
                      "Rata-rata capaian per jabatan, "
                      "tahun " +
                          std::to_string(c.tahun)));
    }
    Put(d, "ringkasan", std::move(ringkasan));
  }
  if (!unit.children.empty()) {
    if (const Ringkasan* r = FindSubtree(c, unit)) {
      data sub = RingkasanData(*r, c.model.site);
      Put(sub, "tahun", std::to_string(c.tahun));
      Put(d, "ringkasan_gabungan", std::move(sub));
    }
  }
  data keputusan = List();
  for (const auto& k : unit.keputusan) {
    data item;
    Put(item, "nomor", k->nomor);
    Put(item, "tentang", k->tentang);
    Put(item, "jenis", k->jenis);
    Put(item, "tanggal", k->tanggal ? FormatTanggal(*k->tanggal) : "");
    Put(item, "url", RelativeUrl(page.path, KeputusanPath(*k)));
    Push(keputusan, std::move(item));
  }
  Put(d, "keputusan", std::move(keputusan));
  Put(d, "ada_keputusan", !unit.keputusan.empty());
  data children = List();
  for (const Unit* child : unit.children) {
    data item;
    Put(item, "nama", child->nama);
    Put(item, "url", RelativeUrl(page.path, UnitPath(*child)));
    Push(children, std::move(item));
  }
  std::vector<PrintLink> print = PrintLinksOf(unit, c.results);
  Put(d, "dokumen_cetak", PrintLinkData(c, page.path, print));
  Put(d, "ada_dokumen_cetak", !print.empty());
  Put(d, "dokumen_url", RelativeUrl(page.path, DokumenPath(unit)));
  Put(d, "ada_data", !unit.jabatan.empty());  // else the files have no rows
  Put(d, "data_xlsx", RelativeUrl(page.path, UnitDataPath(unit, "xlsx")));
  Put(d, "data_csv", RelativeUrl(page.path, UnitDataPath(unit, "csv")));
  Put(d, "sub_unit", std::move(children));
  Put(d, "ada_sub_unit", !unit.children.empty());
  return page;
}

Page HomePage(const SiteContext& c) {
  Page page;
  page.path = HomePath();
  page.template_name = "home";
  page.judul = c.model.site.judul;
  page.remah.push_back({"Beranda", ""});
  data units = List();
  for (const Unit* root : c.model.roots) {
    Push(units, UnitCard(c, *root, page.path));
  }
  Put(page.data, "unit", units);
  Put(page.data, "tahun", std::to_string(c.tahun));
  Put(page.data, "ada_hasil", c.tahun != 0);
  if (!c.sebelumnya.empty()) {
    Put(page.data, "perubahan_url", RelativeUrl(page.path, PerubahanPath()));
    Put(page.data, "sebelumnya", c.sebelumnya);
  }
  return page;
}

// What a search result says besides its title: the kind of page and its
// unit, with the parent unit's name, since units share names ("Kelurahan")
// and so do jabatan in different units ("Kepala Seksi Pemerintahan"). The
// unit label is also the value of the search page's unit filter.
void AddSearchLabels(const Page& page, data* d) {
  static const std::map<std::string, std::string> kJenis = {
      {"unit", "Unit kerja"},
      {"jabatan", "Jabatan"},
      {"keputusan", "Keputusan"},
      {"dokumen", "Dokumen SAKIP"}};
  auto jenis = kJenis.find(page.template_name);
  if (jenis == kJenis.end() || !page.unit) {
    // The Perubahan page repeats what the pages themselves say, as a list
    // of changes: a search would find it for every word of every page.
    if (page.template_name == "perubahan") Put(*d, "tanpa_indeks", true);
    return;
  }
  std::string unit = page.unit->nama;
  if (page.unit->parent) unit += ", " + page.unit->parent->nama;
  Put(*d, "cari_unit", unit);
  Put(*d, "cari_jenis", jenis->second);
}

}  // namespace

void AddCommonData(const SiteContext& c, const Page& page, TemplateData* out) {
  data& d = *out;
  data situs;
  Put(situs, "judul", c.model.site.judul);
  Put(situs, "deskripsi", c.model.site.deskripsi);
  Put(d, "situs", std::move(situs));
  Put(d, "judul", page.judul);
  Put(d, "akar", RootPrefix(page.path));
  Put(d, "beranda", RelativeUrl(page.path, HomePath()));
  Put(d, "css", RelativeUrl(page.path, AssetPath("sakip.css")));
  Put(d, "data_url", RelativeUrl(page.path, DataTerbukaPath()));
  Put(d, "favicon", RelativeUrl(page.path, AssetPath("favicon.svg")));
  Put(d, "kanonik", AbsoluteUrl(c.base_url, c.versi + "/" + page.path));
  if (c.cari) {
    Put(d, "cari_url", RelativeUrl(page.path, CariPath()));
    Put(d, "cari_js", RelativeUrl(page.path, AssetPath("cari.js")));
    AddSearchLabels(page, &d);
  }
  data remah = List();
  for (const auto& [judul, path] : page.remah) {
    data item;
    Put(item, "judul", judul);
    Put(item, "url", path.empty() ? "" : RelativeUrl(page.path, path));
    Put(item, "terakhir", path.empty());
    Push(remah, std::move(item));
  }
  Put(d, "remah", std::move(remah));
  // Printable documents have no navigation.
  bool print = page.template_name.rfind("cetak_", 0) == 0;
  Put(d, "navigasi",
      print ? List() : NavData(PrunedNavigation(c.model, page.unit), page));
  Put(d, "semua_unit_url",
      RelativeUrl(page.path, AllUnitsPath()) + "#" + AllUnitsAnchor());
  Put(d, "versi", c.versi);
  Put(d, "judul_versi", VersionTitle(c, c.versi));
  Put(d, "judul_sebelumnya",
      c.sebelumnya.empty() ? "" : VersionTitle(c, c.sebelumnya));
  Put(d, "tahun", c.tahun ? std::to_string(c.tahun) : "");
  Put(d, "dibangun", c.dibangun);
  data versions = VersionSwitcherData(c, page.path);
  Put(d, "versi_lain", std::move(versions));
  Put(d, "ada_versi_lain", c.versions != nullptr && c.versions->size() > 1);
}

std::vector<PageJob> SitePageJobs(const SiteContext& c) {
  std::vector<PageJob> jobs;
  jobs.push_back(
      {HomePath(), nullptr, [&c](Diagnostics*) { return HomePage(c); }});
  jobs.push_back({PerubahanPath(), nullptr,
                  [&c](Diagnostics*) { return PerubahanPage(c); }});
  jobs.push_back({DataTerbukaPath(), nullptr,
                  [](Diagnostics*) { return DataTerbukaPage(); }});
  if (c.cari) {
    jobs.push_back(
        {CariPath(), nullptr, [](Diagnostics*) { return CariPage(); }});
  }
  return jobs;
}

std::vector<PageJob> UnitPageJobs(const SiteContext& c, const Unit& unit) {
  std::vector<PageJob> jobs;
  const Unit* u = &unit;
  jobs.push_back({UnitPath(unit), u,
                  [&c, u](Diagnostics* d) { return UnitPage(c, *u, d); }});
  jobs.push_back({DokumenPath(unit), u,
                  [&c, u](Diagnostics*) { return DokumenPage(c, *u); }});
  for (const Jabatan* j : HierarchyOrder(unit)) {
    jobs.push_back({JabatanPath(*j), u,
                    [&c, j](Diagnostics* d) { return JabatanPage(c, *j, d); }});
  }
  for (const auto& k : unit.keputusan) {
    const Keputusan* keputusan = k.get();
    jobs.push_back(
        {KeputusanPath(*keputusan), u, [&c, keputusan](Diagnostics*) {
           return KeputusanPage(c, *keputusan);
         }});
  }
  return jobs;
}

}  // namespace sakip
