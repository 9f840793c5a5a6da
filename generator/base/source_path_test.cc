#include "source_path.h"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "diagnostic.h"

namespace sakip {
namespace {

TEST_CASE("a source path is held once and compared by text") {
  std::string text = "pemda/unit-0250/jabatan/kabid-1.md";
  SourcePath a(text);
  SourcePath b(std::string("pemda/unit-0250/jabatan/") + "kabid-1.md");
  CHECK(&a.str() == &b.str());  // one copy for both
  CHECK(a == b);
  CHECK(a.str() == text);
  text[0] = 'X';  // the path owns its text
  CHECK(a.str() == "pemda/unit-0250/jabatan/kabid-1.md");

  SourcePath earlier("a/z.md");
  SourcePath later("b/a.md");
  CHECK(earlier < later);  // by text, whatever the addresses
  CHECK_FALSE(later < earlier);
  CHECK(earlier != later);

  CHECK(SourcePath().empty());
  CHECK(SourcePath("").empty());
  CHECK(SourcePath() == SourcePath(""));
  CHECK(SourcePath("x.md").size() == 4);
  CHECK(a + ":3" == "pemda/unit-0250/jabatan/kabid-1.md:3");
  CHECK("in " + SourcePath("x.md") == "in x.md");
}

TEST_CASE("a source position takes any string as its path") {
  SourcePos pos{std::string("unit.yaml"), 3, 1};
  SourcePos copy = pos;
  CHECK(&copy.path.str() == &pos.path.str());
  const std::string& as_string = pos.path;
  CHECK(as_string == "unit.yaml");
}

TEST_CASE("source paths made on several threads are the same copy") {
  std::vector<const std::string*> seen(4 * 1000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 1000; ++i) {
        seen[t * 1000 + i] =
            &SourcePath("threads/f" + std::to_string(i) + ".md").str();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 1; t < 4; ++t) {
    for (int i = 0; i < 1000; ++i) CHECK(seen[t * 1000 + i] == seen[i]);
  }
  CHECK(*seen[999] == "threads/f999.md");
}

}  // namespace
}  // namespace sakip
