#include "open_data_xlsx.h"

namespace sakip {

OpenDataXlsx::OpenDataXlsx(const std::vector<std::string>& labels,
                           bool row_by_row)
    : writer_(XlsxWriter::kInMemory, row_by_row) {
  sheet_ = writer_.AddSheet("Indikator");
  for (size_t col = 0; col < labels.size(); ++col) {
    int c = static_cast<int>(col);
    writer_.Text(sheet_, 0, c, labels[col], XlsxWriter::kHeader);
    // Names are wide; ids, years and figures narrow.
    bool name = labels[col].rfind("Nama", 0) == 0 || labels[col] == "Sasaran";
    writer_.SetColumns(sheet_, c, c, name ? 40 : 14, false);
  }
  writer_.SetRowHeight(sheet_, 0, 30);
  writer_.FreezePanes(sheet_, 1, 0);
}

void OpenDataXlsx::Text(int col, const std::string& text) {
  writer_.Text(sheet_, row_, col, text, XlsxWriter::kPlain);
}

void OpenDataXlsx::Number(int col, double value) {
  writer_.Number(sheet_, row_, col, value, XlsxWriter::kPlain);
}

bool OpenDataXlsx::Bytes(std::string* bytes, std::string* error) {
  return writer_.CloseToBytes(bytes, error);
}

}  // namespace sakip
