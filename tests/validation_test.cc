// One instance of every content problem `sakip check` knows, in one tree on
// disk: each must give exactly its diagnostic, with file and line, in one run.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "test_tree.h"

namespace sakip {
namespace {

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("every problem in the invalid tree is reported once, in order") {
  std::string data = testing::SourceDir() + "/tests/data";
  RealFileSystem fs(data + "/invalid-tree");
  testing::Checked checked = testing::Check(fs, "invalid-tree");
  std::vector<std::string> expected =
      ReadLines(data + "/invalid-tree.expected");
  REQUIRE(expected.size() > 25);
  CHECK(checked.Lines() == expected);
  CHECK(checked.diagnostics.has_errors());
}

TEST_CASE("the valid test tree has no diagnostics") {
  testing::Checked checked = testing::Check(testing::ValidTree());
  CHECK(checked.Lines().empty());
}

}  // namespace
}  // namespace sakip
