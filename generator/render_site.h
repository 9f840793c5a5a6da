// Phase 4: everything one build writes, as an OutputTree. Renderers take the
// model, the results and the theme; they never read the disk.
#ifndef SAKIP_RENDER_SITE_H_
#define SAKIP_RENDER_SITE_H_

#include <string>

#include "compute.h"
#include "diagnostic.h"
#include "model.h"
#include "output_tree.h"
#include "theme.h"

namespace sakip {

struct RenderOptions {
  std::string dibangun;  // build date as shown in the footer
  bool pdf = false;      // the build also makes PDFs: link them
};

// The folder name of the version built from the content tree: the first
// `versi` entry's name, else site `tahun`, else "terkini".
std::string CurrentVersionName(const Site& site);

OutputTree RenderSite(const Model& model, const Results& results,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics);

}  // namespace sakip

#endif  // SAKIP_RENDER_SITE_H_
