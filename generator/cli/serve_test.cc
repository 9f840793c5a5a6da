#include "serve.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace sakip {
namespace {

namespace fs = std::filesystem;

TEST_CASE("Served paths stay inside the output folder") {
  fs::path root = fs::temp_directory_path() / "sakip-serve-test";
  fs::remove_all(root);
  fs::create_directories(root / "site/2024/unit");
  std::ofstream(root / "site/index.html") << "root";
  std::ofstream(root / "site/2024/unit/index.html") << "unit";
  std::ofstream(root / "rahasia.txt") << "secret";
  fs::create_symlink(root / "rahasia.txt", root / "site/2024/tautan.txt");
  fs::create_directory_symlink(root, root / "site/2024/naik");
  std::string site = (root / "site").string();

  auto status = [&](const std::string& path) {
    return ResolveServedPath(site, path).status;
  };
  CHECK(ResolveServedPath(site, "/").file == site + "/index.html");
  CHECK(ResolveServedPath(site, "/2024/unit/").file ==
        site + "/2024/unit/index.html");
  CHECK(ResolveServedPath(site, "//2024/./unit/index.html").file ==
        site + "/2024/unit/index.html");
  CHECK(status("/../rahasia.txt") == ServedPathStatus::kForbidden);
  CHECK(status("/2024/unit/../../../rahasia.txt") ==
        ServedPathStatus::kForbidden);
  CHECK(status("/2024/tautan.txt") == ServedPathStatus::kForbidden);
  CHECK(status("/2024/naik/rahasia.txt") == ServedPathStatus::kForbidden);
  CHECK(status("/2024\\..\\rahasia.txt") == ServedPathStatus::kForbidden);
  CHECK(status(std::string("/index.html\0x", 13)) ==
        ServedPathStatus::kForbidden);
  CHECK(status("/2024/tidak-ada.html") == ServedPathStatus::kNotFound);
  CHECK(status("/2024") == ServedPathStatus::kNotFound);  // no index.html
  fs::remove_all(root);
}

TEST_CASE("The reload script goes before </body>") {
  CHECK(InjectReloadScript("<html><body><p>x</p></body></html>") ==
        "<html><body><p>x</p><script src=\"/__sakip/reload.js\"></script>\n"
        "</body></html>");
  CHECK(InjectReloadScript("<p>tanpa body</p>") ==
        "<p>tanpa body</p><script src=\"/__sakip/reload.js\"></script>\n");
}

}  // namespace
}  // namespace sakip
