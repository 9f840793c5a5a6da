// JsonQuoted must write what nlohmann's dump() writes, since the open data
// files were written by nlohmann before and readers compare them.
#include "json_quote.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sakip {
namespace {

std::string Nlohmann(const std::string& text) {
  return nlohmann::json(text).dump();
}

TEST_CASE("JsonQuoted writes every byte as nlohmann does") {
  std::vector<std::string> texts = {
      "",
      "Camat Sukodono",
      "Laporan Kinerja Triwulan I – Kasi Trantib",
      "Perangkat \"Daerah\" \\ garis/miring",
      "Rp\xC2\xA0"
      "1.000",                    // no-break space
      "\xF0\x9F\x93\x8A grafik",  // four bytes
      "hapus \x7F tetap",
  };
  for (int c = 0; c < 0x20; ++c) {
    texts.push_back("a" + std::string(1, static_cast<char>(c)) + "b");
  }
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(JsonQuoted(text) == Nlohmann(text));
  }
}

TEST_CASE("JsonQuoted refuses text that is not UTF-8 as nlohmann does") {
  std::vector<std::string> bad = {
      "\x80",              // a continuation byte alone
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xED\xA0\x80",      // a surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xE2\x80",          // cut short
      "ok \xFF",
  };
  for (const std::string& text : bad) {
    INFO(text.size());
    CHECK_FALSE(IsValidUtf8(text));
    CHECK_THROWS(JsonQuoted(text));
    CHECK_THROWS(Nlohmann(text));
  }
  CHECK(IsValidUtf8("\xEF\xBF\xBD"));
  CHECK(IsValidUtf8("\xF4\x8F\xBF\xBF"));
}

}  // namespace
}  // namespace sakip
