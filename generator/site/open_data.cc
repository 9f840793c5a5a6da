#include "open_data.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "json_quote.h"
#include "open_data_xlsx.h"
#include "parallel.h"
#include "pdf.h"
#include "resolve.h"
#include "site_data.h"
#include "stable_hash.h"

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

// The XLSX files' headers: one row per indicator and year, its quarters
// side by side (as `sakip sheet` shows them), which a planner reads more
// easily than a row per quarter and which is a quarter of the cells.
const std::vector<std::string>& XlsxLabels() {
  static const std::vector<std::string> kLabels = [] {
    std::vector<std::string> labels = {
        "Unit (jalur)",   "Nama unit",      "Jabatan (id)",      "Nama jabatan",
        "Indikator (id)", "Nama indikator", "Sasaran",           "Satuan",
        "Polaritas",      "Tahun",          "Target akhir tahun"};
    for (const char* tw : kRomawi) {
      labels.push_back(std::string("Target TW ") + tw);
      labels.push_back(std::string("Realisasi TW ") + tw);
      labels.push_back(std::string("Capaian TW ") + tw + " (%)");
    }
    return labels;
  }();
  return kLabels;
}

// Columns() indices the workbook reads.
constexpr size_t kPolaritasColumn = 14, kTahunColumn = 8, kTriwulanColumn = 9,
                 kTargetColumn = 10;
constexpr int kFirstQuarterCell = 11;  // "Target TW I"

// The whole-site XLSX is made again on every build that changes any unit
// (a workbook cannot be appended to, unlike the JSON and CSV files), from
// every unit's rows: about 0.15 ms of CPU per jabatan, some 70 ms per
// rebuild at this many jabatan (docs/decisions.md); larger sites offer
// each unit's XLSX only.
constexpr size_t kWholeXlsxMaxJabatan = 500;

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

// One indicator row: each column's value already written as JSON (a
// number, a quoted string or null), in Columns() order. Both files are
// written from it: making nlohmann objects for 360,000 rows was the slow
// part of the export.
struct Field {
  std::string json;  // "null", a number, or a quoted and escaped string
  std::string csv;   // the value as a CSV field, quoted when needed
};
using Row = std::vector<Field>;

