// Numbers, money and dates as Indonesian documents print them:
// `63,5 %`, `Rp 4.176.460.419`, `24 Januari 2024`. Computation never rounds;
// only these functions do.
#ifndef SAKIP_INDONESIAN_FORMAT_H_
#define SAKIP_INDONESIAN_FORMAT_H_

#include <optional>
#include <string>

#include "date.h"

namespace sakip {

// `4.176.460.419`, `63,5`: grouping by points, decimal comma, at most
// `max_decimals` decimals with trailing zeros dropped.
std::string FormatAngka(double value, int max_decimals = 2);
// The same through ICU: what FormatAngka falls back to, and is tested
// against.
std::string FormatAngkaWithIcu(double value, int max_decimals = 2);
// `63,5 %`
std::string FormatPersen(double value, int max_decimals = 2);
// `Rp 4.176.460.419`
std::string FormatRupiah(double value);
// `24 Januari 2024`
std::string FormatTanggal(const Date& date);
// `Januari`
std::string NamaBulan(int month);
// Number words: 21 -> "dua puluh satu", 11 -> "sebelas", 100 -> "seratus".
std::string Terbilang(long long n);
// Diktum ordinals for any count: 1 -> "KESATU", 2 -> "KEDUA",
// 11 -> "KESEBELAS", 21 -> "KEDUA PULUH SATU".
std::string KataUrutan(int n);
// "Triwulan II" style quarter names: 1 -> "I".
std::string Romawi(int n);
// The placeholder shown where a value cannot be computed.
inline constexpr const char* kTanpaNilai = "–";

}  // namespace sakip

#endif  // SAKIP_INDONESIAN_FORMAT_H_
