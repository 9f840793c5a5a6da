#include "diagnostic.h"

#include <catch2/catch.hpp>

namespace sakip {

TEST_CASE("a diagnostic quotes its line with a caret and a hint") {
  Diagnostics d;
  d.AddSource("a.yaml", "judul: x\ntargte: 5\n");
  d.Warning({"a.yaml", 2, 1}, "unknown key `targte`", "did you mean `target`?");
  CHECK(d.Format() ==
        "a.yaml:2:1: warning: unknown key `targte`\n"
        "    targte: 5\n"
        "    ^\n"
        "  hint: did you mean `target`?\n");
  CHECK(d.warning_count() == 1);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("the caret counts characters, not bytes") {
  Diagnostics d;
  d.AddSource("b.md", "nama: Café x\n");
  d.Error({"b.md", 1, 12}, "bad");
  std::string text = d.Format();
  CHECK(text.find("    nama: Café x\n               ^\n") != std::string::npos);
}

TEST_CASE("diagnostics are sorted by path and line, duplicates dropped") {
  Diagnostics d;
  d.Error({"b.md", 1, 1}, "second file");
  d.Error({"a.md", 9, 1}, "late line");
  d.Error({"a.md", 2, 3}, "early line");
  d.Error({"a.md", 2, 3}, "early line");
  std::vector<Diagnostic> sorted = d.Sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message == "early line");
  CHECK(sorted[1].message == "late line");
  CHECK(sorted[2].message == "second file");
  CHECK(d.error_count() == 4);
}

TEST_CASE("a diagnostic without a line names the file only") {
  Diagnostics d;
  d.Error({"site.yaml", 0, 0}, "no site.yaml");
  CHECK(d.Format() == "site.yaml: error: no site.yaml\n");
}

}  // namespace sakip
