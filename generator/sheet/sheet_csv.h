// Reads a CSV file saved from the realisasi sheet (Excel or LibreOffice,
// "Save as CSV"): the same columns as the XLSX data sheet.
#ifndef SAKIP_SHEET_CSV_H_
#define SAKIP_SHEET_CSV_H_

#include <string>

#include "xlsx_reader.h"

namespace sakip {

// Parses CSV `text` (RFC 4180 quoting; the delimiter `,`, `;` or tab, the
// first of them on the first line) into text cells; a UTF-8 byte order
// mark is skipped.
SheetTable ParseCsv(const std::string& text);

// Reads the file at `path`; false with `error` when it cannot be read.
bool ReadCsvSheet(const std::string& path, SheetTable* table,
                  std::string* error);

}  // namespace sakip

#endif  // SAKIP_SHEET_CSV_H_
