// Phase 4: everything one build writes, as an OutputTree. Renderers take the
// model, the results and the theme; they never read the disk.
#ifndef SAKIP_RENDER_SITE_H_
#define SAKIP_RENDER_SITE_H_

#include <string>
#include <vector>

#include "compute.h"
#include "diagnostic.h"
#include "diff.h"
#include "model.h"
#include "output_tree.h"
#include "riwayat.h"
#include "theme.h"

namespace sakip {

struct RenderOptions {
  std::string dibangun;  // build date as shown in the footer
  bool pdf = false;      // the build also makes PDFs: link them
  bool cari = false;     // the build also makes a search index
  int jobs = 0;          // threads that render pages (0: one per core)
};

// The folder name of the version built from the content tree: the first
// `versi` entry's name, else site `tahun`, else "terkini".
std::string CurrentVersionName(const Site& site);

// One version of the site: its content, results, and what changed since
// the version after it in site.yaml's list (the older one).
struct VersionView {
  std::string nama;
  std::string judul;
  const Model* model = nullptr;
  const Results* results = nullptr;
  const ModelDiff* perubahan = nullptr;
  std::string sebelumnya;  // name of the older version, if any
  // What changed in each jabatan, commit by commit (riwayat.h), by
  // `unit/jabatan`; null when the version does not come from git.
  const JabatanHistory* riwayat = nullptr;
  // Written as `<nama>/.sakip-stamp` when the version comes from a commit.
  std::string stamp;
  // The previous build's folder for this version is still valid (same
  // stamp): it is carried over instead of rendered.
  bool reuse = false;
};

inline constexpr const char* kStampFile = ".sakip-stamp";

// Every version into `site/<nama>/`, `versions.json` (the shape mike
// uses) and a root `index.html` that redirects to the first version.
// Pages are rendered on `options.jobs` threads; the files are the same as
// with one thread. Pages whose key `out` still has are not rendered.
void RenderSite(const std::vector<VersionView>& versions, const Theme& theme,
                const RenderOptions& options, OutputSink* out,
                Diagnostics* diagnostics);

// The same, kept in memory.
OutputTree RenderSite(const std::vector<VersionView>& versions,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics);

// A single version named by CurrentVersionName.
OutputTree RenderSite(const Model& model, const Results& results,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics);

}  // namespace sakip

#endif  // SAKIP_RENDER_SITE_H_
