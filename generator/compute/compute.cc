#include "compute.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "indonesian_format.h"
#include "parallel.h"

namespace sakip {
namespace {

constexpr const char* kRomawi[] = {"I", "II", "III", "IV"};

// Plain figures aggregated by `agregasi` over quarters 1..k.
std::optional<double> Aggregate(const std::array<std::optional<double>, 4>& q,
                                Agregasi agregasi, int k) {
  double sum = 0;
  int count = 0;
  std::optional<double> latest;
  for (int i = 0; i < k && i < 4; ++i) {
    if (!q[i]) continue;
    sum += *q[i];
    ++count;
    latest = q[i];
  }
  if (count == 0) return std::nullopt;
  switch (agregasi) {
    case Agregasi::kKumulatif:
      return sum;
    case Agregasi::kTerakhir:
      return latest;
    case Agregasi::kRataRata:
      return sum / count;
  }
  return std::nullopt;
}

}  // namespace

Nilai AggregateUpTo(const std::array<std::optional<double>, 4>& quarters,
                    Agregasi agregasi, int k) {
  std::optional<double> value = Aggregate(quarters, agregasi, k);
  if (!value) return Nilai::None("belum ada data realisasi");
  return Nilai::Of(*value);
}

Nilai RealisasiSampai(const Indikator& indikator,
                      const PerTriwulan<NilaiTriwulan>& triwulan, int k) {
  if (!indikator.rumus) {
    std::array<std::optional<double>, 4> values;
    for (int i = 0; i < 4; ++i) {
      if (triwulan[i]) values[i] = triwulan[i]->nilai;
    }
    return AggregateUpTo(values, indikator.agregasi, k);
  }
  // With `terakhir` both components come from the same latest quarter, so
  // gaps must not pair one quarter's pembilang with another's penyebut.
  std::array<std::optional<double>, 4> pembilang;
  std::array<std::optional<double>, 4> penyebut;
  for (int i = 0; i < 4; ++i) {
    if (triwulan[i] && triwulan[i]->pembilang && triwulan[i]->penyebut) {
      pembilang[i] = triwulan[i]->pembilang;
      penyebut[i] = triwulan[i]->penyebut;
    }
  }
  std::optional<double> top = Aggregate(pembilang, indikator.agregasi, k);
  std::optional<double> bottom = Aggregate(penyebut, indikator.agregasi, k);
  if (!top || !bottom) return Nilai::None("belum ada data realisasi");
  if (*bottom == 0) return Nilai::None("penyebut bernilai 0");
  return Nilai::Of(*top / *bottom * indikator.rumus->pengali);
}

TargetTriwulan TargetPada(const Indikator& indikator, int k,
                          const std::vector<double>& rencana_aksi) {
  TargetTriwulan t;
  if (k < 1 || k > 4) return t;
  if (rencana_aksi.size() == 4) {
    t.target = Nilai::Of(rencana_aksi[k - 1]);
    t.sumber = SumberTarget::kRencanaAksi;
    return t;
  }
  if (indikator.target_triwulan.size() == 4) {
    t.target = Nilai::Of(indikator.target_triwulan[k - 1]);
    t.sumber = SumberTarget::kTargetTriwulan;
    return t;
  }
  if (!indikator.target) {
    t.target = Nilai::None("target belum ditetapkan");
    return t;
  }
  t.target = Nilai::Of(*indikator.target);
  t.sumber = SumberTarget::kTahunan;
  t.progres = k < 4 && indikator.agregasi == Agregasi::kKumulatif;
  return t;
}

double BulatkanCapaian(double capaian) {
  return std::round(capaian * 100) / 100;
}

Nilai Capaian(Polaritas polaritas, RumusNegatif rumus, double realisasi,
              double target) {
  if (target == 0) {
    if (polaritas == Polaritas::kPositif) {
      return Nilai::None("target bernilai 0");
    }
    // "Zero incidents": kept is fully achieved; any incident is the floor
    // that selisih has, and what T/R gives under kebalikan.
    return Nilai::Of(realisasi <= 0 ? 100 : 0);
  }
  if (polaritas == Polaritas::kPositif) {
    return Nilai::Of(BulatkanCapaian(realisasi / target * 100));
  }
  if (rumus == RumusNegatif::kKebalikan) {
    if (realisasi == 0) {
      return Nilai::None("realisasi bernilai 0 pada rumus kebalikan");
    }
    return Nilai::Of(BulatkanCapaian(target / realisasi * 100));
  }
  return Nilai::Of(
      BulatkanCapaian(std::max(0.0, (2 * target - realisasi) / target * 100)));
}

Nilai Progres(double realisasi, double target) {
  if (target == 0) return Nilai::None("target bernilai 0");
  return Nilai::Of(BulatkanCapaian(realisasi / target * 100));
}

std::string_view Predikat(const std::vector<PredikatBand>& skala,
                          double capaian) {
  for (const PredikatBand& band : skala) {
    if (band.min <= capaian) return band.label;
  }
  // Below every band: the lowest. (A `?:` with "" here made a temporary
  // string and returned a view of it.)
  if (skala.empty()) return {};
  return skala.back().label;
}

Nilai Serapan(std::optional<double> realisasi_anggaran,
              std::optional<double> pagu) {
  if (!pagu) return Nilai::None("tidak ada pagu anggaran");
  if (*pagu == 0) return Nilai::None("pagu anggaran bernilai 0");
  if (!realisasi_anggaran) return Nilai::None("belum ada realisasi anggaran");
  return Nilai::Of(*realisasi_anggaran / *pagu * 100);
}

Nilai Efisiensi(const Nilai& capaian, const Nilai& serapan) {
  if (!capaian.has_value()) return capaian;  // with its reason
  if (!serapan.has_value()) return serapan;
  return Nilai::Of(BulatkanCapaian(*capaian.value() - *serapan.value()));
}

std::string_view EfisiensiLabel(double efisiensi) {
  if (efisiensi > 5) return "efisien";
  if (efisiensi < -5) return "tidak efisien";
  return "cukup efisien";
}

const HasilIndikator* Results::Find(int year,
                                    const Indikator* indikator) const {
  auto it = hasil.find(year);
  if (it == hasil.end()) return nullptr;
  auto by_year = index_.find(year);
  if (by_year != index_.end()) {
    auto found = by_year->second.find(indikator);
    return found == by_year->second.end() ? nullptr
                                          : &it->second[found->second];
  }
  for (const HasilIndikator& h : it->second) {
    if (h.indikator == indikator) return &h;
  }
  for (const HasilIndikator& h : it->second) {
    if (h.sasaran && h.sasaran->iki == indikator) return &h;
  }
  return nullptr;
}

void Results::BuildIndex() {
  index_.clear();
  for (const auto& [year, list] : hasil) {
    auto& by_indikator = index_[year];
    for (size_t i = 0; i < list.size(); ++i) {
      by_indikator.emplace(list[i].indikator, i);
      if (list[i].sasaran && list[i].sasaran->iki) {
        by_indikator.emplace(list[i].sasaran->iki, i);
      }
    }
  }
}

int Results::TahunUtama(const Site& site) const {
  if (site.tahun && hasil.count(*site.tahun)) return *site.tahun;
  return tahun.empty() ? 0 : tahun.back();
}

namespace {

class Computer {
 public:
  Computer(const Model& model, Diagnostics* diagnostics, int threads)
      : model_(model), diagnostics_(diagnostics), threads_(threads) {}

