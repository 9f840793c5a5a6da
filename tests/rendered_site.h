// A content tree rendered into memory with the default theme, for tests
// that read the pages a build would write without touching the disk.
#ifndef SAKIP_TESTS_RENDERED_SITE_H_
#define SAKIP_TESTS_RENDERED_SITE_H_

#include <memory>
#include <optional>
#include <string>

#include "compute.h"
#include "output_tree.h"
#include "render_site.h"
#include "test_tree.h"

namespace sakip::testing {

struct RenderedSite {
  Checked checked;
  Results results;
  std::optional<OutputTree> out;
  // The version folder the pages are in (CurrentVersionName).
  std::string version;

  // The page at `path` below the version folder; fails the test when the
  // site has no such page.
  const std::string& Page(const std::string& path) const;
};

// Checks, computes and renders `content`; fails the test on any error (a
// warning is allowed: callers that want none check `checked.Lines()`).
// Held by pointer because the results point into the model.
std::unique_ptr<RenderedSite> RenderInMemory(const FileSystem& content,
                                             const RenderOptions& options = {});

}  // namespace sakip::testing

#endif  // SAKIP_TESTS_RENDERED_SITE_H_
