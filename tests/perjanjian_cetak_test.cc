// The printed Perjanjian Kinerja and the quarterly reports made from it:
// rendered from content/ and from the unseen PK tree, and checked against
// the model (names, NIPs, targets, budget total) and the seed's figures.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>

#include "compute.h"
#include "indonesian_format.h"
#include "nip.h"
#include "render_site.h"
#include "rendered_site.h"
#include "site_data.h"
#include "test_tree.h"
#include "theme.h"
#include "urls.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

std::unique_ptr<testing::RenderedSite> Render(const FileSystem& content) {
  return testing::RenderInMemory(content);
}

// A copy of a folder in memory, with `from` replaced by `to` in every file.
MemoryFileSystem CopyTree(const std::string& root, const std::string& from,
                          const std::string& to) {
  MemoryFileSystem copy;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string text = testing::ReadText(e.path().string());
    for (size_t at = text.find(from); !from.empty() && at != std::string::npos;
         at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    copy.Write(fs::relative(e.path(), root).string(), text);
  }
  return copy;
}

// A name as the templates escape it (JUMA'I -> JUMA&apos;I).
std::string AsPrinted(const std::string& text) {
  std::string out;
  for (char ch : text) {
    out += ch == '\'' ? "&apos;" : ch == '&' ? "&amp;" : std::string(1, ch);
  }
  return out;
}

TEST_CASE(
    "the PK of every Satpol PP jabatan prints names and NIPs and targets and "
    "total") {
  RealFileSystem content(testing::SourceDir() + "/content");
  auto r = Render(content);
  const Unit* satpol = r->checked.model.FindUnit("pemkab-lumajang/satpol-pp");
  REQUIRE(satpol);
  const Perjanjian* pk = satpol->FindPerjanjian(2022);
  REQUIRE(pk);
  REQUIRE(pk->jabatan.size() == 14);
  for (const PerjanjianJabatan& pj : pk->jabatan) {
    INFO(pj.jabatan_id);
    const std::string& page = r->Page(CetakPerjanjianPath(*pj.jabatan, 2022));
    CHECK(page.find("PERJANJIAN KINERJA TAHUN 2022") != std::string::npos);
    CHECK(page.find("PERUBAHAN") == std::string::npos);
    CHECK(page.find("Lumajang, 3 Januari 2022") != std::string::npos);
    REQUIRE(pj.pihak_kedua);
    int valid_nips = 0;
    for (const Jabatan* j : {pj.jabatan, pj.pihak_kedua}) {
      REQUIRE(j->pejabat);
      CHECK(page.find(AsPrinted(j->pejabat->nama)) != std::string::npos);
      NipCheck nip = CheckNip(j->pejabat->nip);
      if (nip.ok) {
        CHECK(page.find("NIP. " + FormatNip(nip.digits)) != std::string::npos);
      } else if (!j->pejabat->nip.empty()) {
        CHECK(page.find(j->pejabat->nip) == std::string::npos);
      }
      valid_nips += nip.ok;
    }
    // Each NIP on page 1 and under the lampiran, none where invalid.
    CHECK(testing::Count(page, "NIP. ") == static_cast<size_t>(2 * valid_nips));
    for (const PerjanjianSasaran& s : pj.sasaran) {
      CHECK(page.find(">" + FormatTarget(s.indikator) + "<") !=
            std::string::npos);
    }
    double total = 0;
    for (const PerjanjianAnggaran& a : pj.anggaran) {
      total += a.anggaran.pagu.value_or(0);
    }
    CHECK(page.find("Rp " + FormatAngka(total, 0)) != std::string::npos);
    // Pihak kedua on the left, pihak pertama on the right: the left cell
    // comes first in each row of the signature table.
    size_t block = page.find("<table class=\"ttd-dua\">");
    REQUIRE(block != std::string::npos);
    size_t kedua = page.find(AsPrinted(pj.pihak_kedua->pejabat->nama), block);
    size_t pertama = page.find(AsPrinted(pj.jabatan->pejabat->nama), block);
    CHECK(page.find("PIHAK KEDUA,", block) <
          page.find("PIHAK PERTAMA,", block));
    CHECK(kedua < pertama);
    CHECK(testing::Count(page, "<table class=\"ttd-dua\">") ==
          2);  // page 1, lampiran
    CHECK(page.find("RENCANA AKSI") == std::string::npos);
  }
  // content/README.md gives the sum of the Kasi Operasi dan Pengendalian's
  // budget rows (the report itself prints a wrong total).
  std::string readme =
      testing::ReadText(testing::SourceDir() + "/content/README.md");
  CHECK(readme.find("(= Rp\n  3.024.490.000)") != std::string::npos);
  const std::string& kasi = r->Page(CetakPerjanjianPath(
      *satpol->FindJabatan("kasi-operasi-pengendalian"), 2022));
  CHECK(kasi.find("Rp 3.024.490.000") != std::string::npos);
  const std::string& sekretaris =
      r->Page(CetakPerjanjianPath(*satpol->FindJabatan("sekretaris"), 2022));
  CHECK(sekretaris.find("Rp 5.224.140.129") != std::string::npos);  // seed l.75
  CHECK(sekretaris.find("NIP. 19640817 199203 1 014") != std::string::npos);
}

