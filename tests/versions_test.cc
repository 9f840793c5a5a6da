// Versions from git: `sakip diff` between two tagged commits in all three
// formats, and a site with one folder per version whose switcher links
// resolve.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "content_source.h"
#include "diff.h"
#include "git_fixture.h"
#include "pipeline.h"
#include "publish.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

const char* kCamat =
    "---\nnama: Camat\njenis: administrator\n"
    "pejabat: { nama: %s, nip: \"197001031995031001\" }\n"
    "indikator:\n  - { id: kinerja, nama: Nilai kinerja kecamatan, target: 80 "
    "}\n---\n";

std::string Camat(const std::string& holder) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, kCamat, holder.c_str());
  return buffer;
}

// v1 then v2: a target changed, an indicator added, a jabatan removed, a
// holder changed.
void MakeHistory(testing::GitFixture* git) {
  git->Write("content/site.yaml",
             "judul: Uji\ntahun: 2024\nversi:\n"
             "  - { nama: baru, ref: v2, judul: Versi baru }\n"
             "  - { nama: lama, ref: v1, judul: Versi lama }\n");
  git->Write("content/kota/unit.yaml", "nama: Kota Uji\njenis: pemda\n");
  git->Write("content/kota/kec/unit.yaml",
             "nama: Kecamatan Uji\npimpinan: camat\n");
  git->Write("content/kota/kec/jabatan/camat.md", Camat("BUDI"));
  git->Write("content/kota/kec/jabatan/sekretaris.md",
             "---\nnama: Sekretaris\natasan: camat\nindikator:\n"
             "  - { id: dokumen, nama: Jumlah dokumen, target: 10, formulasi: "
             "Jumlah dokumen yang disusun }\n---\n");
  git->Write("content/kota/kec/jabatan/staf.md",
             "---\nnama: Staf\natasan: sekretaris\n---\n");
  git->CommitAndTag("IKI pertama", "v1");
  git->Write("content/kota/kec/jabatan/camat.md", Camat("SITI"));
  git->Write("content/kota/kec/jabatan/sekretaris.md",
             "---\nnama: Sekretaris\natasan: camat\nindikator:\n"
             "  - { id: dokumen, nama: Jumlah dokumen, target: 12, formulasi: "
             "Jumlah dokumen yang disusun tepat waktu }\n"
             "  - { id: surat, nama: Jumlah surat, target: 5 }\n---\n");
  git->Remove("content/kota/kec/jabatan/staf.md");
  git->CommitAndTag("IKI kedua", "v2");
}

// Options that build the fixture's content into `<repo>/site`.
PipelineOptions FixtureOptions(const testing::GitFixture& git) {
  PipelineOptions options;
  options.content_dir = git.dir() + "/content";
  options.out_dir = git.dir() + "/site";
  return options;
}

ModelDiff DiffRefs(const std::string& content, const std::string& a,
                   const std::string& b) {
  std::string error;
  auto from = OpenContentSpec(content, a, &error);
  REQUIRE(from);
  auto to = OpenContentSpec(content, b, &error);
  REQUIRE(to);
  Diagnostics d;
  Model ma = LoadAndResolve(*from->fs, from->display_root, &d);
  Model mb = LoadAndResolve(*to->fs, to->display_root, &d);
  REQUIRE_FALSE(d.has_errors());
  ModelDiff diff = DiffModels(ma, mb);
  diff.from_label = a;
  diff.to_label = b;
  return diff;
}

TEST_CASE("sakip diff between two tagged commits, in three formats") {
  testing::GitFixture git;
  MakeHistory(&git);
  std::string content = git.dir() + "/content";
  ModelDiff diff = DiffRefs(content, "v1", "v2");

  std::string text = FormatDiffText(diff);
  INFO(text);
  CHECK(text.find("Perubahan dari v1 ke v2: 4 perubahan") == 0);
  CHECK(text.find(
            "~ jabatan kota/kec/camat (Camat)\n    pejabat: BUDI -> SITI\n") !=
        std::string::npos);
  CHECK(
      text.find("~ indikator kota/kec/sekretaris#dokumen (Jumlah dokumen)\n") !=
      std::string::npos);
  CHECK(text.find("    target: 10 -> 12\n") != std::string::npos);
  CHECK(text.find(
            "    formulasi: Jumlah dokumen yang disusun {+tepat waktu+}\n") !=
        std::string::npos);
  CHECK(text.find("+ indikator kota/kec/sekretaris#surat (Jumlah surat)\n") !=
        std::string::npos);
  CHECK(text.find("- jabatan kota/kec/staf (Staf)\n") != std::string::npos);

  std::string md = FormatDiffMarkdown(diff);
  INFO(md);
  CHECK(md.find("### Perubahan indikator kinerja: v1 → v2") == 0);
  CHECK(md.find("- **dihapus** `kota/kec/staf` Staf\n") != std::string::npos);
  CHECK(md.find("  - `target`: 10 → 12\n") != std::string::npos);
  CHECK(md.find("Jumlah dokumen yang disusun **tepat waktu**") !=
        std::string::npos);
  CHECK(md.find("#### Indikator") != std::string::npos);

  nlohmann::json json = nlohmann::json::parse(FormatDiffJson(diff));
  REQUIRE(json["changes"].size() == 4);
  std::set<std::string> kinds;
  for (const auto& c : json["changes"]) {
    kinds.insert(c["kind"].get<std::string>() + " " +
                 c["what"].get<std::string>());
  }
  CHECK(kinds == std::set<std::string>{"diubah jabatan", "dihapus jabatan",
                                       "diubah indikator",
                                       "ditambah indikator"});

  CHECK(DiffRefs(content, "v2", "v2").empty());
  CHECK(DiffRefs(content, "v2", ".").empty());
}

