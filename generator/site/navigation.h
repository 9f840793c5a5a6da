// The side navigation of a page, pruned to the way to its unit: the top
// level, the siblings of each unit on the path from the root, and the
// unit's own sub-units. Every unit is listed once, on the home page; the
// navigation links there ("Semua unit kerja"). A page's navigation so
// stays the same size however many units the site has, and depends on
// few units' names (the page keys name exactly those).
#ifndef SAKIP_NAVIGATION_H_
#define SAKIP_NAVIGATION_H_

#include <string>
#include <vector>

#include "model.h"

namespace sakip {

// A level with more items than this shows only the item on the path (if
// any) and a link to the whole list ("… dan 488 unit lain").
constexpr size_t kMaxNavigationLevel = 12;

struct NavItem {
  // The unit linked, or null for the link to a shortened level's list.
  const Unit* unit = nullptr;
  std::string nama;
  std::string path;      // the page linked (relative to the version root)
  std::string anchor;    // "" or the fragment on that page, without '#'
  bool aktif = false;    // the page's own unit
  bool terbuka = false;  // on the path: its sub-units are listed
  std::vector<NavItem> anak;
};

// The navigation of the pages of `current`; with null, that of the pages
// showing the whole site (the top level only).
std::vector<NavItem> PrunedNavigation(const Model& model, const Unit* current);

// Where the list of every unit is: on the home page.
std::string AllUnitsPath();
std::string AllUnitsAnchor();

}  // namespace sakip

#endif  // SAKIP_NAVIGATION_H_
