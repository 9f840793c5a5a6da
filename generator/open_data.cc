#include "open_data.h"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "resolve.h"

namespace sakip {
namespace {

using nlohmann::ordered_json;

constexpr const char* kRomawi[] = {"I", "II", "III", "IV"};

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> kColumns = {
      "unit",      "unit_nama",          "jabatan",   "jabatan_nama",
      "indikator", "indikator_nama",     "sasaran",   "satuan",
      "tahun",     "triwulan",           "target",    "realisasi",
      "capaian",   "predikat",           "polaritas", "agregasi",
      "pagu",      "realisasi_anggaran", "serapan",   "efisiensi",
      "dilaporkan"};
  return kColumns;
}

// Whole numbers are written without a fraction (`10`, not `10.0`); others
// with the shortest text that reads back as the same double.
ordered_json Number(const std::optional<double>& value) {
  if (!value) return nullptr;
  double v = *value;
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

ordered_json Text(const std::string& value) {
  return value.empty() ? ordered_json(nullptr) : ordered_json(value);
}

const char* AgregasiName(Agregasi a) {
  switch (a) {
    case Agregasi::kKumulatif:
      return "kumulatif";
    case Agregasi::kTerakhir:
      return "terakhir";
    case Agregasi::kRataRata:
      return "rata-rata";
  }
  return "";
}

ordered_json BaseRow(const Jabatan& jabatan, const Indikator& ind) {
  ordered_json row;
  row["unit"] = jabatan.unit->path;
  row["unit_nama"] = jabatan.unit->nama;
  row["jabatan"] = jabatan.id;
  row["jabatan_nama"] = jabatan.nama;
  row["indikator"] = ind.id;
  row["indikator_nama"] = ind.nama;
  row["sasaran"] = Text(ind.sasaran);
  row["satuan"] = Text(ind.satuan);
  return row;
}

void FillQuarter(const Indikator& ind, const HasilTriwulan* q, int tahun,
                 ordered_json* row) {
  ordered_json& r = *row;
  r["tahun"] = tahun ? ordered_json(tahun) : ordered_json(nullptr);
  r["triwulan"] =
      q ? ordered_json(kRomawi[q->triwulan - 1]) : ordered_json(nullptr);
  r["target"] = q ? Number(q->target.value)
                  : Number(ind.target_triwulan.empty()
                               ? ind.target
                               : std::optional<double>(ind.target_triwulan[3]));
  r["realisasi"] = q ? Number(q->realisasi.value) : nullptr;
  r["capaian"] = q ? Number(q->capaian.value) : nullptr;
  r["predikat"] = q ? Text(q->predikat) : nullptr;
  r["polaritas"] = ind.polaritas == Polaritas::kNegatif ? "negatif" : "positif";
  r["agregasi"] = AgregasiName(ind.agregasi);
  r["pagu"] = Number(ind.anggaran ? ind.anggaran->pagu : std::nullopt);
  r["realisasi_anggaran"] = q ? Number(q->realisasi_anggaran) : nullptr;
  r["serapan"] = q ? Number(q->serapan.value) : nullptr;
  r["efisiensi"] = q ? Number(q->efisiensi.value) : nullptr;
  r["dilaporkan"] = q ? Number(q->dilaporkan) : nullptr;
}

// The rows of one unit's indicators: one per reported quarter, or one
// without results when no quarter is reported.
ordered_json IndikatorRows(const Unit& unit, const Results& results) {
  ordered_json rows = ordered_json::array();
  {
    for (const Jabatan* jabatan : HierarchyOrder(unit)) {
      for (const Indikator& ind : jabatan->indikator) {
        bool any = false;
        for (int year : results.tahun) {
          const HasilIndikator* h = results.Find(year, &ind);
          if (!h) continue;
          for (const HasilTriwulan& q : h->triwulan) {
            if (!q.dilapor) continue;
            ordered_json row = BaseRow(*jabatan, ind);
            FillQuarter(ind, &q, year, &row);
            rows.push_back(std::move(row));
            any = true;
          }
        }
        if (!any) {
          ordered_json row = BaseRow(*jabatan, ind);
          FillQuarter(ind, nullptr, 0, &row);
          rows.push_back(std::move(row));
        }
      }
    }
  }
  return rows;
}

std::string CsvField(const ordered_json& value) {
  if (value.is_null()) return "";
  std::string text =
      value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvHeader() {
  std::string csv;
  for (size_t i = 0; i < Columns().size(); ++i) {
    csv += (i ? "," : "") + Columns()[i];
  }
  return csv + "\r\n";
}

std::string CsvRows(const ordered_json& rows) {
  std::string csv;
  for (const ordered_json& row : rows) {
    for (size_t i = 0; i < Columns().size(); ++i) {
      csv += (i ? "," : "") + CsvField(row[Columns()[i]]);
    }
    csv += "\r\n";
  }
  return csv;
}

std::string AbsoluteRef(const Jabatan& j) {
  return "/" + j.unit->path + "/" + j.id;
}

ordered_json JabatanRows(const Model& model) {
  ordered_json rows = ordered_json::array();
  for (const auto& unit : model.units) {
    for (const Jabatan* j : HierarchyOrder(*unit)) {
      ordered_json row;
      row["unit"] = unit->path;
      row["unit_nama"] = unit->nama;
      row["jabatan"] = j->id;
      row["jabatan_nama"] = j->nama;
      row["jenis"] = Text(j->jenis);
      row["eselon"] = Text(j->eselon);
      row["atasan"] =
          j->atasan ? ordered_json(AbsoluteRef(*j->atasan)) : nullptr;
      if (j->pejabat) {
        row["pejabat"] = {{"nama", j->pejabat->nama},
                          {"pangkat", Text(j->pejabat->pangkat)},
                          {"golongan", Text(j->pejabat->golongan)}};
      } else {
        row["pejabat"] = nullptr;
      }
      row["jumlah_indikator"] = j->indikator.size();
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

const char* kReadme = R"(# Data terbuka SAKIP

Berkas di folder ini dibuat oleh `sakip build` dari konten situs. Angka tidak
dibulatkan; nilai yang tidak ada atau tidak dapat dihitung ditulis `null`
(JSON) atau kosong (CSV).

## indikator.json dan indikator.csv

Satu baris untuk setiap indikator pada setiap triwulan yang memiliki laporan
realisasi, ditambah satu baris dengan `triwulan` kosong untuk indikator yang
belum memiliki laporan sama sekali. CSV memakai UTF-8, baris judul, dan
aturan RFC 4180.

| kolom | arti |
| --- | --- |
| unit | jalur unit kerja di konten, mis. `pemkab-lumajang/satpol-pp` |
| unit_nama | nama unit kerja |
| jabatan | id jabatan (nama berkas) |
| jabatan_nama | nama jabatan |
| indikator | id indikator, tetap dari tahun ke tahun |
| indikator_nama | nama indikator kinerja |
| sasaran | sasaran strategis |
| satuan | satuan indikator (%, dokumen, laporan, ...) |
| tahun | tahun laporan realisasi, atau kosong bila belum ada laporan |
| triwulan | `I` sampai `IV`, atau kosong bila belum ada laporan |
| target | target pada triwulan itu (target triwulanan bila ada, selain itu target tahunan) |
| realisasi | realisasi sampai triwulan itu menurut `agregasi` (dan `rumus` bila ada) |
| capaian | capaian kinerja (%): positif R/T x 100; negatif (2T-R)/T x 100 (minimal 0) atau T/R x 100 |
| predikat | predikat menurut skala predikat situs |
| polaritas | `positif` (makin tinggi makin baik) atau `negatif` |
| agregasi | `kumulatif`, `terakhir` atau `rata-rata` |
| pagu | pagu anggaran yang terkait dengan indikator (Rp) |
| realisasi_anggaran | realisasi anggaran kumulatif sampai triwulan itu (Rp) |
| serapan | serapan anggaran (%) = realisasi_anggaran / pagu x 100 |
| efisiensi | efisiensi (poin) = capaian - serapan |
| dilaporkan | capaian sebagaimana tercetak dalam laporan resmi, untuk pembanding |

## jabatan.json

Satu objek untuk setiap jabatan: `unit`, `unit_nama`, `jabatan`,
`jabatan_nama`, `jenis`, `eselon`, `atasan` (rujukan mutlak
`/jalur/unit/id`), `pejabat` (nama, pangkat, golongan pemangku jabatan saat
ini) dan `jumlah_indikator`.
)";

// `rows` as the elements of a JSON array dumped with indent 1, so that the
// file is the same as `array.dump(1)` of all rows at once.
std::string ArrayElements(const ordered_json& rows, bool* first) {
  std::string text;
  for (const ordered_json& row : rows) {
    text += *first ? "\n " : ",\n ";
    *first = false;
    for (char c : row.dump(1)) {
      text += c;
      if (c == '\n') text += ' ';
    }
  }
  return text;
}

}  // namespace

void RenderOpenData(const Model& model, const Results& results,
                    const std::string& prefix, OutputSink* out) {
  // A province has hundreds of thousands of rows: they are written unit by
  // unit, never held all at once.
  const std::string json = prefix + "/indikator.json";
  const std::string csv = prefix + "/indikator.csv";
  out->Append(json, "[");
  out->Append(csv, CsvHeader());
  bool first = true;
  for (const auto& unit : model.units) {
    ordered_json rows = IndikatorRows(*unit, results);
    out->Append(json, ArrayElements(rows, &first));
    out->Append(csv, CsvRows(rows));
  }
  out->Append(json, first ? "]\n" : "\n]\n");
  out->Add(prefix + "/jabatan.json", JabatanRows(model).dump(1) + "\n");
  out->Add(prefix + "/README.md", kReadme);
}

}  // namespace sakip
