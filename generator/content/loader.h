// Phase 1: reads a content tree into a Model. References are left as text;
// resolve.h links them.
#ifndef SAKIP_LOADER_H_
#define SAKIP_LOADER_H_

#include <cstdint>
#include <set>
#include <string>

#include "diagnostic.h"
#include "file_system.h"
#include "model.h"

namespace sakip {

// Files above this size are refused before parsing, so that a stray dump
// cannot exhaust memory (documented in docs/security.md).
constexpr std::uintmax_t kMaxContentFileBytes = 4 * 1024 * 1024;
// A unit's logo is copied into the site and shown on every print page;
// a letterhead logo is a few kilobytes.
constexpr std::uintmax_t kMaxLogoBytes = 1024 * 1024;

struct LoadOptions {
  // Prepended to every path in diagnostics, e.g. "content".
  std::string display_root;
  // Where parsed units are cached (unit_cache.h); none when empty.
  std::string cache_dir;
  // Threads that read units (`--jobs`; 0: one per core).
  int jobs = 0;
};

// Loads site.yaml and every unit below the root of `fs`. Folders that
// site.yaml lists as versions (`versi: - dir:`) are not part of the tree.
Model LoadContent(const FileSystem& fs, const LoadOptions& options,
                  Diagnostics* diagnostics);

}  // namespace sakip

#endif  // SAKIP_LOADER_H_
