// realisasi/<tahun>.yaml: reported figures per jabatan, indicator, quarter.
#include "content_parsers.h"

namespace sakip {
namespace {

// `I`..`IV` or `1`..`4` to 0..3; -1 otherwise.
int QuarterIndex(const std::string& key) {
  static const char* kRoman[] = {"I", "II", "III", "IV"};
  for (int i = 0; i < 4; ++i) {
    if (key == kRoman[i] || key == std::to_string(i + 1)) return i;
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

RealisasiIndikator ParseEntry(const std::string& id, const YamlValue& value) {
  RealisasiIndikator entry;
  entry.indikator_id = id;
  entry.pos = value.Pos();
  MapReader map(
      value, "realisasi of `" + id + "`",
      {"triwulan", "anggaran", "dilaporkan", "evaluasi", "tindak_lanjut"});
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
  ForEachQuarter(map, "evaluasi", [&](int q, const YamlValue& v) {
    catatan().evaluasi[q] = v.AsString("an evaluasi");
  });
  ForEachQuarter(map, "tindak_lanjut", [&](int q, const YamlValue& v) {
    catatan().tindak_lanjut[q] = v.AsString("a tindak_lanjut");
  });
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
