// The content tree the fuzz targets put their input into: a valid site
// with one kecamatan (camat, sekretaris), so that the fuzzed file is
// loaded, resolved against real references and computed.
#ifndef SAKIP_FUZZ_FUZZ_TREE_H_
#define SAKIP_FUZZ_FUZZ_TREE_H_

#include <string>

#include "compute.h"
#include "diagnostic.h"
#include "file_system.h"
#include "pipeline.h"

namespace sakip::fuzz {

inline MemoryFileSystem BaseTree() {
  MemoryFileSystem fs;
  fs.Write("site.yaml", "judul: Uji\ntahun: 2024\n");
  fs.Write("kec/unit.yaml", "nama: Kecamatan Uji\npimpinan: camat\n");
  fs.Write("kec/jabatan/camat.md",
           "---\nnama: Camat\nindikator:\n"
           "  - { id: kinerja, nama: Nilai kinerja, target: 80 }\n---\n");
  fs.Write("kec/jabatan/sekretaris.md",
           "---\nnama: Sekretaris\natasan: camat\nindikator:\n"
           "  - id: dokumen\n    nama: Dokumen\n    target: 10\n"
           "    rumus: { pembilang: a, penyebut: b, pengali: 100 }\n"
           "    mendukung: camat#kinerja\n---\n");
  return fs;
}

// Load, resolve, compute and format the diagnostics: every path a content
// file takes before rendering.
inline void LoadEverything(const MemoryFileSystem& fs) {
  Diagnostics diagnostics;
  Model model = LoadAndResolve(fs, "content", &diagnostics);
  ComputeResults(model, &diagnostics);
  std::string text = diagnostics.Format();
  (void)text;
}

}  // namespace sakip::fuzz

#endif  // SAKIP_FUZZ_FUZZ_TREE_H_
