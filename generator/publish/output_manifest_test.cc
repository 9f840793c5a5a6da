#include "output_manifest.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "stable_hash.h"

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
  written.reads = {{"2024/pemda", {"opemda", "r", "spemda"}},
                   {"2024/pemda/a b", {"opemda/a b"}}};
  fs::path file = TempFile(FormatOutputManifest(written));
  OutputManifest read = ReadOutputManifest(file.string());
  CHECK(read.complete);
  CHECK(read.external == written.external);
  CHECK(read.reads == written.reads);
  // An external path is listed once, as external.
  written.files.erase("2024/pagefind");
  CHECK(read.files == written.files);
  fs::remove(file);
}

TEST_CASE("a manifest edited by hand is read line by line") {
  // Out of order, a path twice (the later line counts), a comment, a line
  // without a key, and no newline at the end.
  fs::path file =
      TempFile(Sealed("# sakip output manifest 2\n"
                      "k2 b.html\n"
                      "k1 a.html\n"
                      "# a comment\n"
                      "lonely\n"
                      "k3 b.html\n"
                      "- c.html"));
  OutputManifest read = ReadOutputManifest(file.string());
  CHECK(read.complete);
  CHECK(read.files == std::map<std::string, std::string>{
                          {"a.html", "k1"}, {"b.html", "k3"}, {"c.html", ""}});
  // Without the header (an older sakip's), the folder is not trusted.
  std::ofstream(file, std::ios::binary) << Sealed("k1 a.html\n");
  CHECK_FALSE(ReadOutputManifest(file.string()).complete);
  // Nor without the trailer (an older sakip's, or edited by hand).
  std::ofstream(file, std::ios::binary) << "# sakip output manifest 2\n"
                                        << "k1 a.html\n";
  CHECK_FALSE(ReadOutputManifest(file.string()).complete);
  fs::remove(file);
  OutputManifest missing = ReadOutputManifest(file.string());
  CHECK_FALSE(missing.complete);
  CHECK(missing.files.empty());
}

TEST_CASE("a manifest's lines are parsed in place, in order") {
  const std::string text = Sealed(
      "# sakip output manifest 2\n"
      "k1 2024/a.html\n"
      "- 2024/b.html\n"
      "* 2024/pagefind\n"
      "k2 2024/a.html");
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

TEST_CASE("a manifest cut short or garbled is not trusted") {
  OutputManifest written;
  written.complete = true;
  for (int i = 0; i < 50; ++i) {
    written.files["2024/page" + std::to_string(i) + ".html"] =
        "key" + std::to_string(i);
  }
  const std::string text = FormatOutputManifest(written);
  fs::path file = TempFile(text);
  REQUIRE(ReadOutputManifest(file.string()).files == written.files);
  // Cut at a line's end (as a killed build may leave it): the lines are
  // sound, but some are missing.
  std::string cut = text.substr(0, text.rfind('\n', text.size() / 2) + 1);
  std::ofstream(file, std::ios::binary) << cut;
  OutputManifest read = ReadOutputManifest(file.string());
  CHECK_FALSE(read.complete);
  CHECK(read.files.empty());
  // A key changed in the middle: it would keep a page made from another.
  std::string garbled = text;
  garbled[text.find("key20") + 4] = '9';
  std::ofstream(file, std::ios::binary) << garbled;
  CHECK_FALSE(ReadOutputManifest(file.string()).complete);
  fs::remove(file);
}

TEST_CASE("a list of pieces cut short or garbled is not used") {
  AppendedFiles written;
  written.stamps["2024/data.csv"] = {300, 123456789, 42};
  written.pieces["2024/data.csv"] = {{"k1", 0, 100}, {"k2", 100, 200}};
  const std::string text = FormatAppendedFiles(written);
  fs::path file = TempFile(text);
  AppendedFiles read = ReadAppendedFiles(file.string());
  REQUIRE(read.pieces["2024/data.csv"].size() == 2);
  CHECK(read.pieces["2024/data.csv"][1].offset == 100);
  // An offset garbled into another number that still fits the file.
  std::string garbled = text;
  garbled.replace(text.find(" 100 200 "), 9, " 101 199 ");
  std::ofstream(file, std::ios::binary) << garbled;
  CHECK(ReadAppendedFiles(file.string()).pieces.empty());
  std::ofstream(file, std::ios::binary) << text.substr(0, text.size() / 2);
  CHECK(ReadAppendedFiles(file.string()).pieces.empty());
  fs::remove(file);
}

}  // namespace
}  // namespace sakip
