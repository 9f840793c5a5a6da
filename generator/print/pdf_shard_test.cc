#include "pdf_shard.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "pdf.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

TEST_CASE("a PDF share is I/N with 1 <= I <= N") {
  PdfShard shard;
  std::string error;
  REQUIRE(ParsePdfShard("2/3", &shard, &error));
  CHECK((shard.index == 2 && shard.count == 3 && !shard.all()));
  CHECK(ParsePdfShard("1/1", &shard, &error));
  CHECK(ParsePdfShard("1000/1000", &shard, &error));
  for (const char* wrong : {"0/3", "4/3", "1/0", "1/1001", "3", "/3", "1/",
                            "+1/3", " 1/3", "1/3 ", "1/3/3", "a/b", ""}) {
    INFO(wrong);
    error.clear();
    CHECK_FALSE(ParsePdfShard(wrong, &shard, &error));
    CHECK(error.find("`" + std::string(wrong) + "`") != std::string::npos);
  }
  CHECK(PdfShard().all());
}

TEST_CASE("a document's share depends on its path alone and spreads evenly") {
  std::map<std::string, int> share;
  int per_share[4] = {0, 0, 0, 0};
  for (int unit = 0; unit < 100; ++unit) {
    for (int jabatan = 0; jabatan < 30; ++jabatan) {
      std::string pdf = "cetak/pemda/unit-" + std::to_string(unit) + "/iki/j" +
                        std::to_string(jabatan) + ".pdf";
      share[pdf] = PdfShardOf(pdf, 3);
      REQUIRE((share[pdf] >= 1 && share[pdf] <= 3));
      ++per_share[share[pdf]];
    }
  }
  for (int i = 1; i <= 3; ++i) {
    INFO(i);
    CHECK((per_share[i] > 900 && per_share[i] < 1100));  // 1,000 each
  }
  // Asked again, in another order, nothing moves.
  for (auto it = share.rbegin(); it != share.rend(); ++it) {
    CHECK(PdfShardOf(it->first, 3) == it->second);
  }
  CHECK(PdfShardOf("cetak/a.pdf", 1) == 1);
}

struct Shares {
  fs::path dir = fs::temp_directory_path() /
                 ("sakip-shares-" + std::to_string(::getpid()));
  Shares() { fs::remove_all(dir); }
  ~Shares() { fs::remove_all(dir); }
  std::string Make(const std::string& name, PdfShard shard,
                   const std::string& inputs) {
    fs::create_directories(dir / name / "cetak");
    std::ofstream(dir / name / kPdfShardFile) << FormatPdfShard(shard, inputs);
    return (dir / name).string();
  }
};

TEST_CASE("a merge takes every share of one count made from the same inputs") {
  Shares shares;
  std::string a = shares.Make("a", {2, 3}, "abc");
  std::string b = shares.Make("b", {3, 3}, "abc");
  std::string c = shares.Make("c", {1, 3}, "abc");
  Diagnostics diagnostics;
  CHECK(MatchPdfShards({a, b, c}, "abc", &diagnostics) ==
        std::vector<std::string>{c, a, b});
  CHECK(diagnostics.Format().empty());

  auto problems = [&](const std::vector<std::string>& dirs,
                      const std::string& inputs) {
    Diagnostics d;
    CHECK(MatchPdfShards(dirs, inputs, &d).empty());
    return d.Format();
  };
  CHECK(problems({a, c}, "abc").find("shard 3/3 is missing") !=
        std::string::npos);
  std::string again = shares.Make("again", {3, 3}, "abc");
  CHECK(problems({a, b, c, again}, "abc").find("shard 3/3 is given twice") !=
        std::string::npos);
  CHECK(problems({a, b, c}, "xyz").find("was made from other content") !=
        std::string::npos);
  std::string of_two = shares.Make("two", {1, 2}, "abc");
  CHECK(problems({a, b, of_two}, "abc").find("one of 2 shares") !=
        std::string::npos);
  CHECK(problems({a, b, (shares.dir / "none").string()}, "abc")
            .find("not a PDF shard") != std::string::npos);
  std::ofstream(shares.dir / "c" / kPdfShardFile) << "{\"shard\": 1,";
  CHECK(problems({a, b, c}, "abc").find("not a PDF shard") !=
        std::string::npos);
}

TEST_CASE("a new PDF keeps no trace of the clock or the print order") {
  std::string pdf =
      "%PDF-1.4\n1 0 obj\n<</Type /StructElem\n/ID (node00000362)>>\nendobj\n"
      "2 0 obj\n<</Type /StructElem\n/ID (node00000040)>>\nendobj\n"
      "3 0 obj\n<</Names [(node00000040) 2 0 R (node00000362) 1 0 R]>>\n"
      "4 0 obj\n<</Producer (Skia/PDF m156)\n"
      "/CreationDate (D:20261203161647+07'00')\n"
      "/ModDate (D:20261203161647+07'00')>>\nendobj\n"
      "5 0 obj\n<</Title (node 1 \\(node123\\))>>\nendobj\n";
  std::string stable = pdf;
  REQUIRE(MakePdfStable(&stable, "20260101000000"));
  CHECK(stable.size() == pdf.size());  // no offset moves
  CHECK(stable ==
        "%PDF-1.4\n1 0 obj\n<</Type /StructElem\n/ID (node00000002)>>\nendobj\n"
        "2 0 obj\n<</Type /StructElem\n/ID (node00000001)>>\nendobj\n"
        "3 0 obj\n<</Names [(node00000001) 2 0 R (node00000002) 1 0 R]>>\n"
        "4 0 obj\n<</Producer (Skia/PDF m156)\n"
        "/CreationDate (D:20260101000000+00'00')\n"
        "/ModDate (D:20260101000000+00'00')>>\nendobj\n"
        "5 0 obj\n<</Title (node 1 \\(node123\\))>>\nendobj\n");
  std::string again = stable;
  CHECK_FALSE(MakePdfStable(&again, "20260101000000"));  // already stable
  // Without a date the engine's dates stay; a date of another form too.
  std::string odd = "<</CreationDate (D:2026)>>";
  CHECK_FALSE(MakePdfStable(&odd, "20260101000000"));
  std::string undated = pdf;
  MakePdfStable(&undated, "");
  CHECK(undated.find("D:20261203161647+07'00'") != std::string::npos);
}

}  // namespace
}  // namespace sakip
