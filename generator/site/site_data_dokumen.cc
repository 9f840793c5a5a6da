// The SAKIP documents a unit publishes per year, and what is missing: the
// list behind the "Dokumen SAKIP" page and data/dokumen.json (see
// site_data.h). It is the evidence an AKIP evaluator is shown, so a missing
// document is listed as plainly as a present one.
#include <algorithm>
#include <map>
#include <set>

#include "indonesian_format.h"
#include "pdf.h"
#include "resolve.h"
#include "site_data.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

namespace {

// A keputusan with a lampiran of jabatan sets their IKI.
bool IsIkiDecree(const Keputusan& k) {
  return k.lampiran.has_value() && k.tanggal.has_value();
}

std::set<int> YearsOf(const Unit& unit) {
  std::set<int> years;
  for (const auto& k : unit.keputusan) {
    if (IsIkiDecree(*k)) years.insert(k->tanggal->year);
  }
  for (const auto& p : unit.perjanjian) years.insert(p->tahun);
  for (const auto& r : unit.realisasi) years.insert(r->tahun);
  return years;
}

bool HasRealisasi(const Unit& unit, int tahun, const Jabatan& j) {
  for (const auto& r : unit.realisasi) {
    if (r->tahun != tahun) continue;
    for (const RealisasiJabatan& rj : r->jabatan) {
      if (rj.jabatan == &j) return true;
    }
  }
  return false;
}

void AddPerjanjian(const Unit& unit, int tahun, const Jabatan& j,
                   const PerjanjianJabatan* pk,
                   std::vector<DokumenSakip>* out) {
  std::string path = PerjanjianPrintPath(unit, tahun, j.id);
  DokumenSakip d{
      tahun,
      "perjanjian-kinerja",
      &j,
      0,
      "Perjanjian Kinerja Tahun " + std::to_string(tahun) + " – " + j.nama,
      "",
      pk ? path : "",
      pk != nullptr};
  out->push_back(d);
  if (!pk) return;
  bool plan = std::any_of(
      pk->sasaran.begin(), pk->sasaran.end(),
      [](const PerjanjianSasaran& s) { return !s.rencana_aksi.empty(); });
  // The Rencana Aksi is printed with the PK, as its second lampiran.
  out->push_back(
      {tahun, "rencana-aksi", &j, 0,
       "Rencana Aksi Tahun " + std::to_string(tahun) + " – " + j.nama, "",
       plan ? path : "", plan});
}

}  // namespace

std::vector<DokumenSakip> DokumenSakipOf(const Unit& unit,
                                         const Results& results) {
  std::vector<DokumenSakip> out;
  std::set<int> years = YearsOf(unit);
  std::vector<const Jabatan*> order = HierarchyOrder(unit);
  for (auto year = years.rbegin(); year != years.rend(); ++year) {
    int tahun = *year;
    bool decree = false;
    for (const auto& k : unit.keputusan) {
      if (!IsIkiDecree(*k) || k->tanggal->year != tahun) continue;
      decree = true;
      out.push_back({tahun, "keputusan-iki", nullptr, 0,
                     k->jenis + " Nomor " + k->nomor, KeputusanPath(*k),
                     CetakKeputusanPath(*k), true});
    }
    if (!decree) {
      out.push_back({tahun, "keputusan-iki", nullptr, 0,
                     "Keputusan penetapan Indikator Kinerja Individu Tahun " +
                         std::to_string(tahun),
                     "", "", false});
    }
    const Perjanjian* p = unit.FindPerjanjian(tahun);
    for (const Jabatan* j : order) {
      const PerjanjianJabatan* pk = p ? p->FindJabatan(j->id) : nullptr;
      AddPerjanjian(unit, tahun, *j, pk, &out);
    }
    for (const Jabatan* j : order) {
      bool reports =
          (p && p->FindJabatan(j->id)) || HasRealisasi(unit, tahun, *j);
      if (!reports) continue;
      // The quarterly reports the build prints (PrintLinksOf).
      std::vector<int> printed;
      if (std::count(results.tahun.begin(), results.tahun.end(), tahun)) {
        printed = ReportedQuarters(*j, results, tahun);
      }
      for (int q = 1; q <= 4; ++q) {
        std::string path = CetakLaporanPath(*j, tahun, q);
        bool ada = std::count(printed.begin(), printed.end(), q) > 0;
        out.push_back({tahun, "laporan-triwulan", j, q,
                       "Laporan Kinerja Triwulan " + Romawi(q) + " Tahun " +
                           std::to_string(tahun) + " – " + j->nama,
                       "", ada ? path : "", ada});
      }
    }
  }
  return out;
}

namespace {

data Tautan(const SiteContext& c, const std::string& page,
            const DokumenSakip& d) {
  data t;
  Put(t, "halaman", d.halaman.empty() ? "" : RelativeUrl(page, d.halaman));
  Put(t, "url", d.cetak.empty() ? "" : RelativeUrl(page, d.cetak));
  if (c.pdf && !d.cetak.empty()) {
    Put(t, "pdf", RelativeUrl(page, PdfPathOf(d.cetak)));
  }
  return t;
}

std::string Names(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    text += (i ? ", " : "") + names[i];
  }
  return text;
}

