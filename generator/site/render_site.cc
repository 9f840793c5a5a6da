#include "render_site.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "mustache.h"
#include "open_data.h"
#include "page_keys.h"
#include "parallel.h"
#include "phase_timer.h"
#include "read_record.h"
#include "site_data.h"
#include "site_extras.h"
#include "stable_hash.h"
#include "urls.h"
#include "version.h"

namespace sakip {
namespace {

// Compiles the theme's templates once (shared by the rendering threads:
// a compiled template is read-only) and reports those that do not compile,
// at the place in the file where the problem was found.
std::unique_ptr<TemplateSet> CompileTemplates(const Theme& theme,
                                              Diagnostics* diagnostics) {
  auto templates = std::make_unique<TemplateSet>(theme.templates);
  for (const auto& [name, compiled] : templates->all()) {
    if (compiled->ok()) continue;
    auto [line, column] =
        LineColumnOf(theme.templates.at(name), compiled->error_offset());
    diagnostics->Error(
        {theme.name + "/templates/" + name + ".mustache", line + 1, column + 1},
        "template error: " + compiled->error(), compiled->error_hint());
  }
  return templates;
}

}  // namespace

std::string CurrentVersionName(const Site& site) {
  if (!site.versi.empty() && !site.versi.front().nama.empty()) {
    return site.versi.front().nama;
  }
  if (site.tahun) return std::to_string(*site.tahun);
  return "terkini";
}

namespace {

// What every page of `v` shows besides its unit: theme, generator, build
// options and the list of versions with their pages (the switcher).
std::string SiteExtraKey(const Theme& theme, const RenderOptions& options,
                         const std::vector<VersionInfo>& infos,
                         const VersionView& v) {
  std::string parts = std::string(kVersion) + "\n" + options.dibangun + "\n" +
                      (options.pdf ? "pdf" : "") +
                      (options.cari ? "cari" : "") + "\n" + v.nama + "\n";
  for (const auto& [name, text] : theme.templates) parts += name + text;
  for (const auto& [path, bytes] : theme.files) parts += path + bytes;
  for (const VersionInfo& info : infos) {
    parts += info.nama + "\t" + info.judul + "\n";
    for (const std::string& page : info.pages) parts += page + "\n";
  }
  return StableHash(parts);
}

// A page rendered into memory: a unit's pages are added once the key of
// what they read is known.
struct MadePage {
  std::string path;      // under the output folder
  std::string job_path;  // under the version's folder
  std::string bytes;
};

// The union of two sorted lists of read names.
std::vector<std::string> Union(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  std::vector<std::string> all;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(),
                 std::back_inserter(all));
  return all;
}

// Renders pages for the threads of RenderUnits; shared by them (each
// thread passes its own diagnostics).
class PageRenderer {
 public:
  PageRenderer(const SiteContext& context, const ReadValues& values,
               const std::string& site_key, const TemplateSet& templates,
               const std::string& prefix, OutputSink* out)
      : context_(context),
        values_(values),
        site_key_(site_key),
        templates_(templates),
        prefix_(prefix),
        out_(out) {}

  // The pages that show the whole site: made by every build.
  void SitePages(Diagnostics* found) const {
    for (const PageJob& job : SitePageJobs(context_)) {
      std::string bytes;
      if (Make(job, "base", found, &bytes))
        out_->Add(prefix_ + job.path, bytes);
    }
  }

  // The pages of `unit`, keyed by what they read on the last build that
  // rendered them, at its value now (page_keys.h): a page whose key the
  // output still holds is kept. The others are rendered with a recorder
  // on, into memory, and added under the key of what they read now, which
  // is recorded for the next build. Returns that key.
  std::string UnitPages(const Unit& unit, Diagnostics* found) const {
    const std::string name = prefix_ + unit.path;
    std::vector<std::string> previous;
    bool has_previous = out_->PreviousReads(name, &previous);
    std::string key = has_previous ? values_.Key(site_key_, previous) : "";
    ReadRecorder recorder;
    recorder.Note(ReadKind::kOwn, &unit);
    ScopedRecorder scope(&recorder);
    std::vector<MadePage> made;
    bool kept_any = false;
    for (bool print : {false, true}) {
      std::vector<PageJob> jobs = print ? UnitPrintPageJobs(context_, unit)
                                        : UnitPageJobs(context_, unit);
      for (const PageJob& job : jobs) {
        std::string path = prefix_ + job.path;
        if (has_previous && out_->Keep(path, StableHash(key + job.path))) {
          kept_any = true;
          continue;
        }
        std::string bytes;
        if (Make(job, print ? "cetak_base" : "base", found, &bytes)) {
          made.push_back({std::move(path), job.path, std::move(bytes)});
        }
      }
    }
    // Kept pages read what the previous build recorded; the others what
    // was recorded now. Both, when some were kept.
    std::vector<std::string> deps = ReadValues::Names(recorder.Reads());
    if (kept_any) deps = Union(deps, previous);
    if (!has_previous || deps != previous) key = values_.Key(site_key_, deps);
    for (MadePage& page : made) {
      out_->Add(page.path, std::move(page.bytes),
                StableHash(key + page.job_path));
    }
    out_->RecordReads(name, std::move(deps));
    return key;
  }

 private:
  bool Make(const PageJob& job, const char* frame, Diagnostics* found,
            std::string* bytes) const {
    Page page = job.make(found);
    if (page.path != job.path) {
      found->Error({prefix_ + job.path, 0, 0},
                   "internal: page made for " + page.path);
      return false;
    }
    AddCommonData(context_, page, &page.data);
    Set(page.data, "isi", templates_.Render(page.template_name, page.data));
    *bytes = templates_.Render(frame, page.data);
    return true;
  }

