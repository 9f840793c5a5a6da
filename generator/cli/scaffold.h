// `sakip new`: commented starting files for a unit, a jabatan or a keputusan
// that `sakip check` accepts as written.
#ifndef SAKIP_SCAFFOLD_H_
#define SAKIP_SCAFFOLD_H_

#include <string>

#include "date.h"
#include "model.h"

namespace sakip {

struct NewFile {
  std::string path;  // relative to the content folder
  std::string text;
  std::string error;  // set instead when the file cannot be made
};

// `unit_path` is a folder path below the content folder, e.g.
// `pemkab-lumajang/dinas-kesehatan`. Its parent folders must be units
// (or the content root).
NewFile NewUnit(const Model& model, const std::string& unit_path);

// A jabatan in `unit_path`; its atasan is the unit's head (or the parent
// unit's head when the unit has none yet).
NewFile NewJabatan(const Model& model, const std::string& unit_path,
                   const std::string& id);

// A keputusan of `unit_path`, signed by the unit's head, dated `today`.
NewFile NewKeputusan(const Model& model, const std::string& unit_path,
                     const std::string& id, const Date& today);

// The Perjanjian Kinerja of `unit_path` for year `tahun` (4 digits), dated
// `today`: every jabatan of the unit, pihak_kedua its atasan, its IKI
// indicators as sasaran linked by `iki:`.
NewFile NewPerjanjian(const Model& model, const std::string& unit_path,
                      const std::string& tahun, const Date& today);

// Creates `path` with `text`; never replaces an existing file (the
// file is opened with O_EXCL). Parent folders are made as needed.
bool WriteNewFile(const std::string& path, const std::string& text,
                  std::string* error);

}  // namespace sakip

#endif  // SAKIP_SCAFFOLD_H_
