// The open data's indicator table as an XLSX workbook, made in memory: one
// sheet "Indikator", a header row of Indonesian labels, texts as text and
// numbers as numbers, so that a spreadsheet sorts and sums them without a
// conversion.
//
// The SpreadsheetML is written here directly, not by libxlsxwriter (which
// makes `sakip sheet`'s workbook): libxlsxwriter writes every part through
// a temporary file and deflates at zlib's default level, about 1.8 ms per
// workbook and 1.2 us per cell, which doubled a clean build of a large site
// (docs/decisions.md, "Open data as XLSX"). A table of texts and numbers
// needs six small parts and inline strings; the bytes are the same on every
// build.
#ifndef SAKIP_OPEN_DATA_XLSX_H_
#define SAKIP_OPEN_DATA_XLSX_H_

#include <string>
#include <vector>

namespace sakip {

class OpenDataXlsx {
 public:
  // `labels`: the header of each column.
  explicit OpenDataXlsx(const std::vector<std::string>& labels);

  // Cells of the current row, in column order; a column without a cell
  // stays empty.
  void Text(int col, const std::string& text);
  // `number`: a number as JSON writes it (`12`, `85.5`, `1e+21`).
  void Number(int col, const std::string& number);
  // Cells after this go on the next row.
  void EndRow();
  int rows() const { return row_ - 1; }  // without the header

  // The workbook's bytes; false with `error` set when it could not be made.
  bool Bytes(std::string* bytes, std::string* error);

 private:
  void StartCell(int col, const char* type);

  std::vector<std::string> columns_;  // "A", "B", ...: cell references
  std::string cols_;                  // the <cols> element: widths
  std::string rows_;                  // the <sheetData> rows written so far
  int row_ = 1;                       // the row being written, from 1
  bool row_open_ = false;
};

}  // namespace sakip

#endif  // SAKIP_OPEN_DATA_XLSX_H_
