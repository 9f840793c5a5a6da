#include "output_manifest.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sakip {
namespace {

fs::path TempFile(const std::string& text) {
  fs::path file = fs::temp_directory_path() /
                  ("sakip-manifest-" + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

TEST_CASE("a manifest reads back as it was written") {
  OutputManifest written;
  written.complete = true;
  written.files = {{"2024/index.html", "k1"},
                   {"2024/pemda/jabatan/a b/index.html", "k2"},
                   {"404.html", ""},
                   {"2024/pagefind", ""}};
  written.external = {"2024/pagefind"};
  fs::path file = TempFile(FormatOutputManifest(written));
  OutputManifest read = ReadOutputManifest(file.string());
  CHECK(read.complete);
  CHECK(read.external == written.external);
  // An external path is listed once, as external.
  written.files.erase("2024/pagefind");
  CHECK(read.files == written.files);
  fs::remove(file);
}

TEST_CASE("a manifest edited by hand is read line by line") {
  // Out of order, a path twice (the later line counts), a comment, a line
  // without a key, and no newline at the end.
  fs::path file = TempFile(
      "# sakip output manifest 2\n"
      "k2 b.html\n"
      "k1 a.html\n"
      "# a comment\n"
      "lonely\n"
      "k3 b.html\n"
      "- c.html");
  OutputManifest read = ReadOutputManifest(file.string());
  CHECK(read.complete);
  CHECK(read.files == std::map<std::string, std::string>{
                          {"a.html", "k1"}, {"b.html", "k3"}, {"c.html", ""}});
  // Without the header (an older sakip's), the folder is not trusted.
  std::ofstream(file, std::ios::binary) << "k1 a.html\n";
  CHECK_FALSE(ReadOutputManifest(file.string()).complete);
  fs::remove(file);
  OutputManifest missing = ReadOutputManifest(file.string());
  CHECK_FALSE(missing.complete);
  CHECK(missing.files.empty());
}

TEST_CASE("a manifest's lines are parsed in place, in order") {
  const std::string text =
      "# sakip output manifest 2\n"
      "k1 2024/a.html\n"
      "- 2024/b.html\n"
      "* 2024/pagefind\n"
      "k2 2024/a.html";
  std::vector<std::pair<std::string_view, std::string_view>> files;
  std::vector<std::string_view> external;
  bool complete = ParseOutputManifest(
      text,
      [&](std::string_view path, std::string_view key) {
        files.emplace_back(path, key);
      },
      [&](std::string_view path) { external.push_back(path); });
  CHECK(complete);
  REQUIRE(files.size() == 3);
  CHECK(files[0] ==
        std::pair<std::string_view, std::string_view>("2024/a.html", "k1"));
  CHECK(files[1].second.empty());
  CHECK(files[2].second == "k2");  // a path twice: both lines, in order
  // The views point into the text: no copy per line.
  CHECK(files[0].first.data() >= text.data());
  CHECK(files[0].first.data() < text.data() + text.size());
  CHECK(external == std::vector<std::string_view>{"2024/pagefind"});
  CHECK_FALSE(ParseOutputManifest(
      "k1 a.html\n", [](std::string_view, std::string_view) {},
      [](std::string_view) {}));
}

}  // namespace
}  // namespace sakip
