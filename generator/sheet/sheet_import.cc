#include "sheet_import.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "realisasi_edit.h"
#include "sheet_csv.h"
#include "sheet_layout.h"
#include "yaml_edit.h"

namespace sakip {

bool ReadSheetFile(const std::string& path, SheetTable* table,
                   std::string* error) {
  bool csv =
      path.size() >= 4 && (path.ends_with(".csv") || path.ends_with(".CSV"));
  if (csv) return ReadCsvSheet(path, table, error);
  return ReadXlsxSheet(path, kSheetData, table, error);
}

namespace {

// A cell of a number column: empty (leave the content as it is), "-" (not
// reported) or a number.
struct NumberCell {
  enum Kind { kEmpty, kDash, kNumber, kBad } kind = kEmpty;
  double value = 0;
};

std::string Trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

// A number as people type it: `12.5`, or `12,5` (a lone comma is the
// decimal separator, as in Indonesian).
std::optional<double> ParseNumber(std::string text) {
  if (text.find(',') != std::string::npos &&
      text.find(',') == text.rfind(',') &&
      text.find('.') == std::string::npos) {
    text[text.find(',')] = '.';
  }
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !std::isfinite(value)) return std::nullopt;
  return value;
}

NumberCell ReadNumber(const SheetCell& cell) {
  if (cell.kind == SheetCell::kNumber) {
    return {NumberCell::kNumber, cell.number};
  }
  std::string text = Trim(cell.text);
  if (text.empty()) return {};
  if (text == "-") return {NumberCell::kDash, 0};
  std::optional<double> value = ParseNumber(text);
  if (!value) return {NumberCell::kBad, 0};
  return {NumberCell::kNumber, *value};
}

std::string CellText(const SheetCell& cell) {
  if (cell.kind == SheetCell::kNumber) return FormatSheetNumber(cell.number);
  return cell.text;
}

// The position diagnostics show for a cell: `FILE:Realisasi!F7` (a CSV
// has no sheet name: `FILE:F7`).
class CellNamer {
 public:
  CellNamer(const std::string& label, const std::string& sheet)
      : prefix_(label + ":" + (sheet.empty() ? "" : sheet + "!")) {}
  SourcePos At(int row, int col) const {
    return {prefix_ + ColumnLetters(col) + std::to_string(row + 1), 0, 0};
  }