std::string CsvQuoted(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

Field FieldOf(const ordered_json& value) {
  if (value.is_null()) return {"null", ""};
  std::string json = value.dump();
  return {json, CsvQuoted(value.is_string() ? value.get<std::string>() : json)};
}

Field StringField(const std::string& text) {
  return {JsonQuoted(text), CsvQuoted(text)};
}

Field NumberField(const std::optional<double>& value) {
  if (!value) return {"null", ""};
  ordered_json number = Number(value);
  if (!number.is_number_integer()) return FieldOf(number);
  std::string text = std::to_string(number.get<std::int64_t>());
  return {text, text};
}

Field TextField(const std::string& text) {
  return text.empty() ? Field{"null", ""} : StringField(text);
}

void BaseRow(const Jabatan& jabatan, const Indikator& ind, Row* row) {
  row->push_back(StringField(jabatan.unit->path));
  row->push_back(StringField(jabatan.unit->nama));
  row->push_back(StringField(jabatan.id));
  row->push_back(StringField(jabatan.nama));
  row->push_back(StringField(ind.id));
  row->push_back(StringField(ind.nama));
  row->push_back(TextField(ind.sasaran));
  row->push_back(TextField(ind.satuan));
}

// The target at the end of the year: the fourth quarter's where the
// indicator has quarterly targets, else the annual one.
Field TargetAkhirTahun(const Indikator& ind) {
  return NumberField(ind.target_triwulan.empty()
                         ? ind.target
                         : std::optional<double>(ind.target_triwulan[3]));
}

void FillQuarter(const Indikator& ind, const HasilTriwulan* q, int tahun,
                 Row* row) {
  const Field null{"null", ""};
  row->push_back(tahun ? NumberField(tahun) : null);
  row->push_back(q ? StringField(kRomawi[q->triwulan - 1]) : null);
  row->push_back(q ? NumberField(q->target.value()) : TargetAkhirTahun(ind));
  row->push_back(q ? NumberField(q->realisasi.value()) : null);
  row->push_back(q ? NumberField(q->capaian.value()) : null);
  row->push_back(q ? TextField(std::string(q->predikat)) : null);
  row->push_back(StringField(ind.polaritas == Polaritas::kNegatif ? "negatif"
                                                                  : "positif"));
  row->push_back(StringField(AgregasiName(ind.agregasi)));
  row->push_back(NumberField(ind.anggaran ? ind.anggaran->pagu : std::nullopt));
  row->push_back(q ? NumberField(q->realisasi_anggaran) : null);
  row->push_back(q ? NumberField(q->serapan.value()) : null);
  row->push_back(q ? NumberField(q->efisiensi.value()) : null);
  row->push_back(q ? NumberField(q->dilaporkan) : null);
}

// The rows of one indicator and year (its reported quarters, or the one
// row without a quarter): one row of the workbooks.
struct Group {
  size_t first = 0, count = 0;  // in UnitRows::rows
  Field target_akhir_tahun;
};

struct UnitRows {
  std::vector<Row> rows;
  std::vector<Group> groups;
};

// A unit's rows: one per reported quarter of each indicator, or one with
// no quarter for an indicator without any report. A year with a PK lists
// its sasaran (with that year, even unreported); an IKI indicator that a
// sasaran links is reported as the sasaran.
UnitRows IndikatorRows(const Unit& unit, const Results& results) {
  UnitRows out;
  auto add = [&](const Jabatan& jabatan, const Indikator& ind,
                 const HasilTriwulan* q, int year) {
    Row row;
    row.reserve(Columns().size());
    BaseRow(jabatan, ind, &row);
    FillQuarter(ind, q, year, &row);
    out.rows.push_back(std::move(row));
    ++out.groups.back().count;
  };
  auto start = [&](const Indikator& ind) {
    out.groups.push_back({out.rows.size(), 0, TargetAkhirTahun(ind)});
  };
  auto add_unreported = [&](const Jabatan& jabatan, const Indikator& ind,
                            int year) {
    start(ind);
    add(jabatan, ind, nullptr, year);
  };
  // The reported quarters of `ind` in `year`; false when there are none.
  auto add_reported = [&](const Jabatan& jabatan, const Indikator& ind,
                          const HasilIndikator& h, int year) {
    start(ind);
    for (const HasilTriwulan& q : h.triwulan) {
      if (q.dilapor) add(jabatan, ind, &q, year);
    }
    if (out.groups.back().count) return true;
    out.groups.pop_back();
    return false;
  };
  for (const Jabatan* jabatan : HierarchyOrder(unit)) {
    std::set<const Indikator*> linked;  // listed as a sasaran
    for (int year : results.tahun) {
      for (const BarisHasil& baris : BarisTahun(*jabatan, year)) {
        if (!baris.sasaran) continue;
        if (baris.sasaran->iki) linked.insert(baris.sasaran->iki);
        const HasilIndikator* h = results.Find(year, baris.indikator);
        if (!h || !add_reported(*jabatan, *baris.indikator, *h, year)) {
          add_unreported(*jabatan, *baris.indikator, year);
        }
      }
    }
    for (const Indikator& ind : jabatan->indikator) {
      bool any = false;
      for (int year : results.tahun) {
        const HasilIndikator* h = results.Find(year, &ind);
        if (!h || h->sasaran) continue;  // a sasaran's row: listed above
        any |= add_reported(*jabatan, ind, *h, year);
      }
      if (!any && !linked.count(&ind)) add_unreported(*jabatan, ind, 0);
    }
  }
  return out;
}

std::string CsvHeader() {
  std::string csv;
  for (size_t i = 0; i < Columns().size(); ++i) {
    csv += (i ? "," : "") + Columns()[i];
  }
  return csv + "\r\n";
}

std::string CsvRows(const std::vector<Row>& rows) {
  std::string csv;
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) csv += ',';
      csv += row[i].csv;
    }
    csv += "\r\n";
  }
  return csv;
}

// The text of a CSV field (undoes CsvQuoted).
std::string CsvUnquoted(const std::string& field) {
  if (field.empty() || field[0] != '"') return field;
  std::string text;
  for (size_t i = 1; i + 1 < field.size(); ++i) {
    text += field[i];
    if (field[i] == '"') ++i;  // "" stands for one quote
  }
  return text;
}

// `field` as a cell of `book`: a JSON string as text, null as no cell,
// anything else as a number (its JSON text is a valid XLSX number).
void XlsxCell(const Field& field, int col, OpenDataXlsx* book) {
  if (field.json == "null") return;
  if (field.json[0] == '"') {
    book->Text(col, CsvUnquoted(field.csv));
  } else {
    book->Number(col, field.json);
  }
}

