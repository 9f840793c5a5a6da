#include "boxed.h"

#include <catch2/catch.hpp>
#include <string>

#include "model.h"

namespace sakip {
namespace {

TEST_CASE("a boxed value behaves like an optional and copies deeply") {
  Boxed<std::string> none;
  CHECK_FALSE(none);
  CHECK_FALSE(Boxed<std::string>(std::nullopt).has_value());
  CHECK_FALSE(Boxed<std::string>(std::optional<std::string>()).has_value());

  Boxed<std::string> a(std::string("pagu"));
  REQUIRE(a);
  CHECK(*a == "pagu");
  CHECK(a->size() == 4);

  Boxed<std::string> copy = a;
  *copy = "kegiatan";
  CHECK(*a == "pagu");  // the copy has its own value
  CHECK(*copy == "kegiatan");

  Boxed<std::string> moved = std::move(copy);
  CHECK(*moved == "kegiatan");

  a = std::optional<std::string>("sumber dana");
  CHECK(*a == "sumber dana");
  a = std::nullopt;
  CHECK_FALSE(a);
  a.emplace() = "baru";
  CHECK(*a == "baru");
}

TEST_CASE("an indicator without rumus or anggaran keeps two pointers") {
  Indikator ind;
  CHECK_FALSE(ind.rumus);
  CHECK_FALSE(ind.anggaran);
  ind.anggaran = Anggaran{"1.01", "Pelayanan", 1500000.0, "APBD"};
  Indikator copy = ind;
  copy.anggaran->kegiatan = "Lain";
  CHECK(ind.anggaran->kegiatan == "Pelayanan");
  static_assert(sizeof(Boxed<Anggaran>) == sizeof(void*));
}

}  // namespace
}  // namespace sakip