 private:
  std::string prefix_;
};

// One figure to write: where in the YAML, what, and the cell it came from.
struct Edit {
  RealisasiEdit edit;
  int row = 0;
  int col = 0;
};

struct UnitEdits {
  const Unit* unit = nullptr;
  std::vector<Edit> edits;
};

std::string Shown(const std::optional<double>& value) {
  return value ? FormatSheetNumber(*value) : "";
}

// Reads the hidden first row; null (with errors) when the sheet is not a
// realisasi sheet of a unit of this content.
const Unit* CheckMarker(const SheetTable& table, const Model& model,
                        const CellNamer& cells, int* tahun, bool* sub_units,
                        Diagnostics* diagnostics) {
  if (Trim(table.At(0, 0).text) != kSheetMarker) {
    diagnostics->Error(cells.At(0, 0),
                       "this is not a realisasi sheet made by `sakip sheet`",
                       "make the sheet with `sakip sheet <unit> <tahun>`, "
                       "fill it and import that file");
    return nullptr;
  }
  std::string unit_path = Trim(table.At(0, 1).text);
  NumberCell year = ReadNumber(table.At(0, 2));
  const Unit* unit = model.FindUnit(unit_path);
  if (!unit) {
    diagnostics->Error(cells.At(0, 1),
                       "the sheet is for unit `" + unit_path +
                           "`, which is not in this content",
                       "import it into the content it was made from "
                       "(--content DIR)");
  }
  if (year.kind != NumberCell::kNumber) {
    diagnostics->Error(cells.At(0, 2), "the sheet's year is missing",
                       "make a new sheet with `sakip sheet`");
    return nullptr;
  }
  *tahun = static_cast<int>(year.value);
  *sub_units = Trim(table.At(0, 3).text) == "sub-unit";
  return unit;
}

using RowKey = std::tuple<std::string, std::string, std::string>;

// The expected row for a data row's ids; null (with an error naming the
// cell) when the ids were changed or belong to another unit or year.
const SheetRow* MatchRow(const SheetTable& table, int r, const Unit& unit,
                         int tahun, const std::map<RowKey, SheetRow>& rows,
                         const CellNamer& cells, Diagnostics* diagnostics) {
  const char* kHint =
      "the hidden id columns A-D must stay as `sakip sheet` wrote them; "
      "make a new sheet and copy the figures into it";
  std::string unit_path = Trim(CellText(table.At(r, kColUnit)));
  NumberCell year = ReadNumber(table.At(r, kColTahun));
  if (year.kind != NumberCell::kNumber || year.value != tahun) {
    diagnostics->Error(
        cells.At(r, kColTahun),
        "this row is not of the sheet's year " + std::to_string(tahun), kHint);
    return nullptr;
  }
  RowKey key{unit_path, Trim(CellText(table.At(r, kColJabatanId))),
             Trim(CellText(table.At(r, kColIndikatorId)))};
  auto found = rows.find(key);
  if (found == rows.end()) {
    bool other_unit =
        unit_path != unit.path && !unit_path.starts_with(unit.path + "/");
    bool known_jabatan = false;
    for (const auto& [k, row] : rows) {
      known_jabatan |=
          std::get<0>(k) == unit_path && std::get<1>(k) == std::get<1>(key);
    }
    int col = other_unit      ? kColUnit
              : known_jabatan ? kColIndikatorId
                              : kColJabatanId;
    diagnostics->Error(
        cells.At(r, col),
        other_unit ? "this row is of unit `" + unit_path +
                         "`, not of the sheet's unit `" + unit.path + "`"
                   : "no indicator `" + std::get<2>(key) + "` of jabatan `" +
                         std::get<1>(key) + "` in " + std::to_string(tahun),
        kHint);
    return nullptr;
  }
  const SheetRow& row = found->second;
  if (Trim(CellText(table.At(r, kColJabatan))) != Trim(row.jabatan->nama) ||
      Trim(CellText(table.At(r, kColIndikator))) != Trim(row.indikator->nama)) {
    diagnostics->Error(cells.At(r, kColIndikatorId),
                       "the row's ids are those of `" + row.jabatan->nama +
                           "` / `" + row.indikator->nama +
                           "`, not of the names the row shows",
                       kHint);
    return nullptr;
  }
  return &row;
}

// Checks one quarter's cells of a row and adds the edits and diff fields
// that differ from the content.
class QuarterReader {
 public:
  QuarterReader(const SheetTable& table, int r, const SheetRow& row,
                const CellNamer& cells, Diagnostics* diagnostics)
      : table_(table),
        r_(r),
        row_(row),
        cells_(cells),
        diagnostics_(diagnostics) {}

  void Read(int q, std::vector<Edit>* edits, Change* change) {
    q_ = q;
    edits_ = edits;
    change_ = change;
    NumberCell value = Number(kFieldRealisasi);
    NumberCell parts[2] = {Number(kFieldPembilang), Number(kFieldPenyebut)};
    bool has_parts = parts[0].kind == NumberCell::kNumber ||
                     parts[1].kind == NumberCell::kNumber;
    if (has_parts && !row_.indikator->rumus) {
      Error(parts[0].kind == NumberCell::kNumber ? kFieldPembilang
                                                 : kFieldPenyebut,
            "this indicator has no structured rumus",
            std::string("write the figure in \"Realisasi TW ") +
                QuarterName(q) + "\"");
    } else if (has_parts && value.kind == NumberCell::kNumber) {
      Error(kFieldRealisasi, "both a figure and its components are given",
            "give either the figure or pembilang and penyebut");
    } else if (has_parts) {
      ReadComponents(parts);
    } else {
      ReadValue(value);
    }
    ReadAnggaran();
    ReadText(kFieldEvaluasi, "evaluasi");
    ReadText(kFieldTindakLanjut, "tindak_lanjut");
  }

 private:
  const RealisasiIndikator* done() const { return row_.realisasi; }
  int Col(SheetField f) const { return InputColumn(q_, f); }

  void Error(SheetField f, const std::string& message,
             const std::string& hint) {
    diagnostics_->Error(cells_.At(r_, Col(f)), message, hint);
  }

  NumberCell Number(SheetField f) {
    NumberCell cell = ReadNumber(table_.At(r_, Col(f)));
    if (cell.kind == NumberCell::kBad) {
      Error(f,
            "`" + Trim(table_.At(r_, Col(f)).text) + "` in \"" +
                ColumnHeading(Col(f)) + "\" is not a number",
            "write a number such as 63 or 12,5 (no units, no thousands "
            "separators), or - when it is not reported yet");
    }
    return cell;
  }

