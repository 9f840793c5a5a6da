// What `sakip import` does with text it did not write: a CSV parsed into
// cells, and figures written into a realisasi file. Written figures must
// give YAML that parses, and writing the same figures again must change
// nothing (each edit found the value it wrote).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "realisasi_edit.h"
#include "sheet_csv.h"
#include "yaml_edit.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  sakip::ParseCsv(text);
  const std::vector<sakip::RealisasiEdit> edits = {
      {{"jabatan", "sekretaris", "dokumen-perencanaan", "triwulan", "III"},
       "80"},
      {{"jabatan", "sekretaris", "dokumen-perencanaan", "anggaran", "II"},
       "858000"},
      {{"jabatan", "sekretaris", "dokumen-perencanaan", "evaluasi", "II"},
       sakip::YamlText("baris satu\nbaris \"dua\"")},
      {{"jabatan", "camat", "baru", "triwulan", "I", "pembilang"}, "3"},
  };
  std::vector<sakip::RealisasiEditFailure> failures;
  std::optional<std::string> once =
      sakip::EditRealisasi(text, 2024, edits, &failures);
  if (!once) return 0;  // refused, with the reasons: fine
  std::optional<std::string> twice =
      sakip::EditRealisasi(*once, 2024, edits, &failures);
  if (!twice || *twice != *once) std::abort();
  return 0;
}
