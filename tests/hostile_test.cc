// Hostile content: markup and script in every text field, paths and links
// that lead out of the content folder, ids that collide on case-insensitive
// disks, huge files and alias bombs. Each case is a row of the table in
// docs/security.md.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "pipeline.h"
#include "test_tree.h"

extern char** environ;

namespace fs = std::filesystem;

namespace sakip {
namespace {

// In a double-quoted YAML string: closes attributes, opens elements.
const char* kPayload =
    "<script>alert(1)</script>'\\\"><img src=x onerror=alert(2)>"
    "<svg onload=alert(3)>javascript:alert(4)";
const char* kLink = "javascript:alert(5)";

std::string P() { return std::string("\"") + kPayload + "\""; }

// Every text field of every file kind carries the payload.
MemoryFileSystem HostileEverywhere() {
  MemoryFileSystem fs;
  std::string p = P();
  fs.Write("site.yaml", "judul: " + p + "\ndeskripsi: " + p +
                            "\ntahun: 2024\nbase_url: https://x.go.id/\n");
  fs.Write("kota/unit.yaml", "nama: " + p + "\njenis: pemda\n");
  fs.Write("kota/kec/unit.yaml",
           "nama: " + p + "\nsingkatan: " + p + "\njenis: kecamatan\n" +
               "pemerintah: " + p + "\ndasar_hukum: " + p +
               "\npimpinan: camat\nkop: { alamat: " + p + ", telepon: " + p +
               ", faks: " + p + ", email: " + p + ", kota: " + p +
               ", kode_pos: " + p + ", laman: " + p + " }\n");
  fs.Write("kota/kec/index.md", std::string(kPayload) + "\n\n[profil](" +
                                    kLink + ") <iframe src=x></iframe>\n");
  std::string pejabat = "{ nama: " + p + ", nip: \"197001031995031001\", " +
                        "pangkat: " + p + ", golongan: " + p +
                        ", sebutan: " + p + " }";
  fs.Write(
      "kota/kec/jabatan/camat.md",
      "---\nnama: " + p + "\njenis: administrator\npejabat: " + pejabat +
          "\ntugas: " + p + "\nfungsi: [" + p + "]\ntujuan: [{ uraian: " + p +
          ", indikator: " + p + " }]\n" + "tanda_tangan: { tempat: " + p +
          ", tanggal: 2024-01-02, " + "sebutan: " + p +
          " }\nindikator:\n  - id: a\n    sasaran: " + p + "\n    nama: " + p +
          "\n    formulasi: " + p + "\n    sumber_data: [" + p +
          "]\n    satuan: " + p + "\n    target: 10\n    target_keterangan: " +
          p + "\n    catatan: " + p + "\n    anggaran: { kode: " + p +
          ", kegiatan: " + p + ", pagu: 1000, sumber_dana: " + p +
          " }\n  - id: b\n    nama: " + p +
          "\n    target: 10\n    rumus: { pembilang: " + p + ", penyebut: " +
          p + " }\n---\n" + kPayload + "\n\n[tautan](" + kLink +
          ") ![gambar](" + kLink + ")\n\n<a href=\"" + kLink + "\">a</a>\n");
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: " + p + "\natasan: camat\npejabat: " + pejabat +
               "\nindikator:\n  - { id: c, nama: " + p +
               ", target: 5, mendukung: camat#a }\n---\n");
  fs.Write("kota/kec/keputusan/k.md",
           "---\njenis: " + p + "\nnomor: " + p + "\ntentang: " + p +
               "\nmenimbang: [" + p + "]\nmengingat: [" + p +
               "]\nmemperhatikan: [" + p + "]\nmenetapkan: " + p +
               "\ndiktum:\n  - " + p + "\n  - \"[klik](" + kLink +
               ")\"\nditetapkan_di: " + p +
               "\ntanggal: 2024-01-24\npenandatangan: camat\n" +
               "sebutan_penandatangan: " + p + "\nlampiran: { judul: " + p +
               ", dasar: " + p + " }\n---\n");
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  camat:\n    a:\n      triwulan: { I: 5 }\n"
           "      anggaran: { I: 100 }\n      evaluasi: { I: " +
               p + " }\n      tindak_lanjut: { I: " + p +
               " }\n    b:\n      triwulan: { I: { pembilang: 1, penyebut: "
               "2 } }\n  staf:\n    c:\n      triwulan: { I: 2 }\n" +
               "laporan:\n  camat:\n    I: { tempat: " + p +
               ", tanggal: 2024-04-01, pejabat: " + pejabat +
               ", atasan: " + pejabat + " }\n");
  return fs;
}