  void Add(SheetField f, std::vector<std::string> tail, std::string value,
           const std::string& field, const std::string& before,
           const std::string& after) {
    std::vector<std::string> path = {"jabatan", row_.jabatan->id,
                                     row_.indikator->id};
    path.insert(path.end(), tail.begin(), tail.end());
    edits_->push_back({{std::move(path), std::move(value)}, r_, Col(f)});
    change_->fields.push_back(
        {field + " " + QuarterName(q_), before, after, {}, "", ""});
  }

  void ReadValue(const NumberCell& cell) {
    if (cell.kind != NumberCell::kNumber && cell.kind != NumberCell::kDash) {
      return;
    }
    std::optional<NilaiTriwulan> had;
    if (done()) had = done()->triwulan[q_];
    std::string before;
    if (had && had->nilai) before = Shown(had->nilai);
    if (had && had->has_components()) {
      before = Shown(had->pembilang) + "/" + Shown(had->penyebut);
    }
    if (cell.kind == NumberCell::kDash) {
      if (had)
        Add(kFieldRealisasi, {"triwulan", QuarterName(q_)}, "\"-\"", "triwulan",
            before, "-");
      return;
    }
    if (had && had->nilai && *had->nilai == cell.value) return;
    std::string text = FormatSheetNumber(cell.value);
    Add(kFieldRealisasi, {"triwulan", QuarterName(q_)}, text, "triwulan",
        before, text);
  }

  void ReadComponents(const NumberCell parts[2]) {
    for (int i = 0; i < 2; ++i) {
      if (parts[i].kind != NumberCell::kNumber) {
        Error(i == 0 ? kFieldPembilang : kFieldPenyebut,
              std::string(i == 0 ? "pembilang" : "penyebut") +
                  " is missing while the other component is given",
              "give both pembilang and penyebut");
        return;
      }
    }
    std::optional<NilaiTriwulan> had;
    if (done()) had = done()->triwulan[q_];
    std::string after = FormatSheetNumber(parts[0].value) + "/" +
                        FormatSheetNumber(parts[1].value);
    if (had && had->has_components()) {
      const char* names[2] = {"pembilang", "penyebut"};
      std::optional<double> old[2] = {had->pembilang, had->penyebut};
      for (int i = 0; i < 2; ++i) {
        if (old[i] && *old[i] == parts[i].value) continue;
        Add(i == 0 ? kFieldPembilang : kFieldPenyebut,
            {"triwulan", QuarterName(q_), names[i]},
            FormatSheetNumber(parts[i].value),
            std::string("triwulan ") + names[i], Shown(old[i]),
            FormatSheetNumber(parts[i].value));
      }
      return;
    }
    Add(kFieldPembilang, {"triwulan", QuarterName(q_)},
        "{ pembilang: " + FormatSheetNumber(parts[0].value) +
            ", penyebut: " + FormatSheetNumber(parts[1].value) + " }",
        "triwulan", had ? Shown(had->nilai) : "", after);
  }

  void ReadAnggaran() {
    NumberCell cell = Number(kFieldAnggaran);
    std::optional<double> had;
    if (done()) had = done()->anggaran[q_];
    if (cell.kind == NumberCell::kDash && had) {
      Add(kFieldAnggaran, {"anggaran", QuarterName(q_)}, "\"-\"", "anggaran",
          Shown(had), "-");
    } else if (cell.kind == NumberCell::kNumber &&
               !(had && *had == cell.value)) {
      std::string text = FormatSheetNumber(cell.value);
      Add(kFieldAnggaran, {"anggaran", QuarterName(q_)}, text, "anggaran",
          Shown(had), text);
    }
  }

  void ReadText(SheetField f, const char* key) {
    std::string text = CellText(table_.At(r_, Col(f)));
    if (Trim(text).empty()) return;
    SheetCatatan catatan = CatatanOf(done(), q_);
    std::optional<std::string> had =
        f == kFieldEvaluasi ? catatan.evaluasi : catatan.tindak_lanjut;
    if (catatan.baris) {
      // Rows with kode, kegiatan and keterangan: one cell cannot say which
      // row a change belongs to.
      if (had && *had == text) return;
      Error(f, "this quarter's texts are rows of rencana_tindak_lanjut",
            "change them in the realisasi file, not in the sheet");
      return;
    }
    if (Trim(text) == "-") {
      if (had) Add(f, {key, QuarterName(q_)}, "\"-\"", key, *had, "-");
      return;
    }
    if (had && *had == text) return;
    Add(f, {key, QuarterName(q_)}, YamlText(text), key, had.value_or(""), text);
  }

