// The incremental build: after each edit, a build over the previous output
// gives exactly the tree of a clean build, and files it did not need to
// make are the previous build's (hard links, same inode).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "pipeline.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

ino_t Inode(const fs::path& file) {
  struct stat info {};
  stat(file.c_str(), &info);
  return info.st_ino;
}

class Workspace {
 public:
  Workspace()
      : root_(fs::temp_directory_path() /
              ("sakip-incremental-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::copy(testing::SourceDir() + "/content", content(),
             fs::copy_options::recursive);
    fs::copy(testing::SourceDir() + "/themes/default", theme(),
             fs::copy_options::recursive);
  }
  ~Workspace() { fs::remove_all(root_); }
  fs::path content() const { return root_ / "content"; }
  fs::path theme() const { return root_ / "theme"; }
  fs::path site() const { return root_ / "site"; }

  // Builds into `out`; `jobs` threads.
  void Build(const fs::path& out, int jobs) {
    RealFileSystem fs_content(content().string());
    Diagnostics diagnostics;
    PipelineOptions options;
    options.content_dir = content().string();
    options.display_root = content().string();
    options.out_dir = out.string();
    options.theme_dir = theme().string();
    options.dibangun = "1 Januari 2026";
    options.jobs = jobs;
    int status = RunPipeline(fs_content, options, &diagnostics);
    INFO(diagnostics.Format());
    REQUIRE(status == 0);
  }

  // The incremental build equals a clean one (built with one thread).
  void CheckAgainstClean(const std::string& step) {
    Build(site(), 0);
    fs::path clean = root_ / ("clean-" + std::to_string(++clean_builds_));
    Build(clean, 1);
    INFO(step);
    auto incremental = testing::ReadFiles(site().string());
    auto fresh = testing::ReadFiles(clean.string());
    CHECK(incremental.size() == fresh.size());
    for (const auto& [path, bytes] : fresh) {
      auto it = incremental.find(path);
      INFO(path);
      CHECK(it != incremental.end());
      if (it != incremental.end()) CHECK(it->second == bytes);
    }
    fs::remove_all(clean);
  }

  void Edit(const std::string& path, const std::string& from,
            const std::string& to) {
    fs::path file = root_ / path;
    std::string text = testing::ReadText(file.string());
    std::string edited = std::regex_replace(text, std::regex(from), to);
    REQUIRE(edited != text);
    std::ofstream(file) << edited;
  }

 private:
  fs::path root_;
  int clean_builds_ = 0;
};

