#include "render_site.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "open_data.h"
#include "phase_timer.h"
#include "site_data.h"
#include "site_extras.h"
#include "urls.h"

namespace sakip {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using kainjow::mustache::partial;

// Compiles each template once and renders pages with every template
// available as a partial `{{> _name}}`.
class TemplateSet {
 public:
  TemplateSet(const Theme& theme, Diagnostics* diagnostics) : theme_(theme) {
    for (const auto& [name, text] : theme.templates) {
      auto compiled = std::make_unique<mustache>(text);
      if (!compiled->is_valid()) {
        diagnostics->Error(
            {theme.name + "/templates/" + name + ".mustache", 0, 0},
            "template error: " + compiled->error_message());
        continue;
      }
      compiled_[name] = std::move(compiled);
    }
  }

  // Renders `name` with `d`; "" when the template is missing or broken.
  std::string Render(const std::string& name, data d) {
    auto it = compiled_.find(name);
    if (it == compiled_.end()) return "";
    for (const auto& [partial_name, text] : theme_.templates) {
      const std::string* body = &text;
      d.set("_" + partial_name, partial([body] { return *body; }));
    }
    return it->second->render(d);
  }

 private:
  const Theme& theme_;
  std::map<std::string, std::unique_ptr<mustache>> compiled_;
};

}  // namespace

std::string CurrentVersionName(const Site& site) {
  if (!site.versi.empty() && !site.versi.front().nama.empty()) {
    return site.versi.front().nama;
  }
  if (site.tahun) return std::to_string(*site.tahun);
  return "terkini";
}

OutputTree RenderSite(const std::vector<VersionView>& versions,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics) {
  OutputTree out;
  TemplateSet templates(theme, diagnostics);
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
    if (!v.stamp.empty()) out.Add(version + "/" + kStampFile, v.stamp);
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
    // Web pages in the `base` frame, printable documents in `cetak_base`.
    auto render = [&](std::vector<Page> pages, const std::string& frame) {
      for (Page& page : pages) {
        AddCommonData(context, page, &page.data);
        std::string body = templates.Render(page.template_name, page.data);
        data layout = page.data;
        layout.set("isi", body);
        out.Add(version + "/" + page.path, templates.Render(frame, layout));
      }
    };
    PhaseTimer timer;
    std::vector<Page> pages = BuildPages(context, diagnostics);
    if (options.cari) pages.push_back(CariPage());
    timer.Mark("web data");
    render(std::move(pages), "base");
    timer.Mark("web html");
    std::vector<Page> print_pages = BuildPrintPages(context, diagnostics);
    timer.Mark("print data");
    render(std::move(print_pages), "cetak_base");
    timer.Mark("print html");
    for (const auto& [path, bytes] : theme.files) {
      if (path.rfind("static/", 0) == 0) {
        out.Add(version + "/" + AssetPath(path.substr(7)), bytes);
      }
    }
    RenderOpenData(*v.model, *v.results, version + "/data", &out);
  }
  out.Add("versions.json", listing.dump(1) + "\n");
  auto favicon = theme.files.find("static/favicon.svg");
  AddRootFiles(infos,
               versions.empty() ? "" : versions.front().model->site.base_url,
               favicon == theme.files.end() ? "" : favicon->second, &out);
  return out;
}

OutputTree RenderSite(const Model& model, const Results& results,
                      const Theme& theme, const RenderOptions& options,
                      Diagnostics* diagnostics) {
  VersionView only{CurrentVersionName(model.site),
                   model.site.judul,
                   &model,
                   &results,
                   nullptr,
                   ""};
  return RenderSite(std::vector<VersionView>{only}, theme, options,
                    diagnostics);
}

}  // namespace sakip
