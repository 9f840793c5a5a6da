#include "pipeline.h"

#include "compute.h"
#include "loader.h"
#include "publish.h"
#include "render_site.h"
#include "resolve.h"
#include "theme.h"

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
  Theme theme = options.theme_dir.empty()
                    ? DefaultTheme(diagnostics)
                    : LoadTheme(RealFileSystem(options.theme_dir),
                                options.theme_dir, diagnostics);
  if (diagnostics->has_errors()) return 1;
  OutputTree site = RenderSite(model, results, theme,
                               RenderOptions{options.dibangun}, diagnostics);
  if (diagnostics->has_errors()) return 1;
  std::string error;
  if (!Publish(site, options.out_dir, &error)) {
    diagnostics->Error({options.out_dir, 0, 0}, error);
    return 2;
  }
  return 0;
}

}  // namespace sakip
