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

TEST_CASE("whole numbers are written as ICU writes them") {
  // n + 0.001 rounds to n at two decimals but takes the ICU path.
  for (double n : {0.0, 7.0, -7.0, 999.0, 1000.0, -1000.0, 9999.0, 12345.0,
                   100000.0, 278000000.0, -1234567.0, 999999999999.0}) {
    INFO(n);
    double off = n < 0 ? -0.001 : 0.001;
    CHECK(FormatAngka(n) == FormatAngka(n + off));
  }
  CHECK(FormatAngka(278000000) == "278.000.000");
  CHECK(FormatAngka(-0.0) == "0");
  CHECK(FormatRupiah(6000000) == "Rp 6.000.000");
}

}  // namespace sakip
