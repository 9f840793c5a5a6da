#include "compute.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "test_tree.h"

namespace sakip {
namespace {

using Quarters = std::array<std::optional<double>, 4>;
constexpr auto kNone = std::nullopt;

TEST_CASE("a Nilai holds any double, or no value with its reason") {
  for (double v : {0.0, -0.0, 1e308, -1e-308, 63.5,
                   std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity()}) {
    Nilai n = Nilai::Of(v);
    REQUIRE(n.has_value());
    CHECK(std::bit_cast<std::uint64_t>(*n.value()) ==
          std::bit_cast<std::uint64_t>(v));
    CHECK(n.alasan().empty());
  }
  // NaNs from arithmetic (0/0, sqrt(-1)) and a quiet NaN stay values.
  double zero = 0;
  for (double v : {zero / zero, std::sqrt(zero - 1),
                   std::numeric_limits<double>::quiet_NaN()}) {
    Nilai n = Nilai::Of(v);
    REQUIRE(n.has_value());
    CHECK(std::isnan(*n.value()));
  }
  Nilai none = Nilai::None("target bernilai 0");
  CHECK_FALSE(none.has_value());
  CHECK_FALSE(none.value());
  CHECK(none.alasan() == "target bernilai 0");
  CHECK_FALSE(Nilai().has_value());
  CHECK(Nilai().alasan().empty());
  CHECK_FALSE(Nilai::None(nullptr).has_value());
}

TEST_CASE("aggregation to quarter k, with gaps") {
  struct Case {
    Agregasi agregasi;
    Quarters q;
    int k;
    std::optional<double> expected;
  };
  Case cases[] = {
      {Agregasi::kKumulatif, {10, 20, 30, 40}, 1, 10},
      {Agregasi::kKumulatif, {10, 20, 30, 40}, 4, 100},
      {Agregasi::kKumulatif, {10, kNone, 30, kNone}, 2, 10},
      {Agregasi::kKumulatif, {10, kNone, 30, kNone}, 4, 40},
      {Agregasi::kKumulatif, {kNone, kNone, 30, kNone}, 2, kNone},
      {Agregasi::kTerakhir, {10, 20, kNone, kNone}, 4, 20},
      {Agregasi::kTerakhir, {10, kNone, 5, kNone}, 2, 10},
      {Agregasi::kTerakhir, {kNone, 63, kNone, kNone}, 2, 63},
      {Agregasi::kRataRata, {10, 20, kNone, 60}, 4, 30},
      {Agregasi::kRataRata, {10, kNone, kNone, kNone}, 3, 10},
      {Agregasi::kRataRata, {kNone, kNone, kNone, kNone}, 4, kNone},
      {Agregasi::kKumulatif, {0, kNone, kNone, kNone}, 1, 0},
  };
  for (const Case& c : cases) {
    Nilai n = AggregateUpTo(c.q, c.agregasi, c.k);
    INFO("agregasi " << static_cast<int>(c.agregasi) << " k=" << c.k);
    CHECK(n.value() == c.expected);
    if (!c.expected) CHECK(n.alasan() == "belum ada data realisasi");
  }
}

NilaiTriwulan Parts(double pembilang, double penyebut) {
  NilaiTriwulan n;
  n.pembilang = pembilang;
  n.penyebut = penyebut;
  return n;
}

TEST_CASE("structured rumus aggregates components first") {
  Indikator ind;
  ind.rumus = Rumus{"surat sesuai SOP", "semua surat", 100};
  PerTriwulan<NilaiTriwulan> q;
  q[0] = Parts(9, 10);
  q[2] = Parts(27, 30);
  q[3] = Parts(1, 20);
  struct Case {
    Agregasi agregasi;
    int k;
    std::optional<double> expected;
  };
  Case cases[] = {
      {Agregasi::kKumulatif, 1, 90},
      {Agregasi::kKumulatif, 3, 36.0 / 40 * 100},
      {Agregasi::kKumulatif, 4, 37.0 / 60 * 100},
      {Agregasi::kTerakhir, 2, 90},
      {Agregasi::kTerakhir, 4, 5},
      {Agregasi::kRataRata, 3, (36.0 / 2) / (40.0 / 2) * 100},
      {Agregasi::kRataRata, 4, (37.0 / 3) / (60.0 / 3) * 100},
  };
  for (const Case& c : cases) {
    ind.agregasi = c.agregasi;
    Nilai n = RealisasiSampai(ind, q, c.k);
    INFO("agregasi " << static_cast<int>(c.agregasi) << " k=" << c.k);
    REQUIRE(n.value());
    CHECK(*n.value() == Approx(*c.expected));
  }
  PerTriwulan<NilaiTriwulan> zero;
  zero[0] = Parts(0, 0);
  CHECK(RealisasiSampai(ind, zero, 1).alasan() == "penyebut bernilai 0");
}

TEST_CASE("capaian: positif, negatif selisih with floor, negatif kebalikan") {
  struct Case {
    Polaritas p;
    RumusNegatif r;
    double realisasi, target;
    std::optional<double> expected;
    const char* alasan;
  };
  Case cases[] = {
      {Polaritas::kPositif, RumusNegatif::kSelisih, 63, 100, 63, ""},
      {Polaritas::kPositif, RumusNegatif::kSelisih, 120, 100, 120, ""},
      {Polaritas::kPositif, RumusNegatif::kSelisih, 0, 100, 0, ""},
      {Polaritas::kNegatif, RumusNegatif::kSelisih, 80, 100, 120, ""},
      {Polaritas::kNegatif, RumusNegatif::kSelisih, 150, 100, 50, ""},
      {Polaritas::kNegatif, RumusNegatif::kSelisih, 250, 100, 0, ""},
      {Polaritas::kNegatif, RumusNegatif::kKebalikan, 80, 100, 125, ""},
      {Polaritas::kNegatif, RumusNegatif::kKebalikan, 200, 100, 50, ""},
      {Polaritas::kNegatif, RumusNegatif::kKebalikan, 0, 100, kNone,
       "realisasi bernilai 0 pada rumus kebalikan"},
      {Polaritas::kPositif, RumusNegatif::kSelisih, 5, 0, kNone,
       "target bernilai 0"},
      // "Zero incidents" (docs/decisions.md): none is 100, any is 0.
      {Polaritas::kNegatif, RumusNegatif::kSelisih, 5, 0, 0, ""},
      {Polaritas::kNegatif, RumusNegatif::kSelisih, 0, 0, 100, ""},
      {Polaritas::kNegatif, RumusNegatif::kKebalikan, 3, 0, 0, ""},
      {Polaritas::kNegatif, RumusNegatif::kKebalikan, 0, 0, 100, ""},
      // Negative figures are valid: a growth indicator that fell.
      {Polaritas::kPositif, RumusNegatif::kSelisih, -2, 8, -25, ""},
  };
  for (const Case& c : cases) {
    Nilai n = Capaian(c.p, c.r, c.realisasi, c.target);
    INFO("R=" << c.realisasi << " T=" << c.target);
    CHECK(n.value() == c.expected);
    CHECK(n.alasan() == c.alasan);
  }
}

TEST_CASE("quarter targets: rencana aksi, then target_triwulan, then annual") {
  Indikator ind;
  CHECK(TargetPada(ind, 2).target.alasan() == "target belum ditetapkan");
  CHECK(TargetPada(ind, 2).sumber == SumberTarget::kTidakAda);
  ind.target = 100;
  // Kumulatif on the annual target: quarters I-III are progress, IV is the
  // year's result.
  for (int k = 1; k <= 4; ++k) {
    TargetTriwulan t = TargetPada(ind, k);
    INFO("quarter " << k);
    CHECK(t.target.value() == 100);
    CHECK(t.sumber == SumberTarget::kTahunan);
    CHECK(t.progres == (k < 4));
  }
  // A level (terakhir, rata-rata): the annual target is each quarter's.
  for (Agregasi a : {Agregasi::kTerakhir, Agregasi::kRataRata}) {
    ind.agregasi = a;
    CHECK_FALSE(TargetPada(ind, 2).progres);
    CHECK(TargetPada(ind, 2).sumber == SumberTarget::kTahunan);
  }
  ind.agregasi = Agregasi::kKumulatif;
  ind.target_triwulan = {25, 50, 75, 90};
  CHECK(TargetPada(ind, 1).target.value() == 25);
  CHECK(TargetPada(ind, 4).target.value() == 90);
  CHECK(TargetPada(ind, 2).sumber == SumberTarget::kTargetTriwulan);
  CHECK_FALSE(TargetPada(ind, 2).progres);
  // The PK's rencana aksi comes first.
  std::vector<double> rencana_aksi = {10, 40, 70, 100};
  TargetTriwulan ra = TargetPada(ind, 2, rencana_aksi);
  CHECK(ra.target.value() == 40);
  CHECK(ra.sumber == SumberTarget::kRencanaAksi);
  CHECK_FALSE(ra.progres);
  CHECK(TargetPada(ind, 4, rencana_aksi).target.value() == 100);
}

TEST_CASE(
    "progress towards the annual target is R over T whatever the polaritas") {
  CHECK(Progres(30, 120).value() == 25);
  CHECK(Progres(1, 3).value() == 33.33);
  CHECK(Progres(5, 0).alasan() == "target bernilai 0");
}

TEST_CASE("capaian is rounded once and the predikat and efisiensi use it") {
  std::vector<PredikatBand> skala = DefaultPredikatScale();
  auto capaian = [](double r, double t) {
    return *Capaian(Polaritas::kPositif, RumusNegatif::kSelisih, r, t).value();
  };
  CHECK(BulatkanCapaian(90.996) == 91.00);
  CHECK(BulatkanCapaian(-12.345678) == -12.35);
  // 90.996 shows as 91,00: Sangat Tinggi, not the Tinggi of the raw figure.
  CHECK(capaian(90.996, 100) == 91);
  CHECK(Predikat(skala, capaian(90.996, 100)) == "Sangat Tinggi");
  CHECK(capaian(90.5, 100) == 90.5);
  CHECK(Predikat(skala, capaian(90.5, 100)) == "Tinggi");
  // 65.5 / 100 x 100 is 65.50000000000001 unrounded.
  CHECK(capaian(65.5, 100) == 65.5);
  CHECK(Predikat(skala, capaian(65.5, 100)) == "Rendah");
  CHECK(capaian(65.996, 100) == 66);
  CHECK(Predikat(skala, capaian(65.996, 100)) == "Sedang");
  // Efisiensi exactly +5 and -5 from rounded capaian: cukup efisien. Unrounded
  // (55.004 - 50, 44.996 - 50) they would be efisien and tidak efisien.
  Nilai plus = Efisiensi(Nilai::Of(capaian(55.004, 100)), Nilai::Of(50));
  CHECK(plus.value() == 5);
  CHECK(EfisiensiLabel(*plus.value()) == "cukup efisien");
  Nilai minus = Efisiensi(Nilai::Of(capaian(44.996, 100)), Nilai::Of(50));
  CHECK(minus.value() == -5);
  CHECK(EfisiensiLabel(*minus.value()) == "cukup efisien");
  CHECK(Efisiensi(Nilai::Of(63), Nilai::Of(48.916761)).value() == 14.08);
}

TEST_CASE("predikat band edges on the default scale") {
  std::vector<PredikatBand> skala = DefaultPredikatScale();
  CHECK(Predikat(skala, 120) == "Sangat Tinggi");
  CHECK(Predikat(skala, 91) == "Sangat Tinggi");
  CHECK(Predikat(skala, 90.99) == "Tinggi");
  CHECK(Predikat(skala, 76) == "Tinggi");
  CHECK(Predikat(skala, 75.5) == "Sedang");
  CHECK(Predikat(skala, 66) == "Sedang");
  CHECK(Predikat(skala, 65.99) == "Rendah");
  CHECK(Predikat(skala, 51) == "Rendah");
  CHECK(Predikat(skala, 50.5) == "Sangat Rendah");
  CHECK(Predikat(skala, 0) == "Sangat Rendah");
  // Below every band (a falling growth indicator): the lowest band.
  std::vector<PredikatBand> from_ten = {{90, "Baik"}, {10, "Kurang"}};
  std::string below(Predikat(from_ten, -5));
  CHECK(below == "Kurang");
  CHECK(Predikat({}, 50).empty());
}

TEST_CASE("serapan and efisiensi with their labels at +-5") {
  CHECK(*Serapan(858000, 1754000).value() == Approx(48.916761));
  CHECK(Serapan(100, std::nullopt).alasan() == "tidak ada pagu anggaran");
  CHECK(Serapan(100, 0).alasan() == "pagu anggaran bernilai 0");
  CHECK(Serapan(std::nullopt, 100).alasan() == "belum ada realisasi anggaran");
  CHECK(Efisiensi(Nilai::Of(63), Nilai::Of(40)).value() == 23);
  CHECK(Efisiensi(Nilai::None("x"), Nilai::Of(40)).alasan() == "x");
  CHECK(EfisiensiLabel(5.01) == "efisien");
  CHECK(EfisiensiLabel(5) == "cukup efisien");
  CHECK(EfisiensiLabel(0) == "cukup efisien");
  CHECK(EfisiensiLabel(-5) == "cukup efisien");
  CHECK(EfisiensiLabel(-5.01) == "tidak efisien");
}

TEST_CASE("results of a tree: quarters, roll-ups and the dilaporkan check") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/jabatan/sekretaris.md",
           "---\nnama: Sekretaris Kecamatan\natasan: camat\nindikator:\n"
           "  - id: dokumen\n    nama: Jumlah dokumen\n    target: 10\n"
           "    anggaran: { pagu: 2000 }\n"
           "  - id: surat\n    nama: Persentase surat\n    target: 100\n"
           "    agregasi: terakhir\n---\n");
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { I: 3, II: 4 }\n      anggaran: { II: 1500 }\n"
           "      dilaporkan: { II: 65 }\n"
           "      evaluasi: { II: Sesuai jadwal }\n"
           "    surat:\n      triwulan: { II: 90 }\n"
           "  camat:\n    kinerja-kecamatan:\n      triwulan: { I: 60 }\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  REQUIRE(results.tahun == std::vector<int>{2024});
  const Unit* kec = c.model.FindUnit("kota/kec");
  const Jabatan* sekretaris = kec->FindJabatan("sekretaris");
  const HasilIndikator* dokumen = results.Find(2024, &sekretaris->indikator[0]);
  REQUIRE(dokumen);
  CHECK(dokumen->triwulan_terakhir == 2);
  const HasilTriwulan& q2 = dokumen->triwulan[1];
  CHECK(q2.realisasi.value() == 7);
  // Kumulatif without quarterly targets: quarter II is progress towards the
  // annual 10, with no predikat and no efisiensi label.
  CHECK(q2.capaian.value() == 70);
  CHECK(q2.progres);
  CHECK(q2.sumber_target == SumberTarget::kTahunan);
  CHECK(q2.predikat.empty());
  CHECK(q2.serapan.value() == 75);
  CHECK(q2.efisiensi.value() == -5);
  CHECK(q2.efisiensi_label.empty());
  CHECK(dokumen->sasaran == nullptr);  // an IKI row
  REQUIRE(q2.tindak_lanjut.size() == 1);
  CHECK(q2.tindak_lanjut[0].evaluasi == "Sesuai jadwal");
  CHECK(q2.tindak_lanjut[0].tindak_lanjut.empty());
  CHECK(dokumen->triwulan[2].dilapor == false);