  Results Run() {
    Results results;
    std::set<int> years;
    for (const auto& unit : model_.units) {
      for (const auto& r : unit->realisasi) years.insert(r->tahun);
    }
    results.tahun.assign(years.begin(), years.end());
    std::vector<const Jabatan*> jabatan;
    for (const auto& unit : model_.units) {
      for (const auto& j : unit->jabatan) jabatan.push_back(j.get());
    }
    for (int year : results.tahun) {
      IndexRealisasi(year);
      // Each jabatan's rows, and where they start in the year's list: the
      // list is filled in parts on several threads.
      std::vector<std::vector<BarisHasil>> rows(jabatan.size());
      std::vector<size_t> start(jabatan.size());
      size_t total = 0;
      for (size_t i = 0; i < jabatan.size(); ++i) {
        rows[i] = BarisTahun(*jabatan[i], year);
        start[i] = total;
        total += rows[i].size();
      }
      std::vector<HasilIndikator>& list = results.hasil[year];
      list.resize(total);  // a doubling copy would be the memory peak
      std::vector<Ringkasan> ringkasan(jabatan.size());
      size_t parts = std::max<size_t>(
          1, std::min<size_t>(static_cast<size_t>(threads_), jabatan.size()));
      std::vector<Diagnostics> found(parts);
      auto work = [&](size_t part) {
        size_t from = jabatan.size() * part / parts;
        size_t to = jabatan.size() * (part + 1) / parts;
        for (size_t i = from; i < to; ++i) {
          size_t at = start[i];
          for (const BarisHasil& row : rows[i]) {
            list[at] = ComputeIndikator(*jabatan[i], row, year, &found[part]);
            Add(list[at++], &ringkasan[i]);
          }
          Finish(&ringkasan[i]);
        }
      };
      RunOnThreads(static_cast<int>(parts),
                   [&](int part) { work(static_cast<size_t>(part)); });
      // Reported in model order, as a single thread would.
      for (const Diagnostics& d : found) {
        for (const Diagnostic& one : d.all()) diagnostics_->Add(one);
      }
      auto& per_jabatan = results.per_jabatan[year];
      for (size_t i = 0; i < jabatan.size(); ++i) {
        per_jabatan.emplace(jabatan[i], std::move(ringkasan[i]));
      }
      RollUpUnits(year, &results);
    }
    return results;
  }

