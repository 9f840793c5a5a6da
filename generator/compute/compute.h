// Phase 3: indicator results, every rule of the "Computation" section of the
// content format. No I/O, no HTML. The one rounding is the capaian's (and
// the efisiensi made from it), to two decimals, as the format says: what a
// page shows, its predikat and its efisiensi label then agree.
#ifndef SAKIP_COMPUTE_H_
#define SAKIP_COMPUTE_H_

#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diagnostic.h"
#include "model.h"

namespace sakip {

// A computed value, or "no value" with the reason (in Bahasa Indonesia, for
// readers). Never 0 in place of a missing value. Results are kept for every
// indicator and quarter of a large tree (five per quarter, 1.8 million at
// 90,000 indicators), so this is 8 bytes: a missing value is stored as a
// quiet NaN whose payload is the address of its reason, a string literal
// (literals live in the program's image, far below the 2^51 the payload
// holds). A NaN that arithmetic produces has a zero payload or the sign bit
// set, so it stays a value.
class Nilai {
 public:
  Nilai() : bits_(Box("")) {}  // no value, no reason given
  static Nilai Of(double v) {
    Nilai n;
    n.bits_ = std::bit_cast<std::uint64_t>(v);
    return n;
  }
  static Nilai None(const char* why) {
    Nilai n;
    n.bits_ = Box(why ? why : "");
    return n;
  }
  bool has_value() const {
    return (bits_ & kTagMask) != kTag || (bits_ & kPayloadMask) == 0;
  }
  std::optional<double> value() const {
    if (!has_value()) return std::nullopt;
    return std::bit_cast<double>(bits_);
  }
  std::string_view alasan() const {
    if (has_value()) return "";
    return reinterpret_cast<const char*>(bits_ & kPayloadMask);
  }

