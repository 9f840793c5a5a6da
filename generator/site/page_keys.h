// Keys for the incremental build: a page's key names everything it is made
// from, so that a later build with the same key keeps the file instead of
// rendering it again.
#ifndef SAKIP_PAGE_KEYS_H_
#define SAKIP_PAGE_KEYS_H_

#include <map>
#include <string>

#include "model.h"
#include "riwayat.h"

namespace sakip {

// Per unit: a hash of the files its pages can show. A unit's pages show
// its own content, its ancestors' (atasan, breadcrumbs, letterhead),
// everything below it (roll-ups, sub-unit cards, bawahan, lampiran with
// sub-units) and units its jabatan link to across the tree (an atasan,
// bawahan, cascaded indicator or PK pihak kedua elsewhere), and the git history
// of its jabatan files. `site_key` covers what every page shows (navigation,
// footer, theme, generator, version list) and is folded into each key.
std::map<const Unit*, std::string> UnitKeys(const Model& model,
                                            const JabatanHistory* riwayat,
                                            const std::string& site_key);

// What every page of a version shows besides its unit's content: site.yaml,
// the list of units (navigation), the results year, and `extra` (theme,
// generator version, build date, options, versions).
std::string SiteKey(const Model& model, int tahun, const std::string& extra);

}  // namespace sakip

#endif  // SAKIP_PAGE_KEYS_H_
