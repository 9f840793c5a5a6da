#include "resolve.h"

#include <catch2/catch.hpp>

#include "test_tree.h"

namespace sakip {
namespace {

TEST_CASE("atasan references: same unit, parent unit, absolute") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/kel/unit.yaml", "nama: Kelurahan\njenis: kelurahan\n");
  fs.Write("kota/kec/kel/jabatan/lurah.md",
           "---\nnama: Lurah\natasan: ../camat\n---\n");
  fs.Write("kota/kec/kel/jabatan/sekretaris.md",
           "---\nnama: Sekretaris Kelurahan\natasan: lurah\n---\n");
  fs.Write("kota/kec/kel/jabatan/kasi.md",
           "---\nnama: Kasi\natasan: /kota/kec/kel/lurah\n---\n");
  testing::Checked c = testing::Check(fs);
  CHECK(c.Lines().empty());
  const Unit* kec = c.model.FindUnit("kota/kec");
  const Unit* kel = c.model.FindUnit("kota/kec/kel");
  const Jabatan* camat = kec->FindJabatan("camat");
  const Jabatan* lurah = kel->FindJabatan("lurah");
  CHECK(lurah->atasan == camat);
  CHECK(kel->FindJabatan("kasi")->atasan == lurah);
  CHECK(kel->pimpinan == lurah);
  CHECK(std::find(camat->bawahan.begin(), camat->bawahan.end(), lurah) !=
        camat->bawahan.end());
}

TEST_CASE("an unknown unit in a reference suggests the nearest unit") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: Staf\natasan: /kota/kek/sekretaris\n---\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 1);
  CHECK(c.Lines()[0] ==
        "kota/kec/jabatan/staf.md:3:9: error: atasan `/kota/kek/sekretaris`: "
        "there is no unit `kota/kek`");
  CHECK(c.diagnostics.all()[0].hint == "did you mean `kota/kec`?");
}

TEST_CASE("mendukung links an indicator to its superior's indicator") {
  testing::Checked c = testing::Check(testing::ValidTree());
  const Unit* kec = c.model.FindUnit("kota/kec");
  const Indikator& dokumen = kec->FindJabatan("sekretaris")->indikator[0];
  CHECK(dokumen.mendukung == &kec->FindJabatan("camat")->indikator[0]);
}

TEST_CASE("mendukung to a missing indicator suggests the nearest id") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: Staf\natasan: sekretaris\nindikator:\n"
           "  - { id: a, nama: A, mendukung: sekretaris#dokumn }\n---\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 1);
  CHECK(c.Lines()[0] ==
        "kota/kec/jabatan/staf.md:5:34: error: `mendukung`: jabatan "
        "`sekretaris` has no indikator `dokumn`");
  CHECK(c.diagnostics.all()[0].hint == "did you mean `dokumen`?");
}

TEST_CASE("a cycle is named in full, once") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/jabatan/a.md", "---\nnama: A\natasan: b\n---\n");
  fs.Write("kota/kec/jabatan/b.md", "---\nnama: B\natasan: c\n---\n");
  fs.Write("kota/kec/jabatan/c.md", "---\nnama: C\natasan: a\n---\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 1);
  CHECK(c.Lines()[0] ==
        "kota/kec/jabatan/a.md:3:9: error: atasan cycle: a -> b -> c -> a");
}

TEST_CASE("lampiran defaults to the unit's jabatan in hierarchy order") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/kel/unit.yaml", "nama: Kelurahan\njenis: kelurahan\n");
  fs.Write("kota/kec/kel/jabatan/lurah.md",
           "---\nnama: Lurah\natasan: ../camat\n---\n");
  fs.Write("kota/kec/keputusan/iki.md",
           "---\njenis: Keputusan Camat\nnomor: 1/2024\ntentang: IKI\n"
           "diktum: [Satu]\ntanggal: 2024-01-24\npenandatangan: camat\n"
           "lampiran: { judul: IKI, sub_unit: true }\n---\n");
  testing::Checked c = testing::Check(fs);
  CHECK(c.Lines().empty());
  const Keputusan& k = *c.model.FindUnit("kota/kec")->keputusan[0];
  CHECK(k.penandatangan->id == "camat");
  std::vector<std::string> ids;
  for (const Jabatan* j : k.lampiran->jabatan) ids.push_back(j->id);
  CHECK(ids ==
        std::vector<std::string>{"camat", "sekretaris", "staf", "lurah"});
}

}  // namespace
}  // namespace sakip