// One year of the index: decrees, a PK table, a report table, and
// sentences naming what is missing.
data YearData(const SiteContext& c, const std::string& page, int tahun,
              const std::vector<const DokumenSakip*>& docs) {
  std::string year = std::to_string(tahun);
  data d;
  Put(d, "tahun", year);
  data decrees = ListData();
  std::vector<data> pk_rows;
  std::vector<std::string> no_pk;
  // Report rows in order of first appearance, their cells apart.
  std::vector<const Jabatan*> report_order;
  std::map<const Jabatan*, data> report_cells;
  std::vector<std::string> missing[4];
  for (const DokumenSakip* doc : docs) {
    data t = Tautan(c, page, *doc);
    if (doc->jenis == "keputusan-iki") {
      if (!doc->ada) continue;
      Put(t, "judul", doc->judul);
      Push(decrees, std::move(t));
    } else if (doc->jenis == "perjanjian-kinerja") {
      if (!doc->ada) {
        no_pk.push_back(doc->jabatan->nama);
        continue;
      }
      data row;
      Put(row, "jabatan", doc->jabatan->nama);
      Put(row, "jabatan_url", RelativeUrl(page, JabatanPath(*doc->jabatan)));
      Put(row, "pk", std::move(t));
      pk_rows.push_back(std::move(row));
    } else if (doc->jenis == "rencana-aksi" && !pk_rows.empty()) {
      // It follows its jabatan's PK (DokumenSakipOf).
      Put(pk_rows.back(), "rencana_aksi", doc->ada);
    } else if (doc->jenis == "laporan-triwulan") {
      auto [cells, added] = report_cells.try_emplace(doc->jabatan, ListData());
      if (added) report_order.push_back(doc->jabatan);
      Put(t, "triwulan", Romawi(doc->triwulan));
      Put(t, "ada", doc->ada);
      Push(cells->second, std::move(t));
      if (!doc->ada) missing[doc->triwulan - 1].push_back(doc->jabatan->nama);
    }
  }
  Put(d, "ada_keputusan", !decrees.is_empty_list());
  Put(d, "keputusan", std::move(decrees));
  data pk_list = ListData();
  for (data& row : pk_rows) Push(pk_list, std::move(row));
  Put(d, "ada_perjanjian", !pk_rows.empty());
  Put(d, "perjanjian", std::move(pk_list));
  Put(d, "tanpa_perjanjian", Names(no_pk));
  data report_rows = ListData();
  for (const Jabatan* j : report_order) {
    data row;
    Put(row, "jabatan", j->nama);
    Put(row, "jabatan_url", RelativeUrl(page, JabatanPath(*j)));
    Put(row, "triwulan", std::move(report_cells[j]));
    Push(report_rows, std::move(row));
  }
  Put(d, "ada_laporan", !report_order.empty());
  Put(d, "laporan", std::move(report_rows));
  data gaps = ListData();
  for (int q = 0; q < 4; ++q) {
    if (missing[q].empty()) continue;
    data gap;
    Put(gap, "triwulan", Romawi(q + 1));
    if (missing[q].size() < report_order.size()) {
      Put(gap, "jabatan", Names(missing[q]));
    } else {
      Put(gap, "jabatan", false);  // all of them: no list
    }
    Push(gaps, std::move(gap));
  }
  Put(d, "laporan_belum_ada", std::move(gaps));
  return d;
}

}  // namespace

Page DokumenPage(const SiteContext& c, const Unit& unit) {
  Page page;
  page.path = DokumenPath(unit);
  page.template_name = "dokumen";
  page.judul = "Dokumen SAKIP – " + unit.nama;
  page.unit = &unit;
  page.remah.push_back({"Beranda", HomePath()});
  for (const Unit* u = &unit; u; u = u->parent) {
    page.remah.insert(page.remah.begin() + 1, {u->nama, UnitPath(*u)});
  }
  page.remah.push_back({"Dokumen SAKIP", ""});
  data& d = page.data;
  Put(d, "unit", unit.nama);
  Put(d, "unit_url", RelativeUrl(page.path, UnitPath(unit)));
  Put(d, "data_dokumen", RelativeUrl(page.path, "data/dokumen.json"));
  std::vector<DokumenSakip> docs = DokumenSakipOf(unit, c.results);
  data years = ListData();
  for (size_t i = 0; i < docs.size();) {
    std::vector<const DokumenSakip*> year;
    int tahun = docs[i].tahun;
    for (; i < docs.size() && docs[i].tahun == tahun; ++i) {
      year.push_back(&docs[i]);
    }
    Push(years, YearData(c, page.path, tahun, year));
  }
  Put(d, "ada_tahun", !years.is_empty_list());
  Put(d, "tahun_dokumen", std::move(years));
  return page;
}

}  // namespace sakip
