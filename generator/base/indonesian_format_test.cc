#include "indonesian_format.h"

#include <catch2/catch.hpp>
#include <random>

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

TEST_CASE("fractions are written as ICU writes them") {
  // Ties in decimal (2.675, 0.125) and in binary, carries through nines,
  // signs, tiny and large magnitudes, every precision.
  std::vector<double> values = {
      2.675,   0.125,   -0.125,        1.005,     0.5,          -0.5,
      9.995,   -9.995,  99.9999,       999.995,   0.045,        1e-7,
      -1e-9,   5e-10,   123456789.125, 4.35,      63.5,         48.916761,
      1.0 / 3, 2.0 / 3, -1234567.891,  0.1 + 0.2, 8.5e14 + 0.5, 1e-300};
  std::mt19937_64 random(20261203);
  std::uniform_real_distribution<double> exponent(-8, 13);
  for (int i = 0; i < 20000; ++i) {
    double v = std::pow(10.0, exponent(random)) * (i % 2 ? 1 : -1);
    values.push_back(v);
    // Values with few decimals, as content has them (capaian 83,335 %).
    values.push_back(std::round(v * 1000) / 1000);
  }
  int compared = 0;
  for (double v : values) {
    for (int decimals = 0; decimals <= 9; ++decimals) {
      INFO(v << " with " << decimals << " decimals");
      REQUIRE(FormatAngka(v, decimals) == FormatAngkaWithIcu(v, decimals));
      ++compared;
    }
  }
  CHECK(compared > 400000);
}

}  // namespace sakip
