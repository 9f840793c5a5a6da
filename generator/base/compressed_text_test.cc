#include "compressed_text.h"

#include <catch2/catch.hpp>

namespace sakip {
namespace {

TEST_CASE("compressed text gives back the same bytes, and is smaller") {
  std::string jabatan;
  for (int i = 0; i < 200; ++i) {
    jabatan += "  - id: indikator-" + std::to_string(i) +
               "\n    nama: Persentase dokumen yang disusun tepat waktu\n";
  }
  CompressedText big(jabatan);
  CHECK(big.Text() == jabatan);
  CHECK(big.stored_size() < jabatan.size() / 4);

  std::string binary("a\0b\xff\n", 5);
  CHECK(CompressedText(binary).Text() == binary);
  CHECK(CompressedText("").Text().empty());
  CHECK(CompressedText("nama: Camat\n").Text() == "nama: Camat\n");
}

}  // namespace
}  // namespace sakip
