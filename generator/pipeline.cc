#include "pipeline.h"

#include <cstdio>
#include <filesystem>

#include "compute.h"
#include "loader.h"
#include "pdf.h"
#include "publish.h"
#include "render_site.h"
#include "resolve.h"
#include "theme.h"

namespace sakip {

namespace {

// The print HTML of one version, and PDFs of it in `version_dir`.
void MakePdfs(const OutputTree& site, const Theme& theme,
              const std::string& version_dir, const std::string& previous,
              const PipelineOptions& options, Diagnostics* diagnostics) {
  std::string prefix =
      std::filesystem::path(version_dir).filename().string() + "/";
  std::vector<std::string> documents;
  for (const auto& [path, bytes] : site.files()) {
    bool print = path.compare(0, prefix.size() + 6, prefix + "cetak/") == 0;
    if (!print || path.size() <= 5 || path.substr(path.size() - 5) != ".html") {
      continue;
    }
    bool wanted = options.pdf_only.empty();
    for (const std::string& part : options.pdf_only) {
      wanted |= path.find(part) != std::string::npos;
    }
    if (wanted) documents.push_back(path.substr(prefix.size()));
  }
  std::string inputs;  // every static file a document may use
  for (const auto& [path, bytes] : theme.files) inputs += path + bytes;
  PdfOptions pdf{options.pdf_engine, options.pdf_jobs,
                 std::filesystem::is_directory(previous) ? previous : ""};
  PdfReport report =
      RenderPdfs(version_dir, documents, StableHash(inputs), pdf, diagnostics);
  std::fprintf(stderr, "sakip: %d PDF(s) made, %d reused, %d failed\n",
               report.rendered, report.reused, report.failed);
}

}  // namespace

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
  OutputTree site =
      RenderSite(model, results, theme,
                 RenderOptions{options.dibangun, options.pdf}, diagnostics);
  if (diagnostics->has_errors()) return 1;
  std::function<void(const std::string&)> make_pdfs;
  if (options.pdf) {
    make_pdfs = [&](const std::string& staging) {
      std::string version = CurrentVersionName(model.site);
      MakePdfs(site, theme, staging + "/" + version,
               (std::filesystem::path(options.out_dir) / version).string(),
               options, diagnostics);
    };
  }
  std::string error;
  if (!Publish(site, options.out_dir, &error, make_pdfs)) {
    diagnostics->Error({options.out_dir, 0, 0}, error);
    return 2;
  }
  return diagnostics->has_errors() ? 1 : 0;
}

}  // namespace sakip
