// Phase 5: the one place that writes output. Publishing is atomic: the new
// site is written next to the old one and swapped in with one rename, so a
// failed or killed build leaves the previous site complete. A non-empty
// folder without the marker below is never replaced.
#ifndef SAKIP_PUBLISH_H_
#define SAKIP_PUBLISH_H_

#include <functional>
#include <string>

#include "output_tree.h"

namespace sakip {

// Marks a folder as sakip's output, which the next build may replace.
inline constexpr const char* kOutputMarker = ".sakip-output";

// Writes `tree` as the whole content of `out_dir`. On failure returns false
// with `error` set and leaves `out_dir` as it was.
// `before_swap` runs on the complete staging folder before it replaces the
// previous site (PDFs are made there).
bool Publish(const OutputTree& tree, const std::string& out_dir,
             std::string* error,
             const std::function<void(const std::string& staging)>&
                 before_swap = nullptr);

// True when `path` is relative and stays inside its folder.
bool IsSafeRelativePath(const std::string& path);

}  // namespace sakip

#endif  // SAKIP_PUBLISH_H_