 private:
  // The realisasi of each indicator in `year` (the first one written, in
  // its unit's files): looked up once per indicator, so not searched.
  void IndexRealisasi(int year) {
    realisasi_.clear();
    for (const auto& unit : model_.units) {
      for (const auto& r : unit->realisasi) {
        if (r->tahun != year) continue;
        for (const RealisasiJabatan& rj : r->jabatan) {
          // As written in the jabatan's own unit, the only place searched.
          if (rj.jabatan == nullptr || rj.jabatan->unit != unit.get()) continue;
          for (const RealisasiIndikator& ri : rj.indikator) {
            if (ri.indikator) {
              realisasi_.emplace(ri.indikator, Realised{rj.jabatan, &ri});
            }
          }
        }
      }
    }
  }

  const RealisasiIndikator* FindRealisasi(const Jabatan& jabatan,
                                          const Indikator* ind) const {
    auto it = realisasi_.find(ind);
    if (it == realisasi_.end() || it->second.jabatan != &jabatan) {
      return nullptr;
    }
    return it->second.indikator;
  }

  // A sasaran's figures, or when none are written under its id, those
  // written under the id of the IKI indicator it links.
  const RealisasiIndikator* FindRealisasi(const Jabatan& jabatan,
                                          const BarisHasil& row) const {
    const RealisasiIndikator* r = FindRealisasi(jabatan, row.indikator);
    if (!r && row.sasaran && row.sasaran->iki) {
      r = FindRealisasi(jabatan, row.sasaran->iki);
    }
    return r;
  }

