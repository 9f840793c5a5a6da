// Perjanjian Kinerja (PK) and its Rencana Aksi: a tree written from the
// content format alone, computed by hand, and every mistake a PK file can
// hold, each with its position and hint.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "compute.h"
#include "pipeline.h"
#include "test_tree.h"
#include "unit_cache.h"

namespace sakip {
namespace {

const HasilIndikator& Row(const Results& results, const Jabatan& jabatan,
                          const std::string& id) {
  for (const HasilIndikator& h : results.hasil.at(2025)) {
    if (h.jabatan == &jabatan && h.indikator->id == id) return h;
  }
  FAIL("no row " << id);
  throw;
}

TEST_CASE("pk-unseen: a PK tree written from the spec, computed by hand") {
  RealFileSystem fs(testing::SourceDir() + "/tests/data/pk-unseen");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  const Unit* dinas = c.model.FindUnit("pemkab-uji/dinas-uji");
  REQUIRE(dinas);
  const Perjanjian* pk = dinas->FindPerjanjian(2025);
  REQUIRE(pk);
  CHECK(pk->jenis == "murni");
  CHECK(pk->tanggal == Date{2025, 1, 6});
  const Jabatan& kepala = *dinas->FindJabatan("kepala");
  const Jabatan& sekretaris = *dinas->FindJabatan("sekretaris");
  const Jabatan& kasubag = *dinas->FindJabatan("kasubag");
  const PerjanjianJabatan& pk_sekretaris = *pk->FindJabatan("sekretaris");
  CHECK(pk_sekretaris.pihak_kedua == &kepala);
  // kasubag writes no pihak_kedua: its atasan.
  CHECK(pk->FindJabatan("kasubag")->pihak_kedua == &sekretaris);

  // The `iki` link inherits the text, satuan, target and sumber_data.
  const PerjanjianSasaran& dokumen = pk_sekretaris.sasaran[0];
  CHECK(dokumen.iki == sekretaris.FindIndikator("dokumen-perencanaan"));
  CHECK(dokumen.indikator.nama == "Jumlah dokumen perencanaan yang tersusun");
  CHECK(dokumen.indikator.satuan == "dokumen");
  CHECK(dokumen.indikator.target == 4);
  CHECK(dokumen.indikator.sumber_data ==
        std::vector<std::string>{"Arsip dokumen perencanaan"});
  // Budget rows funding a sasaran; the third funds none.
  CHECK(pk_sekretaris.anggaran[0].sasaran == &dokumen);
  CHECK(pk_sekretaris.anggaran[2].sasaran == nullptr);
  CHECK(dokumen.indikator.anggaran->pagu == 2000000);
  // The kasubag's sasaran cascades into a sasaran of the sekretaris' PK of
  // the same year; the link changes no figure.
  const PerjanjianSasaran& laporan = pk->FindJabatan("kasubag")->sasaran[0];
  CHECK(laporan.indikator.mendukung ==
        &pk_sekretaris.FindSasaran("ketepatan-layanan")->indikator);
  CHECK(laporan.indikator.mendukung_jabatan == &sekretaris);

  Results results = ComputeResults(c.model, &c.diagnostics);
  CHECK(c.diagnostics.all().empty());
  // Rows of sekretaris in 2025: its three sasaran, then surat-sop, the IKI
  // indicator the PK leaves out (dokumen-perencanaan is the first sasaran's).
  std::vector<std::string> ids;
  for (const HasilIndikator& h : results.hasil.at(2025)) {
    if (h.jabatan == &sekretaris) ids.push_back(h.indikator->id);
  }
  CHECK(ids == std::vector<std::string>{"dokumen-perencanaan",
                                        "ketepatan-layanan",
                                        "pengaduan-tertunda", "surat-sop"});
  // The IKI indicator finds its sasaran's row.
  CHECK(results.Find(2025, dokumen.iki)->sasaran == &dokumen);

  SECTION("iki link with a kumulatif rencana aksi and a budget") {
    const HasilIndikator& h = Row(results, sekretaris, "dokumen-perencanaan");
    CHECK(h.sasaran == &dokumen);
    const auto& q = h.triwulan;
    for (int k = 0; k < 3; ++k) {
      CHECK(q[k].sumber_target == SumberTarget::kRencanaAksi);
      CHECK_FALSE(q[k].progres);
    }
    // I: R = 1, T = 1 -> 100 %; serapan 400.000 / 2.000.000 = 20 %;
    // efisiensi 100 - 20 = 80: efisien.
    CHECK(q[0].capaian.value() == 100);
    CHECK(q[0].predikat == "Sangat Tinggi");
    CHECK(q[0].serapan.value() == 20);
    CHECK(q[0].efisiensi.value() == 80);
    CHECK(q[0].efisiensi_label == "efisien");
    // II: R = 1 + 1 = 2 against the rencana aksi 2 (not the IKI's 1):
    // 100 %; serapan 900.000 / 2.000.000 = 45 %; efisiensi 55.
    CHECK(q[1].realisasi.value() == 2);
    CHECK(q[1].target.value() == 2);
    CHECK(q[1].capaian.value() == 100);
    CHECK(q[1].efisiensi.value() == 55);
    // III: R = 2, T = 3 -> 66,666... rounded once to 66,67: Sedang;
    // serapan 1.500.000 / 2.000.000 = 75; efisiensi 66,67 - 75 = -8,33.
    CHECK(q[2].realisasi.value() == 2);
    CHECK(q[2].capaian.value() == 66.67);
    CHECK(q[2].predikat == "Sedang");
    CHECK(q[2].efisiensi.value() == -8.33);
    CHECK(q[2].efisiensi_label == "tidak efisien");
    // IV: nothing reported yet; its target is the rencana aksi's 4.
    CHECK(q[3].target.value() == 4);
    CHECK_FALSE(q[3].dilapor);
    CHECK(h.triwulan_terakhir == 3);
  }

  SECTION("a sasaran of its own, terakhir: the annual target each quarter") {
    const HasilIndikator& h = Row(results, sekretaris, "ketepatan-layanan");
    CHECK(h.sasaran == &pk_sekretaris.sasaran[1]);
    CHECK(h.sasaran->iki == nullptr);
    const auto& q = h.triwulan;
    for (int k = 0; k < 3; ++k) {
      CHECK(q[k].sumber_target == SumberTarget::kTahunan);
      CHECK_FALSE(q[k].progres);
      CHECK(q[k].target.value() == 90);
    }
    // I: 80 / 90 x 100 = 88,888... -> 88,89: Tinggi.
    CHECK(q[0].capaian.value() == 88.89);
    CHECK(q[0].predikat == "Tinggi");
    // II: 85,5 / 90 x 100 = 95: Sangat Tinggi.
    CHECK(q[1].capaian.value() == 95);
    CHECK(q[1].predikat == "Sangat Tinggi");
    // III: the latest, 81,45 / 90 x 100 = 90,5: Tinggi (below 91).
    CHECK(q[2].realisasi.value() == 81.45);
    CHECK(q[2].capaian.value() == 90.5);
    CHECK(q[2].predikat == "Tinggi");
    // Spending reported only at III: 300.000 / 1.000.000 = 30 %;
    // efisiensi 90,5 - 30 = 60,5.
    CHECK_FALSE(q[0].serapan.has_value());
    CHECK(q[2].serapan.value() == 30);
    CHECK(q[2].efisiensi.value() == 60.5);
  }

  SECTION("polaritas negatif against a kumulatif rencana aksi") {
    const HasilIndikator& h = Row(results, sekretaris, "pengaduan-tertunda");
    const auto& q = h.triwulan;
    // Running totals 2, 4, 9 against 3, 5, 8; selisih: (2T - R) / T x 100.
    // I: (6 - 2) / 3 x 100 = 133,33; II: (10 - 4) / 5 x 100 = 120;
    // III: (16 - 9) / 8 x 100 = 87,5.
    CHECK(q[0].capaian.value() == 133.33);
    CHECK(q[1].capaian.value() == 120);
    CHECK(q[2].realisasi.value() == 9);
    CHECK(q[2].capaian.value() == 87.5);
    CHECK(q[2].predikat == "Tinggi");
    CHECK(q[2].sumber_target == SumberTarget::kRencanaAksi);
    // No budget row names it: no serapan.
    CHECK(q[2].serapan.alasan() == "tidak ada pagu anggaran");
  }

  SECTION("an IKI indicator outside the PK is reported under its own id") {
    const HasilIndikator& h = Row(results, sekretaris, "surat-sop");
    CHECK(h.sasaran == nullptr);
    CHECK(h.indikator == sekretaris.FindIndikator("surat-sop"));
    // terakhir, 95 / 100 x 100 = 95.
    CHECK(h.triwulan[0].capaian.value() == 95);
    CHECK(h.triwulan[0].predikat == "Sangat Tinggi");
  }

  SECTION("no quarterly target: progress towards the year, no predikat") {
    const HasilIndikator& h = Row(results, kasubag, "laporan-bulanan");
    CHECK(h.sasaran->iki == kasubag.FindIndikator("laporan"));
    const auto& q = h.triwulan;
    // 3, 6, 9 of 12: 25, 50, 75 % of the year, no predikat nor efisiensi
    // label; quarter IV will be judged against the 12.
    double expected[] = {25, 50, 75};
    for (int k = 0; k < 3; ++k) {
      CHECK(q[k].progres);
      CHECK(q[k].sumber_target == SumberTarget::kTahunan);
      CHECK(q[k].capaian.value() == expected[k]);
      CHECK(q[k].predikat.empty());
      CHECK(q[k].efisiensi_label.empty());
    }
    CHECK_FALSE(q[3].progres);
    // Nothing judged: the roll-up counts no predikat for kasubag.
    CHECK(results.per_jabatan.at(2025).at(&kasubag).per_predikat.empty());
  }

  SECTION("a jabatan without a PK keeps its IKI rows") {
    const HasilIndikator& h = Row(results, kepala, "kinerja-dinas");
    CHECK(h.sasaran == nullptr);
    CHECK(h.triwulan[0].capaian.value() == 87.5);  // 70 / 80, terakhir
  }
}

TEST_CASE("the unit cache keeps the PK") {
  RealFileSystem fs(testing::SourceDir() + "/tests/data/pk-unseen");
  testing::Checked c = testing::Check(fs);
  const Unit* dinas = c.model.FindUnit("pemkab-uji/dinas-uji");
  std::string bytes = SerializeUnit(*dinas, {});
  Unit copy;
  std::vector<Diagnostic> diagnostics;
  REQUIRE(DeserializeUnit(bytes, &copy, &diagnostics));
  REQUIRE(copy.perjanjian.size() == 1);
  const Perjanjian& pk = *copy.perjanjian[0];
  CHECK(pk.unit == &copy);
  CHECK(pk.tahun == 2025);
  CHECK(pk.tempat == "Uji");
  const PerjanjianJabatan& s = pk.jabatan[0];
  CHECK(s.pihak_kedua_ref.text == "kepala");
  CHECK(s.sasaran[0].iki_ref.text == "dokumen-perencanaan");
  CHECK(s.sasaran[0].rencana_aksi == std::vector<double>{1, 2, 3, 4});
  CHECK(s.sasaran[2].indikator.polaritas == Polaritas::kNegatif);
  CHECK(s.sasaran[1].diberi ==
        (PerjanjianSasaran::kSasaran | PerjanjianSasaran::kIndikator |
         PerjanjianSasaran::kTarget | PerjanjianSasaran::kSatuan |
         PerjanjianSasaran::kAgregasi));
  CHECK(s.anggaran[1].sasaran_ref.text == "ketepatan-layanan");
  CHECK(s.anggaran[1].anggaran.pagu == 1000000);
  CHECK(pk.jabatan[1].sasaran[0].indikator.mendukung_ref.text ==
        "sekretaris#ketepatan-layanan");
  CHECK(SerializeUnit(copy, {}) == bytes);
}

TEST_CASE("a PK loaded from the unit cache computes the same figures") {
  RealFileSystem fs(testing::SourceDir() + "/tests/data/pk-unseen");
  std::string cache = (std::filesystem::temp_directory_path() /
                       ("sakip-pk-cache-" + std::to_string(::getpid())))
                          .string();
  std::filesystem::remove_all(cache);
  std::vector<double> figures[2];
  for (int run = 0; run < 2; ++run) {  // the second run reads the cache
    Diagnostics diagnostics;
    Model model = LoadAndResolve(fs, "", &diagnostics, cache);
    REQUIRE(diagnostics.all().empty());
    Results results = ComputeResults(model, &diagnostics);
    for (const HasilIndikator& h : results.hasil.at(2025)) {
      for (const HasilTriwulan& q : h.triwulan) {
        figures[run].push_back(q.capaian.value().value_or(-1));
        figures[run].push_back(q.target.value().value_or(-1));
      }
      figures[run].push_back(h.sasaran ? h.sasaran->rencana_aksi.size() : -1);
    }
  }
  CHECK(std::filesystem::exists(cache));
  CHECK(figures[0].size() == 6 * 9);  // 6 rows, 4 quarters x 2 + 1
  CHECK(figures[0] == figures[1]);
  std::filesystem::remove_all(cache);
}

}  // namespace
}  // namespace sakip
