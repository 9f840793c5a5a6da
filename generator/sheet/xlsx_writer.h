// Writes an XLSX workbook: the one file that talks to libxlsxwriter. Only
// what the realisasi sheet needs (sheet_export.h): text and numbers in a
// few styles, hidden rows and columns, a "number or -" validation, sheet
// protection. The document's creation time is fixed, so the same content
// gives the same bytes.
#ifndef SAKIP_XLSX_WRITER_H_
#define SAKIP_XLSX_WRITER_H_

#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace sakip {

class XlsxWriter {
 public:
  enum Style {
    kPlain,      // locked
    kTitle,      // bold, larger
    kHeader,     // bold, wrapped, shaded
    kWrap,       // locked, wrapped text
    kInput,      // unlocked, shaded: a cell to fill
    kInputText,  // unlocked, wrapped
    kNote,       // wrapped, no border: running text
    kStyleCount
  };

  // Starts a workbook that Close() writes to `path`.
  explicit XlsxWriter(const std::string& path);
  ~XlsxWriter();  // closes it when Close() was not called
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // The index of a new sheet.
  int AddSheet(const std::string& name);
  void SetColumns(int sheet, int first, int last, double width, bool hidden);
  void HideRow(int sheet, int row);
  void SetRowHeight(int sheet, int row, double points);
  void Text(int sheet, int row, int col, const std::string& text,
            Style style = kPlain);
  void Number(int sheet, int row, int col, double value, Style style = kPlain);
  void Blank(int sheet, int row, int col, Style style);
  // Cells of one column that accept a number or "-" only.
  void NumberOrDash(int sheet, int first_row, int last_row, int col);
  // Locks every cell but the kInput / kInputText ones.
  void Protect(int sheet);
  void FreezePanes(int sheet, int row, int col);
  void Activate(int sheet);

  // Writes the file; false with `error` set when it could not.
  bool Close(std::string* error);

 private:
  lxw_workbook* workbook_;
  std::vector<lxw_worksheet*> sheets_;
  lxw_format* styles_[kStyleCount] = {};
  bool closed_ = false;
};

}  // namespace sakip

#endif  // SAKIP_XLSX_WRITER_H_
