// The only file that talks to ICU.
#include "indonesian_format.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <charconv>
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

namespace {

// Avoids printing "-0" for values that round to zero.
double ZeroIfRoundsToZero(double value, int max_decimals) {
  double scale = std::pow(10.0, max_decimals);
  return std::round(value * scale) == 0 ? 0 : value;
}

// `digits` (decimal digits, then maybe '.' and more) rounded to at most
// `decimals` places, half away from zero as ICU's HALFUP, trailing zeros
// of the fraction dropped.
std::string RoundDecimal(std::string digits, int decimals) {
  size_t point = digits.find('.');
  if (point == std::string::npos) return digits;
  size_t keep = point + (decimals > 0 ? 1 + decimals : 0);
  if (keep < digits.size()) {
    bool up = digits[decimals > 0 ? keep : point + 1] >= '5';
    digits.resize(keep);
    if (!digits.empty() && digits.back() == '.') digits.pop_back();
    for (size_t i = digits.size(); up && i-- > 0;) {
      if (digits[i] == '.') continue;
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        ++digits[i];
        up = false;
      }
    }
    if (up) digits.insert(digits.begin(), '1');
  }
  point = digits.find('.');
  if (point != std::string::npos) {
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  return digits;
}

// A fraction as ICU writes it for `id`, without ICU: ICU rounds the
// shortest decimal that reads back as the same double, which
// std::to_chars gives; then the integer digits are grouped by threes with
// a point and the fraction follows a comma. ICU cost a twentieth of a full
// build's time.
bool FormatFraction(double value, int max_decimals, std::string* out) {
  char buffer[512];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer,
                                    std::fabs(value), std::chars_format::fixed);
  if (error != std::errc()) return false;
  std::string digits = RoundDecimal(std::string(buffer, end), max_decimals);
  size_t point = std::min(digits.find('.'), digits.size());
  *out = value < 0 && digits != "0" ? "-" : "";
  for (size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) *out += '.';
    *out += digits[i];
  }
  if (point < digits.size()) *out += "," + digits.substr(point + 1);
  return true;
}

}  // namespace

std::string FormatAngka(double value, int max_decimals) {
  if (!std::isfinite(value)) return kTanpaNilai;
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    return GroupedInteger(static_cast<long long>(value));
  }
  value = ZeroIfRoundsToZero(value, max_decimals);
  max_decimals = std::clamp(max_decimals, 0, kMaxDecimals);
  std::string out;
  if (FormatFraction(value, max_decimals, &out)) return out;
  return FormatAngkaWithIcu(value, max_decimals);
}

std::string FormatAngkaWithIcu(double value, int max_decimals) {
  value = ZeroIfRoundsToZero(value, max_decimals);
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
