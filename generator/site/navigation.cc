#include "navigation.h"

#include "read_record.h"
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
std::vector<NavItem> Level(const std::vector<Link<Unit>>& units,
                           const Unit* parent,
                           const std::vector<const Unit*>& path, size_t depth) {
  const Unit* on_path = depth < path.size() ? path[depth] : nullptr;
  const Unit* current = path.empty() ? nullptr : path.back();
  bool shorten = units.size() > kMaxNavigationLevel;
  std::vector<NavItem> items;
  for (const Link<Unit>& link : units) {
    if (shorten && link != on_path) continue;
    // An item shows the unit's name and path only: its other edits leave
    // these pages as they are (the units on the path are read whole).
    const Unit* unit = link.raw();
    NoteRead(ReadKind::kName, unit);
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

}  // namespace

std::vector<NavItem> PrunedNavigation(const Model& model, const Unit* current) {
  std::vector<const Unit*> path;
  for (const Unit* u = current; u; u = u->parent) path.insert(path.begin(), u);
  NoteRead(ReadKind::kRoots, nullptr);
  return Level(model.roots, nullptr, path, 0);
}

std::string AllUnitsPath() { return HomePath(); }

std::string AllUnitsAnchor() { return "semua-unit"; }

}  // namespace sakip
