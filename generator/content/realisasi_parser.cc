// realisasi/<tahun>.yaml: reported figures per jabatan, indicator, quarter.
#include <array>

#include "content_parsers.h"

namespace sakip {
namespace {

const char* const kRomawiTriwulan[] = {"I", "II", "III", "IV"};

// `I`..`IV` or `1`..`4` to 0..3; -1 otherwise.
int QuarterIndex(const std::string& key) {
  for (int i = 0; i < 4; ++i) {
    if (key == kRomawiTriwulan[i] || key == std::to_string(i + 1)) return i;
  }
  return -1;
}

bool IsNotReported(const YamlValue& value) {
  return value.IsNull() || (value.IsScalar() && value.Scalar() == "-");
}

// Calls `read(quarter, value)` for each reported quarter of a quarter map.
template <typename Read>
void ForEachQuarter(const MapReader& owner, const std::string& key, Read read) {
  if (!owner.Has(key)) return;
  MapReader quarters(owner.Get(key), "`" + key + "`", {});
  for (const auto& [name, value] : quarters.Entries()) {
    int q = QuarterIndex(name);
    if (q < 0) {
      owner.Get(key).source()->diagnostics->Error(
          quarters.KeyPos(name),
          "`" + name + "` is not a quarter in `" + key + "`",
          "use I, II, III, IV (or 1 to 4)");
      continue;
    }
    if (IsNotReported(value)) continue;
    read(q, value);
  }
}

// The rows of one quarter of `rencana_tindak_lanjut`: a list of maps, each
// with at least one text. Returns the rows read; an empty list is reported.
std::vector<BarisTindakLanjut> ParseBarisTindakLanjut(const YamlValue& value,
                                                      const std::string& id,
                                                      int quarter) {
  Diagnostics* diagnostics = value.source()->diagnostics;
  std::string where = "`rencana_tindak_lanjut` of `" + id + "`, quarter " +
                      std::string(kRomawiTriwulan[quarter]);
  std::vector<BarisTindakLanjut> rows;
  if (!value.IsList() || value.Items().empty()) {
    diagnostics->Error(value.Pos(), where + " must be a list of rows",
                       "one item per printed row, e.g. `- { evaluasi: ..., "
                       "tindak_lanjut: ..., keterangan: ... }`");
    return rows;
  }
  for (const YamlValue& item : value.Items()) {
    MapReader map(
        item, "a Rencana Tindak Lanjut row",
        {"kode", "kegiatan", "evaluasi", "tindak_lanjut", "keterangan"});
    if (!map.ok()) continue;
    BarisTindakLanjut row;
    row.kode = map.String("kode").value_or("");
    row.kegiatan = map.String("kegiatan").value_or("");
    row.evaluasi = map.String("evaluasi").value_or("");
    row.tindak_lanjut = map.String("tindak_lanjut").value_or("");
    row.keterangan = map.String("keterangan").value_or("");
    if (row.evaluasi.empty() && row.tindak_lanjut.empty() &&
        row.keterangan.empty()) {
      diagnostics->Error(map.Pos(), "a row of " + where + " has no text",
                         "give `evaluasi`, `tindak_lanjut` or `keterangan` "
                         "(or remove the row)");
      continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

RealisasiIndikator ParseEntry(const std::string& id, const YamlValue& value) {
  RealisasiIndikator entry;
  entry.indikator_id = id;
  entry.pos = value.Pos();
  MapReader map(value, "realisasi of `" + id + "`",
                {"triwulan", "anggaran", "dilaporkan", "evaluasi",
                 "tindak_lanjut", "rencana_tindak_lanjut"});
  ForEachQuarter(map, "triwulan", [&](int q, const YamlValue& v) {
    NilaiTriwulan nilai;
    if (v.IsMap()) {
      MapReader parts(v, "quarter components", {"pembilang", "penyebut"});
      nilai.pembilang = parts.Number("pembilang", Need::kRequired);
      nilai.penyebut = parts.Number("penyebut", Need::kRequired);
      if (!nilai.pembilang || !nilai.penyebut) return;
    } else {
      nilai.nilai = v.AsNumber("a quarter's realisasi");
      if (!nilai.nilai) return;
    }
    entry.triwulan[q] = nilai;
  });
  ForEachQuarter(map, "anggaran", [&](int q, const YamlValue& v) {
    entry.anggaran[q] = v.AsNumber("realised spending");
  });
  ForEachQuarter(map, "dilaporkan", [&](int q, const YamlValue& v) {
    entry.dilaporkan[q] = v.AsNumber("a reported capaian");
  });
  auto catatan = [&entry]() -> RealisasiIndikator::Catatan& {
    if (!entry.catatan) {
      entry.catatan = std::make_shared<RealisasiIndikator::Catatan>();
    }
    return *entry.catatan;
  };
  // The short form: one row made of `evaluasi` and `tindak_lanjut`.
  std::array<std::optional<BarisTindakLanjut>, 4> satu_baris;
  std::array<SourcePos, 4> satu_baris_pos;
  ForEachQuarter(map, "evaluasi", [&](int q, const YamlValue& v) {
    std::optional<std::string> text = v.AsString("an evaluasi");
    if (!text) return;
    if (!satu_baris[q]) satu_baris_pos[q] = v.Pos();
    satu_baris[q].emplace().evaluasi = std::move(*text);
  });
  ForEachQuarter(map, "tindak_lanjut", [&](int q, const YamlValue& v) {
    std::optional<std::string> text = v.AsString("a tindak_lanjut");
    if (!text) return;
    if (!satu_baris[q]) {
      satu_baris_pos[q] = v.Pos();
      satu_baris[q].emplace();
    }
    satu_baris[q]->tindak_lanjut = std::move(*text);
  });
  ForEachQuarter(map, "rencana_tindak_lanjut", [&](int q, const YamlValue& v) {
    if (satu_baris[q]) {
      v.source()->diagnostics->Error(
          v.Pos(),
          "quarter " + std::string(kRomawiTriwulan[q]) + " of `" + id +
              "` has both `rencana_tindak_lanjut` and `evaluasi`/"
              "`tindak_lanjut` (line " +
              std::to_string(satu_baris_pos[q].line) + ")",
          "write that quarter's texts as rows of `rencana_tindak_lanjut` "
          "only");
      satu_baris[q].reset();
    }
    std::vector<BarisTindakLanjut> rows = ParseBarisTindakLanjut(v, id, q);
    if (!rows.empty()) catatan().tindak_lanjut[q] = std::move(rows);
  });
  for (int q = 0; q < 4; ++q) {
    if (satu_baris[q]) catatan().tindak_lanjut[q] = {std::move(*satu_baris[q])};
  }
  return entry;
}

}  // namespace

void ParseRealisasi(const YamlValue& root, Realisasi* realisasi) {
  MapReader map(root, "realisasi", {"tahun", "jabatan", "laporan"});
  realisasi->pos = map.Pos();
  std::optional<int> tahun = map.Integer("tahun", Need::kRequired);
  if (tahun && *tahun != realisasi->tahun) {
    root.source()->diagnostics->Error(
        map.Get("tahun").Pos(),
        "`tahun: " + std::to_string(*tahun) +
            "` does not match the file name " +
            std::to_string(realisasi->tahun) + ".yaml",
        "name the file after the year it reports");
  }
  MapReader jabatan_map(map.Get("jabatan"), "`jabatan`", {});
  for (const auto& [jabatan_id, jabatan_value] : jabatan_map.Entries()) {
    RealisasiJabatan rj;
    rj.jabatan_id = jabatan_id;
    rj.pos = jabatan_map.KeyPos(jabatan_id);
    MapReader indikator_map(jabatan_value, "realisasi of `" + jabatan_id + "`",
                            {});
    auto entries = indikator_map.Entries();
    rj.indikator.reserve(entries.size());
    for (const auto& [indikator_id, value] : entries) {
      RealisasiIndikator entry = ParseEntry(indikator_id, value);
      entry.pos = indikator_map.KeyPos(indikator_id);
      rj.indikator.push_back(std::move(entry));
    }
    realisasi->jabatan.push_back(std::move(rj));
  }
  MapReader laporan_map(map.Get("laporan"), "`laporan`", {});
  for (const auto& [jabatan_id, value] : laporan_map.Entries()) {
    realisasi->laporan_pos[jabatan_id] = laporan_map.KeyPos(jabatan_id);
    PerTriwulan<LaporanTriwulan>& reports = realisasi->laporan[jabatan_id];
    MapReader quarters(value, "`laporan` of `" + jabatan_id + "`", {});
    for (const auto& [name, report] : quarters.Entries()) {
      int q = QuarterIndex(name);
      if (q < 0) {
        root.source()->diagnostics->Error(quarters.KeyPos(name),
                                          "`" + name + "` is not a quarter",
                                          "use I, II, III, IV (or 1 to 4)");
        continue;
      }
      MapReader r(report, "a quarterly report",
                  {"tempat", "tanggal", "pejabat", "atasan"});
      LaporanTriwulan laporan;
      laporan.pos = quarters.KeyPos(name);
      laporan.tempat = r.String("tempat").value_or("");
      laporan.tanggal = r.DateValue("tanggal");
      if (r.Has("pejabat")) {
        laporan.pejabat = ParsePejabat(r.Get("pejabat"), Need::kOptional);
      }
      if (r.Has("atasan")) {
        laporan.atasan = ParsePejabat(r.Get("atasan"), Need::kOptional);
      }
      reports[q] = std::move(laporan);
    }
  }
}

}  // namespace sakip
