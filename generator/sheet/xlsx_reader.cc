#include "xlsx_reader.h"

#include <cstdlib>
#include <map>

#include "xml_reader.h"
#include "zip_archive.h"

namespace sakip {

const SheetCell& SheetTable::At(size_t row, size_t col) const {
  static const SheetCell kEmptyCell;
  if (row >= rows.size() || col >= rows[row].size()) return kEmptyCell;
  return rows[row][col];
}

void SheetTable::Set(size_t row, size_t col, SheetCell cell) {
  if (rows.size() <= row) rows.resize(row + 1);
  if (rows[row].size() <= col) rows[row].resize(col + 1);
  rows[row][col] = std::move(cell);
}

namespace {

// Workbooks are a few MB; more rows or columns than this are not ours.
constexpr size_t kMaxRows = 1 << 20;
constexpr size_t kMaxCols = 1 << 14;

// The part that holds sheet `name`: xl/workbook.xml names it, its
// relationships file says where it is.
std::string SheetPart(const ZipArchive& zip, const std::string& name) {
  std::optional<std::string> workbook = zip.Read("xl/workbook.xml");
  std::optional<std::string> rels = zip.Read("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return "";
  std::string id;
  XmlReader sheets(*workbook);
  while (sheets.Next()) {
    if (sheets.IsStart() && sheets.LocalName() == "sheet" &&
        sheets.Attribute("name") == name) {
      id = sheets.Attribute("r:id");
      break;
    }
  }
  if (id.empty()) return "";
  XmlReader targets(*rels);
  while (targets.Next()) {
    if (targets.IsStart() && targets.LocalName() == "Relationship" &&
        targets.Attribute("Id") == id) {
      std::string target = targets.Attribute("Target");
      if (!target.empty() && target[0] == '/') return target.substr(1);
      return "xl/" + target;
    }
  }
  return "";
}

// The text of the element the reader is on: with `only_t`, its <t>
// descendants joined (rich-text runs), phonetic hints (<rPh>) left out.
std::string ElementText(XmlReader* xml, bool only_t = true) {
  if (xml->IsEmptyElement()) return "";
  std::string text;
  int depth = 1;
  bool in_t = false;
  int in_phonetic = 0;
  while (depth > 0 && xml->Next()) {
    if (xml->IsStart()) {
      std::string tag = xml->LocalName();
      if (tag == "rPh") ++in_phonetic;
      in_t = tag == "t";
      if (!xml->IsEmptyElement()) ++depth;
      if (xml->IsEmptyElement() && tag == "t") in_t = false;
    } else if (xml->IsEnd()) {
      if (xml->LocalName() == "rPh") --in_phonetic;
      in_t = false;
      --depth;
    } else if (xml->IsText() && (!only_t || (in_t && !in_phonetic))) {
      text += xml->Value();
    }
  }
  return text;
}

std::vector<std::string> SharedStrings(const ZipArchive& zip) {
  std::vector<std::string> strings;
  std::optional<std::string> part = zip.Read("xl/sharedStrings.xml");
  if (!part) return strings;
  XmlReader xml(*part);
  while (xml.Next()) {
    if (xml.IsStart() && xml.LocalName() == "si") {
      strings.push_back(ElementText(&xml));
    }
  }
  return strings;
}

// "F7" to 0-based row 6, column 5; false when it is not a cell reference.
bool ParseCellRef(const std::string& ref, size_t* row, size_t* col) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + (ref[i++] - 'A' + 1);
    if (c > kMaxCols) return false;
  }
  size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + (ref[i++] - '0');
    if (r > kMaxRows) return false;
  }
  if (c == 0 || r == 0 || i != ref.size() || digits == ref.size()) {
    return false;
  }
  *row = r - 1;
  *col = c - 1;
  return true;
}

// Reads the <c> element the reader is on into `cell`.
SheetCell ReadCell(XmlReader* xml, const std::string& type,
                   const std::vector<std::string>& shared) {
  SheetCell cell;
  if (xml->IsEmptyElement()) return cell;
  std::string value;
  bool has_value = false;
  int depth = 1;
  while (depth > 0 && xml->Next()) {
    if (xml->IsStart()) {
      std::string tag = xml->LocalName();
      if (tag == "v") {
        value = ElementText(xml, false);
        has_value = true;
        continue;
      }
      if (tag == "is") {
        cell.kind = SheetCell::kText;
        cell.text = ElementText(xml);
        continue;
      }
      if (!xml->IsEmptyElement()) ++depth;
    } else if (xml->IsEnd()) {
      --depth;
    }
  }
  if (!has_value) return cell;
  if (type == "s") {
    size_t index = std::strtoul(value.c_str(), nullptr, 10);
    cell.kind = SheetCell::kText;
    cell.text = index < shared.size() ? shared[index] : "";
  } else if (type == "str" || type == "e" || type == "b") {
    cell.kind = SheetCell::kText;
    cell.text = value;
  } else {
    char* end = nullptr;
    cell.number = std::strtod(value.c_str(), &end);
    cell.kind = end && *end == '\0' && !value.empty() ? SheetCell::kNumber
                                                      : SheetCell::kText;
    cell.text = value;
  }
  return cell;
}

}  // namespace

bool ReadXlsxSheet(const std::string& path, const std::string& sheet_name,
                   SheetTable* table, std::string* error) {
  ZipArchive zip(path);
  if (!zip.ok()) {
    *error = "not an XLSX workbook (" + zip.error() + ")";
    return false;
  }
  if (!zip.Read("[Content_Types].xml", 1 << 20)) {
    *error = "not an XLSX workbook (no [Content_Types].xml)";
    return false;
  }
  std::string part = SheetPart(zip, sheet_name);
  std::optional<std::string> sheet;
  if (!part.empty()) sheet = zip.Read(part);
  if (!sheet) {
    *error = "the workbook has no sheet \"" + sheet_name + "\"";
    return false;
  }
  std::vector<std::string> shared = SharedStrings(zip);
  table->name = sheet_name;
  table->rows.clear();
  XmlReader xml(*sheet);
  size_t next_row = 0, next_col = 0;
  while (xml.Next()) {
    if (!xml.IsStart()) continue;
    std::string tag = xml.LocalName();
    if (tag == "row") {
      std::string r = xml.Attribute("r");
      if (!r.empty()) next_row = std::strtoul(r.c_str(), nullptr, 10) - 1;
      next_col = 0;
    } else if (tag == "c") {
      size_t row = next_row, col = next_col;
      std::string ref = xml.Attribute("r");
      if (!ref.empty() && !ParseCellRef(ref, &row, &col)) continue;
      SheetCell cell = ReadCell(&xml, xml.Attribute("t"), shared);
      next_col = col + 1;
      if (row >= kMaxRows || col >= kMaxCols) continue;
      if (cell.kind != SheetCell::kEmpty) table->Set(row, col, cell);
    } else if (tag == "sheetData" && xml.IsEmptyElement()) {
      break;
    }
  }
  if (xml.failed()) {
    *error = "the sheet \"" + sheet_name + "\" is not well-formed XML";
    return false;
  }
  return true;
}

}  // namespace sakip
