// Phase 3: indicator results, every rule of the "Computation" section of the
// content format. No I/O, no HTML; doubles are never rounded here.
#ifndef SAKIP_COMPUTE_H_
#define SAKIP_COMPUTE_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diagnostic.h"
#include "model.h"

namespace sakip {

// A computed value, or "no value" with the reason (in Bahasa Indonesia, for
// readers). Never 0 in place of a missing value. Results are kept for every
// indicator and quarter of a large tree, so this is 16 bytes: the reason is
// a string literal, and "no reason" means there is a value.
class Nilai {
 public:
  Nilai() = default;  // no value, no reason given
  static Nilai Of(double v) {
    Nilai n;
    n.value_ = v;
    n.alasan_ = nullptr;
    return n;
  }
  static Nilai None(const char* why) {
    Nilai n;
    n.alasan_ = why;
    return n;
  }
  bool has_value() const { return alasan_ == nullptr; }
  std::optional<double> value() const {
    return has_value() ? std::optional<double>(value_) : std::nullopt;
  }
  std::string_view alasan() const { return alasan_ ? alasan_ : ""; }

 private:
  double value_ = 0;
  const char* alasan_ = "";
};

// --- The rules, one function each -----------------------------------------

// Realised value to quarter k (1..4) of plain quarterly figures.
Nilai AggregateUpTo(const std::array<std::optional<double>, 4>& quarters,
                    Agregasi agregasi, int k);
// Realised value to quarter k, with a structured rumus when the indicator
// has one (components aggregated first, then pembilang / penyebut x pengali).
Nilai RealisasiSampai(const Indikator& indikator,
                      const PerTriwulan<NilaiTriwulan>& triwulan, int k);
// target_triwulan[k] if given, else the annual target.
Nilai TargetPada(const Indikator& indikator, int k);
// positif: R/T x 100; negatif+selisih: (2T-R)/T x 100 floored at 0;
// negatif+kebalikan: T/R x 100.
Nilai Capaian(Polaritas polaritas, RumusNegatif rumus, double realisasi,
              double target);
// The first band whose `min` <= capaian (bands sorted highest first).
std::string Predikat(const std::vector<PredikatBand>& skala, double capaian);
// realised spending / pagu x 100
Nilai Serapan(std::optional<double> realisasi_anggaran,
              std::optional<double> pagu);
// capaian - serapan, in points.
Nilai Efisiensi(const Nilai& capaian, const Nilai& serapan);
// `efisien` above +5, `cukup efisien` within +-5, `tidak efisien` below -5.
std::string_view EfisiensiLabel(double efisiensi);  // a literal

// --- Results of a whole model ------------------------------------------------

struct HasilTriwulan {
  int triwulan = 0;      // 1..4
  bool dilapor = false;  // any figure reported for this quarter
  Nilai realisasi;
  Nilai target;
  Nilai capaian;
  std::string predikat;  // empty without capaian
  std::optional<double> realisasi_anggaran;
  Nilai serapan;
  Nilai efisiensi;
  std::string_view efisiensi_label;  // a literal
  std::optional<double> dilaporkan;
  std::string_view evaluasi;       // in the Model
  std::string_view tindak_lanjut;  // in the Model
};

struct HasilIndikator {
  const Indikator* indikator = nullptr;
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
  // By year; within a year in model order (unit, jabatan, indikator).
  std::map<int, std::vector<HasilIndikator>> hasil;
  std::map<int, std::map<const Jabatan*, Ringkasan>> per_jabatan;
  std::map<int, std::map<const Unit*, Ringkasan>> per_unit;  // own jabatan
  std::map<int, std::map<const Unit*, Ringkasan>>
      per_unit_subtree;  // with sub-units

  const HasilIndikator* Find(int year, const Indikator* indikator) const;
  // Makes Find constant-time; ComputeResults calls it.
  void BuildIndex();
  // The year shown by default: site `tahun` when it has results, else the
  // latest year with results; 0 when there are none.
  int TahunUtama(const Site& site) const;

 private:
  std::map<int, std::unordered_map<const Indikator*, size_t>> index_;
};

// Computes every indicator of every jabatan for every year that has a
// realisasi file; warns where a `dilaporkan` figure differs by more than 1
// point and where a value cannot be computed for a reported quarter.
// Computed on `threads` threads; the results and warnings are the same for
// any number.
Results ComputeResults(const Model& model, Diagnostics* diagnostics,
                       int threads = 1);

}  // namespace sakip

#endif  // SAKIP_COMPUTE_H_
