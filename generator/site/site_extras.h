// The files a site has besides its pages: the root redirect, sitemap.xml,
// robots.txt, the 404 page, the favicon, and each version's search page and
// open data page.
#ifndef SAKIP_SITE_EXTRAS_H_
#define SAKIP_SITE_EXTRAS_H_

#include <string>
#include <vector>

#include "output_tree.h"
#include "site_data.h"

namespace sakip {

// `base_url` + `path`, with exactly one slash between; "" without base_url.
std::string AbsoluteUrl(const std::string& base_url, const std::string& path);

// Root files for a site whose versions are `versions` (the first is the
// current one). The sitemap needs `base_url`; without it none is written.
void AddRootFiles(const std::vector<VersionInfo>& versions,
                  const std::string& base_url, const std::string& favicon_svg,
                  OutputSink* out);

// The search page of one version (only when the build makes an index).
std::string CariPath();
Page CariPage();

// The open data page: the README of data/ as HTML (open_data.h).
std::string DataTerbukaPath();
Page DataTerbukaPage();

}  // namespace sakip

#endif  // SAKIP_SITE_EXTRAS_H_
