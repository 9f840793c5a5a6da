// Phase 4: everything one build writes, as an OutputTree. Renderers take the
// model and the results; they never read the disk.
#ifndef SAKIP_RENDER_SITE_H_
#define SAKIP_RENDER_SITE_H_

#include <string>

#include "compute.h"
#include "model.h"
#include "output_tree.h"

namespace sakip {

// The folder name of the version built from the content tree: the first
// `versi` entry's name, else site `tahun`, else "terkini".
std::string CurrentVersionName(const Site& site);

OutputTree RenderSite(const Model& model, const Results& results);

}  // namespace sakip

#endif  // SAKIP_RENDER_SITE_H_