  HasilIndikator ComputeIndikator(const Jabatan& jabatan, const BarisHasil& row,
                                  int year, Diagnostics* diagnostics) const {
    const Indikator& ind = *row.indikator;
    HasilIndikator h;
    h.indikator = &ind;
    h.sasaran = row.sasaran;
    h.jabatan = &jabatan;
    h.tahun = year;
    const RealisasiIndikator* r = FindRealisasi(jabatan, row);
    std::optional<double> pagu =
        ind.anggaran ? ind.anggaran->pagu : std::nullopt;
    static const std::vector<double> kNoRencanaAksi;
    const std::vector<double>& rencana_aksi =
        row.sasaran ? row.sasaran->rencana_aksi : kNoRencanaAksi;
    for (int k = 1; k <= 4; ++k) {
      HasilTriwulan& q = h.triwulan[k - 1];
      q.triwulan = k;
      TargetTriwulan target = TargetPada(ind, k, rencana_aksi);
      q.target = target.target;
      q.sumber_target = target.sumber;
      q.progres = target.progres;
      if (!r) {
        q.realisasi = Nilai::None("belum ada data realisasi");
        q.capaian = q.realisasi;
        q.serapan = Serapan(std::nullopt, pagu);
        q.efisiensi = Efisiensi(q.capaian, q.serapan);
        continue;
      }
      int i = k - 1;
      q.dilapor = r->triwulan[i] || r->anggaran[i] || r->dilaporkan[i] ||
                  r->HasCatatan(i);
      if (q.dilapor) h.triwulan_terakhir = k;
      q.realisasi = RealisasiSampai(ind, r->triwulan, k);
      q.capaian = q.realisasi;
      if (q.realisasi.has_value()) {
        q.capaian = !q.target.has_value() ? q.target
                    : q.progres
                        ? Progres(*q.realisasi.value(), *q.target.value())
                        : Capaian(ind.polaritas, ind.rumus_negatif,
                                  *q.realisasi.value(), *q.target.value());
      }
      if (q.capaian.has_value() && !q.progres) {
        q.predikat = Predikat(model_.site.skala_predikat, *q.capaian.value());
      }
      // Realised spending is cumulative: the latest figure up to k holds.
      for (int j = 0; j <= i; ++j) {
        if (r->anggaran[j]) q.realisasi_anggaran = r->anggaran[j];
      }
      q.serapan = Serapan(q.realisasi_anggaran, pagu);
      q.efisiensi = Efisiensi(q.capaian, q.serapan);
      if (q.efisiensi.has_value() && !q.progres) {
        q.efisiensi_label = EfisiensiLabel(*q.efisiensi.value());
      }
      q.dilaporkan = r->dilaporkan[i];
      if (r->catatan) q.tindak_lanjut = r->catatan->tindak_lanjut[i];
      if (r->triwulan[i]) CheckQuarter(jabatan, ind, *r, q, diagnostics);
    }
    return h;
  }

  static void CheckQuarter(const Jabatan& jabatan, const Indikator& ind,
                           const RealisasiIndikator& r, const HasilTriwulan& q,
                           Diagnostics* diagnostics) {
    std::string where = "quarter " + std::string(kRomawi[q.triwulan - 1]) +
                        " of `" + jabatan.id + "#" + ind.id + "`";
    if (!q.capaian.has_value() && q.realisasi.has_value()) {
      diagnostics->Warning(
          r.pos,
          where + ": no capaian (" + std::string(q.capaian.alasan()) + ")",
          "set a non-zero `target` for the indicator");
    }
    if (q.dilaporkan && q.capaian.has_value() &&
        std::fabs(*q.dilaporkan - *q.capaian.value()) > 1) {
      diagnostics->Warning(
          r.pos,
          where + ": the report prints capaian " + FormatAngka(*q.dilaporkan) +
              " but realisasi and target give " +
              FormatAngka(*q.capaian.value()),
          "check realisasi and target; if the source document itself "
          "disagrees, keep it and list it under known inconsistencies");
    }
  }

