#include "yaml_reader.h"

#include <catch2/catch.hpp>

namespace sakip {
namespace {

struct Parsed {
  Diagnostics diagnostics;
  YamlSource source{"f.yaml", 0, nullptr};
  std::optional<YamlValue> root;
  explicit Parsed(const std::string& text) {
    source.diagnostics = &diagnostics;
    root = YamlValue::Parse(text, &source);
  }
  std::string First() const {
    return diagnostics.all().empty() ? "" : diagnostics.all()[0].message;
  }
};

TEST_CASE("numbers: plain, negative, exponent; not text or infinity") {
  Parsed p("a: 100\nb: -2.5\nc: 1e3\nd: abc\ne: .inf\nf: 63,5\ng: 1.754.000\n");
  MapReader m(*p.root, "t", {"a", "b", "c", "d", "e", "f", "g"});
  CHECK(m.Number("a") == 100);
  CHECK(m.Number("b") == -2.5);
  CHECK(m.Number("c") == 1000);
  CHECK_FALSE(m.Number("d"));
  CHECK_FALSE(m.Number("e"));
  CHECK_FALSE(m.Number("f"));
  CHECK_FALSE(m.Number("g"));
  auto all = p.diagnostics.Sorted();
  REQUIRE(all.size() == 4);
  CHECK(all[2].hint == "use a point for decimals, e.g. 63.5");
  CHECK(all[3].hint ==
        "write numbers without thousand separators, e.g. 1754000");
}

TEST_CASE("a number that looks like thousands is read but warned about") {
  Parsed p("pagu: 858.000\n");
  MapReader m(*p.root, "t", {"pagu"});
  CHECK(m.Number("pagu") == 858);
  REQUIRE(p.diagnostics.warning_count() == 1);
  CHECK(p.diagnostics.all()[0].hint == "write 858000 if thousands are meant");
}

TEST_CASE("missing required key, wrong types, unknown key with suggestion") {
  Parsed p("nama: [a, b]\nsatuann: '%'\n");
  MapReader m(*p.root, "indikator", {"id", "nama", "satuan"});
  CHECK_FALSE(m.String("id", Need::kRequired));
  CHECK_FALSE(m.String("nama"));
  auto all = p.diagnostics.Sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].message == "missing required key `id` in indikator");
  CHECK(all[0].pos.line == 1);
  CHECK(all[1].message == "`nama` must be text, not a list");
  CHECK(all[2].message == "unknown key `satuann` in indikator");
  CHECK(all[2].hint == "did you mean `satuan`?");
  CHECK(all[2].severity == Severity::kWarning);
}

TEST_CASE("positions are 1-based and shifted by the front matter offset") {
  Diagnostics d;
  YamlSource source{"j.md", 1, &d};
  auto root = YamlValue::Parse("nama: A\ntarget: x\n", &source);
  MapReader m(*root, "jabatan", {"nama", "target"});
  m.Number("target");
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].pos.line == 3);
  CHECK(d.all()[0].pos.col == 9);
}

TEST_CASE("a syntax error carries yaml-cpp's mark") {
  Parsed p("a: 1\nb: [1, 2\n");
  CHECK_FALSE(p.root);
  REQUIRE(p.diagnostics.error_count() == 1);
  CHECK(p.First().find("YAML syntax error") == 0);
  CHECK(p.diagnostics.all()[0].pos.line >= 2);
}

TEST_CASE("dates must exist; string lists accept one string or a list") {
  Parsed p("a: 2024-01-24\nb: 2023-02-29\nc: satu\nd: [satu, dua]\n");
  MapReader m(*p.root, "t", {"a", "b", "c", "d"});
  CHECK(m.DateValue("a") == Date{2024, 1, 24});
  CHECK_FALSE(m.DateValue("b"));
  CHECK(m.StringList("c") == std::vector<std::string>{"satu"});
  CHECK(m.StringList("d") == std::vector<std::string>{"satu", "dua"});
  CHECK(p.diagnostics.error_count() == 1);
}

TEST_CASE("choices suggest the nearest allowed word") {
  Parsed p("agregasi: kumulatip\n");
  MapReader m(*p.root, "indikator", {"agregasi"});
  CHECK_FALSE(m.Choice("agregasi", {"kumulatif", "terakhir", "rata-rata"}));
  REQUIRE(p.diagnostics.error_count() == 1);
  CHECK(p.diagnostics.all()[0].hint == "did you mean `kumulatif`?");
}

}  // namespace
}  // namespace sakip
