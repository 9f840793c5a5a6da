// `sakip import`: a realisasi sheet (sheet_export.h), XLSX or CSV, back
// into realisasi/<tahun>.yaml. Every cell is checked and every problem
// reported (`FILE:Realisasi!F7: error: ...`); only when there is none are
// the changed figures written, each as an edit of its YAML value in place
// (yaml_edit.h), so that the rest of the file keeps its bytes.
#ifndef SAKIP_SHEET_IMPORT_H_
#define SAKIP_SHEET_IMPORT_H_

#include <string>
#include <vector>

#include "diagnostic.h"
#include "diff.h"
#include "file_system.h"
#include "model.h"
#include "xlsx_reader.h"

namespace sakip {

// Reads the data sheet of an XLSX workbook, or a CSV file (by its `.csv`
// name); false with `error` when it is neither.
bool ReadSheetFile(const std::string& path, SheetTable* table,
                   std::string* error);

struct ImportedFile {
  std::string path;  // relative to the content folder
  std::string before;
  std::string after;
};

struct ImportPlan {
  ModelDiff diff;  // one change per indicator, one field per figure
  std::vector<ImportedFile> files;  // only files whose text changes
};

// Checks `table` (read from `label`, the name diagnostics show) against
// `model`, loaded from `content`, and works out the new realisasi files.
// Problems go to `diagnostics`; with any error the plan has no files.
ImportPlan PlanImport(const std::string& label, const SheetTable& table,
                      const Model& model, const FileSystem& content,
                      Diagnostics* diagnostics);

}  // namespace sakip

#endif  // SAKIP_SHEET_IMPORT_H_
