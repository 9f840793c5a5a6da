#include "zip_archive.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace sakip {
namespace {

TEST_CASE("a ZIP made in memory reads back member by member, same bytes") {
  std::string big(100000, 'x');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = 'a' + i % 26;
  ZipWriter zip;
  zip.Add("a/first.xml", "<a>satu</a>");
  zip.Add("b.bin", big, false);
  zip.Add("c.xml", big);
  std::string bytes, error;
  REQUIRE(zip.Finish(&bytes, &error));
  CHECK(error.empty());
  // Deflated where asked: the stored member alone is larger than this.
  CHECK(bytes.size() < 2 * big.size());
  CHECK(bytes.size() > big.size());

  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("sakip-zip-test-" + std::to_string(getpid()) + ".zip");
  std::ofstream(path, std::ios::binary) << bytes;
  ZipArchive archive(path.string());
  std::filesystem::remove(path);
  REQUIRE(archive.ok());
  CHECK(archive.Read("a/first.xml") ==
        std::optional<std::string>("<a>satu</a>"));
  CHECK(archive.Read("b.bin") == std::optional<std::string>(big));
  CHECK(archive.Read("c.xml") == std::optional<std::string>(big));
  CHECK_FALSE(archive.Read("d.xml"));

  // The first member's time and date: 00:00, 1980-01-01 (MS-DOS format).
  CHECK(bytes.substr(10, 4) == std::string("\0\0\x21\0", 4));
  // Another writer gives the same bytes.
  ZipWriter again;
  again.Add("a/first.xml", "<a>satu</a>");
  again.Add("b.bin", big, false);
  again.Add("c.xml", big);
  std::string same;
  REQUIRE(again.Finish(&same, &error));
  CHECK(same == bytes);
}

}  // namespace
}  // namespace sakip
