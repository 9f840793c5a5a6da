// NIP (Nomor Induk Pegawai), the 18-digit civil servant number:
// birth date YYYYMMDD, appointment YYYYMM, gender 1|2, serial 001-999.
#ifndef SAKIP_NIP_H_
#define SAKIP_NIP_H_

#include <string>

#include "date.h"

namespace sakip {

struct NipCheck {
  bool ok = false;
  std::string digits;   // the 18 digits, spaces removed
  std::string problem;  // what is wrong, in words, when !ok
  Date lahir;
};

// Spaces are allowed as printed (`19700103 199503 1 001`).
NipCheck CheckNip(const std::string& written);

// `19700103 199503 1 001`: the groups 8-6-1-3 of a valid NIP.
std::string FormatNip(const std::string& digits);

}  // namespace sakip

#endif  // SAKIP_NIP_H_
