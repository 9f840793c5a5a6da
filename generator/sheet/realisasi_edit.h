// Figures written into the text of a realisasi/<tahun>.yaml file, each as
// an in-place edit of its value (yaml_edit.h), in the content format's key
// order: what `sakip import` changes, and nothing else.
#ifndef SAKIP_REALISASI_EDIT_H_
#define SAKIP_REALISASI_EDIT_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sakip {

struct RealisasiEdit {
  // jabatan, <jabatan id>, <indikator id>, <field>, <quarter>[, <component>]
  std::vector<std::string> path;
  std::string value;  // YAML text (yaml_edit.h)
};

// Why an edit could not be written: its index in the list, and the reason.
using RealisasiEditFailure = std::pair<size_t, std::string>;

// `text` with `edits` applied in order; without `text`, a new file of
// `tahun` holding just the edits. Nullopt with every failure listed when an
// edit cannot be written (index edits.size(): the result would not parse).
std::optional<std::string> EditRealisasi(
    const std::optional<std::string>& text, int tahun,
    const std::vector<RealisasiEdit>& edits,
    std::vector<RealisasiEditFailure>* failures);

}  // namespace sakip

#endif  // SAKIP_REALISASI_EDIT_H_
