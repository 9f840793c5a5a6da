// Semantic differences between two versions of the content: units, jabatan
// and indicators added, removed, moved (same id, other unit) and changed,
// field by field; formulas as a word diff; holder changes; each jabatan's
// Perjanjian Kinerja of a year (pihak kedua, budget rows and total) and its
// sasaran (target, rencana aksi, ...).
#ifndef SAKIP_DIFF_H_
#define SAKIP_DIFF_H_

#include <string>
#include <vector>

#include "model.h"

namespace sakip {

enum class ChangeKind { kAdded, kRemoved, kMoved, kChanged };

struct WordDiffPart {
  enum Kind { kSame, kRemoved, kAdded } kind;
  std::string text;
};

struct FieldChange {
  std::string field;   // `target`, `pejabat`, `formulasi`, ...
  std::string before;  // "" when absent
  std::string after;
  std::vector<WordDiffPart> words;  // for long texts, else empty
  // For people, when `before`/`after` are keys (references): the names.
  std::string before_label;
  std::string after_label;
};

struct Change {
  ChangeKind kind;
  std::string what;  // unit | jabatan | indikator | perjanjian | sasaran
  // unit path, `unit/jabatan`, `unit/jabatan#indikator`,
  // `unit/jabatan/tahun` (a PK), `unit/jabatan/tahun#sasaran`
  std::string key;
  std::string nama;  // display name (the newer one when changed)
  std::string from;  // for moves: the old unit path
  std::vector<FieldChange> fields;
  // For people: the unit of a jabatan, the jabatan and unit of an
  // indicator; the old unit's name for a move.
  std::string where;
  std::string from_nama;
};

struct ModelDiff {
  std::string from_label;
  std::string to_label;
  // Units, then jabatan, indicators, PKs, PK sasaran.
  std::vector<Change> changes;
  bool empty() const { return changes.empty(); }
};

// "ditambah", "dihapus", "dipindah", "diubah".
const char* ChangeKindWord(ChangeKind kind);

// What changed from `before` to `after`.
ModelDiff DiffModels(const Model& before, const Model& after);

// What changed in one jabatan, keyed `key`: the jabatan itself (added when
// `before` is null, removed when `after` is), then its indicators.
// References must be resolved (atasan, mendukung) to be compared.
std::vector<Change> DiffJabatan(const Jabatan* before, const Jabatan* after,
                                const std::string& key);

// The name of a field for people: "Dasar hukum" for `dasar_hukum`.
std::string FieldLabel(const std::string& field);

// Word-level diff of two texts (longest common subsequence of words).
std::vector<WordDiffPart> WordDiff(const std::string& before,
                                   const std::string& after);

std::string FormatDiffText(const ModelDiff& diff);
std::string FormatDiffMarkdown(const ModelDiff& diff);
std::string FormatDiffJson(const ModelDiff& diff);

}  // namespace sakip

#endif  // SAKIP_DIFF_H_