  const SiteContext& context_;
  const ReadValues& values_;
  const std::string& site_key_;
  const TemplateSet& templates_;
  const std::string& prefix_;
  OutputSink* out_;
};

// Renders the pages of `units` (null: the pages that show the whole site)
// on several threads, a unit at a time: a thread lists a unit's pages and
// renders them, so the listing runs on all cores and the 90,000 jobs of a
// large site are never in memory together. Returns each unit's key (for
// its open data). The threads share the compiled templates; each has its
// own diagnostics, merged afterwards; Graphviz layouts are serialised in
// graphviz.cc.
std::vector<std::string> RenderUnits(const std::vector<const Unit*>& units,
                                     const PageRenderer& renderer, int threads,
                                     Diagnostics* diagnostics) {
  std::atomic<size_t> next{0};
  std::vector<Diagnostics> found(threads);
  std::vector<std::string> unit_keys(units.size());
  RunOnThreads(threads, [&](int t) {
    for (size_t i; (i = next++) < units.size();) {
      if (units[i]) {
        unit_keys[i] = renderer.UnitPages(*units[i], &found[t]);
      } else {
        renderer.SitePages(&found[t]);
      }
    }
  });
  for (const Diagnostics& d : found) {
    for (const Diagnostic& one : d.all()) diagnostics->Add(one);
  }
  return unit_keys;
}

}  // namespace

void RenderSite(const std::vector<VersionView>& versions, const Theme& theme,
                const RenderOptions& options, OutputSink* out,
                Diagnostics* diagnostics) {
  std::unique_ptr<TemplateSet> templates = CompileTemplates(theme, diagnostics);
  if (diagnostics->has_errors()) return;
  int threads = ThreadCount(options.jobs);
  std::vector<VersionInfo> infos;
  for (const VersionView& v : versions) {
    infos.push_back({v.nama, v.judul, PagePaths(*v.model)});
  }
  nlohmann::ordered_json listing = nlohmann::ordered_json::array();
  for (const VersionView& v : versions) {
    const std::string& version = v.nama;
    nlohmann::ordered_json entry;
    entry["version"] = version;
    entry["title"] = v.judul.empty() ? version : v.judul;
    entry["aliases"] = &v == &versions.front()
                           ? nlohmann::ordered_json::array({"terbaru"})
                           : nlohmann::ordered_json::array();
    listing.push_back(entry);
    if (!v.stamp.empty()) out->Add(version + "/" + kStampFile, v.stamp);
    if (v.reuse) continue;
    SiteContext context{*v.model,
                        *v.results,
                        v.results->TahunUtama(v.model->site),
                        version,
                        options.dibangun,
                        MarkdownOptions{v.model->site.izinkan_html},
                        options.pdf,
                        &infos,
                        v.perubahan,
                        v.sebelumnya,
                        v.riwayat,
                        options.cari,
                        versions.front().model->site.base_url};
    context.tampilkan_commit = versions.front().model->site.riwayat_commit;
    PhaseTimer timer;
    ReadValues values(*v.model, v.riwayat);
    std::string site_key =
        SiteKey(*v.model, context.tahun,
                SiteExtraKey(theme, options, infos, v) +
                    versions.front().model->site.base_url +
                    (context.tampilkan_commit ? "\ncommit" : ""));
    std::vector<const Unit*> units = {nullptr};  // the site-wide pages first
    for (const auto& unit : v.model->units) units.push_back(unit.get());
    timer.Mark("keys");
    std::string prefix = version + "/";
    PageRenderer renderer(context, values, site_key, *templates, prefix, out);
    std::vector<std::string> keys =
        RenderUnits(units, renderer, threads, diagnostics);
    std::map<const Unit*, std::string> unit_keys;
    for (size_t i = 1; i < units.size(); ++i) unit_keys[units[i]] = keys[i];
    timer.Mark("pages");
    for (const auto& [path, bytes] : theme.files) {
      if (path.rfind("static/", 0) == 0) {
        out->Add(version + "/" + AssetPath(path.substr(7)), bytes);
      }
    }
    for (const auto& unit : v.model->units) {
      if (!unit->kop.logo_bytes.empty()) {
        out->Add(version + "/" + LogoPath(*unit), unit->kop.logo_bytes);
      }
    }
    RenderOpenData(*v.model, *v.results, version + "/data", out, threads,
                   &unit_keys, options.pdf, diagnostics);
    timer.Mark("open data");
  }
  out->Add("versions.json", listing.dump(1) + "\n");
  auto favicon = theme.files.find("static/favicon.svg");
  AddRootFiles(infos,
               versions.empty() ? "" : versions.front().model->site.base_url,
               favicon == theme.files.end() ? "" : favicon->second, out);
}

OutputTree RenderSite(const std::vector<VersionView>& versions,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics) {
  OutputTree out;
  RenderSite(versions, theme, options, &out, diagnostics);
  return out;
}

OutputTree RenderSite(const Model& model, const Results& results,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics) {
  VersionView only;
  only.nama = CurrentVersionName(model.site);
  only.judul = model.site.judul;
  only.model = &model;
  only.results = &results;
  return RenderSite(std::vector<VersionView>{only}, theme, options,
                    diagnostics);
}

}  // namespace sakip