TEST_CASE("pk-unseen - the Rencana Aksi lampiran and PERUBAHAN in the title") {
  std::string root = testing::SourceDir() + "/tests/data/pk-unseen";
  for (bool perubahan : {false, true}) {
    MemoryFileSystem tree = CopyTree(
        root, "jenis: murni", perubahan ? "jenis: perubahan" : "jenis: murni");
    auto r = Render(tree);
    const Unit* dinas = r->checked.model.FindUnit("pemkab-uji/dinas-uji");
    REQUIRE(dinas);
    const Jabatan* sekretaris = dinas->FindJabatan("sekretaris");
    const std::string& page = r->Page(CetakPerjanjianPath(*sekretaris, 2025));
    CHECK((page.find(perubahan ? "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025"
                               : "PERJANJIAN KINERJA TAHUN 2025") !=
           std::string::npos));
    CHECK((page.find("PERUBAHAN") != std::string::npos) == perubahan);
    // Two sasaran have a rencana_aksi: the second lampiran lists both, with
    // each quarter's target and its satuan.
    size_t rencana = page.find("<span>RENCANA AKSI</span>");
    REQUIRE(rencana != std::string::npos);
    std::string lampiran = page.substr(rencana);
    CHECK(lampiran.find("Berkurangnya pengaduan yang tertunda") !=
          std::string::npos);
    for (const char* cell : {">3 pengaduan<", ">5 pengaduan<", ">8 pengaduan<",
                             ">10 pengaduan<"}) {
      CHECK(lampiran.find(cell) != std::string::npos);
    }
    CHECK(lampiran.find("Persentase layanan administrasi tepat waktu") ==
          std::string::npos);  // no rencana_aksi
    CHECK(testing::Count(page, "<table class=\"ttd-dua\">") == 3);
    CHECK(page.find("Rp 3.500.000") != std::string::npos);
  }
}

TEST_CASE(
    "TW II reports of content: no predikat on progress, copied figures "
    "marked") {
  RealFileSystem content(testing::SourceDir() + "/content");
  auto r = Render(content);
  int reports = 0;
  for (const auto& unit : r->checked.model.units) {
    for (const auto& j : unit->jabatan) {
      const std::string* page =
          r->out->Find(r->version + "/" + CetakLaporanPath(*j, 2022, 2));
      if (!page) continue;
      ++reports;
      int predikat = 0, progress = 0;
      for (const HasilIndikator& h : r->results.hasil.at(2022)) {
        if (h.jabatan != j.get() || !h.triwulan[1].dilapor) continue;
        const HasilTriwulan& q = h.triwulan[1];
        bool own_target = q.sumber_target == SumberTarget::kRencanaAksi ||
                          q.sumber_target == SumberTarget::kTargetTriwulan;
        if (!own_target && q.progres) CHECK(q.predikat.empty());
        if (!q.predikat.empty()) ++predikat;
        if (q.progres && q.capaian.has_value()) ++progress;
      }
      INFO(j->id);
      CHECK(testing::Count(*page, "Predikat: ") ==
            static_cast<size_t>(predikat));
      CHECK(testing::Count(*page,
                           "Progres terhadap target tahunan, tanpa predikat") ==
            static_cast<size_t>(progress));
      CHECK(page->find("<table class=\"ttd-dua\">") != std::string::npos);
    }
  }
  CHECK(reports == 14);
  const Unit* satpol = r->checked.model.FindUnit("pemkab-lumajang/satpol-pp");
  const std::string& kasi = r->Page(CetakLaporanPath(
      *satpol->FindJabatan("kasi-operasi-pengendalian"), 2022, 2));
  CHECK(kasi.find("capaian kinerja sebesar 65 %") != std::string::npos);
  CHECK(kasi.find("Angka dalam teks ini dikutip dari laporan resmi (49 %, 65 "
                  "%); hasil perhitungan: capaian 134,25 %, serapan anggaran "
                  "85,98 %.") != std::string::npos);
  const std::string& sekretaris =
      r->Page(CetakLaporanPath(*satpol->FindJabatan("sekretaris"), 2022, 2));
  CHECK(sekretaris.find("dikutip dari laporan resmi (40 %); hasil perhitungan: "
                        "capaian 63 %, serapan anggaran 48,92 %.") !=
        std::string::npos);
}

TEST_CASE("a quarter on the annual target is progress without predikat") {
  auto r =
      Render(RealFileSystem(testing::SourceDir() + "/tests/data/pk-unseen"));
  int progress = 0;
  for (const HasilIndikator& h : r->results.hasil.at(2025)) {
    for (const HasilTriwulan& q : h.triwulan) {
      if (!q.progres || !q.capaian.has_value() || !q.dilapor) continue;
      CHECK(q.predikat.empty());
      const std::string& page =
          r->Page(CetakLaporanPath(*h.jabatan, 2025, q.triwulan));
      CHECK(page.find("(progres)") != std::string::npos);
      CHECK(page.find("Progres terhadap target tahunan, tanpa predikat") !=
            std::string::npos);
      ++progress;
    }
  }
  CHECK(progress > 0);
}

}  // namespace
}  // namespace sakip
