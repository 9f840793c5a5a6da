#include "resolve.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "suggest.h"

namespace sakip {
namespace {

struct ParsedRef {
  const Unit* unit = nullptr;  // nullptr when the unit part does not exist
  std::string unit_text;       // the unit part as written, for messages
  std::string jabatan_id;
  std::string indikator_id;
};

ParsedRef ParseRef(const Model& model, const Unit& from,
                   const std::string& reference) {
  ParsedRef ref;
  std::string text = reference;
  size_t hash = text.find('#');
  if (hash != std::string::npos) {
    ref.indikator_id = text.substr(hash + 1);
    text = text.substr(0, hash);
  }
  if (!text.empty() && text[0] == '/') {
    size_t slash = text.rfind('/');
    ref.unit_text = text.substr(1, slash == 0 ? 0 : slash - 1);
    ref.jabatan_id = text.substr(slash + 1);
    ref.unit = model.FindUnit(ref.unit_text);
    return ref;
  }
  const Unit* unit = &from;
  while (text.compare(0, 3, "../") == 0) {
    text.erase(0, 3);
    ref.unit_text += "../";
    unit = unit ? unit->parent : nullptr;
  }
  ref.unit = unit;
  ref.jabatan_id = text;
  return ref;
}

std::vector<std::string> JabatanIds(const Unit& unit) {
  std::vector<std::string> ids;
  for (const auto& j : unit.jabatan) ids.push_back(j->id);
  return ids;
}

class Resolver {
 public:
  Resolver(Model* model, Diagnostics* diagnostics)
      : model_(*model), diagnostics_(diagnostics) {}

  void Run() {
    for (auto& unit : model_.units) {
      for (auto& jabatan : unit->jabatan) CheckIndikatorIds(*jabatan);
    }
    for (auto& unit : model_.units) {
      for (auto& jabatan : unit->jabatan) ResolveAtasan(jabatan.get());
    }
    CheckCycles();
    for (auto& unit : model_.units) CheckHead(unit.get());
    for (auto& unit : model_.units) {
      for (auto& jabatan : unit->jabatan) ResolveMendukung(jabatan.get());
      for (auto& keputusan : unit->keputusan) ResolveKeputusan(keputusan.get());
      for (auto& perjanjian : unit->perjanjian) {
        ResolvePerjanjian(perjanjian.get());
      }
      for (auto& realisasi : unit->realisasi) ResolveRealisasi(realisasi.get());
    }
  }

 private:
  // Reports an unresolved reference with the nearest existing jabatan.
  Jabatan* Lookup(const Unit& from, const Reference& ref,
                  const std::string& what) {
    ParsedRef parsed = ParseRef(model_, from, ref.text);
    if (parsed.unit == nullptr) {
      std::vector<std::string> paths;
      for (const auto& u : model_.units) paths.push_back(u->path);
      std::string hint = DidYouMean(parsed.unit_text, paths);
      diagnostics_->Error(ref.pos,
                          what + " `" + ref.text + "`: there is no unit `" +
                              parsed.unit_text + "`",
                          hint.empty() ? "write `id` for this unit, `../id` "
                                         "for the parent unit, or "
                                         "`/unit/path/id`"
                                       : hint);
      return nullptr;
    }
    Jabatan* found = FindJabatanRef(model_, from, ref.text);
    if (found == nullptr) {
      std::string hint =
          DidYouMean(parsed.jabatan_id, JabatanIds(*parsed.unit));
      diagnostics_->Error(ref.pos,
                          what + " `" + ref.text + "`: no jabatan `" +
                              parsed.jabatan_id + "` in " +
                              (parsed.unit->path.empty() ? std::string("unit")
                                                         : parsed.unit->path),
                          hint);
    }
    return found;
  }

  void CheckIndikatorIds(const Jabatan& jabatan) {
    std::map<std::string, const Indikator*> by_id;
    std::map<std::string, const Indikator*> by_text;
    for (const Indikator& ind : jabatan.indikator) {
      if (ind.id.empty()) continue;
      auto [it, inserted] = by_id.emplace(ind.id, &ind);
      if (!inserted) {
        diagnostics_->Error(ind.pos,
                            "duplicate indikator id `" + ind.id +
                                "` (first at line " +
                                std::to_string(it->second->pos.line) + ")",
                            "ids must be unique within a jabatan");
      }
      std::string text = ind.sasaran + "\n" + ind.nama;
      auto [tt, fresh] = by_text.emplace(text, &ind);
      if (!fresh) {
        diagnostics_->Warning(
            ind.pos,
            "indikator `" + ind.id + "` has the same sasaran and text as `" +
                tt->second->id + "` (line " +
                std::to_string(tt->second->pos.line) + ")",
            "remove the copy, or keep it if the source document repeats the "
            "row (list it under known inconsistencies)");
      }
    }
  }