TEST_CASE("a ref that does not exist or a folder that is no content tree") {
  testing::GitFixture git;
  MakeHistory(&git);
  std::string error;
  CHECK_FALSE(OpenContentSpec(git.dir() + "/content", "v9", &error));
  CHECK(error == "git ref `v9` does not exist in this repository");
  fs::create_directories(git.dir() + "/kosong");
  CHECK_FALSE(
      OpenContentSpec(git.dir() + "/content", git.dir() + "/kosong", &error));
  CHECK(error.find("is not a content tree (no site.yaml)") !=
        std::string::npos);

  git.Write("content/site.yaml",
            "judul: Uji\nversi:\n  - { nama: baru, ref: v2 }\n"
            "  - { nama: hilang, ref: tidak-ada }\n");
  Diagnostics d;
  PipelineOptions options = FixtureOptions(git);
  RealFileSystem content(options.content_dir);
  CHECK(RunPipeline(content, options, &d) == 1);
  CHECK(d.Format().find("error: versi `hilang`: git ref `tidak-ada` does not "
                        "exist in this repository") != std::string::npos);
}

TEST_CASE(
    "a site with two versions from git: folders, versions.json, switcher") {
  testing::GitFixture git;
  MakeHistory(&git);
  PipelineOptions options = FixtureOptions(git);
  RealFileSystem content(options.content_dir);
  Diagnostics d;
  REQUIRE(RunPipeline(content, options, &d) == 0);
  fs::path site = options.out_dir;
  CHECK(fs::exists(site / "baru/kota/kec/jabatan/sekretaris/index.html"));
  CHECK(fs::exists(site / "lama/kota/kec/jabatan/staf/index.html"));
  CHECK_FALSE(fs::exists(site / "baru/kota/kec/jabatan/staf/index.html"));
  nlohmann::json versions = nlohmann::json::parse(
      testing::ReadText((site / "versions.json").string()));
  REQUIRE(versions.size() == 2);
  CHECK(versions[0]["version"] == "baru");
  CHECK(versions[0]["title"] == "Versi baru");
  CHECK(versions[1]["version"] == "lama");

  // The switcher on staf's page in `lama` goes to `baru`'s home (no staf
  // there); on the sekretaris page it stays on the same page.
  std::string staf = testing::ReadText(
      (site / "lama/kota/kec/jabatan/staf/index.html").string());
  CHECK(staf.find("href=\"../../../../../baru/index.html\"") !=
        std::string::npos);
  std::string sek = testing::ReadText(
      (site / "lama/kota/kec/jabatan/sekretaris/index.html").string());
  CHECK(sek.find("href=\"../../../../../baru/kota/kec/jabatan/sekretaris/"
                 "index.html\"") != std::string::npos);

  // Each jabatan page tells what changed in it and when, never who
  // committed it or with which message.
  CHECK(sek.find("Jabatan ditambah") != std::string::npos);
  CHECK(sek.find("Indikator ditambah") == std::string::npos);  // not in v1
  std::string sek_baru = testing::ReadText(
      (site / "baru/kota/kec/jabatan/sekretaris/index.html").string());
  INFO(sek_baru.substr(sek_baru.find("Riwayat perubahan")));
  CHECK(sek_baru.find("15 November 2023") != std::string::npos);
  CHECK(sek_baru.find("Indikator diubah</span> Jumlah dokumen") !=
        std::string::npos);
  CHECK(sek_baru.find("<span class=\"bidang-perubahan\">Target</span>: "
                      "<del>10</del> → <ins>12</ins>") != std::string::npos);
  CHECK(sek_baru.find("Indikator ditambah</span> Jumlah surat") !=
        std::string::npos);
  std::string camat = testing::ReadText(
      (site / "baru/kota/kec/jabatan/camat/index.html").string());
  CHECK(camat.find("<span class=\"bidang-perubahan\">Pejabat</span>: "
                   "<del>BUDI</del> → <ins>SITI</ins>") != std::string::npos);
  for (const std::string& page : {sek, sek_baru, camat}) {
    CHECK(page.find("IKI pertama") == std::string::npos);
    CHECK(page.find("IKI kedua") == std::string::npos);
    CHECK(page.find("Perencana") == std::string::npos);
    CHECK(page.find("perencana@") == std::string::npos);
  }

  std::regex link("href=\"([^\"#]+)\"");
  int links = 0;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (e.path().extension() != ".html") continue;
    std::string html = testing::ReadText(e.path().string());
    for (std::sregex_iterator it(html.begin(), html.end(), link), end;
         it != end; ++it) {
      fs::path target =
          (e.path().parent_path() / (*it)[1].str()).lexically_normal();
      INFO(e.path() << " -> " << (*it)[1]);
      CHECK(fs::exists(target));
      ++links;
    }
  }
  CHECK(links > 100);
  std::string perubahan =
      testing::ReadText((site / "baru/perubahan/index.html").string());
  CHECK(perubahan.find("dihapus") != std::string::npos);
  CHECK(perubahan.find("<del>10</del> → <ins>12</ins>") != std::string::npos);
}