// Adds `unit`'s rows to `book`, a row per group (XlsxLabels()).
void XlsxRows(const UnitRows& unit, OpenDataXlsx* book) {
  for (const Group& group : unit.groups) {
    const Row& first = unit.rows[group.first];
    for (int col = 0; col < 8; ++col) XlsxCell(first[col], col, book);
    XlsxCell(first[kPolaritasColumn], 8, book);
    XlsxCell(first[kTahunColumn], 9, book);
    XlsxCell(group.target_akhir_tahun, 10, book);
    for (size_t r = group.first; r < group.first + group.count; ++r) {
      const Row& row = unit.rows[r];
      std::string tw = CsvUnquoted(row[kTriwulanColumn].csv);
      for (int q = 0; q < 4; ++q) {
        if (tw != kRomawi[q]) continue;
        int col = kFirstQuarterCell + 3 * q;
        for (size_t k = 0; k < 3; ++k) {
          XlsxCell(row[kTargetColumn + k], col + static_cast<int>(k), book);
        }
      }
    }
    book->EndRow();
  }
}

size_t JabatanCount(const Model& model) {
  size_t count = 0;
  for (const auto& unit : model.units) count += unit->jabatan.size();
  return count;
}

std::string AbsoluteRef(const Jabatan& j) {
  return "/" + j.unit->path + "/" + j.id;
}

// One unit's entries of jabatan.json as `dump(1)` of nlohmann objects
// would write them, each "\n {...\n }" after a comma but the first:
// making those objects for 15,000 jabatan took longer than the rest of a
// rebuild's open data.
std::string JabatanEntries(const Unit& unit) {
  std::string text;
  auto field = [&text](const char* indent, const char* name,
                       const std::string& json, bool last = false) {
    text += indent;
    text += '"';
    text += name;
    text += "\": ";
    text += json;
    if (!last) text += ",\n";
  };
  for (const Jabatan* j : HierarchyOrder(unit)) {
    text += text.empty() ? "\n {\n" : ",\n {\n";
    field("  ", "unit", JsonQuoted(unit.path));
    field("  ", "unit_nama", JsonQuoted(unit.nama));
    field("  ", "jabatan", JsonQuoted(j->id));
    field("  ", "jabatan_nama", JsonQuoted(j->nama));
    field("  ", "jenis", TextField(j->jenis).json);
    field("  ", "eselon", TextField(j->eselon).json);
    field("  ", "atasan",
          j->atasan ? JsonQuoted(AbsoluteRef(*j->atasan)) : "null");
    if (j->pejabat) {
      text += "  \"pejabat\": {\n";
      field("   ", "nama", JsonQuoted(j->pejabat->nama));
      field("   ", "pangkat", TextField(j->pejabat->pangkat).json);
      field("   ", "golongan", TextField(j->pejabat->golongan).json, true);
      text += "\n  },\n";
    } else {
      field("  ", "pejabat", "null");
    }
    field("  ", "jumlah_indikator", std::to_string(j->indikator.size()), true);
    text += "\n }";
  }
  return text;
}

// One unit's entries of dokumen.json as `dump(1)` of nlohmann objects
// would write them, each "\n {...\n }" after a comma but the first.
std::string DokumenEntries(const Unit& unit, const Results& results, bool pdf) {
  std::string text;
  auto field = [&text](const char* name, const std::string& json,
                       bool last = false) {
    text += "  \"";
    text += name;
    text += "\": ";
    text += json;
    text += last ? "\n" : ",\n";
  };
  for (const DokumenSakip& d : DokumenSakipOf(unit, results)) {
    text += text.empty() ? "\n {\n" : ",\n {\n";
    field("unit", JsonQuoted(unit.path));
    field("tahun", std::to_string(d.tahun));
    field("jenis", JsonQuoted(d.jenis));
    field("jabatan", d.jabatan ? JsonQuoted(d.jabatan->id) : "null");
    field("triwulan",
          d.triwulan ? JsonQuoted(kRomawi[(d.triwulan - 1) & 3]) : "null");
    field("judul", JsonQuoted(d.judul));
    field("url", d.cetak.empty() ? "null" : JsonQuoted(d.cetak));
    field("pdf",
          pdf && !d.cetak.empty() ? JsonQuoted(PdfPathOf(d.cetak)) : "null");
    field("ada", d.ada ? "true" : "false", true);
    text += " }";
  }
  return text;
}