  void ResolveAtasan(Jabatan* jabatan) {
    if (jabatan->atasan_ref.empty()) return;
    jabatan->atasan = Lookup(*jabatan->unit, jabatan->atasan_ref, "atasan");
    if (jabatan->atasan == jabatan) {
      diagnostics_->Error(jabatan->atasan_ref.pos,
                          "jabatan `" + jabatan->id + "` is its own atasan");
      jabatan->atasan = nullptr;
    }
    if (jabatan->atasan) jabatan->atasan->bawahan.push_back(jabatan);
  }

  void CheckCycles() {
    std::set<const Jabatan*> done;
    for (const Jabatan* start : model_.AllJabatan()) {
      std::vector<const Jabatan*> chain;
      std::set<const Jabatan*> on_chain;
      const Jabatan* j = start;
      while (j != nullptr && !done.count(j) && !on_chain.count(j)) {
        chain.push_back(j);
        on_chain.insert(j);
        j = j->atasan;
      }
      if (j != nullptr && on_chain.count(j)) {
        auto begin = std::find(chain.begin(), chain.end(), j);
        std::string names;
        for (auto it = begin; it != chain.end(); ++it)
          names += (*it)->id + " -> ";
        names += j->id;
        const Jabatan* report = *std::min_element(
            begin, chain.end(), [](const Jabatan* a, const Jabatan* b) {
              return a->path < b->path;
            });
        diagnostics_->Error(report->atasan_ref.pos, "atasan cycle: " + names,
                            "one jabatan in the cycle must report to a "
                            "jabatan outside it");
      }
      done.insert(chain.begin(), chain.end());
    }
  }

  void CheckHead(Unit* unit) {
    if (unit->jabatan.empty()) {
      if (!unit->pimpinan_ref.empty()) {
        Lookup(*unit, unit->pimpinan_ref, "pimpinan");
      }
      return;
    }
    if (!unit->pimpinan_ref.empty()) {
      Jabatan* p = Lookup(*unit, unit->pimpinan_ref, "pimpinan");
      if (p && p->unit != unit) {
        diagnostics_->Error(unit->pimpinan_ref.pos,
                            "pimpinan must be a jabatan of this unit");
      } else if (p) {
        unit->pimpinan = p;
      }
    }
    std::vector<const Jabatan*> heads;
    for (const auto& j : unit->jabatan) {
      if (!j->parsed) continue;  // its own error is reported
      if (j->atasan == nullptr && !j->atasan_ref.empty()) continue;  // reported
      if (j->atasan == nullptr || j->atasan->unit != unit)
        heads.push_back(j.get());
    }
    // The declared pimpinan is the legitimate head; the others are the errors.
    auto declared = std::find(heads.begin(), heads.end(), unit->pimpinan);
    if (declared != heads.end())
      std::rotate(heads.begin(), declared, declared + 1);
    if (heads.size() > 1) {
      std::string names;
      for (const Jabatan* h : heads)
        names += (names.empty() ? "" : ", ") + h->id;
      for (size_t i = 1; i < heads.size(); ++i) {
        diagnostics_->Error(
            heads[i]->atasan_ref.empty() ? heads[i]->pos
                                         : heads[i]->atasan_ref.pos,
            "unit " + unit->path + " has " + std::to_string(heads.size()) +
                " jabatan without an atasan in the unit (" + names + ")",
            "only the head of a unit has no atasan; add `atasan: " +
                heads[0]->id + "` or the right superior");
      }
    } else if (heads.empty()) {
      diagnostics_->Error(unit->pos,
                          "unit " + unit->path +
                              " has no head: every jabatan "
                              "has an atasan inside the unit",
                          "the head of the unit has no `atasan` (or one in "
                          "the parent unit, `../id`)");
    }
    if (unit->pimpinan == nullptr && heads.size() == 1)
      unit->pimpinan = heads[0];
  }

  void ResolveMendukung(Jabatan* jabatan) {
    for (Indikator& ind : jabatan->indikator) {
      ResolveMendukungRef(*jabatan->unit, /*tahun=*/0, &ind);
    }
  }

