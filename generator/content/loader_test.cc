#include "loader.h"

#include <catch2/catch.hpp>

#include "content_parsers.h"
#include "test_tree.h"

namespace sakip {
namespace {

TEST_CASE("ids are lowercase words and digits joined by single hyphens") {
  for (const char* good : {"camat", "kasi-trantib", "a1-b2-c3", "2024"}) {
    INFO(good);
    CHECK(IsValidId(good));
  }
  for (const char* bad : {"", "-camat", "camat-", "kasi--trantib", "Camat",
                          "kasi_trantib", "kasi trantib", "sekcam.", "é"}) {
    INFO(bad);
    CHECK_FALSE(IsValidId(bad));
  }
}

TEST_CASE("the loader builds the unit tree from folders holding unit.yaml") {
  testing::Checked c = testing::Check(testing::ValidTree());
  REQUIRE(c.model.units.size() == 2);
  REQUIRE(c.model.roots.size() == 1);
  const Unit& kota = *c.model.roots[0];
  CHECK(kota.path == "kota");
  REQUIRE(kota.children.size() == 1);
  const Unit& kec = *kota.children[0];
  CHECK(kec.path == "kota/kec");
  CHECK(kec.parent == &kota);
  REQUIRE(kec.jabatan.size() == 3);
  const Jabatan* camat = kec.FindJabatan("camat");
  REQUIRE(camat);
  CHECK(camat->nama == "Camat");
  CHECK(camat->body == "Catatan camat.\n");
  CHECK(camat->body_line == 10);
  REQUIRE(camat->indikator.size() == 1);
  CHECK(camat->indikator[0].target == 80);
  CHECK(camat->pejabat->nama == "NOOR ALY");
}

TEST_CASE("folders listed as versions are not part of the tree") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("site.yaml",
           "judul: Uji\nversi:\n  - { nama: '2024', ref: HEAD }\n"
           "  - { nama: arsip, dir: arsip/2022 }\n");
  fs.Write("arsip/2022/site.yaml", "judul: Arsip\n");
  fs.Write("arsip/2022/kota/unit.yaml", "nama: Kota lama\n");
  testing::Checked c = testing::Check(fs);
  CHECK(c.Lines().empty());
  CHECK(c.model.units.size() == 2);
  REQUIRE(c.model.site.versi.size() == 2);
  CHECK(c.model.site.versi[1].dir == "arsip/2022");
}

TEST_CASE("a version entry needs exactly one of ref and dir") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("site.yaml",
           "judul: Uji\nversi:\n  - { nama: x }\n"
           "  - { nama: y, ref: HEAD, dir: a }\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 2);
  CHECK(c.Lines()[0] ==
        "site.yaml:3:5: error: a versi entry needs exactly one of `ref` (a git "
        "ref) or `dir` (a folder)");
}

TEST_CASE("two versions with one name are an error") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("site.yaml",
           "judul: Uji\nversi:\n  - { nama: a, ref: HEAD }\n"
           "  - { nama: a, ref: v1 }\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 1);
  CHECK(c.Lines()[0] ==
        "site.yaml:4:13: error: two versions are named `a` (first at line 3)");
}

TEST_CASE("a missing site.yaml is reported, not a crash") {
  MemoryFileSystem fs;
  fs.Write("kota/unit.yaml", "nama: Kota\n");
  testing::Checked c = testing::Check(fs, "content");
  REQUIRE(c.Lines().size() == 1);
  CHECK(c.Lines()[0] ==
        "content/site.yaml: error: no site.yaml in the content folder");
}

TEST_CASE("logo paths cannot leave the unit folder") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/unit.yaml",
           "nama: Kota\njenis: pemda\nkop: { logo: ../../etc/passwd }\n");
  fs.Write("kota/kec/unit.yaml",
           "nama: Kec\npimpinan: camat\nkop: { logo: logo.png }\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 2);
  CHECK(c.Lines()[0] ==
        "kota/kec/unit.yaml:3:14: error: logo file `logo.png` does not exist "
        "in kota/kec");
  CHECK(c.Lines()[1] ==
        "kota/unit.yaml:3:14: error: `logo` must name a file inside the unit "
        "folder");
}

TEST_CASE("realisasi files are named after their year and match `tahun`") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/realisasi/tahun-ini.yaml", "tahun: 2024\n");
  fs.Write("kota/kec/realisasi/2023.yaml", "tahun: 2024\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().size() == 2);
  CHECK(c.Lines()[0].find("kota/kec/realisasi/2023.yaml:1:8: error: `tahun: "
                          "2024` does not match the file name 2023.yaml") == 0);
  CHECK(c.Lines()[1].find("kota/kec/realisasi/tahun-ini.yaml: error: a "
                          "realisasi file is named after its year") == 0);
}

TEST_CASE("not-reported quarters stay empty, never 0") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { I: 3, II: null, III: '-', 4: 0 }\n"
           "      anggaran: { I: 1500, II: '-' }\n");
  testing::Checked c = testing::Check(fs);
  CHECK(c.Lines().empty());
  const Unit* kec = c.model.FindUnit("kota/kec");
  REQUIRE(kec->realisasi.size() == 1);
  const RealisasiIndikator& r = kec->realisasi[0]->jabatan[0].indikator[0];
  CHECK(r.triwulan[0]->nilai == 3);
  CHECK_FALSE(r.triwulan[1]);
  CHECK_FALSE(r.triwulan[2]);
  CHECK(r.triwulan[3]->nilai == 0);
  CHECK(r.anggaran[0] == 1500);
  CHECK_FALSE(r.anggaran[1]);
  CHECK(r.indikator ==
        kec->FindJabatan("sekretaris")->FindIndikator("dokumen"));
}

}  // namespace
}  // namespace sakip