// The page key of a jabatan covers its history: committing an edit that
// the previous build already showed (from the working tree) changes no
// content file, only the history, and the page must still be rebuilt.
TEST_CASE("a commit alone adds its change to the jabatan history") {
  testing::GitFixture git;
  MakeHistory(&git);
  git.Write("content/site.yaml",
            "judul: Uji\ntahun: 2024\nversi:\n  - { nama: baru, ref: HEAD }\n");
  git.CommitAndTag("Satu versi", "v3");
  git.Write("content/kota/kec/jabatan/camat.md", Camat("RUDI"));
  PipelineOptions options = FixtureOptions(git);
  RealFileSystem content(options.content_dir);
  fs::path page =
      fs::path(options.out_dir) / "baru/kota/kec/jabatan/camat/index.html";
  Diagnostics d;
  REQUIRE(RunPipeline(content, options, &d) == 0);
  std::string before = testing::ReadText(page.string());
  CHECK(before.find("RUDI") != std::string::npos);  // the working tree
  CHECK(before.find("<ins>RUDI</ins>") == std::string::npos);  // not history
  git.CommitAndTag("Ganti camat", "v4");
  Diagnostics again;
  REQUIRE(RunPipeline(content, options, &again) == 0);
  std::string after = testing::ReadText(page.string());
  CHECK(after.find("<del>SITI</del> → <ins>RUDI</ins>") != std::string::npos);
}

TEST_CASE("site.yaml riwayat tampilkan_commit shows who committed what") {
  testing::GitFixture git;
  MakeHistory(&git);
  std::string site_yaml =
      "judul: Uji\ntahun: 2024\nriwayat: { tampilkan_commit: true }\n"
      "versi:\n  - { nama: baru, ref: HEAD }\n";
  git.Write("content/site.yaml", site_yaml);
  git.CommitAndTag("Tampilkan commit", "v3");
  PipelineOptions options = FixtureOptions(git);
  RealFileSystem content(options.content_dir);
  Diagnostics d;
  REQUIRE(RunPipeline(content, options, &d) == 0);
  std::string sek =
      testing::ReadText((fs::path(options.out_dir) /
                         "baru/kota/kec/jabatan/sekretaris/index.html")
                            .string());
  CHECK(sek.find("oleh Perencana: IKI kedua") != std::string::npos);
  CHECK(sek.find("oleh Perencana: IKI pertama") != std::string::npos);
  // The commit of site.yaml alone changed nothing in this jabatan.
  CHECK(sek.find("Tampilkan commit") == std::string::npos);

  // Turned off again: the pages are rebuilt without them.
  git.Write("content/site.yaml",
            "judul: Uji\ntahun: 2024\n"
            "versi:\n  - { nama: baru, ref: HEAD }\n");
  Diagnostics again;
  REQUIRE(RunPipeline(content, options, &again) == 0);
  sek = testing::ReadText((fs::path(options.out_dir) /
                           "baru/kota/kec/jabatan/sekretaris/index.html")
                              .string());
  CHECK(sek.find("Riwayat perubahan") != std::string::npos);
  CHECK(sek.find("IKI kedua") == std::string::npos);
}

