// Nothing lost: a build that stops at any change it makes to the disk
// leaves the previous site complete (or, once the swap happened, the new
// one), never a mixture, and the next build makes the right site. Each
// change is reached in turn through SAKIP_CRASH_AT_CHANGE (output_disk.h),
// which ends the build there as SIGKILL would: no clocks, no sleeps.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "output_disk.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

using Tree = std::map<std::string, std::string>;  // path -> bytes

Tree ReadTree(const fs::path& root) {
  return testing::ReadFiles(root.string());
}

// Runs `sakip build` with `extra` in its environment; its exit status, and
// its standard error in `*errors` when given.
int Build(const fs::path& content, const fs::path& out,
          const std::vector<std::string>& extra = {},
          std::string* errors = nullptr) {
  return testing::RunSakipBuild(content.string(), out.string(), extra, errors);
}

// How many changes a normal build makes (SAKIP_COUNT_CHANGES).
long CountChanges(const fs::path& content, const fs::path& out) {
  std::string errors;
  REQUIRE(Build(content, out, {"SAKIP_COUNT_CHANGES=1"}, &errors) == 0);
  std::smatch match;
  REQUIRE(std::regex_search(errors, match,
                            std::regex("sakip: (\\d+) file-system changes")));
  return std::stol(match[1]);
}

// A content folder in `work` whose jabatan file `jabatan` has three texts
// (0: as written, 1 and 2: renamed in two ways), and the site each makes,
// built once into a fresh folder.
struct Versions {
  fs::path work;
  fs::path content;
  fs::path jabatan;
  std::vector<std::string> texts;
  std::vector<Tree> sites;

  void Use(size_t text) const {
    std::ofstream(jabatan, std::ios::binary | std::ios::trunc) << texts[text];
  }
  void BuildReferences() {
    for (size_t i = 0; i < texts.size(); ++i) {
      Use(i);
      fs::path fresh = work / ("reference" + std::to_string(i));
      REQUIRE(Build(content, fresh) == 0);
      sites.push_back(ReadTree(fresh));
      fs::remove_all(fresh);
      fs::remove_all(work / (".reference" + std::to_string(i) + ".cache"));
      fs::remove(work / (".reference" + std::to_string(i) + ".lock"));
      REQUIRE(sites.back().count("index.html"));
    }
    REQUIRE(sites[0] != sites[1]);
    REQUIRE(sites[1] != sites[2]);
    REQUIRE(sites[0] != sites[2]);
  }
};

fs::path FreshFolder(const std::string& name) {
  fs::path work =
      fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  return work;
}

// The jabatan file renamed from `from` to `to`: another site, so a
// mixture would show.
std::string Renamed(const std::string& text, const std::string& from,
                    const std::string& to) {
  std::string renamed = std::regex_replace(
      text, std::regex("nama: " + from + "\n"), "nama: " + to + "\n");
  REQUIRE(renamed != text);
  return renamed;
}

// A small tree written from the spec: three jabatan of a kecamatan.
Versions SmallTree(const std::string& name) {
  Versions v;
  v.work = FreshFolder(name);
  v.content = v.work / "content";
  MemoryFileSystem tree = testing::ValidTree();
  std::vector<std::string> folders = {""};
  while (!folders.empty()) {
    std::string folder = folders.back();
    folders.pop_back();
    for (const DirEntry& entry : tree.ListDir(folder)) {
      std::string path =
          folder.empty() ? entry.name : folder + "/" + entry.name;
      if (entry.is_dir) {
        folders.push_back(path);
        continue;
      }
      std::string error;
      fs::create_directories((v.content / path).parent_path());
      std::ofstream(v.content / path, std::ios::binary)
          << *tree.ReadFile(path, &error);
    }
  }
  v.jabatan = v.content / "kota/kec/jabatan/sekretaris.md";
  std::string text = testing::ReadText(v.jabatan.string());
  const std::string from = "Sekretaris Kecamatan";
  v.texts = {text, Renamed(text, from, from + " Baru"),
             Renamed(text, from, from + " Lama")};
  v.BuildReferences();
  return v;
}

// A copy of content/, edited in one jabatan; with `references`, the sites
// of its texts are built.
Versions SampleContent(const std::string& name, bool references = true) {
  Versions v;
  v.work = FreshFolder(name);
  v.content = v.work / "content";
  fs::copy(testing::SourceDir() + "/content", v.content,
           fs::copy_options::recursive);
  v.jabatan = v.content / "pemkab-lumajang/satpol-pp/jabatan/sekretaris.md";
  std::string text = testing::ReadText(v.jabatan.string());
  v.texts = {text, Renamed(text, "Sekretaris", "Sekretaris Baru"),
             Renamed(text, "Sekretaris", "Sekretaris Lama")};
  if (references) v.BuildReferences();
  return v;
}