// A JSON array of every unit's `entries` (as JabatanEntries makes them),
// appended to `path` a batch of units at a time, the batch made on
// `threads` threads: a province's lists are never held whole.
void AppendUnitsArray(const Model& model, const std::string& path, int threads,
                      OutputSink* out,
                      const std::function<std::string(const Unit&)>& entries) {
  out->Append(path, "[");
  bool first = true;
  const size_t batch = 4 * static_cast<size_t>(std::max(threads, 1));
  for (size_t begin = 0; begin < model.units.size(); begin += batch) {
    size_t end = std::min(begin + batch, model.units.size());
    std::vector<std::string> texts(end - begin);
    ParallelFor(begin, end, threads,
                [&](size_t i) { texts[i - begin] = entries(*model.units[i]); });
    std::string joined;
    for (const std::string& text : texts) {
      if (text.empty()) continue;
      if (!first) joined += ',';
      joined += text;
      first = false;
    }
    if (!joined.empty()) out->Append(path, joined);
  }
  out->Append(path, first ? "]\n" : "\n]\n");
}

const char* kReadme = R"(# Data terbuka SAKIP

Berkas di folder ini dibuat oleh `sakip build` dari konten situs. Angka tidak
dibulatkan; nilai yang tidak ada atau tidak dapat dihitung ditulis `null`
(JSON) atau kosong (CSV).

## indikator.json dan indikator.csv

Unduh: [indikator.json](indikator.json) · [indikator.csv](indikator.csv)

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

## indikator.xlsx dan unit/

Angka yang sama juga tersedia sebagai buku kerja XLSX (Excel, LibreOffice)
dengan judul kolom dalam bahasa Indonesia; angka disimpan sebagai angka.
Satu baris untuk setiap indikator per tahun, dengan triwulan berdampingan:
unit, jabatan, indikator, sasaran, satuan, polaritas, tahun, target akhir
tahun (target triwulan IV bila indikator memiliki target triwulanan, selain
itu target tahunan), lalu Target, Realisasi dan Capaian (%) TW I sampai
TW IV. Sel triwulan yang belum dilaporkan dibiarkan kosong. Predikat,
anggaran, serapan, efisiensi dan capaian yang dilaporkan ada di CSV dan
JSON.

Baris setiap unit kerja (jabatan unit itu saja, tanpa sub-unit) ada di
`unit/<jalur unit>/indikator.xlsx` dan `unit/<jalur unit>/indikator.csv`,
ditautkan dari halaman unit itu. `indikator.xlsx` memuat seluruh situs dan
hanya dibuat untuk situs sampai 500 jabatan: buku kerja tidak dapat
ditambah sebagian, sehingga setiap perubahan membuatnya ulang dari semua
baris.

## jabatan.json

Unduh: [jabatan.json](jabatan.json)

Satu objek untuk setiap jabatan: `unit`, `unit_nama`, `jabatan`,
`jabatan_nama`, `jenis`, `eselon`, `atasan` (rujukan mutlak
`/jalur/unit/id`), `pejabat` (nama, pangkat, golongan pemangku jabatan saat
ini) dan `jumlah_indikator`.

## dokumen.json

Unduh: [dokumen.json](dokumen.json)

Dokumen SAKIP setiap unit per tahun, yang sudah ada dan yang belum, sama
dengan halaman "Dokumen SAKIP" unit itu (`<unit>/dokumen/index.html`).
Tahun yang dicantumkan: setiap tahun yang memiliki keputusan penetapan IKI,
Perjanjian Kinerja atau laporan realisasi unit itu, dari yang terbaru.

| kolom | arti |
| --- | --- |
| unit | jalur unit kerja di konten |
| tahun | tahun dokumen |
| jenis | `keputusan-iki`, `perjanjian-kinerja`, `rencana-aksi` atau `laporan-triwulan` |
| jabatan | id jabatan, atau `null` untuk keputusan |
| triwulan | `I` sampai `IV` untuk laporan triwulan, selain itu `null` |
| judul | judul dokumen |
| url | naskah untuk dicetak, relatif terhadap folder versi (induk folder `data`), atau `null` bila belum ada |
| pdf | PDF naskah itu bila situs dibangun dengan PDF, selain itu `null` |
| ada | `true` bila dokumen sudah ada, `false` bila belum |

Perjanjian Kinerja yang belum ada tercatat satu baris per jabatan
(`ada: false`); Rencana Aksi dicetak bersama Perjanjian Kinerja (lampiran
kedua) sehingga `url`-nya sama. Laporan triwulan dicantumkan untuk setiap
jabatan yang memiliki Perjanjian Kinerja atau realisasi tahun itu.
)";

