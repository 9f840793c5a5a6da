#include "diff.h"

#include <map>
#include <set>
#include <sstream>

#include "indonesian_format.h"

namespace sakip {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string Join(const std::vector<std::string>& items,
                 const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string Number(const std::optional<double>& v) {
  return v ? FormatAngka(*v, 4) : "";
}

std::string AbsoluteRef(const Jabatan* j) {
  return j ? "/" + j->unit->path + "/" + j->id : "";
}

// "Camat", or "Camat, Kecamatan Ranuyoso" when outside `home`.
std::string JabatanLabel(const Jabatan* j, const Unit* home) {
  if (!j) return "";
  if (j->unit == home || !j->unit) return j->nama;
  return j->nama + ", " + j->unit->nama;
}

std::string MendukungKey(const Indikator& ind) {
  if (!ind.mendukung_jabatan || !ind.mendukung) return ind.mendukung_ref.text;
  return AbsoluteRef(ind.mendukung_jabatan) + "#" + ind.mendukung->id;
}

// An old file's reference may name what no longer exists (histories
// resolve it in today's model): said so, without the raw ids.
std::string MendukungLabel(const Indikator& ind, const Unit* home) {
  if (ind.mendukung_ref.empty()) return "";
  if (!ind.mendukung_jabatan) return "indikator yang kini tidak ada";
  std::string jabatan = JabatanLabel(ind.mendukung_jabatan, home);
  if (!ind.mendukung) return "indikator " + jabatan + " yang kini tidak ada";
  return ind.mendukung->nama + " (" + jabatan + ")";
}

std::string Holder(const Jabatan& j) {
  if (!j.pejabat) return "";
  return j.pejabat->nama;
}

std::string AnggaranText(const Indikator& ind) {
  if (!ind.anggaran) return "";
  const sakip::Anggaran& a = *ind.anggaran;
  std::string out = a.kode.empty() ? a.kegiatan : a.kode + " " + a.kegiatan;
  if (a.pagu) out += " (Rp " + FormatAngka(*a.pagu, 0) + ")";
  return out;
}

std::string EnumText(Polaritas p) {
  return p == Polaritas::kNegatif ? "negatif" : "positif";
}
std::string EnumText(Agregasi a) {
  return a == Agregasi::kTerakhir   ? "terakhir"
         : a == Agregasi::kRataRata ? "rata-rata"
                                    : "kumulatif";
}

// Names for people on the change of field `name`, if it changed.
void Labels(std::vector<FieldChange>* out, const std::string& name,
            const std::string& before, const std::string& after) {
  if (out->empty() || out->back().field != name) return;
  out->back().before_label = before;
  out->back().after_label = after;
}

void Field(std::vector<FieldChange>* out, const std::string& name,
           const std::string& before, const std::string& after,
           bool words = false) {
  if (before == after) return;
  FieldChange change{name, before, after, {}, "", ""};
  if (words && !before.empty() && !after.empty()) {
    change.words = WordDiff(before, after);
  }
  out->push_back(std::move(change));
}

std::vector<FieldChange> UnitFields(const Unit& a, const Unit& b) {
  std::vector<FieldChange> f;
  Field(&f, "nama", a.nama, b.nama);
  Field(&f, "jenis", a.jenis, b.jenis);
  Field(&f, "pemerintah", a.pemerintah, b.pemerintah);
  Field(&f, "dasar_hukum", a.dasar_hukum, b.dasar_hukum, true);
  Field(&f, "pimpinan", AbsoluteRef(a.pimpinan), AbsoluteRef(b.pimpinan));
  Labels(&f, "pimpinan", JabatanLabel(a.pimpinan, &a),
         JabatanLabel(b.pimpinan, &b));
  return f;
}

std::vector<FieldChange> JabatanFields(const Jabatan& a, const Jabatan& b) {
  std::vector<FieldChange> f;
  Field(&f, "nama", a.nama, b.nama);
  Field(&f, "jenis", a.jenis, b.jenis);
  Field(&f, "eselon", a.eselon, b.eselon);
  Field(&f, "atasan", AbsoluteRef(a.atasan), AbsoluteRef(b.atasan));
  Labels(&f, "atasan", JabatanLabel(a.atasan, a.unit),
         JabatanLabel(b.atasan, b.unit));
  Field(&f, "pejabat", Holder(a), Holder(b));
  Field(&f, "tugas", Join(a.tugas, "; "), Join(b.tugas, "; "), true);
  Field(&f, "fungsi", Join(a.fungsi, "; "), Join(b.fungsi, "; "), true);
  return f;
}

std::vector<FieldChange> IndikatorFields(const Indikator& a, const Indikator& b,
                                         const Unit* home) {
  std::vector<FieldChange> f;
  Field(&f, "nama", a.nama, b.nama, true);
  Field(&f, "sasaran", a.sasaran, b.sasaran, true);
  Field(&f, "formulasi", a.formulasi, b.formulasi, true);
  Field(&f, "sumber_data", Join(a.sumber_data, "; "),
        Join(b.sumber_data, "; "));
  Field(&f, "satuan", a.satuan, b.satuan);
  Field(&f, "target", Number(a.target), Number(b.target));
  std::vector<std::string> ta, tb;
  for (double t : a.target_triwulan) ta.push_back(FormatAngka(t, 4));
  for (double t : b.target_triwulan) tb.push_back(FormatAngka(t, 4));
  Field(&f, "target_triwulan", Join(ta, ", "), Join(tb, ", "));
  Field(&f, "polaritas", EnumText(a.polaritas), EnumText(b.polaritas));
  Field(&f, "agregasi", EnumText(a.agregasi), EnumText(b.agregasi));
  Field(&f, "mendukung", MendukungKey(a), MendukungKey(b));
  Labels(&f, "mendukung", MendukungLabel(a, home), MendukungLabel(b, home));
  Field(&f, "anggaran", AnggaranText(a), AnggaranText(b));
  return f;
}

std::string JabatanKey(const Jabatan& j) { return j.unit->path + "/" + j.id; }

// --- Perjanjian Kinerja ----------------------------------------------------

std::string PihakKedua(const PerjanjianJabatan& pj) {
  if (!pj.pihak_kedua) return pj.pihak_kedua_ref.text;
  std::string out = AbsoluteRef(pj.pihak_kedua);
  if (pj.pihak_kedua->pejabat)
    out += " (" + pj.pihak_kedua->pejabat->nama + ")";
  return out;
}

std::string BarisAnggaran(const Anggaran& a) {
  std::string out = a.kegiatan;
  out += a.pagu ? " (Rp " + FormatAngka(*a.pagu, 0) + ")" : " (-)";
  if (!a.sumber_dana.empty()) out += ", " + a.sumber_dana;
  return out;
}

// A budget row is matched by its kode, or by its kegiatan when it has none.
std::string KunciAnggaran(const Anggaran& a) {
  return a.kode.empty() ? a.kegiatan : a.kode;
}

std::string TotalAnggaran(const PerjanjianJabatan& pj) {
  if (pj.anggaran.empty()) return "";
  double total = 0;
  for (const PerjanjianAnggaran& a : pj.anggaran) {
    total += a.anggaran.pagu.value_or(0);
  }
  return "Rp " + FormatAngka(total, 0);
}

// The budget table, row by row (`anggaran <kode>`), then its total.
void AnggaranFields(std::vector<FieldChange>* f, const PerjanjianJabatan& a,
                    const PerjanjianJabatan& b) {
  std::map<std::string, std::string> before, after;
  std::vector<std::string> order;
  for (const PerjanjianAnggaran& r : a.anggaran) {
    std::string key = KunciAnggaran(r.anggaran);
    if (!before.count(key)) order.push_back(key);
    before[key] = BarisAnggaran(r.anggaran);
  }
  for (const PerjanjianAnggaran& r : b.anggaran) {
    std::string key = KunciAnggaran(r.anggaran);
    if (!before.count(key) && !after.count(key)) order.push_back(key);
    after[key] = BarisAnggaran(r.anggaran);
  }
  for (const std::string& key : order) {
    Field(f, "anggaran " + key, before[key], after[key], true);
  }
  Field(f, "total anggaran", TotalAnggaran(a), TotalAnggaran(b));
}

std::vector<FieldChange> PerjanjianFields(const Perjanjian& pa,
                                          const PerjanjianJabatan& a,
                                          const Perjanjian& pb,
                                          const PerjanjianJabatan& b) {
  std::vector<FieldChange> f;
  Field(&f, "jenis", pa.jenis, pb.jenis);
  Field(&f, "tempat", pa.tempat, pb.tempat);
  Field(&f, "tanggal", pa.tanggal ? FormatTanggal(*pa.tanggal) : "",
        pb.tanggal ? FormatTanggal(*pb.tanggal) : "");
  Field(&f, "pihak_kedua", PihakKedua(a), PihakKedua(b));
  AnggaranFields(&f, a, b);
  return f;
}

std::string RencanaAksi(const PerjanjianSasaran& s) {
  std::vector<std::string> items;
  for (double t : s.rencana_aksi) items.push_back(FormatAngka(t, 4));
  return Join(items, ", ");
}

std::vector<FieldChange> SasaranFields(const PerjanjianSasaran& a,
                                       const PerjanjianSasaran& b,
                                       const Unit* home) {
  std::vector<FieldChange> f;
  Field(&f, "iki", a.iki_ref.text, b.iki_ref.text);
  for (FieldChange& c : IndikatorFields(a.indikator, b.indikator, home)) {
    // The budget is the PK's table, diffed there.
    if (c.field != "anggaran") f.push_back(std::move(c));
  }
  Field(&f, "rencana_aksi", RencanaAksi(a), RencanaAksi(b));
  return f;
}

std::string PerjanjianKey(const Perjanjian& p, const PerjanjianJabatan& pj) {
  return p.unit->path + "/" + pj.jabatan_id + "/" + std::to_string(p.tahun);
}

std::string PerjanjianNama(const Perjanjian& p, const PerjanjianJabatan& pj) {
  return "Perjanjian Kinerja " + std::to_string(p.tahun) + " " +
         (pj.jabatan ? pj.jabatan->nama : pj.jabatan_id);
}

// Each jabatan's PK of each year: added, removed, or changed (its header
// fields and budget table), and its sasaran added, removed or changed.
void DiffPerjanjian(const Model& before, const Model& after,
                    std::vector<Change>* perjanjian,
                    std::vector<Change>* sasaran) {
  auto find = [](const Model& m, const Perjanjian& p,
                 const PerjanjianJabatan& pj)
      -> std::pair<const Perjanjian*, const PerjanjianJabatan*> {
    const Unit* unit = m.FindUnit(p.unit->path);
    const Perjanjian* other = unit ? unit->FindPerjanjian(p.tahun) : nullptr;
    return {other, other ? other->FindJabatan(pj.jabatan_id) : nullptr};
  };
  for (const auto& unit : after.units) {
    for (const auto& p : unit->perjanjian) {
      for (const PerjanjianJabatan& pj : p->jabatan) {
        std::string key = PerjanjianKey(*p, pj);
        auto [old_p, old] = find(before, *p, pj);
        if (!old) {
          perjanjian->push_back({ChangeKind::kAdded,
                                 "perjanjian",
                                 key,
                                 PerjanjianNama(*p, pj),
                                 "",
                                 {},
                                 p->unit->nama,
                                 ""});
          continue;
        }
        if (auto f = PerjanjianFields(*old_p, *old, *p, pj); !f.empty()) {
          perjanjian->push_back({ChangeKind::kChanged, "perjanjian", key,
                                 PerjanjianNama(*p, pj), "", f, p->unit->nama,
                                 ""});
        }
        for (const PerjanjianSasaran& s : pj.sasaran) {
          const PerjanjianSasaran* prev = old->FindSasaran(s.indikator.id);
          std::string skey = key + "#" + s.indikator.id;
          if (!prev) {
            sasaran->push_back({ChangeKind::kAdded,
                                "sasaran",
                                skey,
                                s.indikator.nama,
                                "",
                                {},
                                p->unit->nama,
                                ""});
          } else if (auto f = SasaranFields(*prev, s, p->unit); !f.empty()) {
            sasaran->push_back({ChangeKind::kChanged, "sasaran", skey,
                                s.indikator.nama, "", f, p->unit->nama, ""});
          }
        }
        for (const PerjanjianSasaran& prev : old->sasaran) {
          if (!pj.FindSasaran(prev.indikator.id)) {
            sasaran->push_back({ChangeKind::kRemoved,
                                "sasaran",
                                key + "#" + prev.indikator.id,
                                prev.indikator.nama,
                                "",
                                {},
                                p->unit->nama,
                                ""});
          }
        }
      }
    }
  }
  for (const auto& unit : before.units) {
    for (const auto& p : unit->perjanjian) {
      for (const PerjanjianJabatan& pj : p->jabatan) {
        if (find(after, *p, pj).second) continue;
        perjanjian->push_back({ChangeKind::kRemoved,
                               "perjanjian",
                               PerjanjianKey(*p, pj),
                               PerjanjianNama(*p, pj),
                               "",
                               {},
                               p->unit->nama,
                               ""});
      }
    }
  }
}

std::string Where(const Jabatan& j) {
  return j.unit ? j.nama + ", " + j.unit->nama : j.nama;
}

// The indicators of `after` added, changed, and those of `before` removed.
void IndikatorChanges(const Jabatan& before, const Jabatan& after,
                      const std::string& key, std::vector<Change>* out) {
  for (const Indikator& ind : after.indikator) {
    std::string ind_key = key + "#" + ind.id;
    const Indikator* prev = before.FindIndikator(ind.id);
    if (!prev) {
      out->push_back({ChangeKind::kAdded,
                      "indikator",
                      ind_key,
                      ind.nama,
                      "",
                      {},
                      Where(after),
                      ""});
    } else if (auto f = IndikatorFields(*prev, ind, after.unit); !f.empty()) {
      out->push_back({ChangeKind::kChanged, "indikator", ind_key, ind.nama, "",
                      f, Where(after), ""});
    }
  }
  for (const Indikator& prev : before.indikator) {
    if (!after.FindIndikator(prev.id)) {
      out->push_back({ChangeKind::kRemoved,
                      "indikator",
                      key + "#" + prev.id,
                      prev.nama,
                      "",
                      {},
                      Where(after),
                      ""});
    }
  }
}

}  // namespace

std::vector<WordDiffPart> WordDiff(const std::string& before,
                                   const std::string& after) {
  std::vector<std::string> a = Words(before), b = Words(after);
  // Texts are a few hundred words at most: the quadratic table is fine.
  std::vector<std::vector<int>> lcs(a.size() + 1,
                                    std::vector<int>(b.size() + 1));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1
                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<WordDiffPart> parts;
  auto push = [&](WordDiffPart::Kind kind, const std::string& word) {
    if (!parts.empty() && parts.back().kind == kind) {
      parts.back().text += " " + word;
    } else {
      parts.push_back({kind, word});
    }
  };
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      push(WordDiffPart::kSame, a[i]);
      ++i, ++j;
    } else if (i < a.size() &&
               (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      push(WordDiffPart::kRemoved, a[i++]);
    } else {
      push(WordDiffPart::kAdded, b[j++]);
    }
  }
  return parts;
}

