// Every mistake a perjanjian file can hold ends in a diagnostic at its
// file:line:col, with a hint ("did you mean" where a name is wrong).
#include <catch2/catch.hpp>

#include "test_tree.h"

namespace sakip {
namespace {

constexpr const char* kBadPk =
    "tahun: 2023\n"                      // 1
    "jenis: murni\n"                     // 2
    "tempat: Uji\n"                      // 3
    "tanggal: 2024-01-10\n"              // 4
    "jabatan:\n"                         // 5
    "  sekretaris:\n"                    // 6
    "    pihak_kedua: camatt\n"          // 7
    "    sasaran:\n"                     // 8
    "      - id: dokumen\n"              // 9
    "        iki: dokumenn\n"            // 10
    "        target: -5\n"               // 11
    "        rencana_aksi: [1, 2, 3]\n"  // 12
    "      - id: dokumen\n"              // 13
    "        indikator: Salinan\n"       // 14
    "        target: 3\n"                // 15
    "        satuann: dokumen\n"         // 16
    "    anggaran:\n"                    // 17
    "      - kegiatan: Perencanaan\n"    // 18
    "        pagu: 100\n"                // 19
    "        sasaran: dokumem\n"         // 20
    "  sekretariss:\n"                   // 21
    "    sasaran: []\n";                 // 22

TEST_CASE("perjanjian mistakes: position and hint of each") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/perjanjian/2024.yaml", kBadPk);
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumenx:\n"
           "      triwulan: { I: 1 }\n");
  testing::Checked c = testing::Check(fs);
  const std::string file = "kota/kec/perjanjian/2024.yaml:";
  struct Case {
    const char* message;
    const char* where;
    const char* severity;
    const char* hint;
  };
  Case cases[] = {
      {"`tahun: 2023` does not match the file name 2024.yaml", "1:8", "error",
       "name the file after the year of the agreement, e.g. "
       "perjanjian/2023.yaml"},
      {"pihak_kedua `camatt`: no jabatan `camatt` in kota/kec", "7:18", "error",
       "did you mean `camat`?"},
      {"`iki`: jabatan `sekretaris` has no IKI indicator `dokumenn`", "10:14",
       "error", "did you mean `dokumen`?"},
      {"`target` of sasaran `dokumen` is negative: -5", "11:17", "error",
       "a target is a level to reach (or, with `polaritas: negatif`, not to "
       "exceed); write it as 0 or more"},
      {"`rencana_aksi` must list 4 numbers", "12:23", "error",
       "for example [25, 50, 75, 100] (kumulatif: the running total)"},
      {"duplicate sasaran id `dokumen` in the PK of `sekretaris` (first at "
       "line 9)",
       "13:9", "error",
       "ids must be unique within a jabatan's agreement; realisasi names the "
       "sasaran by it"},
      {"unknown key `satuann`", "16:9", "warning", "did you mean `satuan`?"},
      {"anggaran row names sasaran `dokumem`, which the PK of `sekretaris` "
       "does not have",
       "20:18", "error", "did you mean `dokumen`?"},
      {"PK 2024 for unknown jabatan `sekretariss` in kota/kec", "21:3", "error",
       "did you mean `sekretaris`?"},
  };
  for (const Case& k : cases) {
    INFO(k.message);
    testing::Found f = testing::FindDiagnostic(c, k.message);
    CHECK(f.where == file + k.where);
    CHECK(f.severity == k.severity);
    CHECK(f.hint == k.hint);
  }
  // A realisasi id that is neither a sasaran of the year's PK nor an IKI
  // indicator: the message says where it looked.
  testing::Found r = testing::FindDiagnostic(
      c,
      "realisasi for unknown indikator `dokumenx`: not a sasaran "
      "of the 2024 PK of `sekretaris` nor one of its IKI "
      "indicators");
  CHECK(r.where == "kota/kec/realisasi/2024.yaml:4:5");
  CHECK(r.hint == "did you mean `dokumen`?");
}

TEST_CASE("rencana_aksi of other shapes and a bad perjanjian file name") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/perjanjian/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    sasaran:\n"
           "      - { id: a, iki: dokumen, rencana_aksi: [1, 2, x, 4] }\n"
           "      - { id: b, iki: dokumen, rencana_aksi: 4 }\n"
           "      - { id: c, indikator: C }\n");
  fs.Write("kota/kec/perjanjian/pk-2024.yaml", "tahun: 2024\n");
  testing::Checked c = testing::Check(fs);
  CHECK(testing::FindDiagnostic(
            c, "a rencana_aksi target must be a number, not `x`")
            .where == "kota/kec/perjanjian/2024.yaml:5:53");
  CHECK(
      testing::FindDiagnostic(c, "`rencana_aksi` must list 4 numbers").where ==
      "kota/kec/perjanjian/2024.yaml:6:46");
  // A plan with a bad number is no plan (not three targets of four).
  CHECK(c.model.FindUnit("kota/kec")
            ->perjanjian[0]
            ->jabatan[0]
            .sasaran[0]
            .rencana_aksi.empty());
  // Without `iki` the target must be written.
  CHECK(testing::FindDiagnostic(c, "`target`").severity == "error");
  CHECK(testing::FindDiagnostic(c, "a perjanjian file is named after its year")
            .where == "kota/kec/perjanjian/pk-2024.yaml:0:0");
}

TEST_CASE("a realisasi id resolves to the PK sasaran before the IKI") {
  MemoryFileSystem fs = testing::ValidTree();
  // The sasaran `dokumen` of its own (no `iki`) shadows the IKI `dokumen`.
  fs.Write("kota/kec/perjanjian/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    sasaran:\n"
           "      - { id: dokumen, indikator: Dokumen PK, target: 5 }\n");
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { I: 1 }\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  const Unit* kec = c.model.FindUnit("kota/kec");
  const RealisasiIndikator& ri = kec->realisasi[0]->jabatan[0].indikator[0];
  REQUIRE(ri.sasaran);
  CHECK(ri.indikator->nama == "Dokumen PK");
  CHECK(ri.indikator == &kec->perjanjian[0]->jabatan[0].sasaran[0].indikator);
}

}  // namespace
}  // namespace sakip
