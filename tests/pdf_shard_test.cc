// PDFs made on several machines (`--shard I/N`, merged with `--pdf-from`)
// give the site one `sakip build --pdf` makes, byte for byte: real builds
// of tests/data/logo-tree (five documents) with the `sakip` program and
// Chromium, as the PDF tests do.
#include "pdf_shard.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

using testing::ReadFiles;
using testing::RunSakip;

struct Work {
  fs::path dir =
      fs::temp_directory_path() / ("sakip-shard-" + std::to_string(::getpid()));
  std::string content = testing::SourceDir() + "/tests/data/logo-tree";
  Work() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Work() { fs::remove_all(dir); }
  std::string Out(const std::string& name) const {
    return (dir / name).string();
  }
  // `sakip build --pdf` into `out` with `more` arguments.
  int Build(const std::string& out, std::vector<std::string> more,
            std::string* errors, const std::vector<std::string>& env = {}) {
    std::vector<std::string> args = {"build", "--content", content,
                                     "--out", Out(out),    "--pdf"};
    args.insert(args.end(), more.begin(), more.end());
    return RunSakip(args, Out(out), env, errors);
  }
};

// The PDFs below `root`, relative to it.
std::set<std::string> PdfsIn(const std::string& root) {
  std::set<std::string> pdfs;
  for (const auto& [path, bytes] : ReadFiles(root)) {
    if (fs::path(path).extension() == ".pdf") pdfs.insert(path);
  }
  return pdfs;
}

TEST_CASE(
    "three PDF shards made apart and merged are one build, byte for byte") {
  Work work;
  std::string errors;
  REQUIRE(work.Build("one", {}, &errors) == 0);
  INFO(errors);
  std::set<std::string> all = PdfsIn(work.Out("one"));
  REQUIRE(all.size() == 5);

  // Each share makes its own documents, none twice, none left out.
  std::set<std::string> shared;
  int nonempty = 0;
  for (int i = 1; i <= 3; ++i) {
    std::string name = "shard" + std::to_string(i);
    REQUIRE(work.Build(name, {"--shard", std::to_string(i) + "/3"}, &errors) ==
            0);
    std::set<std::string> own = PdfsIn(work.Out(name));
    for (const std::string& pdf : own) {
      CHECK(PdfShardOf(fs::path(pdf).lexically_relative("2025").string(), 3) ==
            i);
      CHECK(shared.insert(pdf).second);
    }
    nonempty += own.empty() ? 0 : 1;
    CHECK(fs::exists(fs::path(work.Out(name)) / "2025" / kPdfShardFile));
  }
  CHECK(shared == all);
  CHECK(nonempty >= 2);

  REQUIRE(work.Build("merged",
                     {"--pdf-from", work.Out("shard1"), work.Out("shard2"),
                      work.Out("shard3")},
                     &errors) == 0);
  CHECK(errors.find("5 taken from the shards") != std::string::npos);
  // Every file: pages, PDFs, their cache list, the manifests.
  std::map<std::string, std::string> one = ReadFiles(work.Out("one"));
  std::map<std::string, std::string> merged = ReadFiles(work.Out("merged"));
  REQUIRE(one.size() == merged.size());
  for (const auto& [path, bytes] : one) {
    INFO(path);
    CHECK(merged.count(path) == 1);
    CHECK(merged[path] == bytes);
  }
  CHECK(one.count("2025/cetak/pdf-cache.json") == 1);
  CHECK(merged.count("2025/" + std::string(kPdfShardFile)) == 0);

  // The merged site's PDF cache serves the next build: no engine needed.
  REQUIRE(work.Build("merged", {}, &errors, {"PATH=/nonexistent"}) == 0);
  CHECK(errors.find("0 PDF(s) made, 5 reused, 0 failed") != std::string::npos);
  CHECK(ReadFiles(work.Out("merged")) == one);

  // A missing, doubled or foreign share, then a PDF missing from its
  // share: each stops the merge before anything is published.
  CHECK(work.Build("partial",
                   {"--pdf-from", work.Out("shard1"), work.Out("shard3")},
                   &errors) == 1);
  CHECK(errors.find("shard 2/3 is missing") != std::string::npos);
  fs::copy(work.Out("shard3"), work.Out("again"), fs::copy_options::recursive);
  CHECK(work.Build("partial",
                   {"--pdf-from", work.Out("shard1"), work.Out("shard2"),
                    work.Out("shard3"), work.Out("again")},
                   &errors) == 1);
  CHECK(errors.find("shard 3/3 is given twice") != std::string::npos);
  CHECK(work.Build("partial",
                   {"--pdf-from", work.Out("shard1"), work.Out("shard2"),
                    work.Out("one")},
                   &errors) == 1);
  CHECK(errors.find("not a PDF shard") != std::string::npos);
  std::string gone = *PdfsIn(work.Out("shard1")).begin();
  fs::remove(fs::path(work.Out("shard1")) / gone);
  CHECK(work.Build("partial",
                   {"--pdf-from", work.Out("shard1"), work.Out("shard2"),
                    work.Out("shard3")},
                   &errors) == 1);
  CHECK(errors.find("has no PDF `" +
                    fs::path(gone).lexically_relative("2025").string()) !=
        std::string::npos);
  CHECK_FALSE(fs::exists(work.Out("partial")));
}

TEST_CASE("a PDF shard of other content is refused by the merge") {
  Work work;
  std::string errors;
  fs::copy(work.content, work.dir / "content", fs::copy_options::recursive);
  work.content = (work.dir / "content").string();
  for (int i = 1; i <= 2; ++i) {
    REQUIRE(work.Build("shard" + std::to_string(i),
                       {"--shard", std::to_string(i) + "/2"}, &errors) == 0);
  }
  // The camat's title changes after the shares were made.
  fs::path camat =
      work.dir / "content/pemkab-uji/kecamatan-uji/jabatan/camat.md";
  std::string text = testing::ReadText(camat.string());
  REQUIRE(text.find("nama: ") != std::string::npos);
  text.replace(text.find("nama: "), 6, "nama: Plt. ");
  fs::remove(camat);
  std::ofstream(camat) << text;
  CHECK(work.Build("merged",
                   {"--pdf-from", work.Out("shard1"), work.Out("shard2")},
                   &errors) == 1);
  CHECK(errors.find("was made from other content") != std::string::npos);
  CHECK_FALSE(fs::exists(work.Out("merged")));
}

TEST_CASE("sakip build --shard takes I/N with --pdf only") {
  Work work;
  std::string errors;
  for (const char* wrong : {"0/3", "4/3", "1/0", "3", "a/3", "1/3/3", ""}) {
    INFO(wrong);
    CHECK(work.Build("site", {"--shard", wrong}, &errors) == 2);
    CHECK(errors.find("--shard `" + std::string(wrong) + "`") !=
          std::string::npos);
  }
  CHECK(RunSakip({"build", "--content", work.content, "--out", work.Out("site"),
                  "--shard", "1/3"},
                 work.Out("site"), {}, &errors) == 2);
  CHECK(errors.find("add --pdf") != std::string::npos);
  CHECK(work.Build("site", {"--shard", "1/3", "--pdf-from", work.Out("x")},
                   &errors) == 2);
  CHECK_FALSE(fs::exists(work.Out("site")));
}

}  // namespace
}  // namespace sakip
