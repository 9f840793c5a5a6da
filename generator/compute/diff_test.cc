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

// A PK of the valid tree's sekretaris: two sasaran and two budget rows.
constexpr const char* kPkBefore =
    "tahun: 2024\ntempat: Uji\ntanggal: 2024-01-10\njabatan:\n"
    "  sekretaris:\n    sasaran:\n"
    "      - id: renja\n        iki: dokumen\n        target: 10\n"
    "        rencana_aksi: [2, 4, 6, 10]\n"
    "      - id: arsip\n        sasaran: Tertibnya arsip\n"
    "        indikator: Persentase arsip tertata\n        target: 100\n"
    "        satuan: \"%\"\n"
    "    anggaran:\n"
    "      - { kode: \"7.01\", kegiatan: Perencanaan, pagu: 1000, sasaran: "
    "renja }\n"
    "      - { kode: \"7.02\", kegiatan: Kearsipan, pagu: 500 }\n";

constexpr const char* kPkAfter =
    "tahun: 2024\ntempat: Uji\ntanggal: 2024-01-10\njabatan:\n"
    "  sekretaris:\n    pihak_kedua: kasi\n    sasaran:\n"
    "      - id: renja\n        iki: dokumen\n        target: 12\n"
    "        rencana_aksi: [3, 6, 9, 12]\n"
    "      - id: surat\n        sasaran: Tertibnya surat\n"
    "        indikator: Persentase surat terkirim\n        target: 100\n"
    "    anggaran:\n"
    "      - { kode: \"7.01\", kegiatan: Perencanaan, pagu: 2000, sasaran: "
    "renja }\n"
    "  kasi:\n    sasaran:\n"
    "      - { id: layanan, sasaran: Pelayanan prima, indikator: Jumlah "
    "layanan, target: 80 }\n";

TEST_CASE("a Perjanjian Kinerja between versions - sasaran, targets, budget") {
  MemoryFileSystem before = testing::ValidTree();
  before.Write("kota/kec/jabatan/kasi.md",
               "---\nnama: Kepala Seksi\natasan: camat\n"
               "pejabat: { nama: RINA, nip: \"198002142005012003\" }\n---\n");
  MemoryFileSystem after = before;
  before.Write("kota/kec/perjanjian/2024.yaml", kPkBefore);
  after.Write("kota/kec/perjanjian/2024.yaml", kPkAfter);
  testing::Checked a = testing::Check(before);
  testing::Checked b = testing::Check(after);
  REQUIRE(a.Lines().empty());
  REQUIRE(b.Lines().empty());
  ModelDiff diff = DiffModels(a.model, b.model);
  std::string text = FormatDiffText(diff);
  INFO(text);
  CHECK(text ==
        "Perubahan dari  ke : 5 perubahan (2 ditambah, 1 dihapus, 2 diubah)\n"
        "~ perjanjian kota/kec/sekretaris/2024 (Perjanjian Kinerja 2024 "
        "Sekretaris Kecamatan)\n"
        "    pihak_kedua: /kota/kec/camat (NOOR ALY) -> /kota/kec/kasi "
        "(RINA)\n"
        "    anggaran 7.01: Perencanaan (Rp [-1.000)-] {+2.000)+}\n"
        "    anggaran 7.02: Kearsipan (Rp 500) -> –\n"
        "    total anggaran: Rp 1.500 -> Rp 2.000\n"
        "+ perjanjian kota/kec/kasi/2024 (Perjanjian Kinerja 2024 Kepala "
        "Seksi)\n"
        "~ sasaran kota/kec/sekretaris/2024#renja (Jumlah dokumen "
        "perencanaan)\n"
        "    target: 10 -> 12\n"
        "    rencana_aksi: 2, 4, 6, 10 -> 3, 6, 9, 12\n"
        "+ sasaran kota/kec/sekretaris/2024#surat (Persentase surat "
        "terkirim)\n"
        "- sasaran kota/kec/sekretaris/2024#arsip (Persentase arsip "
        "tertata)\n");
  std::string md = FormatDiffMarkdown(diff);
  CHECK(md.find("#### Perjanjian Kinerja\n") != std::string::npos);
  CHECK(md.find("#### Sasaran Perjanjian Kinerja\n") != std::string::npos);
  CHECK(md.find("- **dihapus** `kota/kec/sekretaris/2024#arsip`") !=
        std::string::npos);
  // Back the other way: the same changes, mirrored.
  ModelDiff back = DiffModels(b.model, a.model);
  CHECK(FormatDiffText(back).find("- perjanjian kota/kec/kasi/2024") !=
        std::string::npos);
  CHECK(FormatDiffText(back).find("    total anggaran: Rp 2.000 -> Rp 1.500") !=
        std::string::npos);
  // An unchanged PK gives no change.
  CHECK(DiffModels(a.model, a.model).empty());
}

}  // namespace
}  // namespace sakip
