#include "unit_cache.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "loader.h"
#include "pipeline.h"
#include "publish.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

// Builds content/ into `out` (its cache beside it); the diagnostics' text.
std::string Build(const fs::path& out) {
  std::string content = testing::SourceDir() + "/content";
  RealFileSystem fs_content(content);
  PipelineOptions options;
  options.content_dir = content;
  options.display_root = "content";
  options.out_dir = out.string();
  options.dibangun = "1 Januari 2026";
  Diagnostics diagnostics;
  REQUIRE(RunPipeline(fs_content, options, &diagnostics) == 0);
  return diagnostics.Format();
}

TEST_CASE("every unit of content/ reads back as it was written") {
  RealFileSystem fs_content(testing::SourceDir() + "/content");
  Diagnostics diagnostics;
  Model model = LoadContent(fs_content, {"content", ""}, &diagnostics);
  REQUIRE(model.units.size() > 3);
  for (const auto& unit : model.units) {
    INFO(unit->path);
    std::vector<Diagnostic> found = {
        {{"content/x.md", 3, 4}, Severity::kWarning, "pesan", "saran"}};
    std::string bytes = SerializeUnit(*unit, found);
    Unit copy;
    std::vector<Diagnostic> copied;
    REQUIRE(DeserializeUnit(bytes, &copy, &copied));
    CHECK(SerializeUnit(copy, copied) == bytes);
    CHECK(copy.jabatan.size() == unit->jabatan.size());
    for (const auto& jabatan : copy.jabatan) CHECK(jabatan->unit == &copy);
    CHECK(copied.size() == 1);
    // Every cut of the bytes is refused, never read past.
    for (size_t cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 50) {
      Unit partial;
      std::vector<Diagnostic> ignored;
      CHECK_FALSE(DeserializeUnit(std::string_view(bytes).substr(0, cut),
                                  &partial, &ignored));
    }
  }
}

TEST_CASE("a site built from cached units is the site built from the files") {
  fs::path root = fs::temp_directory_path() /
                  ("sakip-unit-cache-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  std::string parsed = Build(root / "a");
  REQUIRE(fs::exists(CacheFolderOf((root / "a").string())));
  // A fresh site renders every page, each unit now read from the cache.
  fs::copy(CacheFolderOf((root / "a").string()),
           CacheFolderOf((root / "b").string()), fs::copy_options::recursive);
  std::string cached = Build(root / "b");
  CHECK(cached == parsed);  // the same warnings, positions and quoted lines
  CHECK(testing::ReadFiles((root / "b").string()) ==
        testing::ReadFiles((root / "a").string()));

  // A damaged cache file is a miss, not an error.
  for (const auto& e :
       fs::directory_iterator(CacheFolderOf((root / "b").string()))) {
    fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
  }
  fs::remove_all(root / "b");
  CHECK(Build(root / "b") == parsed);
  CHECK(testing::ReadFiles((root / "b").string()) ==
        testing::ReadFiles((root / "a").string()));
  fs::remove_all(root);
}

}  // namespace
}  // namespace sakip