  // Resolves `ind->mendukung_ref` (`<jabatan>#<id>`). With a `tahun` (a PK
  // sasaran's), the id names a sasaran of the target's PK of that year
  // first, then one of its IKI indicators; without, an IKI indicator.
  void ResolveMendukungRef(const Unit& from, int tahun, Indikator* ind) {
    if (ind->mendukung_ref.empty()) return;
    const std::string& text = ind->mendukung_ref.text;
    size_t hash = text.find('#');
    if (hash == std::string::npos || hash + 1 == text.size()) {
      diagnostics_->Error(ind->mendukung_ref.pos,
                          "`mendukung` names an indicator: `<jabatan>#<id>`",
                          "for example `sekretaris#dokumen-perencanaan`");
      return;
    }
    Jabatan* target = Lookup(from, ind->mendukung_ref, "mendukung");
    if (!target) return;
    std::string id = text.substr(hash + 1);
    const PerjanjianJabatan* agreement = nullptr;
    if (const Perjanjian* pk =
            tahun ? target->unit->FindPerjanjian(tahun) : nullptr) {
      agreement = pk->FindJabatan(target->id);
    }
    const Indikator* found = nullptr;
    if (const PerjanjianSasaran* s =
            agreement ? agreement->FindSasaran(id) : nullptr) {
      found = &s->indikator;
    }
    if (!found) found = target->FindIndikator(id);
    if (!found) {
      std::vector<std::string> ids;
      if (agreement) {
        for (const PerjanjianSasaran& s : agreement->sasaran) {
          ids.push_back(s.indikator.id);
        }
      }
      for (const Indikator& i : target->indikator) ids.push_back(i.id);
      std::string what = agreement ? "no sasaran `" + id + "` in its " +
                                         std::to_string(tahun) +
                                         " PK and no IKI indikator `" + id + "`"
                                   : "no indikator `" + id + "`";
      diagnostics_->Error(
          ind->mendukung_ref.pos,
          "`mendukung`: jabatan `" + target->id + "` has " + what,
          DidYouMean(id, ids));
      return;
    }
    ind->mendukung_jabatan = target;
    ind->mendukung = found;
  }

  void AddUnitJabatan(const Unit& unit, bool with_sub_units,
                      std::vector<Link<const Jabatan>>* out) {
    for (const Jabatan* j : HierarchyOrder(unit)) out->push_back(j);
    if (!with_sub_units) return;
    for (const Unit* child : unit.children) AddUnitJabatan(*child, true, out);
  }

  void ResolveKeputusan(Keputusan* keputusan) {
    if (!keputusan->penandatangan_ref.empty()) {
      keputusan->penandatangan = Lookup(
          *keputusan->unit, keputusan->penandatangan_ref, "penandatangan");
      if (keputusan->penandatangan && !keputusan->penandatangan->pejabat) {
        diagnostics_->Warning(keputusan->penandatangan_ref.pos,
                              "penandatangan `" +
                                  keputusan->penandatangan_ref.text +
                                  "` has no `pejabat`: the signature block "
                                  "will have no name",
                              "add `pejabat: { nama, nip, pangkat }` to the "
                              "jabatan file");
      }
    }
    if (!keputusan->lampiran) return;
    Lampiran& lampiran = *keputusan->lampiran;
    if (lampiran.jabatan_refs.empty()) {
      AddUnitJabatan(*keputusan->unit, lampiran.sub_unit, &lampiran.jabatan);
      return;
    }
    for (const Reference& ref : lampiran.jabatan_refs) {
      if (Jabatan* j = Lookup(*keputusan->unit, ref, "lampiran jabatan")) {
        lampiran.jabatan.push_back(j);
      }
    }
    if (!lampiran.sub_unit) return;
    for (const Unit* child : keputusan->unit->children) {
      std::vector<Link<const Jabatan>> below;
      AddUnitJabatan(*child, true, &below);
      for (const Jabatan* j : below) {
        if (std::find(lampiran.jabatan.begin(), lampiran.jabatan.end(), j) ==
            lampiran.jabatan.end()) {
          lampiran.jabatan.push_back(j);
        }
      }
    }
  }