std::vector<fs::path> FilesWithExtension(const fs::path& root,
                                         const std::set<std::string>& exts) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && exts.count(e.path().extension().string())) {
      files.push_back(e.path());
    }
  }
  return files;
}

TEST_CASE("hostile text in every field is escaped in HTML, SVG and print") {
  MemoryFileSystem tree = HostileEverywhere();
  testing::Checked checked = testing::Check(tree);
  INFO(checked.diagnostics.Format());
  REQUIRE_FALSE(checked.diagnostics.has_errors());

  fs::path out = fs::temp_directory_path() /
                 ("sakip-hostile-all-" + std::to_string(::getpid()));
  fs::remove_all(out);
  Diagnostics diagnostics;
  PipelineOptions options;
  options.out_dir = out.string();
  REQUIRE(RunPipeline(tree, options, &diagnostics) == 0);

  std::regex element(
      "<\\s*(script|img|svg|iframe)\\b[^>]*(onerror|onload|"
      "alert)",
      std::regex::icase);
  std::regex script("<\\s*script", std::regex::icase);
  std::regex link("(href|src|action)\\s*=\\s*[\"']?\\s*javascript:",
                  std::regex::icase);
  auto files = FilesWithExtension(out, {".html", ".svg"});
  int with_payload = 0;
  bool print_checked = false, svg_checked = false;
  for (const fs::path& file : files) {
    std::string text = testing::ReadText(file.string());
    INFO(file.string());
    CHECK_FALSE(std::regex_search(text, script));
    CHECK_FALSE(std::regex_search(text, element));
    CHECK_FALSE(std::regex_search(text, link));
    CHECK(text.find("'\"><img") == std::string::npos);
    if (text.find("&lt;script&gt;alert(1)") != std::string::npos ||
        text.find("&lt;script&gt;alert(1)") != std::string::npos) {
      ++with_payload;
      print_checked |= file.string().find("/cetak/") != std::string::npos;
      svg_checked |=
          file.extension() == ".svg" || text.find("<svg") != std::string::npos;
    }
  }
  // The payload really reached the pages, as visible text.
  CHECK(with_payload > 10);
  CHECK(print_checked);
  CHECK(svg_checked);
  fs::remove_all(out);
}

