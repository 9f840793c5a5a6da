// The side navigation of the built site, on a tree no other test uses: a
// province with 20 dinas, one of them with five bidang, one bidang with
// three seksi. A page carries the way to its unit, not every unit; the
// home page lists them all; and a page's key changes when a unit its
// navigation shows is renamed, and only then.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "compute.h"
#include "keeping_sink.h"
#include "page_keys.h"
#include "render_site.h"
#include "test_tree.h"
#include "theme.h"

namespace sakip {
namespace {

std::string Two(int i) { return (i < 10 ? "0" : "") + std::to_string(i); }

void WriteUnit(MemoryFileSystem* fs, const std::string& path,
               const std::string& nama, const std::string& jenis) {
  fs->Write(path + "/unit.yaml", "nama: " + nama + "\njenis: " + jenis + "\n");
}

MemoryFileSystem ProvinceTree() {
  MemoryFileSystem fs;
  fs.Write("site.yaml", "judul: Provinsi Uji\ntahun: 2024\n");
  WriteUnit(&fs, "prov", "Pemerintah Provinsi Uji", "pemda");
  WriteUnit(&fs, "kab", "Pemerintah Kabupaten Tetangga", "pemda");
  WriteUnit(&fs, "kab/dinas-tetangga", "Dinas Cabang Tetangga", "dinas");
  for (int i = 1; i <= 20; ++i) {
    WriteUnit(&fs, "prov/dinas-" + Two(i), "Dinas Nomor " + Two(i), "dinas");
  }
  for (std::string b : {"Alfa", "Bravo", "Charlie", "Delta", "Echo"}) {
    std::string id = b;
    id[0] = static_cast<char>(id[0] - 'A' + 'a');
    WriteUnit(&fs, "prov/dinas-07/bidang-" + id, "Bidang " + b, "sekretariat");
  }
  for (int i = 1; i <= 3; ++i) {
    WriteUnit(&fs, "prov/dinas-07/bidang-bravo/seksi-" + Two(i),
              "Seksi Bravo " + Two(i), "sekretariat");
  }
  WriteUnit(&fs, "prov/dinas-07/bidang-charlie/seksi-01", "Seksi Charlie 01",
            "sekretariat");
  // The unit's head, so that it has a jabatan page.
  fs.Write("prov/dinas-07/bidang-bravo/unit.yaml",
           "nama: Bidang Bravo\njenis: sekretariat\npimpinan: kabid\n");
  fs.Write("prov/dinas-07/bidang-bravo/jabatan/kabid.md",
           "---\nnama: Kepala Bidang Bravo\njenis: administrator\n---\n");
  return fs;
}

struct Built {
  testing::Checked checked;
  OutputTree out;
  std::string Page(const std::string& path) const {
    const std::string* page = out.Find("2024/" + path);
    REQUIRE(page != nullptr);
    return *page;
  }
};

void Render(const Model& model, OutputSink* out) {
  Diagnostics diagnostics;
  RealFileSystem theme_fs(testing::SourceDir() + "/themes/default");
  Theme theme = LoadTheme(theme_fs, "default", &diagnostics);
  Results results = ComputeResults(model, &diagnostics);
  RenderOptions options;
  options.dibangun = "1 Januari 2026";
  options.jobs = 1;
  VersionView view;
  view.nama = "2024";
  view.model = &model;
  view.results = &results;
  RenderSite({view}, theme, options, out, &diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(!diagnostics.has_errors());
}

Built Build(const MemoryFileSystem& fs) {
  Built built{testing::Check(fs), {}};
  INFO(built.checked.diagnostics.Format());
  REQUIRE(!built.checked.diagnostics.has_errors());
  Render(built.checked.model, &built.out);
  return built;
}

// The side navigation of a page, and the names it links.
std::string Navigation(const std::string& html) {
  size_t begin = html.find("<nav class=\"navigasi-unit\"");
  size_t end = html.find("</nav>", begin);
  REQUIRE(end != std::string::npos);
  return html.substr(begin, end - begin);
}

std::vector<std::string> LinkTexts(const std::string& html) {
  std::vector<std::string> texts;
  std::regex link("<a [^>]*>([^<]*)</a>");
  for (std::sregex_iterator it(html.begin(), html.end(), link), end; it != end;
       ++it) {
    texts.push_back((*it)[1]);
  }
  return texts;
}

TEST_CASE("a jabatan page's navigation carries the way to its unit only") {
  Built built = Build(ProvinceTree());
  std::string nav = Navigation(
      built.Page("prov/dinas-07/bidang-bravo/jabatan/kabid/index.html"));
  CHECK(LinkTexts(nav) == std::vector<std::string>{
                              "Pemerintah Kabupaten Tetangga",
                              "Pemerintah Provinsi Uji", "Dinas Nomor 07",
                              "Bidang Alfa", "Bidang Bravo", "Seksi Bravo 01",
                              "Seksi Bravo 02", "Seksi Bravo 03",
                              "Bidang Charlie", "Bidang Delta", "Bidang Echo",
                              "… dan 19 unit lain", "Semua unit kerja"});
  // Not another dinas, nor a unit in another branch.
  CHECK(nav.find("Dinas Nomor 08") == std::string::npos);
  CHECK(nav.find("Seksi Charlie 01") == std::string::npos);
  CHECK(nav.find("Dinas Cabang Tetangga") == std::string::npos);
  // The unit is the current location; the shortened level links to the
  // province's list of sub-units; the last link to the list of all units.
  CHECK(nav.find("<a href=\"../../index.html\" aria-current=\"location\">"
                 "Bidang Bravo</a>") != std::string::npos);
  CHECK(nav.find("href=\"../../../../index.html#sub-unit\">… dan 19 unit "
                 "lain") != std::string::npos);
  CHECK(nav.find("href=\"../../../../../index.html#semua-unit\">Semua unit "
                 "kerja") != std::string::npos);
  CHECK(built.Page("prov/index.html").find("id=\"sub-unit\"") !=
        std::string::npos);

  std::string unit_nav =
      Navigation(built.Page("prov/dinas-07/bidang-bravo/index.html"));
  CHECK(unit_nav.find("aria-current=\"page\">Bidang Bravo</a>") !=
        std::string::npos);
}

TEST_CASE("the home page lists every unit and its navigation the top level") {
  Built built = Build(ProvinceTree());
  std::string home = built.Page("index.html");
  CHECK(LinkTexts(Navigation(home)) ==
        std::vector<std::string>{"Pemerintah Kabupaten Tetangga",
                                 "Pemerintah Provinsi Uji",
                                 "Semua unit kerja"});
  size_t list = home.find("id=\"semua-unit\"");
  REQUIRE(list != std::string::npos);
  std::string main = home.substr(list);
  for (const auto& unit : built.checked.model.units) {
    INFO(unit->nama);
    CHECK(main.find(">" + unit->nama + "</a>") != std::string::npos);
  }
}

// Whether what the pages of prov/dinas-07/bidang-bravo read (as recorded
// by a build) is worth another value after `edit`: their key changes, so a
// rebuild renders them again.
bool KeyChanges(void (*edit)(MemoryFileSystem*)) {
  MemoryFileSystem fs = ProvinceTree();
  testing::Checked before = testing::Check(fs);
  REQUIRE(!before.diagnostics.has_errors());
  testing::KeepingSink sink;
  Render(before.model, &sink);
  auto reads = sink.reads().find("2024/prov/dinas-07/bidang-bravo");
  REQUIRE(reads != sink.reads().end());
  edit(&fs);
  testing::Checked after = testing::Check(fs);
  return ReadValues(before.model, nullptr).Key("", reads->second) !=
         ReadValues(after.model, nullptr).Key("", reads->second);
}

TEST_CASE("a page's key follows the units its navigation shows") {
  // Shown: a sibling, a sub-unit, a top-level unit, the dinas count.
  CHECK(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "prov/dinas-07/bidang-delta", "Bidang Delta Baru",
              "sekretariat");
  }));
  CHECK(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "prov/dinas-07/bidang-bravo/seksi-02", "Seksi Baru",
              "sekretariat");
  }));
  CHECK(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "kab", "Pemerintah Kabupaten Baru", "pemda");
  }));
  CHECK(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "prov/dinas-21", "Dinas Nomor 21", "dinas");
  }));
  // Not shown: a dinas hidden in the shortened level, a unit in another
  // branch, one in the other root.
  CHECK_FALSE(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "prov/dinas-12", "Dinas Dua Belas", "dinas");
  }));
  CHECK_FALSE(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "prov/dinas-07/bidang-charlie/seksi-01", "Seksi Lain",
              "sekretariat");
  }));
  CHECK_FALSE(KeyChanges([](MemoryFileSystem* fs) {
    WriteUnit(fs, "kab/dinas-tetangga", "Dinas Tetangga Baru", "dinas");
  }));
}

}  // namespace
}  // namespace sakip
