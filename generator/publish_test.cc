#include "publish.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace sakip {
namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() /
                 ("sakip-publish-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("publish replaces the whole site and leaves no staging folder") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  OutputTree first;
  first.Add("a/index.html", "satu");
  first.Add("old.txt", "lama");
  std::string error;
  REQUIRE(Publish(first, out.string(), &error));
  CHECK(Slurp(out / "a/index.html") == "satu");
  OutputTree second;
  second.Add("a/index.html", "dua");
  REQUIRE(Publish(second, out.string(), &error));
  CHECK(Slurp(out / "a/index.html") == "dua");
  CHECK_FALSE(fs::exists(out / "old.txt"));
  CHECK(fs::exists(out / kOutputMarker));
  std::set<std::string> entries;
  for (const auto& e : fs::directory_iterator(root)) {
    entries.insert(e.path().filename().string());
  }
  // The site and the (empty) lock file that makes builds take turns.
  CHECK(entries == std::set<std::string>{"site", ".site.lock"});
  fs::remove_all(root);
}

TEST_CASE("publish refuses unsafe paths and keeps the previous site") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  OutputTree good;
  good.Add("index.html", "baik");
  std::string error;
  REQUIRE(Publish(good, out.string(), &error));
  OutputTree bad;
  bad.Add("index.html", "buruk");
  bad.Add("../escape.txt", "x");
  CHECK_FALSE(Publish(bad, out.string(), &error));
  CHECK(error == "refusing to write outside the output folder: ../escape.txt");
  CHECK(Slurp(out / "index.html") == "baik");
  CHECK_FALSE(fs::exists(root / "escape.txt"));
  fs::remove_all(root);
}

TEST_CASE("publish never replaces a folder sakip did not write") {
  fs::path root = TempDir();
  fs::create_directories(root / "content");
  std::ofstream(root / "content/site.yaml") << "judul: x\n";
  OutputTree tree;
  tree.Add("index.html", "x");
  std::string error;
  CHECK_FALSE(Publish(tree, (root / "content").string(), &error));
  CHECK(error.find("was not written by sakip") != std::string::npos);
  CHECK(Slurp(root / "content/site.yaml") == "judul: x\n");
  fs::remove_all(root);
}

TEST_CASE("safe relative paths") {
  CHECK(IsSafeRelativePath("2024/data/indikator.json"));
  CHECK_FALSE(IsSafeRelativePath(""));
  CHECK_FALSE(IsSafeRelativePath("/etc/passwd"));
  CHECK_FALSE(IsSafeRelativePath("a/../../b"));
  CHECK_FALSE(IsSafeRelativePath("a//b"));
  CHECK_FALSE(IsSafeRelativePath("a\\b"));
}

}  // namespace
}  // namespace sakip
