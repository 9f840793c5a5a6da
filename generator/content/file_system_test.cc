#include "file_system.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace sakip {
namespace {

std::string Bytes(size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 23);
  return bytes;
}

TEST_CASE("files are read whole, at any size") {
  fs::path root =
      fs::temp_directory_path() / ("sakip-read-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  RealFileSystem disk(root.string());
  // Around the 4 kB chunk read past the expected size, and large ones.
  for (size_t size :
       {0, 1, 3, 4095, 4096, 4097, 65535, 65536, 150001, 3000000}) {
    std::string name = "f" + std::to_string(size);
    std::ofstream(root / name, std::ios::binary) << Bytes(size);
    INFO(size);
    CHECK(ReadWholeFile(root / name) == Bytes(size));
    std::string error;
    auto text = disk.ReadFile(name, &error);
    REQUIRE(text);
    CHECK(*text == Bytes(size));
  }
  // One string reused: each read leaves exactly the file's bytes.
  std::string reused;
  for (size_t size : {150001, 3, 4097, 0, 65536, 65535}) {
    INFO(size);
    CHECK(ReadWholeFileInto(root / ("f" + std::to_string(size)), &reused));
    CHECK(reused == Bytes(size));
  }
  CHECK_FALSE(ReadWholeFileInto(root / "missing", &reused));
  CHECK(reused.empty());
  fs::remove_all(root);
}

TEST_CASE("a file larger than its size says is read to its end") {
  // Files in /proc report size 0 but have bytes, like a file that grew
  // between fstat and read.
  std::string status = ReadWholeFile("/proc/self/status");
  CHECK(status.find("Name:") == 0);
  CHECK(status.back() == '\n');
}

TEST_CASE("what is not a regular file is not read") {
  fs::path root = fs::temp_directory_path() /
                  ("sakip-read-links-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "folder");
  std::ofstream(root / "real.md") << "x";
  fs::create_symlink(root / "real.md", root / "link.md");
  RealFileSystem disk(root.string());
  std::string error;
  CHECK_FALSE(disk.ReadFile("folder", &error));
  CHECK(error == "cannot be read");
  CHECK_FALSE(disk.ReadFile("link.md", &error));
  CHECK(error.find("symbolic link") != std::string::npos);
  CHECK_FALSE(disk.ReadFile("missing.md", &error));
  CHECK(ReadWholeFile(root / "folder").empty());
  fs::remove_all(root);
}

}  // namespace
}  // namespace sakip
