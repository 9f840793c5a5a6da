#include "test_tree.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "pipeline.h"

namespace sakip::testing {

MemoryFileSystem ValidTree() {
  MemoryFileSystem fs;
  fs.Write("site.yaml", "judul: Uji\ntahun: 2024\n");
  fs.Write("kota/unit.yaml", "nama: Pemerintah Kota Uji\njenis: pemda\n");
  fs.Write("kota/kec/unit.yaml",
           "nama: Kecamatan Uji\njenis: kecamatan\npimpinan: camat\n");
  fs.Write("kota/kec/jabatan/camat.md",
           "---\n"
           "nama: Camat\n"
           "jenis: administrator\n"
           "pejabat: { nama: NOOR ALY, nip: \"197001031995031001\" }\n"
           "indikator:\n"
           "  - id: kinerja-kecamatan\n"
           "    nama: Nilai kinerja kecamatan\n"
           "    target: 80\n"
           "---\n"
           "Catatan camat.\n");
  fs.Write("kota/kec/jabatan/sekretaris.md",
           "---\n"
           "nama: Sekretaris Kecamatan\n"
           "atasan: camat\n"
           "indikator:\n"
           "  - id: dokumen\n"
           "    nama: Jumlah dokumen perencanaan\n"
           "    target: 10\n"
           "    mendukung: camat#kinerja-kecamatan\n"
           "---\n");
  fs.Write("kota/kec/jabatan/staf.md",
           "---\n"
           "nama: Pengadministrasi Umum\n"
           "atasan: sekretaris\n"
           "---\n");
  return fs;
}

std::vector<std::string> Checked::Lines() const {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.Sorted()) {
    std::string text = diagnostics.Format(d);
    lines.push_back(text.substr(0, text.find('\n')));
  }
  return lines;
}

Checked Check(const FileSystem& fs, const std::string& display_root) {
  Checked checked;
  checked.model = LoadAndResolve(fs, display_root, &checked.diagnostics);
  return checked;
}

std::string SourceDir() { return SAKIP_SOURCE_DIR; }

std::string BuildSampleSite(const std::string& name) {
  std::filesystem::path out =
      std::filesystem::temp_directory_path() /
      ("sakip-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  RealFileSystem content(SourceDir() + "/content");
  Diagnostics diagnostics;
  PipelineOptions options;
  options.out_dir = out.string();
  options.dibangun = "1 Januari 2026";
  int status = RunPipeline(content, options, &diagnostics);
  if (status != 0) throw std::runtime_error(diagnostics.Format());
  return out.string();
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::map<std::string, std::string> ReadFiles(const std::string& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      files[e.path().lexically_relative(root).string()] =
          ReadText(e.path().string());
    }
  }
  return files;
}

}  // namespace sakip::testing
