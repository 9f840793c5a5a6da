#include "front_matter.h"

#include <catch2/catch.hpp>

namespace sakip {

TEST_CASE("front matter and body are split with their line numbers") {
  Diagnostics d;
  auto fm =
      SplitFrontMatter("j.md", "---\nnama: A\natasan: b\n---\nTeks\n", &d);
  REQUIRE(fm);
  CHECK(fm->yaml == "nama: A\natasan: b\n");
  CHECK(fm->yaml_line_offset == 1);
  CHECK(fm->body == "Teks\n");
  CHECK(fm->body_line == 5);
  CHECK(d.all().empty());
}

TEST_CASE("CRLF, a BOM and a `...` closing fence are accepted") {
  Diagnostics d;
  auto fm =
      SplitFrontMatter("j.md", "\xEF\xBB\xBF---\r\nnama: A\r\n...\r\nB", &d);
  REQUIRE(fm);
  CHECK(fm->yaml == "nama: A\r\n");
  CHECK(fm->body == "B");
}

TEST_CASE("a missing or unclosed fence is an error at line 1") {
  Diagnostics d;
  CHECK_FALSE(SplitFrontMatter("a.md", "nama: A\n", &d));
  CHECK_FALSE(SplitFrontMatter("b.md", "---\nnama: A\n", &d));
  CHECK_FALSE(SplitFrontMatter("c.md", "---", &d));
  REQUIRE(d.error_count() == 3);
  CHECK(d.all()[0].message.find("missing front matter") == 0);
  CHECK(d.all()[1].message.find("front matter is not closed") == 0);
  CHECK(d.all()[0].pos.line == 1);
}

}  // namespace sakip
