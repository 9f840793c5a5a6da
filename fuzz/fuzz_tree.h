// The content tree the fuzz targets put their input into: a valid site
// with one kecamatan (camat, sekretaris), so that the fuzzed file is
// loaded, resolved against real references, computed, and rendered into
// pages and open data in memory.
#ifndef SAKIP_FUZZ_FUZZ_TREE_H_
#define SAKIP_FUZZ_FUZZ_TREE_H_

#include <string>

#include "compute.h"
#include "diagnostic.h"
#include "file_system.h"
#include "output_tree.h"
#include "pipeline.h"
#include "render_site.h"
#include "theme.h"

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

// The default theme, compiled once for every input.
inline const Theme& FuzzTheme() {
  static const Theme theme = [] {
    Diagnostics ignored;
    return DefaultTheme(&ignored);
  }();
  return theme;
}

// Load, resolve, compute, format the diagnostics and, when the content has
// no errors (as `sakip build` does), render every page and the open data
// into memory on one thread: every path a content file takes but the disk.
inline void LoadEverything(const MemoryFileSystem& fs) {
  Diagnostics diagnostics;
  Model model = LoadAndResolve(fs, "content", &diagnostics);
  Results results = ComputeResults(model, &diagnostics);
  std::string text = diagnostics.Format();
  (void)text;
  if (diagnostics.has_errors()) return;
  RenderOptions options;
  options.dibangun = "1 Januari 2024";
  options.jobs = 1;
  OutputTree out =
      RenderSite(model, results, FuzzTheme(), options, &diagnostics);
  (void)out;
}

}  // namespace sakip::fuzz

#endif  // SAKIP_FUZZ_FUZZ_TREE_H_
