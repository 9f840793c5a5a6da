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

TEST_CASE("numbers: plain, negative, exponent - not text or infinity") {
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

TEST_CASE("a syntax error carries libyaml's mark and context") {
  Parsed p("a: 1\nb: [1, 2\n");
  CHECK_FALSE(p.root);
  REQUIRE(p.diagnostics.error_count() == 1);
  CHECK(p.First() ==
        "YAML syntax error: did not find expected ',' or ']' (while parsing "
        "a flow sequence at line 2)");
  CHECK(p.diagnostics.all()[0].pos.line == 3);
}

TEST_CASE("tabs, unknown aliases, bad UTF-8 and deep nesting are explained") {
  Parsed tab("nama: a\n\tatasan: b\n");
  REQUIRE(tab.diagnostics.all().size() == 1);
  CHECK(tab.diagnostics.all()[0].pos.line == 2);
  CHECK(tab.diagnostics.all()[0].hint ==
        "indent YAML with spaces; tabs are not allowed there");

  Parsed alias("a: 1\nb: *nol\n");
  CHECK_FALSE(alias.root);
  CHECK(alias.First() ==
        "YAML alias `*nol` names no anchor `&nol` written before it");
  CHECK(alias.diagnostics.all()[0].pos.col == 4);

  Parsed latin1("nama: Sekr\xe9taris\n");
  CHECK_FALSE(latin1.root);
  CHECK(latin1.First().find("the text is not valid UTF-8") == 0);
  CHECK(latin1.diagnostics.all()[0].hint == "save the file as UTF-8");

  Parsed deep("a: " + std::string(5000, '[') + "\n");
  CHECK_FALSE(deep.root);
  CHECK(deep.First() == "YAML is nested too deeply (more than 1000 levels)");
}

TEST_CASE("null, booleans, anchors and quoting read as YAML 1.1 says") {
  Parsed p(
      "a: ~\nb: null\nc: 'null'\nd: yes\ne: False\nf: maybe\n"
      "g: &g [x, y]\nh: *g\ni: '1.000'\nj: |\n  satu\n  dua\n");
  MapReader m(*p.root, "t", {});
  CHECK(m.Get("a").IsNull());
  CHECK(m.Get("b").IsNull());
  CHECK(m.String("c") == "null");
  CHECK(m.Bool("d") == true);
  CHECK(m.Bool("e") == false);
  CHECK_FALSE(m.Bool("f"));
  CHECK(m.StringList("h") == std::vector<std::string>{"x", "y"});
  CHECK(m.Get("h").Pos().line == 7);  // an alias is its anchor's node
  CHECK(m.Number("i") == 1);          // quoted: read, but not warned about
  CHECK(m.String("j") == "satu\ndua\n");
  REQUIRE(p.diagnostics.all().size() == 1);
  CHECK(p.First() == "`f` must be true or false");
}

TEST_CASE("dates must exist - string lists accept one string or a list") {
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
