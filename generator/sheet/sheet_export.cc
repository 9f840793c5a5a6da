#include "sheet_export.h"

#include <algorithm>

#include "compute.h"
#include "sheet_layout.h"
#include "xlsx_writer.h"

namespace sakip {
namespace {

using Style = XlsxWriter::Style;

// Lines `text` takes in a wrapped column `width` characters wide (a guess:
// libxlsxwriter cannot measure text, and a spreadsheet does not grow a row
// it did not write).
int LinesOf(const std::string& text, double width) {
  int lines = 0;
  size_t from = 0;
  while (from <= text.size()) {
    size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    size_t chars = 0;
    for (size_t i = from; i < end; ++i) {
      chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
    lines += 1 + static_cast<int>(chars / (width * 0.9));
    from = end + 1;
  }
  return lines;
}

void WriteGuide(XlsxWriter* book, const Unit& unit,
                const SheetOptions& options) {
  int sheet = book->AddSheet(kSheetGuide);
  constexpr double kGuideWidth = 100;
  book->SetColumns(sheet, 0, 0, kGuideWidth, false);
  std::string unit_line = "Unit kerja: " + unit.nama + " (" + unit.path + ")";
  if (options.sub_units) unit_line += ", beserta sub-unitnya";
  const std::string lines[] = {
      "Isian Realisasi Kinerja Tahun " + std::to_string(options.tahun),
      unit_line,
      "",
      "Cara mengisi:",
      "1. Buka lembar \"Realisasi\". Setiap baris adalah satu indikator "
      "kinerja satu jabatan (sasaran Perjanjian Kinerja tahun ini, atau IKI "
      "bila belum ada Perjanjian Kinerja).",
      "2. Isi hanya sel berwarna kuning. Sel lain dikunci: nama jabatan, "
      "indikator, satuan dan target diambil dari konten dan tidak diubah di "
      "sini.",
      "3. \"Realisasi TW I\" s.d. \"Realisasi TW IV\": angka yang dicapai pada "
      "triwulan itu saja (bukan jumlah sejak awal tahun, kecuali indikator "
      "itu memang dilaporkan demikian). Tulis angka tanpa satuan, misalnya "
      "63 atau 12,5.",
      "4. Tanda - (minus) berarti belum dilaporkan. Sel kosong dibiarkan "
      "seperti di konten. Jangan menulis 0 untuk angka yang belum ada.",
      "5. Indikator dengan rumus (pembilang/penyebut): isi kolom Pembilang "
      "dan Penyebut, bukan kolom Realisasi.",
      "6. \"Anggaran (Rp)\": realisasi belanja kumulatif sampai triwulan itu, "
      "dalam rupiah, tanpa titik pemisah ribuan.",
      "7. \"Evaluasi\" dan \"Tindak Lanjut\": teks singkat untuk triwulan itu.",
      "8. Jangan menambah, menghapus atau memindah baris dan kolom. Kolom "
      "tersembunyi menyimpan kode jabatan dan indikator.",
      "",
      "Setelah diisi, simpan sebagai .xlsx (atau .csv dari lembar "
      "\"Realisasi\") dan serahkan kepada pengelola konten, yang "
      "menjalankan:",
      "    sakip import <berkas.xlsx>",
      "Perintah itu memeriksa setiap sel, menunjukkan angka yang berubah, "
      "lalu menulisnya ke realisasi/" +
          std::to_string(options.tahun) + ".yaml.",
  };
  int row = 0;
  for (const std::string& line : lines) {
    book->Text(sheet, row, 0, line, row == 0 ? Style::kTitle : Style::kNote);
    if (row > 0)
      book->SetRowHeight(sheet, row, 15.0 * LinesOf(line, kGuideWidth));
    ++row;
  }
}

void WriteTargets(XlsxWriter* book, int sheet, int row, const SheetRow& r) {
  const Indikator& ind = *r.indikator;
  if (ind.target) {
    book->Number(sheet, row, kColTarget, *ind.target);
  } else {
    book->Text(sheet, row, kColTarget, ind.target_keterangan);
  }
  std::vector<double> rencana_aksi;
  if (r.sasaran) rencana_aksi = r.sasaran->rencana_aksi;
  for (int q = 0; q < 4; ++q) {
    TargetTriwulan t = TargetPada(ind, q + 1, rencana_aksi);
    if (t.sumber == SumberTarget::kRencanaAksi ||
        t.sumber == SumberTarget::kTargetTriwulan) {
      book->Number(sheet, row, kColTargetTw + q, *t.target.value());
    } else {
      book->Blank(sheet, row, kColTargetTw + q, Style::kPlain);
    }
  }
}

void NumberOrBlank(XlsxWriter* book, int sheet, int row, int col,
                   const std::optional<double>& value, Style style) {
  if (value) {
    book->Number(sheet, row, col, *value, style);
  } else {
    book->Blank(sheet, row, col, style);
  }
}

void WriteInputs(XlsxWriter* book, int sheet, int row, const SheetRow& r) {
  bool rumus = static_cast<bool>(r.indikator->rumus);
  const RealisasiIndikator* done = r.realisasi;
  for (int q = 0; q < 4; ++q) {
    NilaiTriwulan nilai;
    if (done && done->triwulan[q]) nilai = *done->triwulan[q];
    NumberOrBlank(book, sheet, row, InputColumn(q, kFieldRealisasi),
                  nilai.nilai, Style::kInput);
    Style parts = rumus ? Style::kInput : Style::kPlain;
    NumberOrBlank(book, sheet, row, InputColumn(q, kFieldPembilang),
                  nilai.pembilang, parts);
    NumberOrBlank(book, sheet, row, InputColumn(q, kFieldPenyebut),
                  nilai.penyebut, parts);
    NumberOrBlank(book, sheet, row, InputColumn(q, kFieldAnggaran),
                  done ? done->anggaran[q] : std::nullopt, Style::kInput);
    SheetCatatan catatan = CatatanOf(done, q);
    const std::optional<std::string>* texts[2] = {&catatan.evaluasi,
                                                  &catatan.tindak_lanjut};
    // Rows of rencana_tindak_lanjut are shown, locked: edited in the YAML.
    Style style = catatan.baris ? Style::kPlain : Style::kInputText;
    for (int t = 0; t < 2; ++t) {
      int col = InputColumn(q, t == 0 ? kFieldEvaluasi : kFieldTindakLanjut);
      if (*texts[t]) {
        book->Text(sheet, row, col, **texts[t], style);
      } else {
        book->Blank(sheet, row, col, style);
      }
    }
  }
}

// Column widths, in characters, of the wrapped columns.
constexpr double kJabatanWidth = 28;
constexpr double kIndikatorWidth = 45;
constexpr double kTextWidth = 30;

// A row tall enough for its wrapped texts, at most 12 lines.
double RowHeight(const SheetRow& r) {
  int lines = std::max(LinesOf(r.jabatan->nama, kJabatanWidth),
                       LinesOf(r.indikator->nama, kIndikatorWidth));
  for (int q = 0; q < 4; ++q) {
    SheetCatatan catatan = CatatanOf(r.realisasi, q);
    for (const auto* text : {&catatan.evaluasi, &catatan.tindak_lanjut}) {
      if (*text) lines = std::max(lines, LinesOf(**text, kTextWidth));
    }
  }
  return 15.0 * std::min(lines, 12);
}

void SetWidths(XlsxWriter* book, int sheet) {
  book->SetColumns(sheet, kColUnit, kColIndikatorId, 12, true);
  book->SetColumns(sheet, kColJabatan, kColJabatan, kJabatanWidth, false);
  book->SetColumns(sheet, kColIndikator, kColIndikator, kIndikatorWidth, false);
  book->SetColumns(sheet, kColSatuan, kColTargetTw + 3, 10, false);
  for (int q = 0; q < 4; ++q) {
    book->SetColumns(sheet, InputColumn(q, kFieldRealisasi),
                     InputColumn(q, kFieldPenyebut), 11, false);
    book->SetColumns(sheet, InputColumn(q, kFieldAnggaran),
                     InputColumn(q, kFieldAnggaran), 15, false);
    book->SetColumns(sheet, InputColumn(q, kFieldEvaluasi),
                     InputColumn(q, kFieldTindakLanjut), kTextWidth, false);
  }
}

}  // namespace

bool WriteRealisasiSheet(const Unit& unit, const SheetOptions& options,
                         const std::string& path, std::string* error) {
  std::vector<SheetRow> rows =
      SheetRows(unit, options.tahun, options.sub_units);
  if (rows.empty()) {
    *error = "unit `" + unit.path + "` has no indicators in " +
             std::to_string(options.tahun);
    return false;
  }
  XlsxWriter book(path);
  WriteGuide(&book, unit, options);
  int sheet = book.AddSheet(kSheetData);
  SetWidths(&book, sheet);
  // The hidden first row: what the sheet is for, checked by the import.
  book.Text(sheet, 0, 0, kSheetMarker);
  book.Text(sheet, 0, 1, unit.path);
  book.Number(sheet, 0, 2, options.tahun);
  book.Text(sheet, 0, 3, options.sub_units ? "sub-unit" : "unit");
  book.HideRow(sheet, 0);
  book.SetRowHeight(sheet, kSheetHeaderRow, 45);
  for (int col = 0; col < kSheetColumnCount; ++col) {
    book.Text(sheet, kSheetHeaderRow, col, ColumnHeading(col), Style::kHeader);
  }
  int row = kSheetFirstDataRow;
  for (const SheetRow& r : rows) {
    book.Text(sheet, row, kColUnit, r.unit->path);
    book.Number(sheet, row, kColTahun, options.tahun);
    book.Text(sheet, row, kColJabatanId, r.jabatan->id);
    book.Text(sheet, row, kColIndikatorId, r.indikator->id);
    book.Text(sheet, row, kColJabatan, r.jabatan->nama, Style::kWrap);
    book.Text(sheet, row, kColIndikator, r.indikator->nama, Style::kWrap);
    book.Text(sheet, row, kColSatuan, r.indikator->satuan);
    WriteTargets(&book, sheet, row, r);
    WriteInputs(&book, sheet, row, r);
    book.SetRowHeight(sheet, row, RowHeight(r));
    ++row;
  }
  int last = row - 1;
  for (int q = 0; q < 4; ++q) {
    for (SheetField f :
         {kFieldRealisasi, kFieldPembilang, kFieldPenyebut, kFieldAnggaran}) {
      book.NumberOrDash(sheet, kSheetFirstDataRow, last, InputColumn(q, f));
    }
  }
  book.FreezePanes(sheet, kSheetFirstDataRow, kColIndikator + 1);
  book.Protect(sheet);
  book.Activate(sheet);
  return book.Close(error);
}

}  // namespace sakip
