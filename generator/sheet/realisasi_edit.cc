#include "realisasi_edit.h"

#include "yaml_document.h"
#include "yaml_edit.h"

namespace sakip {
namespace {

int QuarterRank(const std::string& key) {
  static const char* kRoman[] = {"I", "II", "III", "IV"};
  for (int i = 0; i < 4; ++i) {
    if (key == kRoman[i] || key == std::to_string(i + 1)) return i;
  }
  return -1;
}

// Key order inside realisasi/<tahun>.yaml: the content format's order of
// an indicator's fields, quarters I..IV, pembilang before penyebut; new
// jabatan and indicators go after the others.
int RealisasiKeyRank(int depth, const std::string& key) {
  if (depth == 3) {
    static const char* kFields[] = {"triwulan", "anggaran", "dilaporkan",
                                    "evaluasi", "tindak_lanjut"};
    for (int i = 0; i < 5; ++i) {
      if (key == kFields[i]) return i;
    }
  }
  if (depth == 4) return QuarterRank(key);
  if (depth == 5) return key == "pembilang" ? 0 : key == "penyebut" ? 1 : -1;
  return -1;
}

// A new file starts with one entry under `jabatan`, so that edits have a
// block mapping to add to; it is removed when they are written.
constexpr char kPlaceholder[] = "  sakip-import-placeholder: 0\n";

}  // namespace

std::optional<std::string> EditRealisasi(
    const std::optional<std::string>& text, int tahun,
    const std::vector<RealisasiEdit>& edits,
    std::vector<RealisasiEditFailure>* failures) {
  std::string out =
      text ? *text
           : "tahun: " + std::to_string(tahun) + "\njabatan:\n" + kPlaceholder;
  auto apply = [&](std::string* yaml,
                   std::vector<RealisasiEditFailure>* found) {
    size_t before = found->size();
    for (size_t i = 0; i < edits.size(); ++i) {
      std::string error;
      if (!SetYamlValue(yaml, edits[i].path, edits[i].value, RealisasiKeyRank,
                        &error)) {
        found->push_back({i, error});
      }
    }
    return found->size() == before;
  };
  if (!apply(&out, failures)) return std::nullopt;
  if (!text) {
    size_t at = out.find(kPlaceholder);
    if (at != std::string::npos) out.erase(at, sizeof kPlaceholder - 1);
  }
  YamlProblem problem;
  if (!ParseYamlDocument(out, 0, &problem)) {
    failures->push_back({edits.size(), "line " + std::to_string(problem.line) +
                                           ": " + problem.message});
    return std::nullopt;
  }
  // Writing the same figures again must find each where it was written. A
  // layout the editor reads otherwise than libyaml (found by fuzzing: keys
  // indented unlike their parents) is refused, never written wrong.
  std::string again = out;
  std::vector<RealisasiEditFailure> ignored;
  if (!apply(&again, &ignored) || again != out) {
    failures->push_back(
        {edits.size(),
         "the file's layout is not one the import can edit safely (a second "
         "write of the same figures changed it again); write them by hand"});
    return std::nullopt;
  }
  return out;
}

}  // namespace sakip
