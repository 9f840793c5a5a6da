#include "open_data_xlsx.h"

#include "zip_archive.h"

namespace sakip {
namespace {

constexpr const char* kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMain =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kOfficeType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.";

std::string ColumnName(int col) {
  std::string name;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

// `text` escaped for XML; characters XML 1.0 cannot hold (controls other
// than tab and line breaks) are dropped.
void AppendEscaped(const std::string& text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' ||
            c == '\r') {
          *out += c;
        }
    }
  }
}

std::string ContentTypes() {
  return std::string(kXmlHead) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
         "content-types\"><Default Extension=\"rels\" ContentType=\""
         "application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" +
         kOfficeType +
         "sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
         "ContentType=\"" +
         kOfficeType +
         "worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" "
         "ContentType=\"" +
         kOfficeType + "styles+xml\"/></Types>";
}

std::string PackageRelationships() {
  return std::string(kXmlHead) + "<Relationships xmlns=\"" +
         kPackageRelationships + "\"><Relationship Id=\"rId1\" Type=\"" +
         kRelationships +
         "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
}

std::string Workbook() {
  return std::string(kXmlHead) + "<workbook xmlns=\"" + kMain +
         "\" xmlns:r=\"" + kRelationships +
         "\"><bookViews><workbookView/></bookViews><sheets><sheet "
         "name=\"Indikator\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
}

std::string WorkbookRelationships() {
  return std::string(kXmlHead) + "<Relationships xmlns=\"" +
         kPackageRelationships + "\"><Relationship Id=\"rId1\" Type=\"" +
         kRelationships +
         "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship "
         "Id=\"rId2\" Type=\"" +
         kRelationships + "/styles\" Target=\"styles.xml\"/></Relationships>";
}

// Style 0: plain cells; style 1: the header (bold, wrapped, shaded).
std::string Styles() {
  return std::string(kXmlHead) + "<styleSheet xmlns=\"" + kMain +
         "\"><fonts count=\"2\"><font><sz val=\"11\"/><name "
         "val=\"Calibri\"/><family val=\"2\"/></font><font><b/><sz "
         "val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
         "</fonts><fills count=\"3\"><fill><patternFill "
         "patternType=\"none\"/></fill><fill><patternFill "
         "patternType=\"gray125\"/></fill><fill><patternFill "
         "patternType=\"solid\"><fgColor rgb=\"FFD9E2F3\"/><bgColor "
         "indexed=\"64\"/></patternFill></fill></fills><borders "
         "count=\"1\"><border><left/><right/><top/><bottom/><diagonal/>"
         "</border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" "
         "fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs "
         "count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
         "borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" "
         "fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" "
         "applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" "
         "wrapText=\"1\"/></xf></cellXfs><cellStyles count=\"1\"><cellStyle "
         "name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>";
}

}  // namespace

OpenDataXlsx::OpenDataXlsx(const std::vector<std::string>& labels) {
  cols_ = "<cols>";
  for (size_t col = 0; col < labels.size(); ++col) {
    columns_.push_back(ColumnName(static_cast<int>(col)));
    // Names are wide; ids, years and figures narrow.
    bool name = labels[col].rfind("Nama", 0) == 0 || labels[col] == "Sasaran";
    std::string n = std::to_string(col + 1);
    cols_ += "<col min=\"" + n + "\" max=\"" + n + "\" width=\"" +
             (name ? "40.7109375" : "14.7109375") + "\" customWidth=\"1\"/>";
  }
  cols_ += "</cols>";
  rows_ = "<row r=\"1\" ht=\"45\" customHeight=\"1\">";
  row_open_ = true;
  for (size_t col = 0; col < labels.size(); ++col) {
    StartCell(static_cast<int>(col), " s=\"1\" t=\"inlineStr\"><is><t>");
    AppendEscaped(labels[col], &rows_);
    rows_ += "</t></is></c>";
  }
  EndRow();
}

void OpenDataXlsx::StartCell(int col, const char* rest) {
  if (!row_open_) {
    rows_ += "<row r=\"" + std::to_string(row_) + "\">";
    row_open_ = true;
  }
  rows_ += "<c r=\"";
  rows_ += columns_[static_cast<size_t>(col)];
  rows_ += std::to_string(row_);
  rows_ += '"';
  rows_ += rest;
}

void OpenDataXlsx::Text(int col, const std::string& text) {
  bool spaces = !text.empty() && (text.front() == ' ' || text.back() == ' ' ||
                                  text.find('\n') != std::string::npos);
  StartCell(col, spaces ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                        : " t=\"inlineStr\"><is><t>");
  AppendEscaped(text, &rows_);
  rows_ += "</t></is></c>";
}

void OpenDataXlsx::Number(int col, const std::string& number) {
  StartCell(col, "><v>");
  rows_ += number;
  rows_ += "</v></c>";
}

void OpenDataXlsx::EndRow() {
  if (row_open_) rows_ += "</row>";
  row_open_ = false;
  ++row_;
}

bool OpenDataXlsx::Bytes(std::string* bytes, std::string* error) {
  EndRow();
  // The header stays in view while the rows scroll.
  std::string sheet = std::string(kXmlHead) + "<worksheet xmlns=\"" + kMain +
                      "\" xmlns:r=\"" + kRelationships +
                      "\"><sheetViews><sheetView tabSelected=\"1\" "
                      "workbookViewId=\"0\"><pane ySplit=\"1\" "
                      "topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                      "state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
                      "</sheetView></sheetViews><sheetFormatPr "
                      "defaultRowHeight=\"15\"/>" +
                      cols_ + "<sheetData>";
  sheet += rows_;
  sheet += "</sheetData></worksheet>";
  ZipWriter zip;
  zip.Add("[Content_Types].xml", ContentTypes());
  zip.Add("_rels/.rels", PackageRelationships());
  zip.Add("xl/workbook.xml", Workbook());
  zip.Add("xl/_rels/workbook.xml.rels", WorkbookRelationships());
  zip.Add("xl/styles.xml", Styles());
  zip.Add("xl/worksheets/sheet1.xml", std::move(sheet));
  return zip.Finish(bytes, error);
}

}  // namespace sakip
