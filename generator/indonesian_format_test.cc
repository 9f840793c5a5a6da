#include "indonesian_format.h"

#include <catch2/catch.hpp>

namespace sakip {

TEST_CASE("numbers, money and dates in Indonesian conventions") {
  CHECK(FormatPersen(63.5) == "63,5 %");
  CHECK(FormatPersen(63) == "63 %");
  CHECK(FormatPersen(48.916761) == "48,92 %");
  CHECK(FormatAngka(-7.9) == "-7,9");
  CHECK(FormatAngka(-0.001) == "0");
  CHECK(FormatAngka(1234567.891) == "1.234.567,89");
  CHECK(FormatRupiah(4176460419) == "Rp 4.176.460.419");
  CHECK(FormatRupiah(858000) == "Rp 858.000");
  CHECK(FormatTanggal({2024, 1, 24}) == "24 Januari 2024");
  CHECK(FormatTanggal({2023, 2, 2}) == "2 Februari 2023");
  CHECK(NamaBulan(12) == "Desember");
}

}  // namespace sakip
