#include "yaml_edit.h"

#include <catch2/catch.hpp>

namespace sakip {
namespace {

int Rank(int depth, const std::string& key) {
  static const char* kQuarters[] = {"I", "II", "III", "IV"};
  for (int i = 0; depth == 2 && i < 4; ++i) {
    if (key == kQuarters[i] || key == std::to_string(i + 1)) return i;
  }
  return -1;
}

std::string Set(std::string text, const std::vector<std::string>& path,
                const std::string& value) {
  std::string error;
  INFO(text);
  REQUIRE(SetYamlValue(&text, path, value, Rank, &error));
  return text;
}

TEST_CASE("yaml edit: a value is replaced, every other byte kept") {
  std::string text =
      "# komentar\nx:\n  a: { II: 63 }  # dari laporan\n  b: \"é\"\n";
  CHECK(Set(text, {"x", "a", "II"}, "64") ==
        "# komentar\nx:\n  a: { II: 64 }  # dari laporan\n  b: \"é\"\n");
  CHECK(Set(text, {"x", "b"}, "\"ü\"") ==
        "# komentar\nx:\n  a: { II: 63 }  # dari laporan\n  b: \"ü\"\n");
  // `2` is quarter II written as a number: the same key.
  CHECK(Set("x:\n  a: { 2: 5 }\n", {"x", "a", "II"}, "6") ==
        "x:\n  a: { 2: 6 }\n");
}

TEST_CASE("yaml edit: new keys go in quarter order or at the end") {
  CHECK(Set("x:\n  a: { II: 1 }\n", {"x", "a", "III"}, "2") ==
        "x:\n  a: { II: 1, III: 2 }\n");
  CHECK(Set("x:\n  a: { III: 1 }\n", {"x", "a", "I"}, "2") ==
        "x:\n  a: { I: 2, III: 1 }\n");
  CHECK(Set("x:\n  a: {}\n", {"x", "a", "I"}, "2") == "x:\n  a: { I: 2 }\n");
  CHECK(Set("x:\n  a:\n    I: 1\n    IV: 4\n", {"x", "a", "II"}, "2") ==
        "x:\n  a:\n    I: 1\n    II: 2\n    IV: 4\n");
  // A missing key two levels up: block lines, the innermost in flow style.
  CHECK(Set("x:\n  a:\n    I: 1  # satu\n# akhir\n", {"x", "b", "c", "II"},
            "7") ==
        "x:\n  a:\n    I: 1  # satu\n  b:\n    c: { II: 7 }\n# akhir\n");
}

TEST_CASE("yaml edit: texts of several lines are literal blocks") {
  std::string text = "x:\n  a:\n    II: |-\n      satu\n      dua\n\n  b: 1\n";
  CHECK(Set(text, {"x", "a", "II"}, "\"-\"") ==
        "x:\n  a:\n    II: \"-\"\n\n  b: 1\n");
  CHECK(Set(Set(text, {"x", "a", "II"}, "\"-\""), {"x", "a", "II"},
            YamlText("satu\ndua")) == text);
  // Inside a flow mapping a block cannot be: double-quoted.
  CHECK(Set("x: { a: 1 }\n", {"x", "b"}, YamlText("satu\ndua")) ==
        "x: { a: 1, b: \"satu\\ndua\" }\n");
  CHECK(Set("x:\n  II:\n", {"x", "II"}, YamlText("satu\ndua")) ==
        "x:\n  II: |-\n    satu\n    dua\n");
  CHECK(YamlText("satu") == "\"satu\"");
}

TEST_CASE("yaml edit: a path through a list or a block value is refused") {
  std::string text = "x:\n  - 1\n", error;
  CHECK_FALSE(SetYamlValue(&text, {"x", "a"}, "1", Rank, &error));
  CHECK(text == "x:\n  - 1\n");
  text = "x:\n  a:\n    b: 1\n";
  CHECK_FALSE(SetYamlValue(&text, {"x", "a"}, "1", Rank, &error));
  CHECK(YamlQuoted("a \"b\"\n\\") == "\"a \\\"b\\\"\\n\\\\\"");
}

}  // namespace
}  // namespace sakip
