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
      {Polaritas::kNegatif, RumusNegatif::kSelisih, 5, 0, kNone,
       "target bernilai 0"},
  };
  for (const Case& c : cases) {
    Nilai n = Capaian(c.p, c.r, c.realisasi, c.target);
    INFO("R=" << c.realisasi << " T=" << c.target);
    CHECK(n.value() == c.expected);
    CHECK(n.alasan() == c.alasan);
  }
}

TEST_CASE("quarterly targets take precedence over the annual target") {
  Indikator ind;
  CHECK(TargetPada(ind, 2).alasan() == "target belum ditetapkan");
  ind.target = 100;
  CHECK(TargetPada(ind, 2).value() == 100);
  ind.target_triwulan = {25, 50, 75, 100};
  CHECK(TargetPada(ind, 1).value() == 25);
  CHECK(TargetPada(ind, 2).value() == 50);
  CHECK(TargetPada(ind, 4).value() == 100);
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
  CHECK(q2.capaian.value() == 70);
  CHECK(q2.predikat == "Sedang");
  CHECK(q2.serapan.value() == 75);
  CHECK(q2.efisiensi.value() == -5);
  CHECK(q2.efisiensi_label == "cukup efisien");
  CHECK(q2.evaluasi == "Sesuai jadwal");
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
  CHECK(rs.per_predikat.at("Sedang") == 1);
  CHECK(rs.per_predikat.at("Tinggi") == 1);
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