// The site's files. Not the manifest: it also lists what a carried-over
// folder held when it was carried (here a file the test removes by hand).
std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().filename() != kKeysFile) {
      files[fs::relative(e.path(), root).string()] =
          testing::ReadText(e.path().string());
    }
  }
  return files;
}

TEST_CASE("versions from commits are not rebuilt when their stamp matches") {
  testing::GitFixture git;
  MakeHistory(&git);
  PipelineOptions options = FixtureOptions(git);
  RealFileSystem content(options.content_dir);
  Diagnostics d;
  REQUIRE(RunPipeline(content, options, &d) == 0);
  fs::path site = options.out_dir;
  CHECK(testing::ReadText((site / "lama/.sakip-stamp").string())
            .rfind("commit ", 0) == 0);
  std::ofstream(site / "lama/penanda.txt") << "dibawa";
  int status = RunPipeline(content, options, &d);
  INFO(d.Format());
  REQUIRE(status == 0);
  CHECK(fs::exists(site / "lama/penanda.txt"));  // carried over, not rebuilt

  // A clean build gives the same tree as the carried-over one.
  fs::remove(site / "lama/penanda.txt");
  PipelineOptions clean = options;
  clean.out_dir = git.dir() + "/site-bersih";
  REQUIRE(RunPipeline(content, clean, &d) == 0);
  CHECK(Tree(site) == Tree(clean.out_dir));

  // A --pdf build cannot reuse a folder built without PDFs.
  std::ofstream(site / "lama/penanda.txt") << "dibawa";
  PipelineOptions with_pdf = options;
  with_pdf.pdf = true;
  with_pdf.pdf_only = {"tidak-ada-dokumen-seperti-ini"};
  REQUIRE(RunPipeline(content, with_pdf, &d) == 0);
  CHECK_FALSE(fs::exists(site / "lama/penanda.txt"));

  // Another list of versions changes every switcher: all are rebuilt.
  std::ofstream(site / "lama/penanda.txt") << "dibawa";
  git.Write("content/site.yaml",
            "judul: Uji\ntahun: 2024\nversi:\n"
            "  - { nama: baru, ref: v2 }\n  - { nama: lama, ref: v1 }\n"
            "  - { nama: pertama, ref: v1 }\n");
  REQUIRE(RunPipeline(content, options, &d) == 0);
  CHECK_FALSE(fs::exists(site / "lama/penanda.txt"));
  CHECK(fs::exists(site / "pertama/index.html"));
}

TEST_CASE("the sample site shows the archived Satpol PP IKI as a version") {
  fs::path out = testing::BuildSampleSite("versions");
  CHECK(fs::exists(out /
                   "arsip-iki-satpolpp/pemkab-lumajang/satpol-pp/index.html"));
  std::string perubahan =
      testing::ReadText((out / "2024/perubahan/index.html").string());
  CHECK(perubahan.find("Perbedaan isi versi ini, IKI 2024, dibanding versi "
                       "sebelumnya, Arsip IKI Satpol PP Lumajang") !=
        std::string::npos);
  // The archive has no holders; the current version names them.
  CHECK(perubahan.find("SUNARDI, SP.MP") != std::string::npos);
  // What readers see names jabatan and fields, not paths and YAML keys.
  std::string shown = std::regex_replace(perubahan, std::regex("<[^>]*>"), "");
  CHECK(shown.find("pemkab-lumajang/") == std::string::npos);
  CHECK(shown.find("dasar_hukum") == std::string::npos);
  CHECK(shown.find("sumber_data") == std::string::npos);
  CHECK(shown.find("Pejabat: ") != std::string::npos);
  CHECK(shown.find("arsip-iki-satpolpp") == std::string::npos);
  std::string home = testing::ReadText((out / "2024/index.html").string());
  CHECK(home.find("perubahan/index.html") != std::string::npos);
  CHECK(home.find("Perubahan dibanding versi sebelumnya, Arsip IKI Satpol PP "
                  "Lumajang") != std::string::npos);
  // A note that opens with its own heading gets no empty "Catatan" above:
  // no "Catatan" heading is directly followed by another heading.
  int notes = 0;
  for (const auto& e : fs::recursive_directory_iterator(out / "2024")) {
    if (e.path().filename() != "index.html") continue;
    std::string page = testing::ReadText(e.path().string());
    const std::string heading = "<h2>Catatan</h2>";
    for (size_t at = page.find(heading); at != std::string::npos;
         at = page.find(heading, at + 1)) {
      ++notes;
      size_t next = page.find_first_not_of(" \n", at + heading.size());
      INFO(e.path().string());
      CHECK(page.compare(next, 2, "<h") != 0);
    }
  }
  CHECK(notes > 0);
  fs::remove_all(out);
}

}  // namespace
}  // namespace sakip
