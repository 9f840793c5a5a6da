#include "render_site.h"

#include "open_data.h"

namespace sakip {

std::string CurrentVersionName(const Site& site) {
  if (!site.versi.empty() && !site.versi.front().nama.empty()) {
    return site.versi.front().nama;
  }
  if (site.tahun) return std::to_string(*site.tahun);
  return "terkini";
}

OutputTree RenderSite(const Model& model, const Results& results) {
  OutputTree out;
  std::string version = CurrentVersionName(model.site);
  RenderOpenData(model, results, version + "/data", &out);
  out.Add("index.html",
          "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
          "<meta http-equiv=\"refresh\" content=\"0; url=" +
              version +
              "/\"><title>Mengalihkan…</title></head><body><a href=\"" +
              version + "/\">" + version + "</a></body></html>\n");
  return out;
}

}  // namespace sakip
