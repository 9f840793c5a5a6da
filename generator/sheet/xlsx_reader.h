// Reads one sheet of an XLSX workbook (a ZIP of XML parts, zip_archive.h
// and xml_reader.h): its cells' numbers and texts (shared strings, inline
// strings, formula results). Styles, formulas and everything else are not
// read.
#ifndef SAKIP_XLSX_READER_H_
#define SAKIP_XLSX_READER_H_

#include <string>
#include <vector>

namespace sakip {

struct SheetCell {
  enum Kind { kEmpty, kNumber, kText } kind = kEmpty;
  double number = 0;
  std::string text;  // a text cell's text; a number cell's text as stored
};

// A sheet's cells by 0-based row and column; missing cells are empty.
struct SheetTable {
  std::string name;
  std::vector<std::vector<SheetCell>> rows;

  const SheetCell& At(size_t row, size_t col) const;
  void Set(size_t row, size_t col, SheetCell cell);
};

// Reads the sheet called `sheet_name` of the workbook at `path`. False with
// `error` set when the file is not an XLSX workbook or has no such sheet.
bool ReadXlsxSheet(const std::string& path, const std::string& sheet_name,
                   SheetTable* table, std::string* error);

}  // namespace sakip

#endif  // SAKIP_XLSX_READER_H_