// Only the output, its spare, cache and lock are left beside the content,
// and no half-written file in the cache.
void CheckOnlyKnownEntries(const fs::path& work) {
  std::error_code ec;
  for (fs::directory_iterator it(work / ".site.cache", ec), end;
       !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    INFO(e.path().string());
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
  const std::set<std::string> known = {"content", "site", ".site.lock",
                                       ".site.spare", ".site.cache"};
  for (const auto& e : fs::directory_iterator(work)) {
    INFO(e.path().string());
    CHECK(known.count(e.path().filename().string()));
  }
}

// The changes to stop at: all of 1..count, or with `stride` > 1 the first
// and last 10 and every stride-th between.
std::vector<long> StopsOf(long count, long stride) {
  std::vector<long> stops;
  for (long n = 1; n <= count; ++n) {
    if (stride <= 1 || n <= 10 || n > count - 10 || n % stride == 0) {
      stops.push_back(n);
    }
  }
  return stops;
}

// Rebuilds stopped at each change in turn. Each goes from the live site
// (one text) with its spare (another) to the third text, so that the spare
// must be updated, not only swapped back: the target cycles through the
// three texts, and each normal build that follows a stopped one moves the
// cycle on. With `all_kinds`, each stop is tried on all three
// transitions; else on the next one.
void CrashEachRebuildChange(const Versions& v, long stride, bool all_kinds) {
  const fs::path out = v.work / "site";
  size_t live = 1, spare = 0;
  v.Use(spare);
  REQUIRE(Build(v.content, out) == 0);
  v.Use(live);
  REQUIRE(Build(v.content, out) == 0);
  auto advance = [&](size_t target) {
    spare = live;
    live = target;
  };
  // Changes of each transition, by its target (normal builds: the cycle
  // moves on and comes back).
  long changes[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    size_t target = 3 - live - spare;
    v.Use(target);
    changes[target] = CountChanges(v.content, out);
    REQUIRE(ReadTree(out) == v.sites[target]);
    REQUIRE(changes[target] > 10);
    advance(target);
  }
  const long most = std::max({changes[0], changes[1], changes[2]});
  for (long n : StopsOf(most, stride)) {
    for (int kind = 0; kind < (all_kinds ? 3 : 1); ++kind) {
      size_t target = 3 - live - spare;
      INFO("to text " << target << ", stopped at change " << n << " of "
                      << changes[target]);
      v.Use(target);
      int status =
          Build(v.content, out, {"SAKIP_CRASH_AT_CHANGE=" + std::to_string(n)});
      // The counts are exact: every change up to the last is reached.
      CHECK(status == (n <= changes[target] ? disk::kCrashExit : 0));
      Tree now = ReadTree(out);
      CHECK((now == v.sites[live] || now == v.sites[target]));
      CHECK(now.count("index.html"));
      REQUIRE(Build(v.content, out) == 0);
      CHECK(ReadTree(out) == v.sites[target]);
      CheckOnlyKnownEntries(v.work);
      advance(target);
    }
  }
}

TEST_CASE("a rebuild stopped at each file-system change leaves a whole site") {
  Versions v = SmallTree("sakip-crash-small");
  CrashEachRebuildChange(v, 1, false);
  fs::remove_all(v.work);
}

TEST_CASE(
    "a rebuild of content stopped at sampled changes leaves a whole "
    "site") {
  Versions v = SampleContent("sakip-crash-content");
  CrashEachRebuildChange(v, 7, false);
  fs::remove_all(v.work);
}

TEST_CASE(
    "a first build stopped at each file-system change shows no "
    "partial site") {
  Versions v = SmallTree("sakip-crash-first");
  const fs::path out = v.work / "site";
  auto clean = [&] {
    for (const char* name :
         {"site", ".site.spare", ".site.cache", ".site.lock"}) {
      fs::remove_all(v.work / name);
    }
  };
  clean();
  v.Use(1);
  const long count = CountChanges(v.content, out);
  REQUIRE(ReadTree(out) == v.sites[1]);
  for (long n = 1; n <= count; ++n) {
    INFO("stopped at change " << n << " of " << count);
    clean();
    REQUIRE(
        Build(v.content, out, {"SAKIP_CRASH_AT_CHANGE=" + std::to_string(n)}) ==
        disk::kCrashExit);
    // Nothing, or the whole new site.
    if (fs::exists(out)) CHECK(ReadTree(out) == v.sites[1]);
    // What it left does not hinder the next build (checked after every
    // eighth stop and the last: each build costs 0.1 s or more).
    if (n % 8 != 0 && n != count) continue;
    REQUIRE(Build(v.content, out) == 0);
    CHECK(ReadTree(out) == v.sites[1]);
    CheckOnlyKnownEntries(v.work);
  }
  fs::remove_all(v.work);
}

TEST_CASE("a build that fails on a content error leaves the site as it was") {
  Versions v = SampleContent("sakip-failed-build", false);
  fs::path out = v.work / "site";
  v.Use(0);
  REQUIRE(Build(v.content, out) == 0);
  REQUIRE(Build(v.content, out) == 0);  // makes a spare
  Tree before = ReadTree(out);
  // The spare too: the next build still updates it in place.
  fs::path spare = v.work / ".site.spare";
  Tree spare_before = ReadTree(spare);
  REQUIRE(spare_before.count(".sakip-keys"));
  // An atasan that does not exist: a content error.
  std::string broken = std::regex_replace(
      v.texts[0], std::regex("atasan: kepala-satuan"), "atasan: tidak-ada");
  REQUIRE(broken != v.texts[0]);
  std::ofstream(v.jabatan) << broken;
  CHECK(Build(v.content, out) == 1);
  CHECK(ReadTree(out) == before);
  CHECK(ReadTree(spare) == spare_before);
  fs::remove_all(v.work);
}

}  // namespace
}  // namespace sakip
