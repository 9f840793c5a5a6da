#include "xlsx_writer.h"

#include <xlsxwriter.h>

namespace sakip {
namespace {

// 2000-01-01T00:00:00Z: the document's fixed creation time (docProps).
constexpr time_t kFixedCreated = 946684800;

}  // namespace

XlsxWriter::XlsxWriter(const std::string& path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  workbook_ = workbook_new_opt(path.c_str(), &options);
  if (!workbook_) return;
  lxw_doc_properties properties = {};
  properties.created = kFixedCreated;
  workbook_set_properties(workbook_, &properties);
  for (int s = 0; s < kStyleCount; ++s) {
    lxw_format* f = workbook_add_format(workbook_);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    switch (static_cast<Style>(s)) {
      case kTitle:
        format_set_bold(f);
        format_set_font_size(f, 14);
        break;
      case kHeader:
        format_set_bold(f);
        format_set_text_wrap(f);
        format_set_bg_color(f, 0xD9E2F3);
        format_set_border(f, LXW_BORDER_THIN);
        break;
      case kWrap:
        format_set_text_wrap(f);
        format_set_border(f, LXW_BORDER_THIN);
        break;
      case kInput:
        format_set_unlocked(f);
        format_set_bg_color(f, 0xFFF2CC);
        format_set_border(f, LXW_BORDER_THIN);
        break;
      case kInputText:
        format_set_unlocked(f);
        format_set_text_wrap(f);
        format_set_bg_color(f, 0xFFF2CC);
        format_set_border(f, LXW_BORDER_THIN);
        break;
      case kNote:
        format_set_text_wrap(f);
        break;
      default:
        format_set_border(f, LXW_BORDER_THIN);
        break;
    }
    styles_[s] = f;
  }
}

XlsxWriter::~XlsxWriter() {
  if (!closed_ && workbook_) workbook_close(workbook_);
}

int XlsxWriter::AddSheet(const std::string& name) {
  sheets_.push_back(workbook_add_worksheet(workbook_, name.c_str()));
  return static_cast<int>(sheets_.size()) - 1;
}

void XlsxWriter::SetColumns(int sheet, int first, int last, double width,
                            bool hidden) {
  lxw_row_col_options options = {};
  options.hidden = hidden ? LXW_TRUE : LXW_FALSE;
  worksheet_set_column_opt(sheets_[sheet], first, last, width, nullptr,
                           &options);
}

void XlsxWriter::HideRow(int sheet, int row) {
  lxw_row_col_options options = {};
  options.hidden = LXW_TRUE;
  worksheet_set_row_opt(sheets_[sheet], row, LXW_DEF_ROW_HEIGHT, nullptr,
                        &options);
}

void XlsxWriter::SetRowHeight(int sheet, int row, double points) {
  worksheet_set_row(sheets_[sheet], row, points, nullptr);
}

void XlsxWriter::Text(int sheet, int row, int col, const std::string& text,
                      Style style) {
  worksheet_write_string(sheets_[sheet], row, col, text.c_str(),
                         styles_[style]);
}

void XlsxWriter::Number(int sheet, int row, int col, double value,
                        Style style) {
  worksheet_write_number(sheets_[sheet], row, col, value, styles_[style]);
}

void XlsxWriter::Blank(int sheet, int row, int col, Style style) {
  worksheet_write_blank(sheets_[sheet], row, col, styles_[style]);
}

void XlsxWriter::NumberOrDash(int sheet, int first_row, int last_row, int col) {
  // The formula is relative to the range's first cell.
  char cell[16];
  lxw_rowcol_to_cell(cell, first_row, col);
  std::string formula = std::string("=OR(ISNUMBER(") + cell + ")," + cell +
                        "=\"-\"," + cell + "=\"\")";
  lxw_data_validation validation = {};
  validation.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
  validation.value_formula = const_cast<char*>(formula.c_str());
  validation.ignore_blank = LXW_VALIDATION_ON;
  validation.error_title = const_cast<char*>("Bukan angka");
  validation.error_message = const_cast<char*>(
      "Isi dengan angka, atau tanda - jika belum dilaporkan.");
  worksheet_data_validation_range(sheets_[sheet], first_row, col, last_row, col,
                                  &validation);
}

void XlsxWriter::Protect(int sheet) {
  lxw_protection options = {};
  options.format_columns = LXW_TRUE;  // widths may be changed
  options.format_rows = LXW_TRUE;
  worksheet_protect(sheets_[sheet], nullptr, &options);
}

void XlsxWriter::FreezePanes(int sheet, int row, int col) {
  worksheet_freeze_panes(sheets_[sheet], row, col);
}

void XlsxWriter::Activate(int sheet) { worksheet_activate(sheets_[sheet]); }

bool XlsxWriter::Close(std::string* error) {
  if (!workbook_) {
    *error = "cannot start a workbook";
    return false;
  }
  closed_ = true;
  lxw_error result = workbook_close(workbook_);
  if (result != LXW_NO_ERROR) {
    *error = lxw_strerror(result);
    return false;
  }
  return true;
}

}  // namespace sakip
