#include "nip.h"

#include <cctype>

namespace sakip {

NipCheck CheckNip(const std::string& written) {
  NipCheck check;
  for (char c : written) {
    if (c == ' ') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      check.problem = "a NIP holds digits only (spaces allowed)";
      return check;
    }
    check.digits += c;
  }
  if (check.digits.size() != 18) {
    check.problem = "a NIP has 18 digits, this one has " +
                    std::to_string(check.digits.size());
    return check;
  }
  const std::string& d = check.digits;
  int birth_year = std::stoi(d.substr(0, 4));
  int birth_month = std::stoi(d.substr(4, 2));
  int birth_day = std::stoi(d.substr(6, 2));
  if (!IsValidDate(birth_year, birth_month, birth_day) || birth_year < 1900) {
    check.problem = "digits 1-8 must be a real birth date (YYYYMMDD), not " +
                    d.substr(0, 8);
    return check;
  }
  int start_year = std::stoi(d.substr(8, 4));
  int start_month = std::stoi(d.substr(12, 2));
  if (start_month < 1 || start_month > 12) {
    check.problem =
        "digits 9-14 must be the appointment year and month "
        "(YYYYMM), not " +
        d.substr(8, 6);
    return check;
  }
  // Appointment may fall in the month of the 18th birthday at the earliest.
  if (start_year * 12 + start_month < (birth_year + 18) * 12 + birth_month) {
    check.problem = "the appointment " + d.substr(8, 6) +
                    " is before the 18th birthday (born " + d.substr(0, 8) +
                    ")";
    return check;
  }
  if (d[14] != '1' && d[14] != '2') {
    check.problem = std::string("digit 15 is the gender, 1 or 2, not ") + d[14];
    return check;
  }
  if (d.substr(15, 3) == "000") {
    check.problem = "digits 16-18 are a serial number from 001, not 000";
    return check;
  }
  check.ok = true;
  check.lahir = {birth_year, birth_month, birth_day};
  return check;
}

std::string FormatNip(const std::string& digits) {
  if (digits.size() != 18) return digits;
  return digits.substr(0, 8) + " " + digits.substr(8, 6) + " " +
         digits.substr(14, 1) + " " + digits.substr(15, 3);
}

}  // namespace sakip
