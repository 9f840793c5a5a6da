// Malformed input never crashes: every broken file ends in a diagnostic.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "loader.h"
#include "test_tree.h"

namespace sakip {
namespace {

std::string ReadSample(const std::string& relative) {
  std::ifstream in(testing::SourceDir() + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string AliasBomb() {
  std::string yaml =
      "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n";
  std::string previous = "a";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string name(1, c);
    yaml += name + ": &" + name + " [";
    for (int i = 0; i < 8; ++i) yaml += (i ? ",*" : "*") + previous;
    yaml += "]\n";
    previous = name;
  }
  return yaml;
}

// Each case replaces one jabatan file with broken text.
TEST_CASE("broken jabatan files end in diagnostics, not crashes") {
  std::string valid = testing::ValidTree()
                          .ReadFile("kota/kec/jabatan/sekretaris.md", nullptr)
                          .value();
  std::string bomb = AliasBomb();
  std::vector<std::pair<std::string, std::string>> corpus = {
      {"empty file", ""},
      {"truncated in the front matter", valid.substr(0, valid.size() / 2)},
      {"truncated mid-token", valid.substr(0, 37)},
      {"binary bytes",
       std::string("---\n\x00\xff\xfe\x01nama: \x80\x81\n---\n", 20)},
      {"deep nesting", "---\nnama: " + std::string(100000, '[') + "\n---\n"},
      {"deep block nesting",
       [] {
         std::string s = "---\nnama: x\ntugas:\n";
         for (int i = 1; i < 3000; ++i) s += std::string(i, ' ') + "-\n";
         return s + "---\n";
       }()},
      {"huge numbers",
       "---\nnama: X\natasan: camat\nindikator:\n  - id: a\n    nama: A\n"
       "    target: 1e999\n---\n"},
      {"alias bomb in tugas",
       "---\nnama: X\natasan: camat\n" + bomb + "tugas: *k\nfungsi: *k\n---\n"},
      {"alias bomb as indicators",
       "---\nnama: X\natasan: camat\n" + bomb + "indikator: *k\n---\n"},
      {"a list instead of a mapping", "---\n- a\n- b\n---\n"},
      {"tabs", "---\nnama:\tX\n\tatasan: camat\n---\n"},
      {"only a fence", "---"},
  };
  for (const auto& [name, text] : corpus) {
    MemoryFileSystem fs = testing::ValidTree();
    fs.Write("kota/kec/jabatan/sekretaris.md", text);
    testing::Checked c = testing::Check(fs);
    INFO(name);
    CHECK(!c.diagnostics.all().empty());
  }
}

TEST_CASE("broken realisasi files end in diagnostics") {
  std::vector<std::string> corpus = {
      "tahun: 2024\njabatan: [1, 2]\n",
      "tahun: 2024\njabatan:\n  sekretaris: 5\n",
      "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n      triwulan: [1, "
      "2]\n",
      "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
      "      triwulan: { I: { pembilang: a } }\n",
      "tahun: duaribu\n",
      AliasBomb() + "tahun: 2024\njabatan: *k\n",
  };
  for (const std::string& text : corpus) {
    MemoryFileSystem fs = testing::ValidTree();
    fs.Write("kota/kec/realisasi/2024.yaml", text);
    testing::Checked c = testing::Check(fs);
    INFO(text.substr(0, 60));
    CHECK(c.diagnostics.has_errors());
  }
}

TEST_CASE("files over the size limit are refused before parsing") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: x\n---\n" + std::string(kMaxContentFileBytes, 'a'));
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 1);
  CHECK(c.Lines()[0].find("kota/kec/jabatan/staf.md: error: file is") == 0);
}

TEST_CASE("every truncation of a real content file is handled") {
  std::string text =
      ReadSample("tests/data/invalid-tree/pemda/dinas-a/jabatan/kepala.md");
  REQUIRE(text.size() > 200);
  for (size_t cut = 0; cut < text.size(); cut += 7) {
    MemoryFileSystem fs = testing::ValidTree();
    fs.Write("kota/kec/jabatan/sekretaris.md", text.substr(0, cut));
    testing::Checked c = testing::Check(fs);
    (void)c;  // reaching here without a crash or sanitizer report is the test
  }
  SUCCEED("all truncations loaded");
}

}  // namespace
}  // namespace sakip
