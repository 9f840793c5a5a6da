#include "pipeline.h"

#include "compute.h"
#include "loader.h"
#include "publish.h"
#include "render_site.h"
#include "resolve.h"

namespace sakip {

Model LoadAndResolve(const FileSystem& content, const std::string& display_root,
                     Diagnostics* diagnostics) {
  Model model = LoadContent(content, {display_root}, diagnostics);
  ResolveModel(&model, diagnostics);
  return model;
}

int RunPipeline(const FileSystem& content, const PipelineOptions& options,
                Diagnostics* diagnostics) {
  Model model = LoadAndResolve(content, options.display_root, diagnostics);
  Results results = ComputeResults(model, diagnostics);
  bool failed = diagnostics->has_errors() ||
                (options.strict && diagnostics->warning_count() > 0);
  if (failed) return 1;
  if (options.out_dir.empty()) return 0;
  OutputTree site = RenderSite(model, results);
  std::string error;
  if (!Publish(site, options.out_dir, &error)) {
    diagnostics->Error({options.out_dir, 0, 0}, error);
    return 2;
  }
  return 0;
}

}  // namespace sakip
