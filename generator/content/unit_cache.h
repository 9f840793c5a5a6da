// A cache of parsed units, so that a rebuild parses only the units whose
// files changed. One file per unit in the cache folder, holding the unit as
// the loader left it (before resolving) and the diagnostics of its parsing,
// under a key made of the generator binary, the display root and the paths
// and hashes of the unit's files. A file that is missing, stale, truncated
// or corrupt is a miss, never an error.
#ifndef SAKIP_UNIT_CACHE_H_
#define SAKIP_UNIT_CACHE_H_

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "model.h"

namespace sakip {

// The bytes of `unit` (its content, not the links set by the folder walk
// and the resolver) and of `diagnostics`.
std::string SerializeUnit(const Unit& unit,
                          const std::vector<Diagnostic>& diagnostics);

// Fills `unit`'s content from SerializeUnit's bytes (its jabatan, keputusan
// and realisasi pointing back at it); false when the bytes are not whole.
bool DeserializeUnit(std::string_view bytes, Unit* unit,
                     std::vector<Diagnostic>* diagnostics);

class UnitCache {
 public:
  // No cache when `folder` is empty.
  explicit UnitCache(std::string folder);

  bool enabled() const { return !folder_.empty(); }
  // The cached content of the unit at `unit->path` when it was stored
  // under `key`.
  bool Load(const std::string& key, Unit* unit,
            std::vector<Diagnostic>* diagnostics) const;
  // Stores a parsed unit under `key` (written whole, then renamed).
  void Store(const std::string& key, const Unit& unit,
             const std::vector<Diagnostic>& diagnostics) const;

  // Identifies this generator binary (version, size and time of the
  // program file): a rebuilt generator never reads an older one's cache.
  static std::string GeneratorId();

 private:
  std::string FileOf(const std::string& unit_path) const;

  std::string folder_;
};

}  // namespace sakip

#endif  // SAKIP_UNIT_CACHE_H_