  static void Add(const HasilIndikator& h, Ringkasan* ringkasan) {
    ringkasan->indikator += 1;
    if (h.indikator->anggaran && h.indikator->anggaran->pagu) {
      ringkasan->pagu += *h.indikator->anggaran->pagu;
    }
    const HasilTriwulan* last = h.Terakhir();
    if (!last) return;
    if (last->realisasi_anggaran) {
      ringkasan->realisasi_anggaran += *last->realisasi_anggaran;
    }
    if (last->capaian.has_value()) {
      ringkasan->bernilai += 1;
      ringkasan->rata_capaian =
          ringkasan->rata_capaian.value_or(0) + *last->capaian.value();
      if (!last->predikat.empty()) {
        ringkasan->per_predikat[std::string(last->predikat)] += 1;
      }
    }
  }

  // Turns the capaian sum collected by Add/Merge into the mean. Merge takes
  // finished parts, so it weighs each part's mean by its count.
  static void Finish(Ringkasan* ringkasan) {
    if (ringkasan->bernilai > 0 && ringkasan->rata_capaian) {
      *ringkasan->rata_capaian /= ringkasan->bernilai;
    }
    if (ringkasan->pagu > 0) {
      ringkasan->serapan =
          ringkasan->realisasi_anggaran / ringkasan->pagu * 100;
    }
  }

  static void Merge(const Ringkasan& part, Ringkasan* total) {
    total->indikator += part.indikator;
    total->bernilai += part.bernilai;
    if (part.rata_capaian) {
      total->rata_capaian =
          total->rata_capaian.value_or(0) + *part.rata_capaian * part.bernilai;
    }
    for (const auto& [label, count] : part.per_predikat) {
      total->per_predikat[label] += count;
    }
    total->pagu += part.pagu;
    total->realisasi_anggaran += part.realisasi_anggaran;
  }

  void RollUpUnits(int year, Results* results) {
    auto& own = results->per_unit[year];
    auto& subtree = results->per_unit_subtree[year];
    for (const auto& unit : model_.units) {
      Ringkasan& r = own[unit.get()];
      for (const auto& j : unit->jabatan) {
        Merge(results->per_jabatan[year][j.get()], &r);
      }
      Finish(&r);
    }
    // Units are stored parents first: walked backwards, every child's
    // subtree is finished before its parent's.
    for (auto it = model_.units.rbegin(); it != model_.units.rend(); ++it) {
      const Unit* unit = it->get();
      Ringkasan& r = subtree[unit];
      Merge(own[unit], &r);
      for (const Unit* child : unit->children) Merge(subtree[child], &r);
      Finish(&r);
    }
  }

  const Model& model_;
  Diagnostics* diagnostics_;
  int threads_;
  struct Realised {
    const Jabatan* jabatan;
    const RealisasiIndikator* indikator;
  };
  std::unordered_map<const Indikator*, Realised> realisasi_;
};

}  // namespace

std::vector<BarisHasil> BarisTahun(const Jabatan& jabatan, int year) {
  std::vector<BarisHasil> rows;
  const Perjanjian* pk = jabatan.unit->FindPerjanjian(year);
  const PerjanjianJabatan* agreement =
      pk ? pk->FindJabatan(jabatan.id) : nullptr;
  std::set<const Indikator*> linked;
  if (agreement && agreement->jabatan == &jabatan) {
    for (const PerjanjianSasaran& s : agreement->sasaran) {
      rows.push_back({&s.indikator, &s});
      if (s.iki) linked.insert(s.iki);
    }
  }
  for (const Indikator& ind : jabatan.indikator) {
    if (!linked.count(&ind)) rows.push_back({&ind, nullptr});
  }
  return rows;
}

Results ComputeResults(const Model& model, Diagnostics* diagnostics,
                       int threads) {
  Results results = Computer(model, diagnostics, std::max(threads, 1)).Run();
  results.BuildIndex();
  return results;
}

}  // namespace sakip
