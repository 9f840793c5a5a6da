// The only file that talks to ICU.
#include "indonesian_format.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

namespace sakip {
namespace {

const icu::Locale& Indonesian() {
  static const icu::Locale locale("id", "ID");
  return locale;
}

constexpr int kMaxDecimals = 9;

}  // namespace

namespace {

// Whole numbers, most of a report's figures, written without ICU: digits
// grouped by threes with a point, as ICU writes them for `id`.
std::string GroupedInteger(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FormatAngka(double value, int max_decimals) {
  if (!std::isfinite(value)) return kTanpaNilai;
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    return GroupedInteger(static_cast<long long>(value));
  }
  // Avoid printing "-0" for values that round to zero.
  double scale = std::pow(10.0, max_decimals);
  if (std::round(value * scale) == 0) value = 0;
  // Making a formatter costs far more than formatting; they are immutable
  // and safe to share between threads, so each precision is made once.
  static const std::vector<icu::number::LocalizedNumberFormatter> kFormatters =
      [] {
        std::vector<icu::number::LocalizedNumberFormatter> formatters;
        for (int decimals = 0; decimals <= kMaxDecimals; ++decimals) {
          formatters.push_back(
              icu::number::NumberFormatter::withLocale(Indonesian())
                  .precision(icu::number::Precision::maxFraction(decimals))
                  .roundingMode(UNUM_ROUND_HALFUP));
        }
        return formatters;
      }();
  max_decimals = std::clamp(max_decimals, 0, kMaxDecimals);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString formatted =
      kFormatters[max_decimals].formatDouble(value, status).toString(status);
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

std::string Terbilang(long long n) {
  static const char* kSatuan[] = {"nol",     "satu",     "dua",     "tiga",
                                  "empat",   "lima",     "enam",    "tujuh",
                                  "delapan", "sembilan", "sepuluh", "sebelas"};
  if (n < 0) return "minus " + Terbilang(-n);
  if (n < 12) return kSatuan[n];
  if (n < 20) return Terbilang(n - 10) + " belas";
  if (n < 100) {
    return Terbilang(n / 10) + " puluh" +
           (n % 10 ? " " + Terbilang(n % 10) : "");
  }
  struct Scale {
    long long size;
    const char* word;
    const char* single;
  };
  static const Scale kScales[] = {{1000000000000LL, "triliun", "satu triliun"},
                                  {1000000000LL, "miliar", "satu miliar"},
                                  {1000000LL, "juta", "satu juta"},
                                  {1000LL, "ribu", "seribu"},
                                  {100LL, "ratus", "seratus"}};
  for (const Scale& s : kScales) {
    if (n < s.size) continue;
    long long head = n / s.size;
    long long rest = n % s.size;
    std::string words = head == 1 ? s.single : Terbilang(head) + " " + s.word;
    return rest ? words + " " + Terbilang(rest) : words;
  }
  return "";
}

std::string KataUrutan(int n) {
  std::string words = n == 1 ? "satu" : Terbilang(n);
  std::string upper;
  for (char c : words) upper += static_cast<char>(std::toupper(c));
  return "KE" + upper;
}

std::string Romawi(int n) {
  static const char* kRomawi[] = {"I", "II", "III", "IV"};
  return n >= 1 && n <= 4 ? kRomawi[n - 1] : std::to_string(n);
}

std::string FormatTanggal(const Date& date) {
  return std::to_string(date.day) + " " + NamaBulan(date.month) + " " +
         std::to_string(date.year);
}

}  // namespace sakip
