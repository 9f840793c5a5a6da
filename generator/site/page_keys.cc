#include "page_keys.h"

#include <algorithm>

#include "stable_hash.h"

namespace sakip {
namespace {

std::string Identity(const Jabatan* j) {
  return j ? j->unit.raw()->path + "/" + j->id : "-";
}

// What a read of the unit's own content is worth: its files, and every
// relation resolve stored in its structs. Reverse relations (bawahan, the
// lampiran of sub-units) are made from other units' files: a new jabatan
// elsewhere naming one of this unit's as atasan changes this unit's pages
// though they never read the new one's unit before.
std::string OwnValue(const Unit& unit) {
  std::string parts = unit.source_hash + "\n";
  auto add = [&](const Jabatan* j) { parts += Identity(j) + "\t"; };
  parts += unit.parent.raw() ? unit.parent.raw()->path : "-";
  parts += "\nc";
  for (const Link<Unit>& child : unit.children)
    parts += child.raw()->path + "\t";
  parts += "\np";
  add(unit.pimpinan.raw());
  for (const auto& j : unit.jabatan) {
    parts += "\nj" + j->id + "\t";
    add(j->atasan.raw());
    for (const Link<Jabatan>& b : j->bawahan) add(b.raw());
    for (const Indikator& ind : j->indikator) {
      add(ind.mendukung_jabatan.raw());
      parts += (ind.mendukung ? ind.mendukung->id : "-") + "\t";
    }
  }
  for (const auto& k : unit.keputusan) {
    parts += "\nk" + k->id + "\t";
    add(k->penandatangan.raw());
    if (k->lampiran) {
      for (const Link<const Jabatan>& j : k->lampiran->jabatan) add(j.raw());
    }
  }
  for (const auto& p : unit.perjanjian) {
    parts += "\np" + std::to_string(p->tahun) + "\t";
    for (const PerjanjianJabatan& pj : p->jabatan) {
      add(pj.jabatan.raw());
      add(pj.pihak_kedua.raw());
    }
  }
  for (const auto& r : unit.realisasi) {
    parts += "\nr" + std::to_string(r->tahun) + "\t";
    for (const RealisasiJabatan& rj : r->jabatan) add(rj.jabatan.raw());
  }
  return StableHash(parts);
}

}  // namespace

ReadValues::ReadValues(const Model& model, const JabatanHistory* riwayat) {
  values_.reserve(model.units.size() * 3 + 1);
  // Units come parents first, so in reverse every child is done before
  // its parent.
  for (auto it = model.units.rbegin(); it != model.units.rend(); ++it) {
    const Unit& unit = **it;
    std::string subtree = unit.source_hash;
    for (const Link<Unit>& child : unit.children) {
      subtree += values_["s" + child.raw()->path];
    }
    values_["s" + unit.path] = StableHash(subtree);
    values_["o" + unit.path] = OwnValue(unit);
    values_["n" + unit.path] = StableHash(unit.nama + "\n" + unit.path);
    std::string history;
    if (riwayat) {
      for (const auto& j : unit.jabatan) {
        auto found = riwayat->find(unit.path + "/" + j->id);
        if (found != riwayat->end()) {
          history += j->id + "\t" + HistoryFingerprint(found->second) + "\n";
        }
      }
    }
    values_["h" + unit.path] = StableHash(history);
  }
  std::string roots;
  for (const Link<Unit>& root : model.roots) roots += root.raw()->path + "\n";
  values_["r"] = StableHash(roots);
}

std::string ReadValues::Name(const ReadRecorder::Read& read) {
  std::string name(1, static_cast<char>(read.first));
  if (read.second) name += static_cast<const Unit*>(read.second)->path;
  return name;
}

std::vector<std::string> ReadValues::Names(
    const std::vector<ReadRecorder::Read>& reads) {
  std::vector<std::string> names;
  names.reserve(reads.size());
  for (const ReadRecorder::Read& read : reads) names.push_back(Name(read));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string_view ReadValues::Value(std::string_view name) const {
  auto it = values_.find(std::string(name));
  return it == values_.end() ? std::string_view("absent") : it->second;
}

std::string ReadValues::Key(const std::string& site_key,
                            const std::vector<std::string>& deps) const {
  std::string parts = site_key + "\n";
  for (const std::string& dep : deps) {
    parts += dep;
    parts += '\t';
    parts += Value(dep);
    parts += '\n';
  }
  return StableHash(parts);
}

std::string SiteKey(const Model& model, int tahun, const std::string& extra) {
  return StableHash(model.site.source_hash + "\n" + std::to_string(tahun) +
                    "\n" + extra + "\n");
}

}  // namespace sakip
