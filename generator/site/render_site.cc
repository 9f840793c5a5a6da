#include "render_site.h"

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "mustache.h"
#include "open_data.h"
#include "page_keys.h"
#include "parallel.h"
#include "phase_timer.h"
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

// Renders the pages of `units` (null: the pages that show the whole site)
// on several threads, a unit at a time: a thread lists a unit's pages and
// renders them, so the listing runs on all cores and the 90,000 jobs of a
// large site are never in memory together. A page whose key (its unit's
// and its path) the output already holds is kept, not rendered. The
// threads share the compiled templates; each has its own diagnostics,
// merged afterwards; Graphviz layouts are serialised in graphviz.cc.
void RenderUnits(const std::vector<const Unit*>& units,
                 const SiteContext& context,
                 const std::map<const Unit*, std::string>& unit_keys,
                 const TemplateSet& templates, const std::string& prefix,
                 int threads, OutputSink* out, Diagnostics* diagnostics) {
  std::atomic<size_t> next{0};
  std::vector<Diagnostics> found(threads);
  auto work = [&](int t) {
    auto render = [&](const std::vector<PageJob>& jobs, const char* frame,
                      const std::string* unit_key) {
      for (const PageJob& job : jobs) {
        std::string path = prefix + job.path;
        std::string key = unit_key ? StableHash(*unit_key + job.path) : "";
        if (!key.empty() && out->Keep(path, key)) continue;
        Page page = job.make(&found[t]);
        if (page.path != job.path) {
          found[t].Error({path, 0, 0}, "internal: page made for " + page.path);
          continue;
        }
        AddCommonData(context, page, &page.data);
        Set(page.data, "isi", templates.Render(page.template_name, page.data));
        out->Add(path, templates.Render(frame, page.data), key);
      }
    };
    static const std::string kNoKey;
    for (size_t i; (i = next++) < units.size();) {
      const Unit* unit = units[i];
      if (!unit) {
        render(SitePageJobs(context), "base", nullptr);
        continue;
      }
      auto key = unit_keys.find(unit);
      const std::string* unit_key =
          key == unit_keys.end() ? &kNoKey : &key->second;
      render(UnitPageJobs(context, *unit), "base", unit_key);
      render(UnitPrintPageJobs(context, *unit), "cetak_base", unit_key);
    }
  };
  RunOnThreads(threads, work);
  for (const Diagnostics& d : found) {
    for (const Diagnostic& one : d.all()) diagnostics->Add(one);
  }
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
    std::map<const Unit*, std::string> unit_keys =
        UnitKeys(*v.model, v.riwayat,
                 SiteKey(*v.model, context.tahun,
                         SiteExtraKey(theme, options, infos, v) +
                             versions.front().model->site.base_url +
                             (context.tampilkan_commit ? "\ncommit" : "")));
    std::vector<const Unit*> units = {nullptr};  // the site-wide pages first
    for (const auto& unit : v.model->units) units.push_back(unit.get());
    timer.Mark("keys");
    RenderUnits(units, context, unit_keys, *templates, version + "/", threads,
                out, diagnostics);
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
