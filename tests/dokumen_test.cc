// The Perjanjian Kinerja on the website: the PK section of a jabatan page
// (pihak kedua, targets, Rencana Aksi, each quarter against its own
// target) and each unit's document index with its open-data twin
// data/dokumen.json, on content/ and on the PK tree written from the spec.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>

#include "compute.h"
#include "render_site.h"
#include "rendered_site.h"
#include "test_tree.h"
#include "theme.h"
#include "urls.h"

namespace sakip {
namespace {

// Renders the tree at `folder` (below the sources) with the default theme.
std::unique_ptr<testing::RenderedSite> Render(const std::string& folder,
                                              bool pdf = false) {
  RenderOptions options;
  options.dibangun = "1 Januari 2026";
  options.pdf = pdf;
  return testing::RenderInMemory(
      RealFileSystem(testing::SourceDir() + "/" + folder), options);
}

// The text between the first `from` and the next `to` after it.
std::string Between(const std::string& text, const std::string& from,
                    const std::string& to) {
  size_t start = text.find(from);
  if (start == std::string::npos) return "";
  size_t end = text.find(to, start + from.size());
  return text.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
}

// The quarter cells of the PK section, in order: for each, its text.
std::vector<std::string> QuarterCells(const std::string& section) {
  std::vector<std::string> cells;
  std::regex cell("<li class=\"pk-tw[^\"]*\">([\\s\\S]*?)</li>");
  for (std::sregex_iterator it(section.begin(), section.end(), cell), end;
       it != end; ++it) {
    cells.push_back((*it)[0]);
  }
  return cells;
}

const Unit& FindUnit(const Model& model, const std::string& path) {
  const Unit* found = nullptr;
  for (const auto& u : model.units) {
    if (u->path == path) found = u.get();
  }
  INFO(path);
  REQUIRE(found != nullptr);
  return *found;
}

TEST_CASE("content: the Satpol PP Sekretaris page shows its PK 2022") {
  auto b = Render("content");
  const std::string& page =
      b->Page("pemkab-lumajang/satpol-pp/jabatan/sekretaris/index.html");
  std::string pk =
      Between(page, "<section class=\"perjanjian\">", "</section>");
  REQUIRE_FALSE(pk.empty());
  CHECK(pk.find("<h2>Perjanjian Kinerja 2022</h2>") != std::string::npos);
  // Pihak kedua: the Kepala Satuan, by name, linked to its page.
  CHECK(pk.find("<a href=\"../kepala-satuan/index.html\">Kepala Satuan Polisi "
                "Pamong Praja</a> – Drs. MATAJI BILOGO, S.Sos") !=
        std::string::npos);
  // Every sasaran with its target, from the PK file.
  const Unit& satpol = FindUnit(b->checked.model, "pemkab-lumajang/satpol-pp");
  const PerjanjianJabatan* sekretaris =
      satpol.FindPerjanjian(2022)->FindJabatan("sekretaris");
  REQUIRE(sekretaris->sasaran.size() == 5);
  for (const PerjanjianSasaran& s : sekretaris->sasaran) {
    INFO(s.indikator.nama);
    CHECK(pk.find("<td>" + s.indikator.nama +
                  "</td><td class=\"angka\">100 %</td>") != std::string::npos);
  }
  CHECK(pk.find("Rp 4.176.460.419") != std::string::npos);
  // TW II reported against the annual target (a `terakhir` level): 63 %.
  std::vector<std::string> cells = QuarterCells(pk);
  REQUIRE(cells.size() == 20);
  CHECK(cells[1].find("<dt>Capaian</dt><dd>63 %</dd>") != std::string::npos);
  CHECK(cells[1].find("lencana") != std::string::npos);
  CHECK(cells[0].find("belum dilaporkan") != std::string::npos);
  // The print page of the PK, at the path the print module makes.
  CHECK(pk.find("href=\"../../../../" +
                PerjanjianPrintPath(satpol, 2022, "sekretaris") + "\"") !=
        std::string::npos);
  CHECK(pk.find(".pdf") == std::string::npos);  // no PDFs in this build
  // The unit page links the index.
  CHECK(b->Page("pemkab-lumajang/satpol-pp/index.html")
            .find("<a href=\"dokumen/index.html\">Dokumen SAKIP</a>") !=
        std::string::npos);
  // A jabatan without a PK has no PK section.
  CHECK(b->Page("pemkab-lumajang/satpol-pp/jabatan/operator-mesin/index.html")
            .find("class=\"perjanjian\"") == std::string::npos);
}

TEST_CASE("content: the Satpol PP document index and dokumen.json agree") {
  auto b = Render("content");
  const Unit& satpol = FindUnit(b->checked.model, "pemkab-lumajang/satpol-pp");
  const std::string& page = b->Page(DokumenPath(satpol));
  std::string year = Between(page, "<h2>Tahun 2022</h2>", "</section>");
  REQUIRE_FALSE(year.empty());
  std::string pk_table =
      Between(year, "<h3>Perjanjian Kinerja dan Rencana Aksi</h3>", "</table>");
  CHECK(testing::Count(pk_table, "/perjanjian/2022/") == 14);
  // Every jabatan without a PK is named, and only those.
  std::string missing =
      Between(year, "Belum ada Perjanjian Kinerja 2022 untuk: ", "</p>");
  REQUIRE_FALSE(missing.empty());
  const Perjanjian* pk = satpol.FindPerjanjian(2022);
  int without = 0;
  for (const auto& j : satpol.jabatan) {
    INFO(j->id);
    bool has = pk->FindJabatan(j->id) != nullptr;
    bool named = missing.find(j->nama) != std::string::npos;
    CHECK(named == !has);
    without += !has;
  }
  CHECK(without == 12);
  CHECK(year.find("Belum ada keputusan penetapan Indikator Kinerja Individu "
                  "tahun 2022.") != std::string::npos);
  CHECK(year.find("Laporan TW III 2022 belum ada.") != std::string::npos);

  // dokumen.json: the same documents, the same links.
  const std::string* json = b->out->Find(b->version + "/data/dokumen.json");
  REQUIRE(json != nullptr);
  nlohmann::json all = nlohmann::json::parse(*json);
  int pk_present = 0, pk_missing = 0, reports = 0;
  std::string prefix = "../../../";  // from <unit>/dokumen/ to the version
  for (const nlohmann::json& d : all) {
    if (d["unit"] != satpol.path) continue;
    CHECK(d["tahun"] == 2022);
    CHECK(d["pdf"].is_null());
    std::string jenis = d["jenis"];
    if (d["ada"] == true) {
      std::string url = d["url"];
      INFO(url);
      CHECK(page.find("href=\"" + prefix + url + "\"") != std::string::npos);
      // A report's print page is made in this build (the PK's by the
      // print module, cetak_*).
      if (jenis == "laporan-triwulan") {
        CHECK(b->out->Find(b->version + "/" + url) != nullptr);
      }
    } else {
      CHECK(d["url"].is_null());
    }
    if (jenis == "perjanjian-kinerja") {
      (d["ada"] == true ? pk_present : pk_missing) += 1;
      if (d["ada"] == false) {
        const Jabatan* j = satpol.FindJabatan(d["jabatan"]);
        REQUIRE(j != nullptr);
        CHECK(missing.find(j->nama) != std::string::npos);
      }
    }
    if (jenis == "laporan-triwulan") ++reports;
  }
  CHECK(pk_present == 14);
  CHECK(pk_missing == 12);
  CHECK(reports == 14 * 4);
  // The one report printed in this tree is linked from the index.
  std::string report =
      "cetak/pemkab-lumajang/satpol-pp/laporan/2022-II/"
      "kasubag-umum-kepegawaian.html";
  if (b->out->Find(b->version + "/" + report)) {
    CHECK(page.find("href=\"" + prefix + report + "\"") != std::string::npos);
  }
}

TEST_CASE("pk-unseen: Rencana Aksi targets per quarter with their capaian") {
  auto b = Render("tests/data/pk-unseen");
  const std::string& page =
      b->Page("pemkab-uji/dinas-uji/jabatan/sekretaris/index.html");
  std::string pk =
      Between(page, "<section class=\"perjanjian\">", "</section>");
  REQUIRE_FALSE(pk.empty());
  // The Rencana Aksi table: only the sasaran that have one.
  std::string plan = Between(pk, "<h3>Rencana Aksi</h3>", "</table>");
  CHECK(plan.find("<td class=\"angka\">1 dokumen</td><td class=\"angka\">2 "
                  "dokumen</td><td class=\"angka\">3 dokumen</td><td "
                  "class=\"angka\">4 dokumen</td>") != std::string::npos);
  CHECK(plan.find("<td class=\"angka\">3 pengaduan</td><td class=\"angka\">5 "
                  "pengaduan</td>") != std::string::npos);
  CHECK(plan.find("tepat waktu") == std::string::npos);
  std::vector<std::string> cells = QuarterCells(pk);
  REQUIRE(cells.size() == 12);
  // dokumen-perencanaan, kumulatif 1, 1, 0 against 1, 2, 3 (computed by
  // hand in perjanjian_test.cc): 100 %, 100 %, 66,67 %.
  CHECK(cells[0].find("1 dokumen <span class=\"catatan\">(Rencana Aksi)") !=
        std::string::npos);
  CHECK(cells[1].find("<dt>Capaian</dt><dd>100 %</dd>") != std::string::npos);
  CHECK(cells[2].find("<dt>Realisasi</dt><dd>2 dokumen</dd>") !=
        std::string::npos);
  CHECK(cells[2].find("<dt>Capaian</dt><dd>66,67 %</dd>") != std::string::npos);
  CHECK(cells[2].find("lencana") != std::string::npos);
  CHECK(cells[3].find("belum dilaporkan") != std::string::npos);
  // pengaduan-tertunda, negatif: TW III 9 against 8 gives (16 - 9) / 8.
  CHECK(cells[10].find("<dt>Capaian</dt><dd>87,5 %</dd>") != std::string::npos);
  CHECK(pk.find("Naskah Perjanjian Kinerja dan Rencana Aksi untuk dicetak") !=
        std::string::npos);
}

TEST_CASE("pk-unseen: no predikat on a progress quarter") {
  auto b = Render("tests/data/pk-unseen");
  const std::string& page =
      b->Page("pemkab-uji/dinas-uji/jabatan/kasubag/index.html");
  std::string pk =
      Between(page, "<section class=\"perjanjian\">", "</section>");
  std::vector<std::string> cells = QuarterCells(pk);
  REQUIRE(cells.size() == 4);
  // laporan-bulanan: kumulatif 3, 6, 9 against the annual 12, no quarter
  // target: progress 25, 50, 75 %, labelled, without a predikat.
  const char* progres[] = {"25 %", "50 %", "75 %"};
  for (int q = 0; q < 3; ++q) {
    INFO(cells[q]);
    CHECK(cells[q].find(std::string("<dt>Progres</dt><dd>") + progres[q]) !=
          std::string::npos);
    CHECK(cells[q].find("progres terhadap target tahunan") !=
          std::string::npos);
    CHECK(cells[q].find("lencana") == std::string::npos);
  }
  // The results table labels the same quarters and shows no predikat.
  std::string hasil = Between(page, "<h2>Capaian kinerja", "</section>");
  REQUIRE_FALSE(hasil.empty());
  CHECK(testing::Count(hasil, "progres terhadap target tahunan") == 3);
  CHECK(hasil.find("lencana") == std::string::npos);
}

TEST_CASE("the document index links PDFs only when the build makes them") {
  auto b = Render("tests/data/pk-unseen", /*pdf=*/true);
  const Unit& dinas = FindUnit(b->checked.model, "pemkab-uji/dinas-uji");
  const std::string& page = b->Page(DokumenPath(dinas));
  std::string pdf = PerjanjianPrintPath(dinas, 2025, "sekretaris");
  pdf.replace(pdf.size() - 5, 5, ".pdf");
  CHECK(page.find("href=\"../../../" + pdf + "\"") != std::string::npos);
  CHECK(page.find("Belum ada Perjanjian Kinerja 2025 untuk: Kepala Dinas.") !=
        std::string::npos);
  nlohmann::json all =
      nlohmann::json::parse(*b->out->Find(b->version + "/data/dokumen.json"));
  bool found = false;
  for (const nlohmann::json& d : all) {
    if (d["jenis"] == "perjanjian-kinerja" && d["jabatan"] == "sekretaris") {
      CHECK(d["pdf"] == pdf);
      found = true;
    }
  }
  CHECK(found);
}

}  // namespace
}  // namespace sakip
