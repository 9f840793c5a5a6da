#include "navigation.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "page_keys.h"
#include "read_record.h"

namespace sakip {
namespace {

// A model made by hand: units by path, each under the unit of its parent
// folder, in the order given (parents first, as the loader makes them).
class Tree {
 public:
  Unit* Add(const std::string& path, const std::string& nama) {
    auto unit = std::make_unique<Unit>();
    unit->path = path;
    unit->id = path.substr(path.rfind('/') + 1);
    unit->nama = nama;
    size_t slash = path.rfind('/');
    if (slash == std::string::npos) {
      model.roots.push_back(unit.get());
    } else {
      unit->parent = Find(path.substr(0, slash));
      unit->parent->children.push_back(unit.get());
    }
    model.units.push_back(std::move(unit));
    return model.units.back().get();
  }
  Unit* Find(const std::string& path) {
    for (const auto& unit : model.units) {
      if (unit->path == path) return unit.get();
    }
    FAIL("no unit " << path);
    return nullptr;
  }
  Model model;
};

std::string Two(int i) { return (i < 10 ? "0" : "") + std::to_string(i); }

// Two roots; under the first, `dinas` units (dinas-01, ...), the third with
// `bidang` sub-units, the first of which (if any) has two seksi.
Tree MakeTree(int dinas, int bidang) {
  Tree tree;
  tree.Add("prov", "Provinsi Uji");
  tree.Add("kab", "Kabupaten Lain");
  tree.Add("kab/dinas-lain", "Dinas Cabang Lain");
  for (int i = 1; i <= dinas; ++i) {
    tree.Add("prov/dinas-" + Two(i), "Dinas " + Two(i));
  }
  for (int i = 1; i <= bidang; ++i) {
    tree.Add("prov/dinas-03/bidang-" + Two(i), "Bidang " + Two(i));
  }
  if (bidang > 0) {
    tree.Add("prov/dinas-03/bidang-01/seksi-a", "Seksi A");
    tree.Add("prov/dinas-03/bidang-01/seksi-b", "Seksi B");
  }
  return tree;
}

// The names in `items`, depth first, as "  " per level + name.
void Names(const std::vector<NavItem>& items, int depth,
           std::vector<std::string>* out) {
  for (const NavItem& item : items) {
    out->push_back(std::string(2 * depth, ' ') + item.nama +
                   (item.aktif ? " *" : ""));
    Names(item.anak, depth + 1, out);
  }
}

std::vector<std::string> Names(const std::vector<NavItem>& items) {
  std::vector<std::string> out;
  Names(items, 0, &out);
  return out;
}

TEST_CASE(
    "the navigation shows the path, each level's units and the children") {
  Tree tree = MakeTree(5, 3);
  auto nav = PrunedNavigation(tree.model, tree.Find("prov/dinas-03/bidang-01"));
  CHECK(Names(nav) == std::vector<std::string>{
                          "Provinsi Uji", "  Dinas 01", "  Dinas 02",
                          "  Dinas 03", "    Bidang 01 *", "      Seksi A",
                          "      Seksi B", "    Bidang 02", "    Bidang 03",
                          "  Dinas 04", "  Dinas 05", "Kabupaten Lain"});
  CHECK(nav[0].terbuka);
  CHECK_FALSE(nav[1].terbuka);  // the other root is closed
  CHECK(nav[0].anak[2].anak[0].path == "prov/dinas-03/bidang-01/index.html");
}

TEST_CASE("the site-wide pages show the top level only") {
  Tree tree = MakeTree(5, 3);
  CHECK(Names(PrunedNavigation(tree.model, nullptr)) ==
        std::vector<std::string>{"Provinsi Uji", "Kabupaten Lain"});
}

TEST_CASE("a level of more than twelve units shows the path's unit only") {
  Tree at_limit = MakeTree(kMaxNavigationLevel, 0);
  auto full = PrunedNavigation(at_limit.model, at_limit.Find("prov/dinas-03"));
  CHECK(full[0].anak.size() == kMaxNavigationLevel);

  Tree tree = MakeTree(20, kMaxNavigationLevel + 1);
  auto nav = PrunedNavigation(tree.model, tree.Find("prov/dinas-03"));
  REQUIRE(nav[0].anak.size() == 2);
  CHECK(nav[0].anak[0].nama == "Dinas 03");
  const NavItem& more = nav[0].anak[1];
  CHECK(more.nama == "… dan 19 unit lain");
  CHECK(more.unit == nullptr);
  CHECK(more.path == "prov/index.html");
  CHECK(more.anchor == "sub-unit");
  // Its own 13 sub-units: none on the path, so only the link to the list.
  REQUIRE(nav[0].anak[0].anak.size() == 1);
  CHECK(nav[0].anak[0].anak[0].nama == "Daftar 13 sub-unit");
  CHECK(nav[0].anak[0].anak[0].path == "prov/dinas-03/index.html");
}

TEST_CASE("more than twelve top-level units link to the list of every unit") {
  Tree tree;
  for (int i = 1; i <= 14; ++i) tree.Add("akar-" + Two(i), "Akar " + Two(i));
  auto site = PrunedNavigation(tree.model, nullptr);
  REQUIRE(site.size() == 1);
  CHECK(site[0].nama == "Daftar 14 unit kerja");
  CHECK(site[0].path == AllUnitsPath());
  CHECK(site[0].anchor == AllUnitsAnchor());
  auto unit = PrunedNavigation(tree.model, tree.Find("akar-05"));
  CHECK(Names(unit) ==
        std::vector<std::string>{"Akar 05 *", "… dan 13 unit lain"});
}

TEST_CASE("the reads of a navigation change with what it shows, only") {
  Tree tree = MakeTree(20, 3);
  Unit* current = tree.Find("prov/dinas-03/bidang-01");
  // What the navigation read (read_record.h), at its value after each edit.
  ReadRecorder recorder;
  {
    ScopedRecorder scope(&recorder);
    PrunedNavigation(tree.model, current);
  }
  std::vector<std::string> reads = ReadValues::Names(recorder.Reads());
  auto fingerprint = [&] {
    return ReadValues(tree.model, nullptr).Key("", reads);
  };
  std::string before = fingerprint();
  // Not shown: a unit in another branch, a unit of a shortened level.
  tree.Find("kab/dinas-lain")->nama = "Dinas Cabang Baru";
  tree.Find("prov/dinas-11")->nama = "Dinas Sebelas";
  CHECK(fingerprint() == before);
  // Shown: a sibling, a child, a top-level unit, the count of a level.
  tree.Find("prov/dinas-03/bidang-02")->nama = "Bidang Dua";
  std::string sibling = fingerprint();
  CHECK(sibling != before);
  tree.Find("prov/dinas-03/bidang-01/seksi-b")->nama = "Seksi Bravo";
  std::string child = fingerprint();
  CHECK(child != sibling);
  tree.Find("kab")->nama = "Kabupaten Baru";
  std::string top = fingerprint();
  CHECK(top != child);
  tree.Add("prov/dinas-21", "Dinas 21");
  CHECK(fingerprint() != top);
}

}  // namespace
}  // namespace sakip
