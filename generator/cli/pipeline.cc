#include "pipeline.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "compute.h"
#include "content_source.h"
#include "diff.h"
#include "loader.h"
#include "parallel.h"
#include "pdf.h"
#include "phase_timer.h"
#include "publish.h"
#include "render_site.h"
#include "resolve.h"
#include "riwayat.h"
#include "search_index.h"
#include "theme.h"
#include "unit_cache.h"
#include "urls.h"
#include "version.h"

namespace sakip {

namespace {

// The print HTML of one version, and PDFs of it in `version_dir`, which
// `site` is told of (the PDF engine writes them, not the staging).
void MakePdfs(Staging* site, const Theme& theme, const Model& model,
              const std::string& version_dir, const std::string& previous,
              const PipelineOptions& options, Diagnostics* diagnostics) {
  std::string prefix =
      std::filesystem::path(version_dir).filename().string() + "/";
  std::vector<std::string> documents;
  for (const std::string& path : site->Paths()) {
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
  for (const std::string& html : documents) {
    site->AddExternal(prefix + PdfPathOf(html));
  }
  site->AddExternal(prefix + kPdfManifest);
  std::string inputs;  // every static file a document may use
  for (const auto& [path, bytes] : theme.files) inputs += path + bytes;
  for (const auto& unit : model.units) {
    if (unit->kop.logo_bytes.empty()) continue;
    inputs += LogoPath(*unit) + StableHash(unit->kop.logo_bytes);
  }
  std::error_code ec;
  PdfOptions pdf{options.pdf_engine, options.pdf_jobs,
                 std::filesystem::is_directory(previous, ec) ? previous : ""};
  PdfReport report =
      RenderPdfs(version_dir, documents, StableHash(inputs), pdf, diagnostics);
  std::fprintf(stderr, "sakip: %d PDF(s) made, %d reused, %d failed\n",
               report.rendered, report.reused, report.failed);
}

}  // namespace

Model LoadAndResolve(const FileSystem& content, const std::string& display_root,
                     Diagnostics* diagnostics, const std::string& cache_dir,
                     int jobs) {
  Model model =
      LoadContent(content, {display_root, cache_dir, jobs}, diagnostics);
  ResolveModel(&model, diagnostics);
  return model;
}

namespace {

// Threads for computing and rendering: `--jobs`, else one per core.
int ThreadsOf(const PipelineOptions& options) {
  return ThreadCount(options.jobs);
}

// True when the run stops here: errors, or warnings under --strict.
bool Failed(const Diagnostics& diagnostics, const PipelineOptions& options) {
  return diagnostics.has_errors() ||
         (options.strict && diagnostics.warning_count() > 0);
}

struct LoadedVersion {
  std::string nama;
  std::string judul;
  Model model;
  Results results;
  std::optional<JabatanHistory> riwayat;
  std::string commit;  // "" unless read from git: only then is it immutable
};

// What a version's output depends on besides its commit: the generator,
// the theme, and the list of versions (its switcher and Perubahan page).
// With --pdf, the carried-over folder must hold PDFs too.
std::string StampOf(const LoadedVersion& v, const std::string& theme_hash,
                    const std::string& versions_hash, bool pdf) {
  return "commit " + v.commit + "\ngenerator " + kVersion + "\ntheme " +
         theme_hash + "\nversions " + versions_hash + "\npdf " +
         (pdf ? "yes" : "no") + "\n";
}

// Loads and resolves one `versi` entry. The first entry with `ref: HEAD`
// is the working tree itself, so that local edits show before they are
// committed.
std::optional<LoadedVersion> LoadVersion(const FileSystem& content,
                                         const PipelineOptions& options,
                                         const VersionSpec& spec, bool first,
                                         Model* working_tree,
                                         Diagnostics* diagnostics) {
  LoadedVersion version;
  version.nama = spec.nama;
  version.judul = spec.judul;
  if (!spec.dir.empty()) {
    if (!IsSafeRelativePath(spec.dir)) {
      diagnostics->Error(spec.pos,
                         "versi `dir` must be a folder inside the "
                         "content folder, not `" +
                             spec.dir + "`");
      return std::nullopt;
    }
    if (!content.IsFile(spec.dir + "/site.yaml")) {
      diagnostics->Error(spec.pos,
                         "versi folder `" + spec.dir +
                             "` is not a content tree (no site.yaml)");
      return std::nullopt;
    }
    SubdirFileSystem folder(content, spec.dir);
    version.model =
        LoadAndResolve(folder, JoinPath(options.display_root, spec.dir),
                       diagnostics, "", options.jobs);
  } else if (first && spec.ref == "HEAD") {
    version.model = std::move(*working_tree);
    // The working tree's history is HEAD's, when the content is in git.
    std::string error;
    if (!options.content_dir.empty()) {
      if (auto source = OpenGitRef(options.content_dir, "HEAD", &error)) {
        version.riwayat = HistoryOf(version.model, *source->repo,
                                    source->commit, source->repo_path);
      }
    }
  } else {
    if (options.content_dir.empty()) {
      diagnostics->Error(spec.pos,
                         "versi `" + spec.nama +
                             "` is a git ref, "
                             "but the content is not in a folder on disk");
      return std::nullopt;
    }
    std::string error;
    std::optional<ContentSource> source =
        OpenGitRef(options.content_dir, spec.ref, &error);
    if (!source) {
      diagnostics->Error(spec.pos, "versi `" + spec.nama + "`: " + error,
                         "list the refs with `git tag` and `git branch -a`");
      return std::nullopt;
    }
    version.model = LoadAndResolve(*source->fs, source->display_root,
                                   diagnostics, "", options.jobs);
    version.riwayat = HistoryOf(version.model, *source->repo, source->commit,
                                source->repo_path);
    version.commit = source->commit;
  }
  return version;
}

// Phases 1 and 2 for every version site.yaml lists (the working tree alone
// when it lists none); the working tree's model moves into its version.
std::vector<LoadedVersion> LoadVersions(const FileSystem& content,
                                        const PipelineOptions& options,
                                        Model* working_tree,
                                        Diagnostics* diagnostics) {
  std::vector<VersionSpec> specs = working_tree->site.versi;
  if (specs.empty()) {
    specs.push_back({CurrentVersionName(working_tree->site),
                     "HEAD",
                     "",
                     working_tree->site.judul,
                     {}});
  }
  std::vector<LoadedVersion> versions;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (auto v = LoadVersion(content, options, specs[i], i == 0, working_tree,
                             diagnostics)) {
      versions.push_back(std::move(*v));
    }
  }
  return versions;
}

// Phase 3: the results of every version.
void ComputeVersions(const PipelineOptions& options,
                     std::vector<LoadedVersion>* versions,
                     Diagnostics* diagnostics) {
  for (LoadedVersion& version : *versions) {
    version.results =
        ComputeResults(version.model, diagnostics, ThreadsOf(options));
  }
}

// The theme given with --theme, else the one compiled into the binary.
Theme LoadSiteTheme(const PipelineOptions& options, Diagnostics* diagnostics) {
  if (options.theme_dir.empty()) return DefaultTheme(diagnostics);
  return LoadTheme(RealFileSystem(options.theme_dir), options.theme_dir,
                   diagnostics);
}

// What the render phase makes each version from: its views (with the
// changes since the older version, and whether the previous build's folder
// can be carried over) and the Pagefind program, if the build makes a
// search index.
struct SitePlan {
  std::vector<ModelDiff> diffs;  // the views point into it
  std::vector<VersionView> views;
  std::string pagefind;
};

// Phase 4 (plan): the versions' views, stamps and differences.
SitePlan PlanSite(const std::vector<LoadedVersion>& versions,
                  const Theme& theme, const PipelineOptions& options) {
  std::string theme_bytes;
  for (const auto& [name, text] : theme.templates) theme_bytes += name + text;
  for (const auto& [path, bytes] : theme.files) theme_bytes += path + bytes;
  std::string theme_hash = StableHash(theme_bytes);
  std::string version_list;
  for (const LoadedVersion& v : versions) {
    version_list += v.nama + " " + (v.commit.empty() ? "-" : v.commit) + "\n";
  }
  // Shown on every version's jabatan pages, set by the newest site.yaml.
  if (!versions.empty() && versions.front().model.site.riwayat_commit) {
    version_list += "riwayat tampilkan_commit\n";
  }
  std::string versions_hash = StableHash(version_list);
  SitePlan plan;
  plan.diffs.resize(versions.size());
  for (size_t i = 0; i < versions.size(); ++i) {
    VersionView view;
    view.nama = versions[i].nama;
    view.judul = versions[i].judul;
    view.model = &versions[i].model;
    view.results = &versions[i].results;
    if (versions[i].riwayat) view.riwayat = &*versions[i].riwayat;
    if (!versions[i].commit.empty()) {
      view.stamp = StampOf(versions[i], theme_hash, versions_hash, options.pdf);
      std::filesystem::path old = std::filesystem::path(options.out_dir) /
                                  versions[i].nama / kStampFile;
      view.reuse = ReadWholeFile(old) == view.stamp;
    }
    if (i + 1 < versions.size()) {
      plan.diffs[i] = DiffModels(versions[i + 1].model, versions[i].model);
      plan.diffs[i].from_label = versions[i + 1].nama;
      plan.diffs[i].to_label = versions[i].nama;
      view.perubahan = &plan.diffs[i];
      view.sebelumnya = versions[i + 1].nama;
    }
    plan.views.push_back(view);
  }
  if (options.search) {
    plan.pagefind = LocatePagefind(options.pagefind, options.content_dir);
    if (plan.pagefind.empty()) {
      std::fprintf(stderr,
                   "sakip: Pagefind not found; the site is built without "
                   "search (install it with `npm install pagefind`)\n");
    }
  }
  return plan;
}

// Before the swap: carries over the folders of versions that need no
// rebuild, then makes the search index and the PDFs of the others, in the
// staging folder.
void AddSearchAndPdfs(const SitePlan& plan, const Theme& theme,
                      const PipelineOptions& options, Staging* site,
                      Diagnostics* diagnostics) {
  const std::string staging = site->dir();
  for (const VersionView& view : plan.views) {
    if (!view.reuse) continue;
    std::string error;
    if (!site->KeepFolder(view.nama, &error)) {
      diagnostics->Error(
          {options.out_dir, 0, 0},
          "cannot carry over version `" + view.nama + "`: " + error);
    }
  }
  for (const VersionView& view : plan.views) {
    std::string error;
    if (view.reuse || plan.pagefind.empty()) continue;
    site->AddExternal(view.nama + "/pagefind");
    if (BuildSearchIndex(plan.pagefind, staging + "/" + view.nama, &error)) {
      continue;
    }
    diagnostics->Error({options.out_dir, 0, 0},
                       "search index of version `" + view.nama + "`: " + error,
                       "run without --search, or check the Pagefind "
                       "installation with `pagefind --version`");
  }
  for (const VersionView& view : plan.views) {
    if (view.reuse || !options.pdf) continue;
    MakePdfs(site, theme, *view.model, staging + "/" + view.nama,
             (std::filesystem::path(options.out_dir) / view.nama).string(),
             options, diagnostics);
  }
}

// Phases 5 and 6: renders every version into the staging folder (the
// previous build's spare, see publish.h), adds the search index and PDFs,
// and swaps it in place of the live site. Returns the exit status.
int RenderAndPublish(const SitePlan& plan, const Theme& theme,
                     const PipelineOptions& options, Diagnostics* diagnostics) {
  PhaseTimer timer;
  Staging site(options.out_dir);
  if (!site.ok()) {
    diagnostics->Error({options.out_dir, 0, 0}, site.error());
    return 2;
  }
  timer.Mark("output read");  // the manifests, the spare's folders
  RenderSite(plan.views, theme,
             RenderOptions{options.dibangun, options.pdf,
                           !plan.pagefind.empty(), options.jobs},
             &site, diagnostics);
  timer.Mark("render");
  if (diagnostics->has_errors()) return 1;
  if (!site.ok()) {
    diagnostics->Error({options.out_dir, 0, 0}, site.error());
    return 2;
  }
  AddSearchAndPdfs(plan, theme, options, &site, diagnostics);
  timer.Mark("index, pdf");
  std::string error;
  if (!site.Commit(&error)) {
    diagnostics->Error({options.out_dir, 0, 0}, error);
    return 2;
  }
  timer.Mark("publish");
  if (std::getenv("SAKIP_TIMING")) {
    std::fprintf(stderr, "sakip: %d file(s) written, %d unchanged\n",
                 site.written(), site.unchanged());
  }
  return diagnostics->has_errors() ? 1 : 0;
}

}  // namespace

int RunPipeline(const FileSystem& content, const PipelineOptions& options,
                Diagnostics* diagnostics) {
  PhaseTimer timer;
  // The working tree's units are cached beside the output (not `check`'s).
  Model model = LoadContent(
      content,
      {options.display_root,
       options.out_dir.empty() ? "" : CacheFolderOf(options.out_dir),
       options.jobs},
      diagnostics);
  timer.Mark("load");
  ResolveModel(&model, diagnostics);
  timer.Mark("resolve");
  if (options.out_dir.empty()) {  // `check`
    ComputeResults(model, diagnostics, ThreadsOf(options));
    timer.Mark("compute");
    return Failed(*diagnostics, options) ? 1 : 0;
  }
  std::vector<LoadedVersion> versions =
      LoadVersions(content, options, &model, diagnostics);
  timer.Mark("versions");  // the other versions' load and resolve
  ComputeVersions(options, &versions, diagnostics);
  timer.Mark("compute");
  if (Failed(*diagnostics, options) || versions.empty()) return 1;
  Theme theme = LoadSiteTheme(options, diagnostics);
  if (diagnostics->has_errors()) return 1;
  SitePlan plan = PlanSite(versions, theme, options);
  timer.Mark("plan");
  int status = RenderAndPublish(plan, theme, options, diagnostics);
  if (options.exit_after) {
    // Reachable from a static that is never destroyed, so leak checkers
    // do not count it; moving the vector keeps every element in place.
    static auto* left = new std::vector<std::vector<LoadedVersion>>();
    left->push_back(std::move(versions));
  }
  return status;
}

}  // namespace sakip
