// A unit's logo (`kop.logo` in unit.yaml): shown on the letterhead of its
// print pages and on the report cover, inherited by the units below, copied
// into the site; a logo that is missing, of another kind or carrying script
// is an error at the `logo` key.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "pipeline.h"
#include "render_site.h"
#include "test_tree.h"
#include "theme.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

fs::path BuildLogoTree() {
  fs::path out =
      fs::temp_directory_path() / ("sakip-logo-" + std::to_string(::getpid()));
  fs::remove_all(out);
  RealFileSystem content(testing::SourceDir() + "/tests/data/logo-tree");
  Diagnostics diagnostics;
  PipelineOptions options;
  options.out_dir = out.string();
  options.dibangun = "1 Januari 2026";
  int status = RunPipeline(content, options, &diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(status == 0);
  REQUIRE(diagnostics.warning_count() == 0);
  return out;
}

// The logo <img> of a print page: its src resolved against the page, and
// its alt text.
struct ShownLogo {
  fs::path file;
  std::string alt;
};
std::vector<ShownLogo> LogosIn(const fs::path& page, const char* css_class) {
  std::string html = testing::ReadText(page.string());
  std::regex img(std::string("<img class=\"") + css_class +
                 "\" src=\"([^\"]+)\" alt=\"([^\"]*)\">");
  std::vector<ShownLogo> found;
  for (std::sregex_iterator it(html.begin(), html.end(), img), end; it != end;
       ++it) {
    found.push_back({(page.parent_path() / (*it)[1].str()).lexically_normal(),
                     (*it)[2].str()});
  }
  return found;
}

TEST_CASE("the letterhead and the report cover show the unit's logo") {
  fs::path out = BuildLogoTree();
  std::string source = testing::SourceDir() + "/tests/data/logo-tree/";
  std::string lambang = testing::ReadText(source + "pemkab-uji/lambang.svg");
  std::string png = testing::ReadText(
      source + "pemkab-uji/kecamatan-uji/gambar/logo-kecamatan.png");
  REQUIRE(png.size() > 100);
  fs::path cetak = out / "2025/cetak/pemkab-uji";

  // The Dinas gives none: the regency's coat of arms heads its decree and
  // IKI sheets, beside the Dinas's own address.
  for (const char* page :
       {"dinas-uji/keputusan/iki-2025.html", "dinas-uji/iki/kepala.html"}) {
    INFO(page);
    std::vector<ShownLogo> logos = LogosIn(cetak / page, "kop-logo");
    REQUIRE(logos.size() == 1);
    CHECK(logos[0].alt == "Logo Pemerintah Kabupaten Uji");
    CHECK(logos[0].file == out / "2025/aset/logo/pemkab-uji/lambang.svg");
    CHECK(testing::ReadText(logos[0].file.string()) == lambang);
    CHECK_THAT(testing::ReadText((cetak / page).string()),
               Catch::Contains("Jl. Pahlawan No. 10"));
  }
  // The report: on the cover, between the title and the jabatan.
  fs::path laporan = cetak / "dinas-uji/laporan/2025-I/kepala.html";
  std::vector<ShownLogo> cover = LogosIn(laporan, "logo-sampul");
  REQUIRE(cover.size() == 1);
  CHECK(cover[0].alt == "Logo Pemerintah Kabupaten Uji");
  CHECK(testing::ReadText(cover[0].file.string()) == lambang);
  std::string report = testing::ReadText(laporan.string());
  CHECK(report.find("TRIWULAN I TAHUN 2025") < report.find("logo-sampul"));
  CHECK(report.find("logo-sampul") < report.find(">KEPALA DINAS<"));

  // The Kecamatan's own PNG, from a sub-folder, copied byte for byte.
  std::vector<ShownLogo> own =
      LogosIn(cetak / "kecamatan-uji/iki/camat.html", "kop-logo");
  REQUIRE(own.size() == 1);
  CHECK(own[0].alt == "Logo Kecamatan Uji");
  CHECK(own[0].file == out /
                           "2025/aset/logo/pemkab-uji/kecamatan-uji/gambar/"
                           "logo-kecamatan.png");
  CHECK(testing::ReadText(own[0].file.string()) == png);
  fs::remove_all(out);
}

TEST_CASE("without a logo the letterhead has no image") {
  testing::Checked c = testing::Check(testing::ValidTree());
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  Diagnostics d;
  OutputTree out = RenderSite(c.model, results, DefaultTheme(&d), {}, &d);
  int letterheads = 0;
  for (const auto& [path, bytes] : out.files()) {
    if (bytes.find("class=\"kop-surat") == std::string::npos) continue;
    ++letterheads;
    INFO(path);
    CHECK(bytes.find("kop-logo") == std::string::npos);
    CHECK(bytes.find("dengan-logo") == std::string::npos);
  }
  CHECK(letterheads > 0);
  for (const auto& [path, bytes] : out.files()) {
    CHECK(path.find("aset/logo/") == std::string::npos);
  }
}

TEST_CASE("a logo of another kind or with script is an error at its key") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/unit.yaml",
           "nama: Kota\njenis: pemda\nkop: { logo: lambang.gif }\n");
  fs.Write("kota/lambang.gif", "GIF89a");
  fs.Write("kota/kec/unit.yaml",
           "nama: Kec\npimpinan: camat\nkop:\n  logo: logo.svg\n");
  fs.Write("kota/kec/logo.svg",
           "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" "
           "height=\"9\" onclick=\"alert(1)\"/></svg>");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 2);
  CHECK(c.Lines()[0] ==
        "kota/kec/unit.yaml:4:9: error: the SVG logo contains script "
        "(<script>, an on...= attribute or a javascript: link)");
  CHECK(c.Lines()[1] ==
        "kota/unit.yaml:3:14: error: a logo must be an .svg, .png or .jpg "
        "file");

  // A plain drawing passes, whatever the case of its name; words such as
  // "font" or "stroke-linejoin" are not event attributes.
  fs.Write("kota/unit.yaml",
           "nama: Kota\njenis: pemda\nkop: { logo: LAMBANG.PNG }\n");
  fs.Write("kota/LAMBANG.PNG", "\x89PNG");
  fs.Write("kota/kec/logo.svg",
           "<svg xmlns=\"http://www.w3.org/2000/svg\"><text font-family=\"x\" "
           "stroke-linejoin=\"round\">Logo on = 1</text></svg>");
  testing::Checked ok = testing::Check(fs);
  INFO(ok.diagnostics.Format());
  CHECK(ok.Lines().empty());
}

}  // namespace
}  // namespace sakip