// A content folder on disk, removed at the end.
struct DiskTree {
  fs::path root;
  explicit DiskTree(const std::string& name)
      : root(fs::temp_directory_path() /
             ("sakip-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    MemoryFileSystem valid = testing::ValidTree();
    for (const char* path :
         {"site.yaml", "kota/unit.yaml", "kota/kec/unit.yaml",
          "kota/kec/jabatan/camat.md", "kota/kec/jabatan/sekretaris.md",
          "kota/kec/jabatan/staf.md"}) {
      Write(path, *valid.ReadFile(path, nullptr));
    }
  }
  ~DiskTree() { fs::remove_all(root); }
  void Write(const std::string& path, const std::string& text) {
    fs::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << text;
  }
  std::vector<std::string> Check() {
    RealFileSystem disk(root.string());
    return testing::Check(disk).Lines();
  }
};

TEST_CASE("links out of the content folder are errors, never followed") {
  DiskTree tree("hostile-links");
  fs::path outside = tree.root.string() + "-luar";
  fs::create_directories(outside / "unit");
  std::ofstream(outside / "rahasia.md") << "---\nnama: Rahasia\n---\n";
  std::ofstream(outside / "unit/unit.yaml") << "nama: Luar\n";
  fs::create_symlink(outside / "rahasia.md",
                     tree.root / "kota/kec/jabatan/bocor.md");
  fs::create_directory_symlink(outside / "unit", tree.root / "kota/luar");
  fs::create_symlink("/etc/passwd", tree.root / "kota/kec/logo.svg");
  tree.Write("kota/kec/unit.yaml",
             "nama: Kecamatan Uji\njenis: kecamatan\npimpinan: camat\n"
             "kop: { logo: logo.svg }\n");
  std::vector<std::string> lines = tree.Check();
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  INFO(all);
  CHECK(lines.size() == 3);
  CHECK_THAT(all, Catch::Contains("kota/kec/jabatan/bocor.md: error: is a "
                                  "symbolic link"));
  CHECK_THAT(all, Catch::Contains("kota/luar: error: is a symbolic link"));
  CHECK_THAT(all,
             Catch::Contains("kota/kec/logo.svg: error: is a symbolic link"));
  fs::remove_all(outside);
}

TEST_CASE("logo and versi paths with .. or absolute are errors") {
  for (const char* logo :
       {"../../../etc/passwd", "/etc/passwd", "a\\\\..\\\\b"}) {
    MemoryFileSystem fs = testing::ValidTree();
    fs.Write("kota/kec/unit.yaml",
             std::string("nama: K\njenis: kecamatan\npimpinan: camat\n"
                         "kop: { logo: \"") +
                 logo + "\" }\n");
    auto lines = testing::Check(fs).Lines();
    INFO(logo);
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Catch::Contains("`logo` must name a file inside"));
  }
  for (const char* dir : {"../luar", "/etc", "arsip/../../luar"}) {
    MemoryFileSystem fs = testing::ValidTree();
    fs.Write("site.yaml", std::string("judul: Uji\nversi:\n  - { nama: a, "
                                      "ref: HEAD }\n  - { nama: b, dir: \"") +
                              dir + "\" }\n");
    fs::path out = fs::temp_directory_path() /
                   ("sakip-hostile-dir-" + std::to_string(::getpid()));
    Diagnostics diagnostics;
    PipelineOptions options;
    options.out_dir = out.string();
    INFO(dir);
    CHECK(RunPipeline(fs, options, &diagnostics) == 1);
    CHECK_THAT(diagnostics.Format(),
               Catch::Contains("must be a folder inside the content folder"));
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("ids that collide on a case-insensitive disk are errors") {
  DiskTree tree("hostile-case");
  tree.Write("kota/kec/jabatan/Camat.md", "---\nnama: Camat Kedua\n---\n");
  tree.Write("kota/KEC/unit.yaml", "nama: Kecamatan Kedua\n");
  std::vector<std::string> lines = tree.Check();
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  INFO(all);
  CHECK_THAT(all, Catch::Contains("kota/kec/jabatan/Camat.md: error: jabatan "
                                  "file name `Camat` is not a valid id"));
  CHECK_THAT(all, Catch::Contains("kota/KEC/unit.yaml: error: unit folder "
                                  "name `KEC` is not a valid id"));
}

struct ChildRun {
  int exit_code = -1;
  long max_rss_kb = 0;
  std::string output;
};

// Runs the sakip binary and reads its peak memory from the kernel.
ChildRun RunSakip(const std::vector<std::string>& args) {
  fs::path log = fs::temp_directory_path() /
                 ("sakip-child-" + std::to_string(::getpid()) + ".log");
  std::vector<std::string> argv = {SAKIP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (std::string& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid;
  ChildRun run;
  if (posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ) == 0) {
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.max_rss_kb = usage.ru_maxrss;
  }
  posix_spawn_file_actions_destroy(&actions);
  run.output = testing::ReadText(log.string());
  fs::remove(log);
  return run;
}

TEST_CASE("a 100 MB file and an alias bomb end in diagnostics, bounded") {
  DiskTree tree("hostile-big");
  {
    std::ofstream big(tree.root / "kota/kec/jabatan/besar.md");
    big << "---\nnama: Besar\natasan: camat\n---\n";
  }
  fs::resize_file(tree.root / "kota/kec/jabatan/besar.md", 100u << 20);
  fs::create_directories(tree.root / "kota/kec/realisasi");
  {
    std::ofstream big(tree.root / "kota/kec/realisasi/2024.yaml");
    big << "tahun: 2024\n";
  }
  fs::resize_file(tree.root / "kota/kec/realisasi/2024.yaml", 100u << 20);
  std::string bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
  for (char c = 'b'; c <= 'p'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ",*" +
            char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" +
            char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" +
            char(c - 1) + "]\n";
  }
  tree.Write("kota/kec/jabatan/bom.md",
             "---\nnama: Bom\natasan: camat\n" + bomb +
                 "tugas: *p\nfungsi: *p\nindikator: *p\n---\n");
  ChildRun run = RunSakip({"check", "--content", tree.root.string()});
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.output, Catch::Contains("besar.md: error: file is"));
  CHECK_THAT(run.output, Catch::Contains("2024.yaml: error: file is"));
  CHECK_THAT(run.output, Catch::Contains("bom.md:"));
  // 8^15 strings if the aliases were expanded; 100 MB files if read.
  // AddressSanitizer's shadow memory and per-thread caches come on top of
  // any run (`sakip check` of content/ peaks at 124 MB under it, 22 MB
  // without); reading both files would still exceed either bound.
#if defined(__SANITIZE_ADDRESS__)
  constexpr long kSanitizerKb = 130 * 1024;
#else
  constexpr long kSanitizerKb = 0;
#endif
  CHECK(run.max_rss_kb < 150 * 1024 + kSanitizerKb);
}

}  // namespace
}  // namespace sakip