TEST_CASE("incremental builds equal clean builds after every edit") {
  Workspace w;
  w.CheckAgainstClean("first build");
  const std::string satpol = "2024/pemkab-lumajang/satpol-pp/";
  const std::string kanigaran =
      "2024/pemkot-probolinggo/kecamatan-kanigaran/jabatan/camat/index.html";
  ino_t untouched = Inode(w.site() / kanigaran);
  ino_t edited = Inode(w.site() / (satpol + "jabatan/sekretaris/index.html"));

  // (Its IKI rows have no target since the 2022 content moved to the PK;
  // a sumber data is edited instead.)
  w.Edit("content/pemkab-lumajang/satpol-pp/jabatan/sekretaris.md",
         "Data register surat", "Data register surat masuk");
  w.CheckAgainstClean("change a jabatan");
  // Another unit's page was kept, not made again; the edited one was made.
  CHECK(Inode(w.site() / kanigaran) == untouched);
  CHECK(Inode(w.site() / (satpol + "jabatan/sekretaris/index.html")) != edited);

  // A target of the year's Perjanjian Kinerja: its results change.
  std::string rows =
      testing::ReadText((w.site() / "2024/data/indikator.csv").string());
  w.Edit("content/pemkab-lumajang/satpol-pp/perjanjian/2022.yaml",
         "target: 100", "target: 90");
  w.CheckAgainstClean("change a target of the PK");
  CHECK(testing::ReadText((w.site() / "2024/data/indikator.csv").string()) !=
        rows);

  // The PK: a Rencana Aksi for the Sekretaris's first sasaran shows on its
  // page (quarter targets) and in the unit's document index.
  const std::string index = satpol + "dokumen/index.html";
  ino_t index_before = Inode(w.site() / index);
  edited = Inode(w.site() / (satpol + "jabatan/sekretaris/index.html"));
  w.Edit("content/pemkab-lumajang/satpol-pp/perjanjian/2022.yaml",
         "id: perencanaan-evaluasi-kinerja\n",
         "id: perencanaan-evaluasi-kinerja\n        rencana_aksi: [25, 50, 75, "
         "100]\n");
  w.CheckAgainstClean("add a Rencana Aksi to the PK");
  CHECK(Inode(w.site() / (satpol + "jabatan/sekretaris/index.html")) != edited);
  CHECK(Inode(w.site() / index) != index_before);
  CHECK(testing::ReadText(
            (w.site() / (satpol + "jabatan/sekretaris/index.html")).string())
            .find("50 % <span class=\"catatan\">(Rencana Aksi)") !=
        std::string::npos);
  CHECK(testing::ReadText((w.site() / index).string())
            .find("ada, dalam naskah PK") != std::string::npos);

  std::ofstream(w.content() / "pemkab-lumajang/satpol-pp/jabatan/analis.md")
      << "---\nnama: Analis Kebijakan\natasan: sekretaris\nindikator:\n"
         "  - { id: kajian, nama: Jumlah kajian, target: 4 }\n---\n";
  w.CheckAgainstClean("add a jabatan");
  CHECK(fs::exists(w.site() / (satpol + "jabatan/analis/index.html")));

  fs::remove(w.content() / "pemkab-lumajang/satpol-pp/jabatan/analis.md");
  w.CheckAgainstClean("delete a jabatan");
  CHECK_FALSE(fs::exists(w.site() / (satpol + "jabatan/analis/index.html")));

  // A unit with a large org chart (Graphviz lays it out left to right).
  for (int i = 1; i <= 50; ++i) {
    std::ofstream(w.content() / ("pemkab-lumajang/satpol-pp/jabatan/staf-" +
                                 std::to_string(i) + ".md"))
        << "---\nnama: Staf Pelaksana " << i
        << "\natasan: sekretaris\nindikator:\n"
           "  - { id: laporan, nama: Jumlah laporan, target: 12 }\n---\n";
  }
  w.CheckAgainstClean("a unit with a large org chart");
  w.Edit("content/pemkab-lumajang/satpol-pp/jabatan/staf-7.md", "target: 12",
         "target: 10");
  w.CheckAgainstClean("change a jabatan of the large unit");

  // The PK print page is made from perjanjian/2022.yaml: an edit there
  // makes it again.
  const std::string pk_page =
      "2024/cetak/pemkab-lumajang/satpol-pp/perjanjian/2022/sekretaris.html";
  std::string pk_before = testing::ReadText((w.site() / pk_page).string());
  CHECK(pk_before.find("Rp 5.224.140.129") != std::string::npos);
  w.Edit("content/pemkab-lumajang/satpol-pp/perjanjian/2022.yaml",
         "pagu: 1754000", "pagu: 1854000");
  w.CheckAgainstClean("change the PK");
  std::string pk_after = testing::ReadText((w.site() / pk_page).string());
  CHECK(pk_after.find("1.854.000") != std::string::npos);
  CHECK(pk_after.find("Rp 5.224.240.129") != std::string::npos);

  w.Edit("theme/templates/jabatan.mustache", "<h1>", "<h1 class=\"judul\">");
  w.CheckAgainstClean("change a template");
  CHECK(Inode(w.site() / kanigaran) != untouched);

  w.Edit("content/pemkot-probolinggo/kecamatan-kanigaran/unit.yaml",
         "nama: Kecamatan Kanigaran", "nama: Kecamatan Kanigaran Baru");
  w.CheckAgainstClean("rename a unit (every page's navigation)");
}

}  // namespace
}  // namespace sakip
