// The open data's indicator table as an XLSX workbook, made in memory: one
// sheet, a header row of Indonesian labels, texts as text and numbers as
// numbers, so that a spreadsheet sorts and sums them without a conversion.
#ifndef SAKIP_OPEN_DATA_XLSX_H_
#define SAKIP_OPEN_DATA_XLSX_H_

#include <string>
#include <vector>

#include "xlsx_writer.h"

namespace sakip {

class OpenDataXlsx {
 public:
  // `labels`: the header of each column. `row_by_row`: a large table,
  // written out row by row instead of held (its texts are stored in each
  // cell rather than in a shared table; both open the same).
  OpenDataXlsx(const std::vector<std::string>& labels, bool row_by_row);

  void Text(int col, const std::string& text);
  void Number(int col, double value);
  // Cells after this go on the next row.
  void EndRow() { ++row_; }
  int rows() const { return row_ - 1; }  // without the header

  // The workbook's bytes; false with `error` set when it could not be made.
  bool Bytes(std::string* bytes, std::string* error);

 private:
  XlsxWriter writer_;
  int sheet_ = 0;
  int row_ = 1;
};

}  // namespace sakip

#endif  // SAKIP_OPEN_DATA_XLSX_H_
