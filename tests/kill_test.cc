// Nothing lost: a build killed at any moment leaves the previous site
// complete (or, once the swap happened, the new one), never a mixture.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <thread>

#include "test_tree.h"

extern char** environ;

namespace fs = std::filesystem;

namespace sakip {
namespace {

using Tree = std::map<std::string, std::string>;  // path -> bytes

Tree ReadTree(const fs::path& root) {
  Tree tree;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      tree[e.path().lexically_relative(root).string()] =
          testing::ReadText(e.path().string());
    }
  }
  return tree;
}

pid_t StartBuild(const fs::path& content, const fs::path& out) {
  std::vector<std::string> args = {SAKIP_BINARY,     "build", "--content",
                                   content.string(), "--out", out.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string epoch = "SOURCE_DATE_EPOCH=1767225600";
  std::vector<char*> env = {epoch.data()};
  for (char** e = environ; *e; ++e) env.push_back(*e);
  env.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// A copy of content/ in a fresh folder `name`, built once into `site`.
fs::path BuiltCopy(const std::string& name) {
  fs::path work =
      fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  fs::copy(testing::SourceDir() + "/content", work / "content",
           fs::copy_options::recursive);
  REQUIRE(Wait(StartBuild(work / "content", work / "site")) == 0);
  return work;
}

const char* kJabatan =
    "content/pemkab-lumajang/satpol-pp/jabatan/sekretaris.md";

// The jabatan file of the next version: it differs, so a mixture would show.
std::string Renamed(const std::string& text) {
  return std::regex_replace(text, std::regex("nama: Sekretaris\n"),
                            "nama: Sekretaris Baru\n");
}

TEST_CASE("a build killed at random moments leaves a complete site") {
  fs::path work = BuiltCopy("sakip-kill");
  fs::path out = work / "site";
  Tree old_site = ReadTree(out);

  // The next version differs, so that a mixture would show.
  fs::path jabatan = work / kJabatan;
  std::string text = testing::ReadText(jabatan.string());
  std::ofstream(jabatan) << Renamed(text);
  REQUIRE(Wait(StartBuild(work / "content", work / "reference")) == 0);
  Tree new_site = ReadTree(work / "reference");
  REQUIRE(old_site != new_site);
  // The builds to be killed replace an existing site that has a spare (the
  // site before it) and a parse cache, which is quicker than a first build:
  // such a build is timed, the one that restores the old site.
  REQUIRE(Wait(StartBuild(work / "content", out)) == 0);
  REQUIRE(ReadTree(out) == new_site);
  std::ofstream(jabatan) << text;
  auto start = std::chrono::steady_clock::now();
  REQUIRE(Wait(StartBuild(work / "content", out)) == 0);
  auto full = std::chrono::steady_clock::now() - start;
  REQUIRE(ReadTree(out) == old_site);
  std::ofstream(jabatan) << Renamed(text);

  std::mt19937 random(20261122);
  std::uniform_int_distribution<long> delay_us(
      0, std::chrono::duration_cast<std::chrono::microseconds>(full).count());
  int killed = 0;
  for (int round = 0; round < 12; ++round) {
    pid_t pid = StartBuild(work / "content", out);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    kill(pid, SIGKILL);
    killed += Wait(pid) == -SIGKILL;
    Tree now = ReadTree(out);
    INFO("round " << round);
    CHECK((now == old_site || now == new_site));
    CHECK(now.count("index.html"));
    // Once the new site is in place, the old one comes back for the next
    // round, through a normal (swapping) build of the old content.
    if (now == new_site) {
      std::ofstream(jabatan) << text;
      REQUIRE(Wait(StartBuild(work / "content", out)) == 0);
      REQUIRE(ReadTree(out) == old_site);
      std::ofstream(jabatan) << Renamed(text);
    }
  }
  INFO("killed " << killed << " of 12");
  CHECK(killed >= 6);  // most rounds really were cut short
  // A build after the kills works and cleans up what they left.
  REQUIRE(Wait(StartBuild(work / "content", out)) == 0);
  CHECK(ReadTree(out) == new_site);
  for (const auto& e : fs::directory_iterator(work)) {
    INFO(e.path().string());
    CHECK((e.path().filename() == "content" || e.path().filename() == "site" ||
           e.path().filename() == "reference" ||
           e.path().filename() == ".site.lock" ||
           e.path().filename() == ".site.spare" ||
           e.path().filename() == ".site.cache" ||
           e.path().filename() == ".reference.cache" ||
           e.path().filename() == ".reference.lock"));
  }
  fs::remove_all(work);
}

TEST_CASE("a build that fails on a content error leaves the site as it was") {
  fs::path work = BuiltCopy("sakip-failed-build");
  fs::path out = work / "site";
  REQUIRE(Wait(StartBuild(work / "content", out)) == 0);  // makes a spare
  Tree before = ReadTree(out);
  // The spare too: the next build still updates it in place.
  fs::path spare = work / ".site.spare";
  Tree spare_before = ReadTree(spare);
  REQUIRE(spare_before.count(".sakip-keys"));
  fs::path pk = work / "content/pemkab-lumajang/satpol-pp/perjanjian/2022.yaml";
  std::string text = testing::ReadText(pk.string());
  std::string broken =
      std::regex_replace(text, std::regex("target: 100"), "target: seratus");
  REQUIRE(broken != text);
  std::ofstream(pk) << broken;
  CHECK(Wait(StartBuild(work / "content", out)) == 1);
  CHECK(ReadTree(out) == before);
  CHECK(ReadTree(spare) == spare_before);
  fs::remove_all(work);
}

}  // namespace
}  // namespace sakip
