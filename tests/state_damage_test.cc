// The hidden build state (the spare's manifest and marker, the live
// manifest, the cache folder) may be cut short by a crash or damaged on
// disk: a build then costs more, but never gives a wrong site.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

using Tree = std::map<std::string, std::string>;  // path -> bytes

int Build(const fs::path& content, const fs::path& out) {
  return testing::RunSakipBuild(content.string(), out.string());
}

// The jabatan edited in each round, and the realisasi of its unit.
constexpr const char* kJabatan =
    "pemkab-lumajang/satpol-pp/jabatan/sekretaris.md";

// The text of the jabatan in round `round` (0: as in content/).
std::string JabatanOfRound(const std::string& text, int round) {
  if (round == 0) return text;
  std::string edited =
      std::regex_replace(text, std::regex("nama: Sekretaris\n"),
                         "nama: Sekretaris " + std::to_string(round) + "\n");
  REQUIRE(edited != text);
  return edited;
}

// (a) cut to half its size, (b) garbled in its middle third: a letter
// changed in each capitalised word there (names and labels, which pages
// show; many are kept by key, so one would rarely show), else the middle
// byte. The file still reads as sound (lengths and numbers stay), so
// only a checksum tells.
void Damage(const fs::path& file, bool cut) {
  std::string bytes = testing::ReadText(file.string());
  if (cut) {
    bytes.resize(bytes.size() / 2);
  } else if (!bytes.empty()) {
    auto is = [&](size_t i, int (*test)(int)) {
      return test(static_cast<unsigned char>(bytes[i])) != 0;
    };
    int changed = 0;
    for (size_t at = bytes.size() / 3; at + 4 < bytes.size() * 2 / 3; ++at) {
      if (is(at, std::isupper) && is(at + 1, std::islower) &&
          is(at + 2, std::islower) && is(at + 3, std::islower)) {
        bytes[at + 1] = bytes[at + 1] == 'q' ? 'z' : 'q';
        ++changed;
      }
    }
    if (changed == 0) {
      char& middle = bytes[bytes.size() / 2];
      middle = middle == 'q' ? 'z' : 'q';
    }
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// The hidden state of a built site: every kind of file once, and of the
// parse cache's units every third (there is one per unit).
std::vector<fs::path> HiddenStateFiles(const fs::path& work) {
  std::vector<fs::path> files = {work / ".site.spare/.sakip-keys",
                                 work / ".site.spare/.sakip-output",
                                 work / "site/.sakip-keys"};
  std::vector<fs::path> cache;
  for (const auto& e : fs::recursive_directory_iterator(work / ".site.cache")) {
    if (e.is_regular_file()) cache.push_back(e.path());
  }
  std::sort(cache.begin(), cache.end());
  int units = 0;
  for (const fs::path& file : cache) {
    if (file.extension() == ".unit" && units++ % 3 != 0) continue;
    files.push_back(file);
  }
  return files;
}

TEST_CASE("damaged build state never gives a wrong site") {
  fs::path work = fs::temp_directory_path() /
                  ("sakip-state-damage-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  fs::path content = work / "content";
  fs::copy(testing::SourceDir() + "/content", content,
           fs::copy_options::recursive);
  fs::path jabatan = content / kJabatan;
  const std::string text = testing::ReadText(jabatan.string());
  auto use = [&](const std::string& jabatan_text) {
    std::ofstream(jabatan, std::ios::binary | std::ios::trunc) << jabatan_text;
  };
  // The site of each round, from a clean build in a fresh folder.
  std::vector<Tree> clean;
  for (int round = 0; round <= 3; ++round) {
    use(JabatanOfRound(text, round));
    fs::path fresh = work / ("clean" + std::to_string(round));
    REQUIRE(Build(content, fresh) == 0);
    clean.push_back(testing::ReadFiles(fresh.string()));
    fs::remove_all(fresh);
    fs::remove_all(work / (".clean" + std::to_string(round) + ".cache"));
    fs::remove(work / (".clean" + std::to_string(round) + ".lock"));
  }
  const fs::path out = work / "site";
  use(text);
  REQUIRE(Build(content, out) == 0);
  REQUIRE(Build(content, out) == 0);
  REQUIRE(testing::ReadFiles(out.string()) == clean[0]);
  const std::vector<fs::path> files = HiddenStateFiles(work);
  REQUIRE(files.size() >= 6);
  for (const fs::path& file : files) {
    for (bool cut : {true, false}) {
      INFO(file.string() << (cut ? " cut to half" : " garbled"));
      REQUIRE(fs::exists(file));
      Damage(file, cut);
      // A content error: nothing is published, the live site is as it was.
      Tree before = testing::ReadFiles(out.string());
      // (An atasan that does not exist.)
      use(std::regex_replace(text, std::regex("atasan: kepala-satuan"),
                             "atasan: tidak-ada"));
      CHECK(Build(content, out) == 1);
      CHECK(testing::ReadFiles(out.string()) == before);
      // Then each round's site is the one a clean build makes.
      for (int round : {1, 2, 3}) {
        INFO("round " << round);
        use(JabatanOfRound(text, round));
        REQUIRE(Build(content, out) == 0);
        CHECK(testing::ReadFiles(out.string()) == clean[round]);
      }
    }
  }
  fs::remove_all(work);
}

}  // namespace
}  // namespace sakip
