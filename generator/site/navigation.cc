#include "navigation.h"

#include "stable_hash.h"
#include "urls.h"

namespace sakip {
namespace {

NavItem UnitItem(const Unit& unit, const Unit* current) {
  NavItem item;
  item.unit = &unit;
  item.nama = unit.nama;
  item.path = UnitPath(unit);
  item.aktif = &unit == current;
  return item;
}

// The link that stands for a level's items left out: to the parent's list
// of sub-units, or for the top level to the list of every unit.
NavItem MoreItem(const Unit* parent, size_t all, bool path_shown) {
  NavItem item;
  std::string count = std::to_string(path_shown ? all - 1 : all);
  if (path_shown) {
    item.nama = "… dan " + count + " unit lain";
  } else {
    item.nama = "Daftar " + count + (parent ? " sub-unit" : " unit kerja");
  }
  item.path = parent ? UnitPath(*parent) : AllUnitsPath();
  item.anchor = parent ? "sub-unit" : AllUnitsAnchor();
  return item;
}

// The items of one level (`units`, the children of `parent`), `depth`
// levels below the top; `path` runs from a root to the current unit.
std::vector<NavItem> Level(const std::vector<Unit*>& units, const Unit* parent,
                           const std::vector<const Unit*>& path, size_t depth) {
  const Unit* on_path = depth < path.size() ? path[depth] : nullptr;
  const Unit* current = path.empty() ? nullptr : path.back();
  bool shorten = units.size() > kMaxNavigationLevel;
  std::vector<NavItem> items;
  for (const Unit* unit : units) {
    if (shorten && unit != on_path) continue;
    NavItem item = UnitItem(*unit, current);
    if (unit == on_path) {
      item.terbuka = true;
      item.anak = Level(unit->children, unit, path, depth + 1);
    }
    items.push_back(std::move(item));
  }
  if (shorten) items.push_back(MoreItem(parent, units.size(), on_path));
  return items;
}

// Each text with its length first, so that no two navigations give the
// same string whatever their names hold.
void AppendFingerprint(const std::vector<NavItem>& items, std::string* out) {
  *out += std::to_string(items.size()) + "[";
  for (const NavItem& item : items) {
    for (const std::string* text : {&item.nama, &item.path, &item.anchor}) {
      *out += std::to_string(text->size()) + ":" + *text;
    }
    *out += std::string(item.aktif ? "a" : "-") + (item.terbuka ? "t" : "-");
    AppendFingerprint(item.anak, out);
  }
  *out += "]";
}

}  // namespace

std::vector<NavItem> PrunedNavigation(const Model& model, const Unit* current) {
  std::vector<const Unit*> path;
  for (const Unit* u = current; u; u = u->parent) path.insert(path.begin(), u);
  return Level(model.roots, nullptr, path, 0);
}

std::string NavigationFingerprint(const std::vector<NavItem>& items) {
  std::string text;
  AppendFingerprint(items, &text);
  return StableHash(text);
}

std::string AllUnitsPath() { return HomePath(); }

std::string AllUnitsAnchor() { return "semua-unit"; }

}  // namespace sakip