// `rows` as the elements of a JSON array, written as `array.dump(1)` of all
// rows at once would write them.
std::string ArrayElements(const std::vector<Row>& rows, bool* first) {
  std::string text;
  for (const Row& row : rows) {
    text += *first ? "\n {" : ",\n {";
    *first = false;
    for (size_t i = 0; i < row.size(); ++i) {
      text += i ? ",\n  \"" : "\n  \"";
      text += Columns()[i];
      text += "\": ";
      text += row[i].json;
    }
    text += "\n }";
  }
  return text;
}

}  // namespace

void RenderOpenData(const Model& model, const Results& results,
                    const std::string& prefix, OutputSink* out, int threads,
                    const std::map<const Unit*, std::string>* unit_keys,
                    bool pdf, Diagnostics* diagnostics) {
  // A province has hundreds of thousands of rows: they are written unit by
  // unit, never held all at once.
  const std::string json = prefix + "/indikator.json";
  const std::string csv = prefix + "/indikator.csv";
  std::string years = "\nyears";
  for (int year : results.tahun) years += " " + std::to_string(year);
  out->Append(json, "[");
  out->Append(csv, CsvHeader());
  auto report = [&](const std::string& path, const std::string& error) {
    if (diagnostics) {
      diagnostics->Error({path, 0, 0}, "cannot make the workbook: " + error);
    }
  };
  // The whole-site workbook, kept when no unit changed.
  const std::string xlsx = prefix + "/indikator.xlsx";
  std::unique_ptr<OpenDataXlsx> whole;
  std::string whole_key;
  if (JabatanCount(model) <= kWholeXlsxMaxJabatan) {
    std::string keys;
    for (const auto& unit : model.units) {
      auto key = unit_keys
                     ? unit_keys->find(unit.get())
                     : std::map<const Unit*, std::string>::const_iterator();
      if (!unit_keys || key == unit_keys->end()) {
        keys.clear();
        break;
      }
      keys += key->second + "\n";
    }
    if (!keys.empty()) whole_key = StableHash(keys + years + "open data xlsx");
    if (whole_key.empty() || !out->Keep(xlsx, whole_key)) {
      whole = std::make_unique<OpenDataXlsx>(XlsxLabels());
    }
  }
  struct Chunk {
    std::string json_key, csv_key;  // "" without unit keys
    bool kept = false;              // both pieces can be copied
    bool made = false;
    bool texts = false;  // json and csv made
    std::string json, csv;
    bool empty = true;
    // The unit's own files (data/unit/<path>/), with their keys.
    std::string unit_csv_key, unit_xlsx_key;
    bool unit_csv_kept = false, unit_xlsx_kept = false;
    std::string unit_csv, unit_xlsx, xlsx_error;
    UnitRows rows;  // kept for the whole-site workbook only
  };
  auto unit_file = [&](size_t i, const char* ext) {
    return prefix + "/unit/" + model.units[i]->path + "/indikator." + ext;
  };
  // Makes what `chunk` lacks; its JSON and CSV texts only when a piece or
  // the unit's CSV is not kept (the whole-site workbook needs every unit's
  // rows on each build, their texts only when they changed).
  auto make = [&](size_t i, Chunk* chunk) {
    UnitRows rows = IndikatorRows(*model.units[i], results);
    chunk->empty = rows.rows.empty();
    if (!chunk->kept || !chunk->unit_csv_kept) {
      bool chunk_first = true;  // the separator is written apart
      chunk->json = ArrayElements(rows.rows, &chunk_first);
      chunk->csv = CsvRows(rows.rows);
      chunk->texts = true;
    }
    if (!chunk->unit_csv_kept) chunk->unit_csv = CsvHeader() + chunk->csv;
    if (!chunk->unit_xlsx_kept) {
      OpenDataXlsx book(XlsxLabels());
      XlsxRows(rows, &book);
      if (!book.Bytes(&chunk->unit_xlsx, &chunk->xlsx_error)) {
        chunk->unit_xlsx.clear();
      }
    }
    if (whole) chunk->rows = std::move(rows);
    chunk->made = true;
  };
  // A kept piece the sink could not copy after all: its text, made now.
  auto make_texts = [&](size_t i, Chunk* chunk) {
    if (chunk->texts) return;
    chunk->kept = false;
    chunk->unit_csv_kept = chunk->unit_xlsx_kept = true;  // done before
    make(i, chunk);
  };
  // Units are turned into text on `threads` threads, a batch at a time, and
  // appended in model order.
  const size_t batch_size = 2 * static_cast<size_t>(std::max(threads, 1));
  bool first = true;
  for (size_t begin = 0; begin < model.units.size(); begin += batch_size) {
    size_t end = std::min(begin + batch_size, model.units.size());
    std::vector<Chunk> chunks(end - begin);
    for (size_t i = begin; i < end; ++i) {
      Chunk& chunk = chunks[i - begin];
      auto key = unit_keys
                     ? unit_keys->find(model.units[i].get())
                     : std::map<const Unit*, std::string>::const_iterator();
      if (!unit_keys || key == unit_keys->end()) continue;
      // A unit's rows list its PK sasaran for every year with realisasi in
      // any unit (IndikatorRows), which its pages do not show: the years
      // are part of its rows' keys.
      const std::string unit_key = key->second + years;
      chunk.json_key = StableHash(unit_key + "\nopen data json");
      chunk.csv_key = StableHash(unit_key + "\nopen data csv");
      chunk.kept = out->HasKeptPiece(json, chunk.json_key) &&
                   out->HasKeptPiece(csv, chunk.csv_key);
      chunk.unit_csv_key = StableHash(unit_key + "\nopen data unit csv");
      chunk.unit_xlsx_key = StableHash(unit_key + "\nopen data unit xlsx");
      chunk.unit_csv_kept = out->Keep(unit_file(i, "csv"), chunk.unit_csv_key);
      chunk.unit_xlsx_kept =
          out->Keep(unit_file(i, "xlsx"), chunk.unit_xlsx_key);
    }
    ParallelFor(begin, end, threads, [&](size_t i) {
      const Chunk& c = chunks[i - begin];
      if (!c.kept || !c.unit_csv_kept || !c.unit_xlsx_kept || whole) {
        make(i, &chunks[i - begin]);
      }
    });
    for (size_t i = begin; i < end; ++i) {
      Chunk& chunk = chunks[i - begin];
      if (chunk.made) {
        if (!chunk.unit_csv_kept) {
          out->Add(unit_file(i, "csv"), std::move(chunk.unit_csv),
                   chunk.unit_csv_key);
        }
        if (!chunk.xlsx_error.empty()) {
          report(unit_file(i, "xlsx"), chunk.xlsx_error);
        } else if (!chunk.unit_xlsx_kept) {
          out->Add(unit_file(i, "xlsx"), std::move(chunk.unit_xlsx),
                   chunk.unit_xlsx_key);
        }
        if (whole) XlsxRows(chunk.rows, whole.get());
      }
      if (chunk.kept) {
        // Pieces are recorded only for units with rows, and the same key
        // means the same rows: a kept unit has rows.
        if (!first) out->Append(json, ",");
        first = false;
        if (!out->AppendKeptPiece(json, chunk.json_key)) {
          make_texts(i, &chunk);
          out->AppendPiece(json, chunk.json, chunk.json_key);
        }
        if (!out->AppendKeptPiece(csv, chunk.csv_key)) {
          make_texts(i, &chunk);
          out->AppendPiece(csv, chunk.csv, chunk.csv_key);
        }
        continue;
      }
      if (chunk.empty) continue;
      // Each chunk starts "\n {"; all but the file's first need a comma.
      if (!first) out->Append(json, ",");
      first = false;
      out->AppendPiece(json, chunk.json, chunk.json_key);
      out->AppendPiece(csv, chunk.csv, chunk.csv_key);
    }
  }
  if (whole) {
    std::string bytes, error;
    if (whole->Bytes(&bytes, &error)) {
      out->Add(xlsx, std::move(bytes), whole_key);
    } else {
      report(xlsx, error);
    }
  }
  out->Append(json, first ? "]\n" : "\n]\n");
  // jabatan.json, and dokumen.json: every unit's SAKIP documents, present
  // and missing, as the unit's "Dokumen SAKIP" page lists them.
  AppendUnitsArray(model, prefix + "/jabatan.json", threads, out,
                   [](const Unit& unit) { return JabatanEntries(unit); });
  AppendUnitsArray(
      model, prefix + "/dokumen.json", threads, out,
      [&](const Unit& unit) { return DokumenEntries(unit, results, pdf); });
  out->Add(prefix + "/README.md", OpenDataReadme());
}

const std::string& OpenDataReadme() {
  static const std::string kText = kReadme;
  return kText;
}

}  // namespace sakip
