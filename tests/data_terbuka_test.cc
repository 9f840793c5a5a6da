// The open data page: data/README.md rendered as HTML beside it, with a
// download link for every file of the export, and the footer's "Data
// terbuka" link pointing at it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "open_data.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

TEST_CASE("the open data page explains and links every file of data/") {
  fs::path out = testing::BuildSampleSite("data-terbuka");
  fs::path data = out / "2024/data";
  std::string page = testing::ReadText((data / "index.html").string());
  // The Markdown file stays, with the text the page is made from.
  CHECK(testing::ReadText((data / "README.md").string()) == OpenDataReadme());

  CHECK_THAT(page, Catch::Contains("<h1>Data terbuka SAKIP</h1>"));
  CHECK_THAT(page, Catch::Contains("<title>Data terbuka"));
  CHECK_THAT(page, Catch::Contains("href=\"README.md\""));
  // Each file is linked and exists; each column of indikator.csv is
  // explained in a table row.
  for (const char* file :
       {"indikator.json", "indikator.csv", "jabatan.json", "dokumen.json"}) {
    INFO(file);
    CHECK_THAT(page, Catch::Contains(std::string("<a href=\"") + file + "\">" +
                                     file + "</a>"));
    CHECK(fs::exists(data / file));
  }
  std::string csv = testing::ReadText((data / "indikator.csv").string());
  std::string header = csv.substr(0, csv.find("\r\n"));
  std::regex comma(",");
  int columns = 0;
  for (std::sregex_token_iterator it(header.begin(), header.end(), comma, -1),
       end;
       it != end; ++it, ++columns) {
    INFO("column " << *it);
    CHECK_THAT(page, Catch::Contains("<td>" + it->str() + "</td>"));
  }
  CHECK(columns == 21);
  // No raw Markdown reaches the page.
  CHECK(page.find("| kolom |") == std::string::npos);
  CHECK(page.find("## ") == std::string::npos);

  // The footer of every web page links the HTML page, not README.md.
  for (const char* p :
       {"2024/index.html", "2024/pemkab-lumajang/satpol-pp/index.html",
        "arsip-iki-satpolpp/index.html"}) {
    INFO(p);
    std::string html = testing::ReadText((out / p).string());
    std::smatch link;
    REQUIRE(std::regex_search(
        html, link, std::regex("<a href=\"([^\"]*)\">Data terbuka</a>")));
    fs::path target =
        ((out / p).parent_path() / link[1].str()).lexically_normal();
    CHECK(target.filename() == "index.html");
    CHECK(target.parent_path().filename() == "data");
    CHECK(fs::exists(target));
  }
  fs::remove_all(out);
}

}  // namespace
}  // namespace sakip
