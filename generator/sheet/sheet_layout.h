// The realisasi spreadsheet's layout, shared by `sakip sheet`
// (sheet_export.h) and `sakip import` (sheet_import.h): which columns hold
// what, and which rows a unit's year has. Row 1 of the data sheet is
// hidden and holds the sheet's unit and year; row 2 the headings; then a
// row per jabatan and indicator.
#ifndef SAKIP_SHEET_LAYOUT_H_
#define SAKIP_SHEET_LAYOUT_H_

#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace sakip {

inline constexpr char kSheetGuide[] = "Petunjuk";
inline constexpr char kSheetData[] = "Realisasi";
inline constexpr char kSheetMarker[] = "sakip-realisasi";

// Columns of the data sheet (0-based). The four ids are hidden and locked.
enum SheetColumn {
  kColUnit,
  kColTahun,
  kColJabatanId,
  kColIndikatorId,
  kColJabatan,
  kColIndikator,
  kColSatuan,
  kColTarget,
  kColTargetTw,  // four: the target of quarter I..IV
  kColFirstInput = kColTargetTw + 4,
};

// What a quarter's input columns hold, in order.
enum SheetField {
  kFieldRealisasi,
  kFieldPembilang,
  kFieldPenyebut,
  kFieldAnggaran,
  kFieldEvaluasi,
  kFieldTindakLanjut,
  kFieldCount
};

inline constexpr int kSheetHeaderRow = 1;  // 0-based: row 2
inline constexpr int kSheetFirstDataRow = 2;
inline constexpr int kSheetColumnCount = kColFirstInput + 4 * kFieldCount;

inline int InputColumn(int quarter_index, SheetField field) {
  return kColFirstInput + quarter_index * kFieldCount + field;
}

// "A", "B", ..., "Z", "AA", ... for a 0-based column.
std::string ColumnLetters(int col);
// The heading of a column, in Bahasa Indonesia ("Realisasi TW III").
std::string ColumnHeading(int col);
// "I".."IV" for 0..3.
const char* QuarterName(int quarter_index);

// One row: an indicator of a jabatan in the year, and what the content
// already reports for it.
struct SheetRow {
  const Unit* unit = nullptr;
  const Jabatan* jabatan = nullptr;
  const Indikator* indikator = nullptr;        // the row's effective indicator
  const PerjanjianSasaran* sasaran = nullptr;  // null: an IKI row
  const RealisasiIndikator* realisasi = nullptr;  // null: nothing reported
};

// The rows of `unit` (and its sub-units when `sub_units`) in `tahun`:
// each jabatan in id order, its rows as BarisTahun gives them.
std::vector<SheetRow> SheetRows(const Unit& unit, int tahun, bool sub_units);

// The realisasi file of `unit` for `tahun`, or null.
const Realisasi* FindRealisasi(const Unit& unit, int tahun);

// A number as the sheet and the YAML write it: shortest exact form.
std::string FormatSheetNumber(double value);

// A quarter's Evaluasi and Tindak lanjut cells. The content gives them as
// one text each (`evaluasi`, `tindak_lanjut`), or as rows of
// `rencana_tindak_lanjut` with kode, kegiatan and keterangan, which one
// cell cannot hold: those are shown joined, one row per line, and are read
// only (`baris`), to be edited in the YAML file.
struct SheetCatatan {
  std::optional<std::string> evaluasi;
  std::optional<std::string> tindak_lanjut;
  bool baris = false;
};
SheetCatatan CatatanOf(const RealisasiIndikator* realisasi, int quarter_index);

}  // namespace sakip

#endif  // SAKIP_SHEET_LAYOUT_H_
