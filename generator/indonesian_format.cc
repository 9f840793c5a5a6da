// The only file that talks to ICU.
#include "indonesian_format.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <cmath>

namespace sakip {
namespace {

const icu::Locale& Indonesian() {
  static const icu::Locale locale("id", "ID");
  return locale;
}

}  // namespace

std::string FormatAngka(double value, int max_decimals) {
  if (!std::isfinite(value)) return kTanpaNilai;
  // Avoid printing "-0" for values that round to zero.
  double scale = std::pow(10.0, max_decimals);
  if (std::round(value * scale) == 0) value = 0;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString formatted =
      icu::number::NumberFormatter::withLocale(Indonesian())
          .precision(icu::number::Precision::maxFraction(max_decimals))
          .roundingMode(UNUM_ROUND_HALFUP)
          .formatDouble(value, status)
          .toString(status);
  if (U_FAILURE(status)) return std::to_string(value);
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

std::string FormatPersen(double value, int max_decimals) {
  if (!std::isfinite(value)) return kTanpaNilai;
  return FormatAngka(value, max_decimals) + " %";
}

std::string FormatRupiah(double value) {
  if (!std::isfinite(value)) return kTanpaNilai;
  return "Rp " + FormatAngka(value, 0);
}

std::string NamaBulan(int month) {
  static const char* kBulan[] = {
      "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
      "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  if (month < 1 || month > 12) return "";
  return kBulan[month - 1];
}

std::string FormatTanggal(const Date& date) {
  return std::to_string(date.day) + " " + NamaBulan(date.month) + " " +
         std::to_string(date.year);
}

}  // namespace sakip
