#include "test_tree.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "pipeline.h"

extern char** environ;

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
  if (!std::filesystem::exists(root)) return files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      files[e.path().lexically_relative(root).string()] =
          ReadText(e.path().string());
    }
  }
  return files;
}

int RunSakipBuild(const std::string& content, const std::string& out,
                  const std::vector<std::string>& extra, std::string* errors) {
  return RunSakip({"build", "--content", content, "--out", out}, out, extra,
                  errors);
}

int RunSakip(const std::vector<std::string>& arguments, const std::string& out,
             const std::vector<std::string>& extra, std::string* errors) {
  std::vector<std::string> args = {SAKIP_BINARY};
  args.insert(args.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> added = extra;
  added.push_back("SOURCE_DATE_EPOCH=1767225600");
  std::vector<char*> env;
  for (std::string& e : added) env.push_back(e.data());
  for (char** e = environ; *e; ++e) {
    if (std::string_view(*e).rfind("SAKIP_", 0) != 0) env.push_back(*e);
  }
  env.push_back(nullptr);
  std::string log = (std::filesystem::path(out).parent_path() /
                     ("stderr-" + std::to_string(::getpid()) + ".txt"))
                        .string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  int spawned =
      posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " + args[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (errors) *errors = ReadText(log);
  std::filesystem::remove(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

Found FindDiagnostic(const Checked& checked, const std::string& text) {
  for (const Diagnostic& d : checked.diagnostics.all()) {
    if (d.message.find(text) == std::string::npos) continue;
    return {d.pos.path.str() + ":" + std::to_string(d.pos.line) + ":" +
                std::to_string(d.pos.col),
            d.severity == Severity::kError ? "error" : "warning", d.hint};
  }
  return {"(none)", "", ""};
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

}  // namespace sakip::testing
