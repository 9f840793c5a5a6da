// `sakip sheet`: the realisasi workbook of one unit and year, to be filled
// in Excel or LibreOffice and read back by `sakip import` (sheet_import.h).
#ifndef SAKIP_SHEET_EXPORT_H_
#define SAKIP_SHEET_EXPORT_H_

#include <string>

#include "model.h"

namespace sakip {

struct SheetOptions {
  int tahun = 0;
  bool sub_units = false;  // also the rows of every unit below
};

// Writes the workbook of `unit` to `path`; false with `error` set when it
// cannot be written or the year has no rows.
bool WriteRealisasiSheet(const Unit& unit, const SheetOptions& options,
                         const std::string& path, std::string* error);

}  // namespace sakip

#endif  // SAKIP_SHEET_EXPORT_H_