  void ResolvePerjanjian(Perjanjian* perjanjian) {
    const Unit& unit = *perjanjian->unit;
    for (PerjanjianJabatan& pj : perjanjian->jabatan) {
      pj.jabatan = unit.FindJabatan(pj.jabatan_id);
      if (!pj.jabatan) {
        std::string hint = DidYouMean(pj.jabatan_id, JabatanIds(unit));
        diagnostics_->Error(pj.pos,
                            "PK " + std::to_string(perjanjian->tahun) +
                                " for unknown jabatan `" + pj.jabatan_id +
                                "` in " + unit.path,
                            hint.empty() ? "the keys under `jabatan` are the "
                                           "jabatan ids of this unit (file "
                                           "names in jabatan/)"
                                         : hint);
        continue;
      }
      pj.pihak_kedua = pj.pihak_kedua_ref.empty()
                           ? pj.jabatan->atasan.raw()
                           : Lookup(unit, pj.pihak_kedua_ref, "pihak_kedua");
      for (PerjanjianSasaran& s : pj.sasaran) {
        ResolveMendukungRef(unit, perjanjian->tahun, &s.indikator);
        LinkIki(*pj.jabatan, &s);
      }
      for (PerjanjianAnggaran& row : pj.anggaran) {
        if (!row.sasaran_ref.empty()) {
          row.sasaran = pj.FindSasaran(row.sasaran_ref.text);
        }
      }
      for (PerjanjianSasaran& s : pj.sasaran) AttachAnggaran(pj, &s);
    }
  }

  // Links a sasaran to its IKI indicator and fills in what it inherits.
  void LinkIki(const Jabatan& jabatan, PerjanjianSasaran* s) {
    if (s->iki_ref.empty()) return;
    s->iki = jabatan.FindIndikator(s->iki_ref.text);
    if (!s->iki) {
      std::vector<std::string> ids;
      for (const Indikator& i : jabatan.indikator) ids.push_back(i.id);
      std::string hint = DidYouMean(s->iki_ref.text, ids);
      diagnostics_->Error(s->iki_ref.pos,
                          "`iki`: jabatan `" + jabatan.id +
                              "` has no IKI indicator `" + s->iki_ref.text +
                              "`",
                          hint.empty() ? "name the `id` of an indikator in "
                                         "its jabatan file, or leave `iki` "
                                         "out for a sasaran of its own"
                                       : hint);
      return;
    }
    InheritFromIki(*s->iki, s);
  }

  // An `iki` link inherits every IKI-like field the sasaran does not give;
  // its quarterly targets are the IKI's target_triwulan (the rencana_aksi,
  // when given, comes first in compute.cc).
  static void InheritFromIki(const Indikator& iki, PerjanjianSasaran* s) {
    using S = PerjanjianSasaran;
    Indikator& ind = s->indikator;
    auto missing = [s](unsigned bit) { return (s->diberi & bit) == 0; };
    if (missing(S::kSasaran)) ind.sasaran = iki.sasaran;
    if (missing(S::kIndikator)) ind.nama = iki.nama;
    if (missing(S::kTarget)) {
      ind.target = iki.target;
      ind.target_keterangan = iki.target_keterangan;
    }
    if (missing(S::kSatuan)) ind.satuan = iki.satuan;
    if (missing(S::kFormulasi)) ind.formulasi = iki.formulasi;
    if (missing(S::kRumus)) ind.rumus = iki.rumus;
    if (missing(S::kSumberData)) ind.sumber_data = iki.sumber_data;
    if (missing(S::kPolaritas)) ind.polaritas = iki.polaritas;
    if (missing(S::kRumusNegatif)) ind.rumus_negatif = iki.rumus_negatif;
    if (missing(S::kAgregasi)) ind.agregasi = iki.agregasi;
    ind.target_triwulan = iki.target_triwulan;
    if (ind.mendukung_ref.empty()) {  // the sasaran's own cascade comes first
      ind.mendukung_ref = iki.mendukung_ref;
      ind.mendukung_jabatan = iki.mendukung_jabatan;
      ind.mendukung = iki.mendukung;
    }
  }

  // The budget a sasaran's serapan is measured against: the PK rows naming
  // it (pagu summed), else its IKI indicator's own anggaran.
  static void AttachAnggaran(const PerjanjianJabatan& pj,
                             PerjanjianSasaran* s) {
    std::optional<Anggaran> total;
    for (const PerjanjianAnggaran& row : pj.anggaran) {
      if (row.sasaran != s) continue;
      if (!total) {
        total = row.anggaran;
        continue;
      }
      total->kode += "; " + row.anggaran.kode;
      total->kegiatan += "; " + row.anggaran.kegiatan;
      if (row.anggaran.pagu) {
        total->pagu = total->pagu.value_or(0) + *row.anggaran.pagu;
      }
    }
    if (total) {
      s->indikator.anggaran = *total;
    } else if (s->iki && s->iki->anggaran) {
      s->indikator.anggaran = *s->iki->anggaran;
    }
  }