  const SheetTable& table_;
  const int r_;
  const SheetRow& row_;
  const CellNamer& cells_;
  Diagnostics* diagnostics_;
  int q_ = 0;
  std::vector<Edit>* edits_ = nullptr;
  Change* change_ = nullptr;
};

bool RowIsEmpty(const SheetTable& table, size_t r) {
  if (r >= table.rows.size()) return true;
  for (const SheetCell& cell : table.rows[r]) {
    if (cell.kind == SheetCell::kNumber || !Trim(cell.text).empty()) {
      return false;
    }
  }
  return true;
}

// The new text of one unit's realisasi file, or nullopt (with errors).
std::optional<std::string> ApplyEdits(const UnitEdits& unit, int tahun,
                                      const FileSystem& content,
                                      const std::string& path,
                                      const CellNamer& cells,
                                      Diagnostics* diagnostics) {
  std::optional<std::string> text;
  if (FindRealisasi(*unit.unit, tahun)) {
    std::string error;
    text = content.ReadFile(path, &error);
    if (!text) {
      diagnostics->Error({path, 0, 0}, "cannot read: " + error);
      return std::nullopt;
    }
  }
  std::vector<RealisasiEdit> edits;
  for (const Edit& e : unit.edits) edits.push_back(e.edit);
  std::vector<RealisasiEditFailure> failures;
  std::optional<std::string> after =
      EditRealisasi(text, tahun, edits, &failures);
  for (const auto& [index, error] : failures) {
    const Edit& e = unit.edits[std::min(index, unit.edits.size() - 1)];
    diagnostics->Error(cells.At(e.row, e.col),
                       "cannot write this figure into " + path + ": " + error,
                       "write it into the file by hand");
  }
  return after;
}

}  // namespace

ImportPlan PlanImport(const std::string& label, const SheetTable& table,
                      const Model& model, const FileSystem& content,
                      Diagnostics* diagnostics) {
  ImportPlan plan;
  CellNamer cells(label, table.name);
  int errors_before = diagnostics->error_count();
  int tahun = 0;
  bool sub_units = false;
  const Unit* unit =
      CheckMarker(table, model, cells, &tahun, &sub_units, diagnostics);
  if (!unit) return plan;
  std::map<RowKey, SheetRow> rows;
  for (const SheetRow& row : SheetRows(*unit, tahun, sub_units)) {
    rows[{row.unit->path, row.jabatan->id, row.indikator->id}] = row;
  }
  std::map<std::string, UnitEdits> by_unit;  // by unit path: sorted output
  std::set<const SheetRow*> seen;
  for (size_t r = kSheetFirstDataRow; r < table.rows.size(); ++r) {
    if (RowIsEmpty(table, r)) continue;
    int row_index = static_cast<int>(r);
    const SheetRow* row =
        MatchRow(table, row_index, *unit, tahun, rows, cells, diagnostics);
    if (!row) continue;
    if (!seen.insert(row).second) {
      diagnostics->Error(cells.At(row_index, kColIndikatorId),
                         "this indicator has a row above already",
                         "keep one row per indicator");
      continue;
    }
    Change change{
        ChangeKind::kChanged,
        "realisasi",
        row->unit->path + "/" + row->jabatan->id + "#" + row->indikator->id,
        row->indikator->nama,
        "",
        {},
        row->jabatan->nama + ", " + row->unit->nama,
        ""};
    UnitEdits& edits = by_unit[row->unit->path];
    edits.unit = row->unit;
    QuarterReader reader(table, row_index, *row, cells, diagnostics);
    for (int q = 0; q < 4; ++q) reader.Read(q, &edits.edits, &change);
    if (!change.fields.empty()) plan.diff.changes.push_back(std::move(change));
  }
  if (diagnostics->error_count() > errors_before) {
    plan.diff.changes.clear();
    return plan;
  }
  for (const auto& [unit_path, edits] : by_unit) {
    if (edits.edits.empty()) continue;
    std::string path =
        unit_path + "/realisasi/" + std::to_string(tahun) + ".yaml";
    std::optional<std::string> after =
        ApplyEdits(edits, tahun, content, path, cells, diagnostics);
    if (!after) continue;
    std::string before;
    std::string error;
    if (FindRealisasi(*edits.unit, tahun)) {
      before = content.ReadFile(path, &error).value_or("");
    }
    if (after != before) plan.files.push_back({path, before, *after});
  }
  if (diagnostics->error_count() > errors_before) {
    plan.files.clear();
    plan.diff.changes.clear();
  }
  return plan;
}

}  // namespace sakip
