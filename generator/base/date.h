// Calendar dates as written in content (ISO `YYYY-MM-DD`).
#ifndef SAKIP_DATE_H_
#define SAKIP_DATE_H_

#include <compare>
#include <optional>
#include <string>

namespace sakip {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

bool IsValidDate(int year, int month, int day);
// Parses `YYYY-MM-DD`; nullopt for anything else or a day that does not
// exist (2023-02-29).
std::optional<Date> ParseIsoDate(const std::string& text);
std::string FormatIsoDate(const Date& date);

}  // namespace sakip

#endif  // SAKIP_DATE_H_
