#include "sheet_csv.h"

#include <fstream>
#include <sstream>

#include "loader.h"

namespace sakip {
namespace {

char Delimiter(const std::string& text, size_t from) {
  for (size_t i = from; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] == ',' || text[i] == ';' || text[i] == '\t') return text[i];
  }
  return ',';
}

// Excel's plain "CSV" is saved in the Windows code page, not UTF-8.
bool IsUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    int extra = c < 0x80         ? 0
                : (c >> 5) == 6  ? 1
                : (c >> 4) == 14 ? 2
                : (c >> 3) == 30 ? 3
                                 : -1;
    if (extra < 0 || i + extra >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

SheetTable ParseCsv(const std::string& text) {
  SheetTable table;
  size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  const char delimiter = Delimiter(text, i);
  size_t row = 0, col = 0;
  std::string field;
  bool quoted = false, any = false;
  auto end_field = [&]() {
    if (!field.empty()) {
      SheetCell cell;
      cell.kind = SheetCell::kText;
      cell.text = field;
      table.Set(row, col, std::move(cell));
    }
    field.clear();
    ++col;
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      ++row;
      col = 0;
      any = false;
    } else {
      field += c;
    }
  }
  if (any) end_field();
  return table;
}

bool ReadCsvSheet(const std::string& path, SheetTable* table,
                  std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read the file";
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (bytes.str().size() > kMaxContentFileBytes) {
    *error = "the file is larger than a realisasi sheet can be";
    return false;
  }
  if (!IsUtf8(bytes.str())) {
    *error =
        "the CSV is not UTF-8 text (save it as \"CSV UTF-8\" in Excel, or "
        "with the UTF-8 character set in LibreOffice)";
    return false;
  }
  *table = ParseCsv(bytes.str());
  return true;
}

}  // namespace sakip
