#include "page_keys.h"

#include <set>

#include "stable_hash.h"

namespace sakip {

std::string SiteKey(const Model& model, int tahun, const std::string& extra) {
  std::string skeleton = model.site.source_hash + "\n" + std::to_string(tahun) +
                         "\n" + extra + "\n";
  for (const auto& unit : model.units) {
    skeleton += unit->path + "\t" + unit->nama + "\t" + unit->jenis + "\n";
  }
  return StableHash(skeleton);
}

std::map<const Unit*, std::string> UnitKeys(const Model& model,
                                            const JabatanHistory* riwayat,
                                            const std::string& site_key) {
  // Units come parents first, so in reverse every child is done before
  // its parent.
  std::map<const Unit*, std::string> subtree;
  for (auto it = model.units.rbegin(); it != model.units.rend(); ++it) {
    const Unit* unit = it->get();
    std::string parts = unit->source_hash;
    for (const Unit* child : unit->children) parts += subtree[child];
    subtree[unit] = StableHash(parts);
  }
  std::map<const Unit*, std::string> keys;
  for (const auto& owned : model.units) {
    const Unit* unit = owned.get();
    std::string parts = site_key + "\n" + subtree[unit] + "\n";
    for (const Unit* up = unit->parent; up; up = up->parent) {
      parts += up->source_hash;
    }
    std::set<const Unit*> linked;
    for (const auto& j : unit->jabatan) {
      if (j->atasan) linked.insert(j->atasan->unit);
      for (const Jabatan* b : j->bawahan) linked.insert(b->unit);
      for (const auto& ind : j->indikator) {
        if (ind.mendukung_jabatan) linked.insert(ind.mendukung_jabatan->unit);
      }
      // The PK's pihak kedua may be in another unit (its name and NIP).
      for (const auto& pk : unit->perjanjian) {
        const PerjanjianJabatan* pj = pk->FindJabatan(j->id);
        if (pj && pj->pihak_kedua) linked.insert(pj->pihak_kedua->unit);
      }
      if (riwayat) {
        auto found = riwayat->find(unit->path + "/" + j->id);
        if (found == riwayat->end()) continue;
        parts += HistoryFingerprint(found->second);
      }
    }
    // A jabatan page shows its PK's pihak kedua (name, link), who may sit
    // in another unit. The document index shows only the unit's own
    // keputusan, perjanjian and realisasi (and the PDF option, in the site
    // key): its inputs are the unit's.
    for (const auto& p : unit->perjanjian) {
      for (const PerjanjianJabatan& pk : p->jabatan) {
        if (pk.pihak_kedua) linked.insert(pk.pihak_kedua->unit);
      }
    }
    // Ordered by path, not by pointer: keys must not depend on addresses.
    std::map<std::string, const Unit*> by_path;
    for (const Unit* u : linked) by_path[u->path] = u;
    for (const auto& [path, u] : by_path) parts += path + u->source_hash;
    keys[unit] = StableHash(parts);
  }
  return keys;
}

}  // namespace sakip