  void ResolveRealisasi(Realisasi* realisasi) {
    const Unit& unit = *realisasi->unit;
    const Perjanjian* pk = unit.FindPerjanjian(realisasi->tahun);
    for (RealisasiJabatan& rj : realisasi->jabatan) {
      rj.jabatan = unit.FindJabatan(rj.jabatan_id);
      if (!rj.jabatan) {
        diagnostics_->Error(rj.pos,
                            "realisasi for unknown jabatan `" + rj.jabatan_id +
                                "` in " + unit.path,
                            DidYouMean(rj.jabatan_id, JabatanIds(unit)));
        continue;
      }
      const PerjanjianJabatan* agreement =
          pk ? pk->FindJabatan(rj.jabatan_id) : nullptr;
      for (RealisasiIndikator& ri : rj.indikator) {
        ResolveEntry(*rj.jabatan, agreement, realisasi->tahun, &ri);
      }
    }
    for (const auto& [jabatan_id, pos] : realisasi->laporan_pos) {
      if (!unit.FindJabatan(jabatan_id)) {
        diagnostics_->Error(pos,
                            "`laporan` for unknown jabatan `" + jabatan_id +
                                "` in " + unit.path,
                            DidYouMean(jabatan_id, JabatanIds(unit)));
      }
    }
  }

  // An id names a sasaran of the year's PK of the jabatan first, then one
  // of the jabatan's IKI indicators.
  void ResolveEntry(const Jabatan& jabatan, const PerjanjianJabatan* agreement,
                    int tahun, RealisasiIndikator* entry) {
    if (agreement) {
      entry->sasaran = agreement->FindSasaran(entry->indikator_id);
      if (entry->sasaran) entry->indikator = &entry->sasaran->indikator;
    }
    if (!entry->indikator) {
      entry->indikator = jabatan.FindIndikator(entry->indikator_id);
    }
    if (!entry->indikator) {
      std::vector<std::string> ids;
      if (agreement) {
        for (const PerjanjianSasaran& s : agreement->sasaran) {
          ids.push_back(s.indikator.id);
        }
      }
      for (const Indikator& i : jabatan.indikator) ids.push_back(i.id);
      std::string where =
          agreement
              ? "`: not a sasaran of the " + std::to_string(tahun) +
                    " PK of `" + jabatan.id + "` nor one of its IKI indicators"
              : "` of jabatan `" + jabatan.id + "`";
      diagnostics_->Error(
          entry->pos,
          "realisasi for unknown indikator `" + entry->indikator_id + where,
          DidYouMean(entry->indikator_id, ids));
      return;
    }
    bool structured = entry->indikator->rumus.has_value();
    for (size_t q = 0; q < 4; ++q) {
      if (!entry->triwulan[q]) continue;
      bool components = entry->triwulan[q]->has_components();
      if (components && !structured) {
        diagnostics_->Error(entry->pos,
                            "quarter " + std::to_string(q + 1) + " of `" +
                                entry->indikator_id +
                                "` gives pembilang/penyebut, but the indikator "
                                "has no `rumus`",
                            "give the value itself, or add `rumus:` to the "
                            "indikator");
      } else if (!components && structured) {
        diagnostics_->Error(entry->pos,
                            "quarter " + std::to_string(q + 1) + " of `" +
                                entry->indikator_id +
                                "` gives a value, but the indikator has a "
                                "`rumus`: give its components",
                            "write `{ pembilang: ..., penyebut: ... }`");
      }
    }
  }

  Model& model_;
  Diagnostics* diagnostics_;
};

}  // namespace

Jabatan* FindJabatanRef(const Model& model, const Unit& from,
                        const std::string& reference) {
  ParsedRef parsed = ParseRef(model, from, reference);
  if (parsed.unit == nullptr) return nullptr;
  return const_cast<Jabatan*>(parsed.unit->FindJabatan(parsed.jabatan_id));
}

std::vector<const Jabatan*> HierarchyOrder(const Unit& unit) {
  std::vector<const Jabatan*> order;
  std::set<const Jabatan*> seen;
  std::function<void(const Jabatan*)> visit = [&](const Jabatan* j) {
    if (j->unit != &unit || !seen.insert(j).second) return;
    order.push_back(j);
    for (const Jabatan* b : j->bawahan) visit(b);
  };
  if (unit.pimpinan) visit(unit.pimpinan);
  for (const auto& j : unit.jabatan) {
    if (j->atasan == nullptr || j->atasan->unit != &unit) visit(j.get());
  }
  for (const auto& j : unit.jabatan) visit(j.get());
  return order;
}

}  // namespace sakip

namespace sakip {
void ResolveModel(Model* model, Diagnostics* diagnostics) {
  Resolver(model, diagnostics).Run();
}
}  // namespace sakip
