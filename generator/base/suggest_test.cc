#include "suggest.h"

#include <catch2/catch.hpp>

namespace sakip {

TEST_CASE("edit distance") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("target", "targte") == 2);
  CHECK(EditDistance("kepala", "kepal") == 1);
  CHECK(EditDistance("abc", "xyz") == 3);
}

TEST_CASE("did you mean suggests only likely typos") {
  std::vector<std::string> keys = {"target", "satuan", "sasaran", "nama"};
  CHECK(DidYouMean("targte", keys) == "did you mean `target`?");
  CHECK(DidYouMean("sasran", keys) == "did you mean `sasaran`?");
  CHECK(DidYouMean("anggaran_kegiatan", keys).empty());
  CHECK(ClosestMatch("x", {}).empty());
}

}  // namespace sakip
