#include "diff.h"

#include <catch2/catch.hpp>

#include "test_tree.h"

namespace sakip {
namespace {

TEST_CASE("a jabatan with the same id in another unit is moved") {
  MemoryFileSystem before = testing::ValidTree();
  before.Write("kota/kec2/unit.yaml",
               "nama: Kecamatan Dua\npimpinan: camat2\n");
  before.Write("kota/kec2/jabatan/camat2.md", "---\nnama: Camat Dua\n---\n");
  MemoryFileSystem after = before;
  after.Remove("kota/kec/jabatan/staf.md");
  after.Write("kota/kec2/jabatan/staf.md",
              "---\nnama: Pengadministrasi Umum\natasan: camat2\n---\n");
  testing::Checked a = testing::Check(before);
  testing::Checked b = testing::Check(after);
  REQUIRE(a.Lines().empty());
  REQUIRE(b.Lines().empty());
  ModelDiff diff = DiffModels(a.model, b.model);
  REQUIRE(diff.changes.size() == 1);
  const Change& c = diff.changes[0];
  CHECK(c.kind == ChangeKind::kMoved);
  CHECK(c.key == "kota/kec2/staf");
  CHECK(c.from == "kota/kec");
  REQUIRE(c.fields.size() == 1);
  CHECK(c.fields[0].field == "atasan");
  CHECK(c.fields[0].before == "/kota/kec/sekretaris");
  CHECK(c.fields[0].after == "/kota/kec2/camat2");
}

TEST_CASE("word diff keeps common words and marks the rest") {
  std::vector<WordDiffPart> parts =
      WordDiff("jumlah surat yang diproses", "jumlah surat dinas yang dicatat");
  std::string shown;
  for (const WordDiffPart& p : parts) {
    shown += p.kind == WordDiffPart::kAdded     ? "{+" + p.text + "+}"
             : p.kind == WordDiffPart::kRemoved ? "[-" + p.text + "-]"
                                                : p.text;
    shown += " ";
  }
  CHECK(shown == "jumlah surat {+dinas+} yang [-diproses-] {+dicatat+} ");
}

}  // namespace
}  // namespace sakip
