#include "pipeline.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "chart_cache.h"
#include "compute.h"
#include "content_source.h"
#include "diff.h"
#include "loader.h"
#include "output_disk.h"
#include "pdf.h"
#include "phase_timer.h"
#include "publish.h"
#include "render_site.h"
#include "resolve.h"
#include "search_index.h"
#include "theme.h"
#include "unit_cache.h"
#include "version.h"

namespace sakip {

namespace {

// The print HTML of one version, and PDFs of it in `version_dir`, which
// `site` is told of (the PDF engine writes them, not the staging).
void MakePdfs(Staging* site, const Theme& theme, const std::string& version_dir,
              const std::string& previous, const PipelineOptions& options,
              Diagnostics* diagnostics) {
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
  std::error_code ec;
  PdfOptions pdf{options.pdf_engine, options.pdf_jobs,
                 std::filesystem::is_directory(previous, ec) ? previous : ""};
  PdfReport report =
      RenderPdfs(version_dir, documents, StableHash(inputs), pdf, diagnostics);
  std::fprintf(stderr, "sakip: %d PDF(s) made, %d reused, %d failed\n",
               report.rendered, report.reused, report.failed);
}

// Writes `text` as `file` whole or not at all (a cache, so failures are
// only a slower next build).
void StoreCacheFile(const std::filesystem::path& file,
                    const std::string& text) {
  disk::ReplaceFile(file, text);
}

}  // namespace

Model LoadAndResolve(const FileSystem& content, const std::string& display_root,
                     Diagnostics* diagnostics, const std::string& cache_dir) {
  Model model = LoadContent(content, {display_root, cache_dir}, diagnostics);
  ResolveModel(&model, diagnostics);
  return model;
}

namespace {

// Threads for computing and rendering: `--jobs`, else one per core.
int ThreadsOf(const PipelineOptions& options) {
  if (options.jobs > 0) return options.jobs;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
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

// The commits that changed each jabatan file, up to `commit`.
JabatanHistory HistoryOf(const Model& model, const GitRepository& repo,
                         const std::string& commit,
                         const std::string& repo_path) {
  JabatanHistory history;
  for (const Jabatan* j : model.AllJabatan()) {
    std::string file =
        JoinPath(repo_path, j->unit->path + "/jabatan/" + j->id + ".md");
    history[j->unit->path + "/" + j->id] = repo.FileHistory(commit, file, 20);
  }
  return history;
}

// Loads one `versi` entry. The first entry with `ref: HEAD` is the working
// tree itself, so that local edits show before they are committed.
std::optional<LoadedVersion> LoadVersion(const FileSystem& content,
                                         const PipelineOptions& options,
                                         const VersionSpec& spec, bool first,
                                         Model* working_tree,
                                         Diagnostics* diagnostics) {
  LoadedVersion version{spec.nama, spec.judul, {}, {}};
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
    version.model = LoadAndResolve(
        folder, JoinPath(options.display_root, spec.dir), diagnostics);
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
    version.model =
        LoadAndResolve(*source->fs, source->display_root, diagnostics);
    version.riwayat = HistoryOf(version.model, *source->repo, source->commit,
                                source->repo_path);
    version.commit = source->commit;
  }
  PhaseTimer timer;
  version.results =
      ComputeResults(version.model, diagnostics, ThreadsOf(options));
  timer.Mark("compute");
  return version;
}

}  // namespace

int RunPipeline(const FileSystem& content, const PipelineOptions& options,
                Diagnostics* diagnostics) {
  PhaseTimer timer;
  // The working tree's units are cached beside the output (not `check`'s).
  Model model = LoadAndResolve(
      content, options.display_root, diagnostics,
      options.out_dir.empty() ? "" : CacheFolderOf(options.out_dir));
  timer.Mark("load");
  if (options.out_dir.empty()) {
    ComputeResults(model, diagnostics, ThreadsOf(options));
    bool failed = diagnostics->has_errors() ||
                  (options.strict && diagnostics->warning_count() > 0);
    return failed ? 1 : 0;
  }
  std::vector<LoadedVersion> versions;
  std::vector<VersionSpec> specs = model.site.versi;
  if (specs.empty()) {
    specs.push_back(
        {CurrentVersionName(model.site), "HEAD", "", model.site.judul, {}});
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    if (auto v = LoadVersion(content, options, specs[i], i == 0, &model,
                             diagnostics)) {
      versions.push_back(std::move(*v));
    }
  }
  timer.Mark("versions");
  bool failed = diagnostics->has_errors() ||
                (options.strict && diagnostics->warning_count() > 0);
  if (failed || versions.empty()) return 1;
  Theme theme = options.theme_dir.empty()
                    ? DefaultTheme(diagnostics)
                    : LoadTheme(RealFileSystem(options.theme_dir),
                                options.theme_dir, diagnostics);
  if (diagnostics->has_errors()) return 1;
  std::string theme_bytes;
  for (const auto& [name, text] : theme.templates) theme_bytes += name + text;
  for (const auto& [path, bytes] : theme.files) theme_bytes += path + bytes;
  std::string theme_hash = StableHash(theme_bytes);
  std::string version_list;
  for (const LoadedVersion& v : versions) {
    version_list += v.nama + " " + (v.commit.empty() ? "-" : v.commit) + "\n";
  }
  std::string versions_hash = StableHash(version_list);
  std::vector<ModelDiff> diffs(versions.size());
  std::vector<VersionView> views;
  for (size_t i = 0; i < versions.size(); ++i) {
    VersionView view{versions[i].nama,
                     versions[i].judul,
                     &versions[i].model,
                     &versions[i].results,
                     nullptr,
                     "",
                     versions[i].riwayat ? &*versions[i].riwayat : nullptr};
    if (!versions[i].commit.empty()) {
      view.stamp = StampOf(versions[i], theme_hash, versions_hash, options.pdf);
      std::filesystem::path old = std::filesystem::path(options.out_dir) /
                                  versions[i].nama / kStampFile;
      view.reuse = ReadWholeFile(old) == view.stamp;
    }
    if (i + 1 < versions.size()) {
      diffs[i] = DiffModels(versions[i + 1].model, versions[i].model);
      diffs[i].from_label = versions[i + 1].nama;
      diffs[i].to_label = versions[i].nama;
      view.perubahan = &diffs[i];
      view.sebelumnya = versions[i + 1].nama;
    }
    views.push_back(view);
  }
  std::string pagefind;
  if (options.search) {
    pagefind = LocatePagefind(options.pagefind, options.content_dir);
    if (pagefind.empty()) {
      std::fprintf(stderr,
                   "sakip: Pagefind not found; the site is built without "
                   "search (install it with `npm install pagefind`)\n");
    }
  }
  timer.Mark("diff");
  Staging site(options.out_dir);
  if (!site.ok()) {
    diagnostics->Error({options.out_dir, 0, 0}, site.error());
    return 2;
  }
  timer.Mark("output read");  // the manifests, the spare's folders
  const std::filesystem::path chart_file =
      std::filesystem::path(CacheFolderOf(options.out_dir)) / "charts";
  ChartCache charts(UnitCache::GeneratorId(), ReadWholeFile(chart_file));
  RenderSite(views, theme,
             RenderOptions{options.dibangun, options.pdf, !pagefind.empty(),
                           options.jobs, &charts},
             &site, diagnostics);
  timer.Mark("render");
  if (diagnostics->has_errors()) return 1;
  if (!site.ok()) {
    diagnostics->Error({options.out_dir, 0, 0}, site.error());
    return 2;
  }
  // Before the swap: carry over the folders of versions that need no
  // rebuild, then make the search index and the PDFs of the others.
  const std::string staging = site.dir();
  {
    for (const VersionView& view : views) {
      if (!view.reuse) continue;
      std::string error;
      if (!site.KeepFolder(view.nama, &error)) {
        diagnostics->Error(
            {options.out_dir, 0, 0},
            "cannot carry over version `" + view.nama + "`: " + error);
      }
    }
    for (const VersionView& view : views) {
      std::string error;
      if (view.reuse || pagefind.empty()) continue;
      site.AddExternal(view.nama + "/pagefind");
      if (BuildSearchIndex(pagefind, staging + "/" + view.nama, &error)) {
        continue;
      }
      diagnostics->Error(
          {options.out_dir, 0, 0},
          "search index of version `" + view.nama + "`: " + error,
          "run without --search, or check the Pagefind "
          "installation with `pagefind --version`");
    }
    for (const VersionView& view : views) {
      if (view.reuse || !options.pdf) continue;
      MakePdfs(&site, theme, staging + "/" + view.nama,
               (std::filesystem::path(options.out_dir) / view.nama).string(),
               options, diagnostics);
    }
  }
  timer.Mark("index, pdf");
  std::string error;
  if (!site.Commit(&error)) {
    diagnostics->Error({options.out_dir, 0, 0}, error);
    return 2;
  }
  timer.Mark("publish");
  StoreCacheFile(chart_file, charts.Serialize());
  timer.Mark("chart cache");
  if (std::getenv("SAKIP_TIMING")) {
    std::fprintf(stderr, "sakip: %d file(s) written, %d unchanged\n",
                 site.written(), site.unchanged());
    std::fprintf(stderr, "sakip: %d chart(s) laid out, %d from the cache\n",
                 charts.laid_out(), charts.found());
  }
  if (options.exit_after) {
    // Reachable from a static that is never destroyed, so leak checkers
    // do not count it; moving the vector keeps every element in place.
    static auto* left = new std::vector<std::vector<LoadedVersion>>();
    left->push_back(std::move(versions));
  }
  return diagnostics->has_errors() ? 1 : 0;
}

}  // namespace sakip
