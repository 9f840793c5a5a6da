#include "nip.h"

#include <catch2/catch.hpp>

namespace sakip {

TEST_CASE("NIPs from the source documents are valid and print 8-6-1-3") {
  for (const char* written :
       {"197001031995031001", "19690303 199303 1 009", "19680613 199003 2 005",
        "19840514 201001 2 031"}) {
    NipCheck check = CheckNip(written);
    INFO(written << ": " << check.problem);
    CHECK(check.ok);
  }
  CHECK(FormatNip(CheckNip("197001031995031001").digits) ==
        "19700103 199503 1 001");
}

TEST_CASE("each kind of wrong NIP says what is wrong") {
  struct Case {
    const char* nip;
    const char* problem;
  };
  Case cases[] = {
      {"1970010319950310", "a NIP has 18 digits, this one has 16"},
      {"19700103199503100A", "a NIP holds digits only (spaces allowed)"},
      {"197013031995031001",
       "digits 1-8 must be a real birth date (YYYYMMDD), not 19701303"},
      {"197002301995031001",
       "digits 1-8 must be a real birth date (YYYYMMDD), not 19700230"},
      {"197001031995131001",
       "digits 9-14 must be the appointment year and month (YYYYMM), not "
       "199513"},
      {"197001031987121001",
       "the appointment 198712 is before the 18th birthday (born 19700103)"},
      {"197001031995033001", "digit 15 is the gender, 1 or 2, not 3"},
      {"197001031995031000",
       "digits 16-18 are a serial number from 001, not 000"},
  };
  for (const Case& c : cases) {
    NipCheck check = CheckNip(c.nip);
    INFO(c.nip);
    CHECK_FALSE(check.ok);
    CHECK(check.problem == c.problem);
  }
}

TEST_CASE("appointment in the month of the 18th birthday is allowed") {
  CHECK(CheckNip("197001031988011001").ok);
  CHECK_FALSE(CheckNip("197002031988011001").ok);
}

}  // namespace sakip
