// End to end: a content tree with a negative realisasi (a growth indicator
// that fell) is built by the `sakip` program, which exits 0, and the
// jabatan page and the printed report show the lowest predikat band. The
// build aborted (exit 134) on such a tree when `Predikat` returned a view
// of a temporary.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "process.h"
#include "render_site.h"
#include "test_tree.h"
#include "urls.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A kecamatan whose sekretaris agreed in the 2024 PK to grow a figure by
// 10 (2 by quarter I) and an IKI indicator beside it; both fell by 5.
void WriteTree(const fs::path& root) {
  Write(root / "site.yaml", "judul: Uji Negatif\ntahun: 2024\n");
  Write(root / "kota/unit.yaml", "nama: Pemerintah Kota Uji\njenis: pemda\n");
  Write(root / "kota/kec/unit.yaml",
        "nama: Kecamatan Uji\njenis: kecamatan\npimpinan: camat\n");
  Write(root / "kota/kec/jabatan/camat.md",
        "---\nnama: Camat\njenis: administrator\n"
        "pejabat: { nama: NOOR ALY, nip: \"197001031995031001\" }\n---\n");
  Write(root / "kota/kec/jabatan/sekretaris.md",
        "---\nnama: Sekretaris Kecamatan\natasan: camat\n"
        "pejabat: { nama: SITI AMINAH, nip: \"198002142005012003\" }\n"
        "indikator:\n"
        "  - id: pertumbuhan-iki\n"
        "    nama: Pertumbuhan jumlah UMKM binaan\n"
        "    target: 10\n"
        "    target_triwulan: [2, 4, 6, 10]\n---\n");
  Write(root / "kota/kec/perjanjian/2024.yaml",
        "tahun: 2024\ntempat: Uji\ntanggal: 2024-01-10\njabatan:\n"
        "  sekretaris:\n    sasaran:\n"
        "      - id: pertumbuhan\n"
        "        sasaran: Meningkatnya usaha mikro\n"
        "        indikator: Pertumbuhan pendapatan UMKM binaan\n"
        "        target: 10\n        satuan: \"%\"\n"
        "        rencana_aksi: [2, 4, 6, 10]\n");
  Write(root / "kota/kec/realisasi/2024.yaml",
        "tahun: 2024\njabatan:\n  sekretaris:\n"
        "    pertumbuhan:\n      triwulan: { I: -5 }\n"
        "    pertumbuhan-iki:\n      triwulan: { I: -5 }\n");
}

TEST_CASE("a realisasi of -5 builds with exit 0 and shows the lowest band") {
  fs::path work = fs::temp_directory_path() /
                  ("sakip-negatif-" + std::to_string(::getpid()));
  fs::remove_all(work);
  WriteTree(work / "content");
  ProcessResult run = RunProcess(
      {SAKIP_BINARY, "build", "--content", (work / "content").string(), "--out",
       (work / "site").string()},
      600);
  REQUIRE(run.started);
  REQUIRE_FALSE(run.timed_out);
  CHECK(run.exit_code == 0);

  RealFileSystem content((work / "content").string());
  testing::Checked checked = testing::Check(content);
  REQUIRE(checked.Lines().empty());
  const Jabatan& sekretaris =
      *checked.model.FindUnit("kota/kec")->FindJabatan("sekretaris");
  fs::path site = work / "site" / CurrentVersionName(checked.model.site);

  // Quarter I: -5 against 2 is -250 %, below every band: the lowest,
  // Sangat Rendah, for the PK sasaran (and the IKI row beside it).
  std::string page =
      testing::ReadText((site / JabatanPath(sekretaris)).string());
  REQUIRE_FALSE(page.empty());
  CHECK(page.find("-250 %") != std::string::npos);
  std::regex band(R"(<span class="lencana [^"]*">Sangat Rendah</span>)");
  auto bands =
      std::distance(std::sregex_iterator(page.begin(), page.end(), band), {});
  CHECK(bands >= 1);

  std::string laporan = testing::ReadText(
      (site / CetakLaporanPath(sekretaris, 2024, 1)).string());
  REQUIRE_FALSE(laporan.empty());
  // The report is against the PK: its sasaran, its figure, its predikat.
  CHECK(laporan.find("Pertumbuhan pendapatan UMKM binaan") !=
        std::string::npos);
  CHECK(laporan.find("-250 %") != std::string::npos);
  CHECK(laporan.find("Predikat: Sangat Rendah") != std::string::npos);
  CHECK(laporan.find("Predikat: Rendah") == std::string::npos);
  fs::remove_all(work);
}

}  // namespace
}  // namespace sakip
