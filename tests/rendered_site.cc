#include "rendered_site.h"

#include <catch2/catch.hpp>

#include "theme.h"

namespace sakip::testing {

const std::string& RenderedSite::Page(const std::string& path) const {
  const std::string* page = out->Find(version + "/" + path);
  INFO("page " << path);
  REQUIRE(page != nullptr);
  return *page;
}

std::unique_ptr<RenderedSite> RenderInMemory(const FileSystem& content,
                                             const RenderOptions& options) {
  auto site = std::make_unique<RenderedSite>();
  site->checked = Check(content);
  INFO(site->checked.diagnostics.Format());
  REQUIRE(site->checked.diagnostics.error_count() == 0);
  Diagnostics d;
  site->results = ComputeResults(site->checked.model, &d);
  Theme theme = DefaultTheme(&d);
  site->out.emplace(
      RenderSite(site->checked.model, site->results, theme, options, &d));
  INFO(d.Format());
  REQUIRE(d.error_count() == 0);
  site->version = CurrentVersionName(site->checked.model.site);
  return site;
}

}  // namespace sakip::testing