ModelDiff DiffModels(const Model& before, const Model& after) {
  ModelDiff diff;
  // Units.
  for (const auto& u : after.units) {
    const Unit* old = before.FindUnit(u->path);
    if (!old) {
      diff.changes.push_back(
          {ChangeKind::kAdded, "unit", u->path, u->nama, "", {}, "", ""});
    } else if (auto f = UnitFields(*old, *u); !f.empty()) {
      diff.changes.push_back(
          {ChangeKind::kChanged, "unit", u->path, u->nama, "", f, "", ""});
    }
  }
  for (const auto& u : before.units) {
    if (!after.FindUnit(u->path)) {
      diff.changes.push_back(
          {ChangeKind::kRemoved, "unit", u->path, u->nama, "", {}, "", ""});
    }
  }
  // Jabatan, matched in the same unit first, then by id in another unit
  // (a move) when the id is unique on both sides.
  std::map<std::string, std::vector<const Jabatan*>> before_by_id, after_by_id;
  for (const Jabatan* j : before.AllJabatan()) before_by_id[j->id].push_back(j);
  for (const Jabatan* j : after.AllJabatan()) after_by_id[j->id].push_back(j);
  std::map<const Jabatan*, const Jabatan*> pairs;  // after -> before
  std::set<const Jabatan*> matched_before;
  for (const Jabatan* j : after.AllJabatan()) {
    const Unit* unit = before.FindUnit(j->unit->path);
    const Jabatan* old = unit ? unit->FindJabatan(j->id) : nullptr;
    if (old) {
      pairs[j] = old;
      matched_before.insert(old);
    }
  }
  std::vector<Change> jabatan, indikator;
  for (const Jabatan* j : after.AllJabatan()) {
    auto it = pairs.find(j);
    const Jabatan* old = it == pairs.end() ? nullptr : it->second;
    bool moved = false;
    if (!old && before_by_id[j->id].size() == 1 &&
        after_by_id[j->id].size() == 1 &&
        !matched_before.count(before_by_id[j->id][0])) {
      old = before_by_id[j->id][0];
      matched_before.insert(old);
      moved = true;
    }
    if (!old) {
      jabatan.push_back({ChangeKind::kAdded,
                         "jabatan",
                         JabatanKey(*j),
                         j->nama,
                         "",
                         {},
                         j->unit->nama,
                         ""});
      continue;
    }
    std::vector<FieldChange> fields = JabatanFields(*old, *j);
    if (moved) {
      jabatan.push_back({ChangeKind::kMoved, "jabatan", JabatanKey(*j), j->nama,
                         old->unit->path, fields, j->unit->nama,
                         old->unit->nama});
    } else if (!fields.empty()) {
      jabatan.push_back({ChangeKind::kChanged, "jabatan", JabatanKey(*j),
                         j->nama, "", fields, j->unit->nama, ""});
    }
    IndikatorChanges(*old, *j, JabatanKey(*j), &indikator);
  }
  for (const Jabatan* j : before.AllJabatan()) {
    if (!matched_before.count(j)) {
      jabatan.push_back({ChangeKind::kRemoved,
                         "jabatan",
                         JabatanKey(*j),
                         j->nama,
                         "",
                         {},
                         j->unit->nama,
                         ""});
    }
  }
  std::vector<Change> perjanjian, sasaran;
  DiffPerjanjian(before, after, &perjanjian, &sasaran);
  for (auto* part : {&jabatan, &indikator, &perjanjian, &sasaran}) {
    diff.changes.insert(diff.changes.end(), part->begin(), part->end());
  }
  return diff;
}

std::vector<Change> DiffJabatan(const Jabatan* before, const Jabatan* after,
                                const std::string& key) {
  std::vector<Change> changes;
  if (!before && !after) return changes;
  const Jabatan& shown = after ? *after : *before;
  std::string where = shown.unit ? shown.unit->nama : "";
  if (!before || !after) {
    changes.push_back({before ? ChangeKind::kRemoved : ChangeKind::kAdded,
                       "jabatan",
                       key,
                       shown.nama,
                       "",
                       {},
                       where,
                       ""});
    return changes;
  }
  if (auto fields = JabatanFields(*before, *after); !fields.empty()) {
    changes.push_back({ChangeKind::kChanged, "jabatan", key, after->nama, "",
                       std::move(fields), where, ""});
  }
  IndikatorChanges(*before, *after, key, &changes);
  return changes;
}

}  // namespace sakip
