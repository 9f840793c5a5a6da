#include "model.h"

namespace sakip {

std::vector<PredikatBand> DefaultPredikatScale() {
  return {{91, "Sangat Tinggi"},
          {76, "Tinggi"},
          {66, "Sedang"},
          {51, "Rendah"},
          {0, "Sangat Rendah"}};
}

const Indikator* Jabatan::FindIndikator(const std::string& indikator_id) const {
  for (const Indikator& i : indikator) {
    if (i.id == indikator_id) return &i;
  }
  return nullptr;
}

const Jabatan* Unit::FindJabatan(const std::string& jabatan_id) const {
  for (const auto& j : jabatan) {
    if (j->id == jabatan_id) return j.get();
  }
  return nullptr;
}

const Perjanjian* Unit::FindPerjanjian(int tahun) const {
  for (const auto& p : perjanjian) {
    if (p->tahun == tahun) return p.get();
  }
  return nullptr;
}

const PerjanjianJabatan* Perjanjian::FindJabatan(
    const std::string& jabatan_id) const {
  for (const PerjanjianJabatan& j : jabatan) {
    if (j.jabatan_id == jabatan_id) return &j;
  }
  return nullptr;
}

const PerjanjianSasaran* PerjanjianJabatan::FindSasaran(
    const std::string& sasaran_id) const {
  for (const PerjanjianSasaran& s : sasaran) {
    if (s.indikator.id == sasaran_id) return &s;
  }
  return nullptr;
}

const Unit* Model::FindUnit(const std::string& unit_path) const {
  for (const auto& u : units) {
    if (u->path == unit_path) return u.get();
  }
  return nullptr;
}

std::vector<const Jabatan*> Model::AllJabatan() const {
  std::vector<const Jabatan*> all;
  for (const auto& u : units) {
    for (const auto& j : u->jabatan) all.push_back(j.get());
  }
  return all;
}

}  // namespace sakip