  // The report printed 65, the content gives 70: a warning naming both.
  REQUIRE(c.diagnostics.warning_count() == 1);
  CHECK(c.diagnostics.all()[0].message ==
        "quarter II of `sekretaris#dokumen`: the report prints capaian 65 but "
        "realisasi and target give 70");

  const Ringkasan& rs = results.per_jabatan[2024][sekretaris];
  CHECK(rs.indikator == 2);
  CHECK(rs.bernilai == 2);
  CHECK(*rs.rata_capaian == Approx(80));  // (70 + 90) / 2
  // Only `surat` (terakhir: judged each quarter) has a predikat.
  CHECK(rs.per_predikat.count("Sedang") == 0);
  CHECK(rs.per_predikat.at("Tinggi") == 1);
  CHECK(results.Find(2024, &sekretaris->indikator[1])->triwulan[1].predikat ==
        "Tinggi");
  CHECK(rs.pagu == 2000);
  CHECK(*rs.serapan == Approx(75));

  const Ringkasan& unit = results.per_unit[2024][kec];
  CHECK(unit.indikator == 3);
  CHECK(unit.bernilai == 3);
  CHECK(*unit.rata_capaian == Approx((70.0 + 90 + 75) / 3));  // 60/80 = 75
  const Ringkasan& kota = results.per_unit_subtree[2024][c.model.roots[0]];
  CHECK(kota.indikator == 3);
  CHECK(*kota.rata_capaian == Approx(*unit.rata_capaian));
  CHECK(results.per_unit[2024][c.model.roots[0]].indikator == 0);
}

}  // namespace
}  // namespace sakip
