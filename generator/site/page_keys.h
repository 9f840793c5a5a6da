// Keys for the incremental build. A unit's pages are keyed by what their
// data builders read of the model on the last build that rendered them
// (read_record.h: the unit's own content, other units reached through a
// Link, roll-ups, git history, the list of roots), each at its current
// value: a later build with the same key keeps the files instead of
// rendering them again. No list of what a page shows is kept by hand.
#ifndef SAKIP_PAGE_KEYS_H_
#define SAKIP_PAGE_KEYS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.h"
#include "read_record.h"
#include "riwayat.h"

namespace sakip {

// The current value of every read a page can record, in one version.
class ReadValues {
 public:
  ReadValues(const Model& model, const JabatanHistory* riwayat);

  // A read as stored between builds: its kind and the unit's path
  // ("o" + path, "s" + path, "h" + path, or "r").
  static std::string Name(const ReadRecorder::Read& read);
  // The names of `reads`, sorted.
  static std::vector<std::string> Names(
      const std::vector<ReadRecorder::Read>& reads);

  // The value of the read `name` now; a fixed "absent" for a unit that is
  // no longer there.
  std::string_view Value(std::string_view name) const;

  // The key of a unit's pages that read `deps` (names), under `site_key`.
  std::string Key(const std::string& site_key,
                  const std::vector<std::string>& deps) const;

 private:
  std::unordered_map<std::string, std::string> values_;
};

// What every page of a version shows besides its unit's content: site.yaml,
// the results year, and `extra` (theme, generator version, build date,
// options, versions). Not the list of units: no unit's page shows it.
std::string SiteKey(const Model& model, int tahun, const std::string& extra);

}  // namespace sakip

#endif  // SAKIP_PAGE_KEYS_H_
