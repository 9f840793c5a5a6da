#include "file_hashes.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "loader.h"
#include "stable_hash.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

// The disk, counting the files read whole.
class CountingFileSystem : public RealFileSystem {
 public:
  using RealFileSystem::RealFileSystem;
  std::optional<std::string> ReadFile(const std::string& path,
                                      std::string* error) const override {
    ++reads;
    return RealFileSystem::ReadFile(path, error);
  }
  mutable std::atomic<int> reads{0};
};

// The latest time any file below `root` was changed (mtime or ctime).
int64_t NewestChangeNs(const fs::path& root) {
  RealFileSystem disk(root.string());
  int64_t newest = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    FileIdentity id;
    if (!entry.is_regular_file() ||
        !disk.Identity(fs::relative(entry.path(), root).string(), &id)) {
      continue;
    }
    newest = std::max({newest, id.mtime_ns, id.ctime_ns});
  }
  return newest;
}

// Sets the time the list of hashes in `cache` says it was written: the
// test decides how long after the files' last change a build ran, instead
// of waiting for the clock.
void SetHashListTime(const fs::path& cache, int64_t written_ns) {
  const std::string header = "# sakip file hashes 1 ";
  fs::path file = cache / "file-hashes";
  std::string sealed = ReadWholeFile(file);
  // The list ends with its checksum: open it, change it, seal it again.
  std::string_view body(sealed);
  REQUIRE(Unseal(&body));
  std::string text(body);
  REQUIRE(text.rfind(header, 0) == 0);
  size_t end = text.find('\n');
  REQUIRE(end != std::string::npos);
  text.replace(0, end, header + std::to_string(written_ns));
  std::ofstream(file, std::ios::binary | std::ios::trunc) << Sealed(text);
}

constexpr int64_t kSecondNs = 1'000'000'000;

TEST_CASE("a rebuild reads only the content files that changed") {
  fs::path root = fs::temp_directory_path() /
                  ("sakip-hashes-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(testing::SourceDir() + "/content", root / "content",
           fs::copy_options::recursive);
  // A file name and a field the loader reports.
  std::ofstream(root / "content/pemkab-lumajang/satpol-pp/jabatan/Analis.md")
      << "---\nnama: Analis\natasan: sekretaris\ntarget_tahunan: 4\n---\n";
  CountingFileSystem disk((root / "content").string());
  LoadOptions options{"content", (root / "cache").string()};
  auto load = [&](Model* model) {
    disk.reads = 0;
    Diagnostics diagnostics;
    *model = LoadContent(disk, options, &diagnostics);
    return diagnostics.Format();
  };
  Model first;
  std::string first_report = load(&first);
  const int all = disk.reads;  // every file once
  CHECK(all > 70);
  // Files changed just before their hashes were listed may change again
  // unseen within the same clock tick, so they are read again until the
  // list is well younger than them. The test sets the list's time instead
  // of waiting: written 1 s after the copy above, it is not trusted.
  const fs::path cache = root / "cache";
  const int64_t copied = NewestChangeNs(root / "content");
  SetHashListTime(cache, copied + kSecondNs);
  Model second;
  load(&second);
  CHECK(disk.reads == all);
  // Written 3 s after the files last changed, it is (the margin is 2 s).
  SetHashListTime(cache, copied + 3 * kSecondNs);
  Model third;
  std::string third_report = load(&third);
  CHECK(disk.reads == 1);  // site.yaml, always read
  CHECK(third_report == first_report);
  CHECK(first_report.find("Analis.md") != std::string::npos);
  CHECK(first_report.find("target_tahunan") != std::string::npos);
  REQUIRE(third.units.size() == first.units.size());

  fs::path edited =
      root / "content/pemkab-lumajang/satpol-pp/jabatan/sekretaris.md";
  std::string text = ReadWholeFile(edited);
  size_t at = text.find("[Data register surat]");
  REQUIRE(at != std::string::npos);
  text.replace(at, 21, "[Data register surat masuk]");
  SetHashListTime(cache, copied + 3 * kSecondNs);
  std::ofstream(edited, std::ios::trunc) << text;
  Model fourth;
  load(&fourth);
  // site.yaml, the edited file (the first try finds it changed), then the
  // edited unit's files only.
  int unit_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(
           root / "content/pemkab-lumajang/satpol-pp")) {
    unit_files += e.is_regular_file();
  }
  CHECK(unit_files > 20);
  CHECK(disk.reads > 1);
  CHECK(disk.reads <= 1 + 1 + unit_files);
  const Unit* satpol = fourth.FindUnit("pemkab-lumajang/satpol-pp");
  REQUIRE(satpol);
  const Jabatan* sekretaris = satpol->FindJabatan("sekretaris");
  REQUIRE(sekretaris);
  REQUIRE(!sekretaris->indikator.empty());
  CHECK(sekretaris->indikator[0].sumber_data ==
        std::vector<std::string>{"Data register surat masuk"});
  fs::remove_all(root);
}

TEST_CASE("a damaged list of hashes is read as far as it is whole") {
  fs::path root = fs::temp_directory_path() /
                  ("sakip-hashes-list-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  const std::string text =
      "# sakip file hashes 1 9000000000000000000\n"
      "abc 5 10 20 30 /a/b.md\n"
      "broken line\n"
      "def x 10 20 30 /a/c.md\n"
      "ghi 5 10 20 30 \n"
      "jkl 7 -10 20 31 /a/with space.md\n"
      "mno 5x 10 20 30 /a/d.md\n"
      "pqr 5 10 20\n";
  // Without its trailer (cut short by a killed build), nothing is used.
  std::ofstream(root / "file-hashes") << text;
  std::string unused;
  CHECK_FALSE(
      FileHashes(root.string()).Find("/a/b.md", {5, 10, 20, 30}, &unused));
  // Whole, with lines damaged some other way: the others are used.
  std::ofstream(root / "file-hashes") << Sealed(text);
  FileHashes hashes(root.string());
  std::string hash;
  FileIdentity id{5, 10, 20, 30};
  CHECK(hashes.Find("/a/b.md", id, &hash));
  CHECK(hash == "abc");
  FileIdentity other{5, 11, 20, 30};
  CHECK_FALSE(hashes.Find("/a/b.md", other, &hash));
  CHECK_FALSE(hashes.Find("/a/c.md", id, &hash));
  CHECK_FALSE(hashes.Find("/a/d.md", id, &hash));
  CHECK(hashes.Find("/a/with space.md", {7, -10, 20, 31}, &hash));
  CHECK(hash == "jkl");
  fs::remove_all(root);
}

}  // namespace
}  // namespace sakip