 private:
  static constexpr std::uint64_t kTag = 0x7ff8000000000000ULL;  // +qNaN
  static constexpr std::uint64_t kTagMask = 0xfff8000000000000ULL;
  static constexpr std::uint64_t kPayloadMask = ~kTagMask;
  static std::uint64_t Box(const char* why) {
    assert((reinterpret_cast<std::uintptr_t>(why) & kTagMask) == 0);
    return kTag | reinterpret_cast<std::uintptr_t>(why);
  }
  std::uint64_t bits_;
};
static_assert(sizeof(Nilai) == 8);

// --- The rules, one function each -----------------------------------------

// Realised value to quarter k (1..4) of plain quarterly figures.
Nilai AggregateUpTo(const std::array<std::optional<double>, 4>& quarters,
                    Agregasi agregasi, int k);
// Realised value to quarter k, with a structured rumus when the indicator
// has one (components aggregated first, then pembilang / penyebut x pengali).
Nilai RealisasiSampai(const Indikator& indikator,
                      const PerTriwulan<NilaiTriwulan>& triwulan, int k);
// Where a quarter's target comes from.
enum class SumberTarget {
  kTidakAda,        // no target at all
  kRencanaAksi,     // the PK's rencana_aksi[k]
  kTargetTriwulan,  // the IKI's target_triwulan[k]
  kTahunan,         // the annual target
};

struct TargetTriwulan {
  Nilai target;
  SumberTarget sumber = SumberTarget::kTidakAda;
  // A quarter I-III measured against the whole year's target: its figure is
  // progress (R / T x 100), not judged, so it has no predikat.
  bool progres = false;
};

// Target of quarter k (1..4): `rencana_aksi[k]` (a PK sasaran's, empty
// otherwise), else target_triwulan[k], else the annual target. Quarters
// I-III on the annual target are progress, except for `terakhir` and
// `rata-rata` indicators (a level, not a sum: the annual target is each
// quarter's target); quarter IV on it is the year's result.
TargetTriwulan TargetPada(const Indikator& indikator, int k,
                          const std::vector<double>& rencana_aksi = {});
// Capaian rounded once, to two decimals (half away from zero).
double BulatkanCapaian(double capaian);
// positif: R/T x 100; negatif+selisih: (2T-R)/T x 100 floored at 0;
// negatif+kebalikan: T/R x 100; rounded by BulatkanCapaian. A negatif
// target of 0 ("zero incidents"): 100 when R <= 0, else 0 (see
// docs/decisions.md); a positif target of 0 gives no capaian.
Nilai Capaian(Polaritas polaritas, RumusNegatif rumus, double realisasi,
              double target);
// Progress of a quarter towards the annual target: R / T x 100, rounded by
// BulatkanCapaian, whatever the polaritas.
Nilai Progres(double realisasi, double target);
// The first band whose `min` <= capaian (bands sorted highest first); a
// label of `skala`, valid as long as it is.
std::string_view Predikat(const std::vector<PredikatBand>& skala,
                          double capaian);
// realised spending / pagu x 100
Nilai Serapan(std::optional<double> realisasi_anggaran,
              std::optional<double> pagu);
// capaian - serapan, in points, rounded to two decimals like the capaian.
Nilai Efisiensi(const Nilai& capaian, const Nilai& serapan);
// `efisien` above +5, `cukup efisien` within +-5, `tidak efisien` below -5.
std::string_view EfisiensiLabel(double efisiensi);  // a literal

// --- Results of a whole model ------------------------------------------------

struct HasilTriwulan {
  int triwulan = 0;      // 1..4
  bool dilapor = false;  // any figure reported for this quarter
  Nilai realisasi;
  Nilai target;
  SumberTarget sumber_target = SumberTarget::kTidakAda;
  // `capaian` is progress towards the annual target (label it so): no
  // predikat and no efisiensi label.
  bool progres = false;
  Nilai capaian;              // rounded to two decimals
  std::string_view predikat;  // a label of the site's skala; empty without
                              // capaian and for progress figures
  std::optional<double> realisasi_anggaran;
  Nilai serapan;
  Nilai efisiensi;
  std::string_view efisiensi_label;  // a literal
  std::optional<double> dilaporkan;
  // The Rencana Tindak Lanjut rows of the quarter, in the Model.
  std::span<const BarisTindakLanjut> tindak_lanjut;
};

struct HasilIndikator {
  // The indicator computed: a PK sasaran's effective indicator when
  // `sasaran` is set, else an IKI indicator of `jabatan`.
  const Indikator* indikator = nullptr;
  const PerjanjianSasaran* sasaran = nullptr;  // null: an IKI row
  const Jabatan* jabatan = nullptr;
  int tahun = 0;
  std::array<HasilTriwulan, 4> triwulan;
  // The last quarter with a report (1..4), or 0 when nothing is reported.
  int triwulan_terakhir = 0;
  const HasilTriwulan* Terakhir() const {
    return triwulan_terakhir ? &triwulan[triwulan_terakhir - 1] : nullptr;
  }
};

// Headline figures of a group of indicators at their latest reported quarter.
struct Ringkasan {
  int indikator = 0;
  int bernilai = 0;  // indicators with a capaian
  std::optional<double> rata_capaian;
  std::map<std::string, int> per_predikat;
  double pagu = 0;
  double realisasi_anggaran = 0;
  std::optional<double> serapan;
};

struct Results {
  std::vector<int> tahun;  // years with realisasi, ascending
  // By year; within a year in model order (unit, jabatan, then each
  // jabatan's rows: the sasaran of its PK of that year, when it has one,
  // then its IKI indicators that no sasaran links).
  std::map<int, std::vector<HasilIndikator>> hasil;
  std::map<int, std::map<const Jabatan*, Ringkasan>> per_jabatan;
  std::map<int, std::map<const Unit*, Ringkasan>> per_unit;  // own jabatan
  std::map<int, std::map<const Unit*, Ringkasan>>
      per_unit_subtree;  // with sub-units

  // By the row's indicator; an IKI indicator that a PK sasaran links finds
  // the sasaran's row.
  const HasilIndikator* Find(int year, const Indikator* indikator) const;
  // Makes Find constant-time; ComputeResults calls it.
  void BuildIndex();
  // The year shown by default: site `tahun` when it has results, else the
  // latest year with results; 0 when there are none.
  int TahunUtama(const Site& site) const;

 private:
  std::map<int, std::unordered_map<const Indikator*, size_t>> index_;
};

// A row of a jabatan's results in one year: the indicator computed and the
// PK sasaran it is the effective indicator of (null for an IKI indicator).
struct BarisHasil {
  const Indikator* indikator;
  const PerjanjianSasaran* sasaran;
};

// The rows of `jabatan` in `year`: the sasaran of its PK of that year, then
// its IKI indicators that no sasaran links (they may still be reported);
// without a PK, its IKI.
std::vector<BarisHasil> BarisTahun(const Jabatan& jabatan, int year);

// Computes every indicator of every jabatan for every year that has a
// realisasi file; warns where a `dilaporkan` figure differs by more than 1
// point and where a value cannot be computed for a reported quarter.
// Computed on `threads` threads; the results and warnings are the same for
// any number.
Results ComputeResults(const Model& model, Diagnostics* diagnostics,
                       int threads = 1);

}  // namespace sakip

#endif  // SAKIP_COMPUTE_H_
