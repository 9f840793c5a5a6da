// perjanjian/<tahun>.yaml: the Perjanjian Kinerja (PK) of a year, per
// jabatan: its sasaran with their Rencana Aksi, and the budget table.
// References to other files (jabatan, pihak_kedua, iki) are resolved in
// resolve.cc; what one file can tell is checked here.
#include <map>

#include "content_parsers.h"
#include "suggest.h"

namespace sakip {
namespace {

const std::vector<std::string> kSasaranKeys = {
    "id",        "iki",           "sasaran",   "indikator", "target",
    "satuan",    "rencana_aksi",  "formulasi", "rumus",     "sumber_data",
    "polaritas", "rumus_negatif", "agregasi",  "mendukung"};

// The Diberi bit of each optional key a sasaran may leave to its IKI.
unsigned DiberiBits(const MapReader& map) {
  static const std::pair<const char*, unsigned> kBits[] = {
      {"sasaran", PerjanjianSasaran::kSasaran},
      {"indikator", PerjanjianSasaran::kIndikator},
      {"target", PerjanjianSasaran::kTarget},
      {"satuan", PerjanjianSasaran::kSatuan},
      {"formulasi", PerjanjianSasaran::kFormulasi},
      {"rumus", PerjanjianSasaran::kRumus},
      {"sumber_data", PerjanjianSasaran::kSumberData},
      {"polaritas", PerjanjianSasaran::kPolaritas},
      {"rumus_negatif", PerjanjianSasaran::kRumusNegatif},
      {"agregasi", PerjanjianSasaran::kAgregasi}};
  unsigned bits = 0;
  for (const auto& [key, bit] : kBits) {
    if (map.Has(key) && !map.Get(key).IsNull()) bits |= bit;
  }
  return bits;
}

void ParseRencanaAksi(const MapReader& map, PerjanjianSasaran* sasaran) {
  if (!map.Has("rencana_aksi")) return;
  YamlValue list = map.Get("rencana_aksi");
  sasaran->rencana_aksi_pos = list.Pos();
  std::vector<YamlValue> items = list.Items();
  bool numbers = list.IsList() && items.size() == 4;
  for (const YamlValue& item : items) {
    if (!numbers) break;
    if (!item.IsScalar() || item.IsNull()) numbers = false;
  }
  if (!numbers) {
    list.source()->diagnostics->Error(
        list.Pos(),
        "`rencana_aksi` must list 4 numbers, the target to quarter I, II, "
        "III and IV",
        "for example [25, 50, 75, 100] (kumulatif: the running total)");
    return;
  }
  for (const YamlValue& item : items) {
    std::optional<double> t = item.AsNumber("a rencana_aksi target");
    if (!t) {  // reported by AsNumber; three targets are no plan
      sasaran->rencana_aksi.clear();
      return;
    }
    sasaran->rencana_aksi.push_back(*t);
  }
}

std::optional<PerjanjianSasaran> ParseSasaran(const YamlValue& value) {
  MapReader map(value, "sasaran", kSasaranKeys);
  if (!map.ok()) return std::nullopt;
  Diagnostics* diagnostics = value.source()->diagnostics;
  PerjanjianSasaran s;
  Indikator& ind = s.indikator;
  ind.pos = map.Pos();
  ind.id = map.String("id", Need::kRequired).value_or("");
  if (!ind.id.empty() && !IsValidId(ind.id)) {
    std::string suggestion = SuggestId(ind.id);
    diagnostics->Error(
        map.Get("id").Pos(), "sasaran id `" + ind.id + "` is not a valid id",
        "ids are lower-case words joined by `-`" +
            (suggestion.empty() ? std::string()
                                : ", e.g. `" + suggestion + "`"));
  }
  s.iki_ref = ReadReference(map, "iki");
  // Resolved in resolve.cc; an `iki` link inherits the IKI's when empty.
  ind.mendukung_ref = ReadReference(map, "mendukung");
  s.diberi = DiberiBits(map);
  // Without an `iki` link there is nothing to inherit the text and the
  // target from.
  Need own = s.iki_ref.empty() ? Need::kRequired : Need::kOptional;
  ind.sasaran = map.String("sasaran").value_or("");
  ind.nama = map.String("indikator", own).value_or("");
  ind.target = map.Number("target", own);
  s.target_pos = map.Get("target").Pos();
  if (ind.target && *ind.target < 0) {
    diagnostics->Error(s.target_pos,
                       "`target` of sasaran `" + ind.id +
                           "` is negative: " + map.Get("target").Scalar(),
                       "a target is a level to reach (or, with `polaritas: "
                       "negatif`, not to exceed); write it as 0 or more");
  }
  ind.satuan = map.String("satuan").value_or("");
  ParseIndikatorRumus(map, &ind);
  ParseRencanaAksi(map, &s);
  return s;
}

std::optional<PerjanjianAnggaran> ParseAnggaranRow(const YamlValue& value) {
  MapReader map(value, "anggaran row",
                {"kode", "kegiatan", "pagu", "sumber_dana", "sasaran"});
  if (!map.ok()) return std::nullopt;
  PerjanjianAnggaran row;
  row.pos = map.Pos();
  row.anggaran.kode = map.String("kode").value_or("");
  row.anggaran.kegiatan = map.String("kegiatan", Need::kRequired).value_or("");
  row.anggaran.pagu = map.Number("pagu", Need::kRequired);
  row.anggaran.sumber_dana = map.String("sumber_dana").value_or("");
  if (row.anggaran.pagu && *row.anggaran.pagu < 0) {
    value.source()->diagnostics->Error(map.Get("pagu").Pos(),
                                       "`pagu` cannot be negative");
  }
  row.sasaran_ref = ReadReference(map, "sasaran");
  return row;
}

// Duplicate sasaran ids, and budget rows naming a sasaran the jabatan's
// agreement does not have: both are visible within the file.
void CheckSasaranIds(const PerjanjianJabatan& pj, Diagnostics* diagnostics) {
  std::map<std::string, const PerjanjianSasaran*> by_id;
  std::vector<std::string> ids;
  for (const PerjanjianSasaran& s : pj.sasaran) {
    if (s.indikator.id.empty()) continue;
    auto [it, inserted] = by_id.emplace(s.indikator.id, &s);
    if (inserted) {
      ids.push_back(s.indikator.id);
      continue;
    }
    diagnostics->Error(s.indikator.pos,
                       "duplicate sasaran id `" + s.indikator.id +
                           "` in the PK of `" + pj.jabatan_id +
                           "` (first at line " +
                           std::to_string(it->second->indikator.pos.line) + ")",
                       "ids must be unique within a jabatan's agreement; "
                       "realisasi names the sasaran by it");
  }
  for (const PerjanjianAnggaran& row : pj.anggaran) {
    if (row.sasaran_ref.empty() || by_id.count(row.sasaran_ref.text)) continue;
    std::string hint = DidYouMean(row.sasaran_ref.text, ids);
    diagnostics->Error(
        row.sasaran_ref.pos,
        "anggaran row names sasaran `" + row.sasaran_ref.text +
            "`, which the PK of `" + pj.jabatan_id + "` does not have",
        hint.empty() ? "name one of the `id`s under `sasaran`" : hint);
  }
}

PerjanjianJabatan ParseJabatanAgreement(const std::string& jabatan_id,
                                        const YamlValue& value) {
  PerjanjianJabatan pj;
  pj.jabatan_id = jabatan_id;
  MapReader map(value, "PK of `" + jabatan_id + "`",
                {"pihak_kedua", "sasaran", "anggaran"});
  Diagnostics* diagnostics = value.source()->diagnostics;
  pj.pihak_kedua_ref = ReadReference(map, "pihak_kedua");
  for (const auto& [key, what] :
       {std::pair{"sasaran",
                  "`sasaran` must be a list; start each with "
                  "`- id: ...`"},
        std::pair{"anggaran",
                  "`anggaran` must be a list of budget rows "
                  "(`- kode: ...`)"}}) {
    YamlValue list = map.Get(key);
    if (!list.IsNull() && !list.IsList()) diagnostics->Error(list.Pos(), what);
  }
  for (const YamlValue& item : map.Get("sasaran").Items()) {
    if (auto s = ParseSasaran(item)) pj.sasaran.push_back(std::move(*s));
  }
  for (const YamlValue& item : map.Get("anggaran").Items()) {
    if (auto row = ParseAnggaranRow(item)) pj.anggaran.push_back(*row);
  }
  CheckSasaranIds(pj, diagnostics);
  return pj;
}

}  // namespace

void ParsePerjanjian(const YamlValue& root, Perjanjian* perjanjian) {
  MapReader map(root, "perjanjian",
                {"tahun", "jenis", "tempat", "tanggal", "jabatan"});
  perjanjian->pos = map.Pos();
  std::optional<int> tahun = map.Integer("tahun", Need::kRequired);
  if (tahun && *tahun != perjanjian->tahun) {
    root.source()->diagnostics->Error(
        map.Get("tahun").Pos(),
        "`tahun: " + std::to_string(*tahun) +
            "` does not match the file name " +
            std::to_string(perjanjian->tahun) + ".yaml",
        "name the file after the year of the agreement, e.g. perjanjian/" +
            std::to_string(*tahun) + ".yaml");
  }
  perjanjian->jenis =
      map.Choice("jenis", {"murni", "perubahan"}).value_or("murni");
  perjanjian->tempat = map.String("tempat").value_or("");
  perjanjian->tanggal = map.DateValue("tanggal");
  MapReader jabatan_map(map.Get("jabatan"), "`jabatan`", {});
  for (const auto& [jabatan_id, value] : jabatan_map.Entries()) {
    PerjanjianJabatan pj = ParseJabatanAgreement(jabatan_id, value);
    pj.pos = jabatan_map.KeyPos(jabatan_id);
    perjanjian->jabatan.push_back(std::move(pj));
  }
}

}  // namespace sakip
