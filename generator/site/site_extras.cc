#include "site_extras.h"

#include "html_escape.h"
#include "markdown.h"
#include "open_data.h"
#include "urls.h"

namespace sakip {

std::string AbsoluteUrl(const std::string& base_url, const std::string& path) {
  if (base_url.empty()) return "";
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/" + path;
}

namespace {

std::string Redirect(const std::string& first) {
  return "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
         "<meta http-equiv=\"refresh\" content=\"0; url=" +
         first + "/index.html\"><title>Mengalihkan…</title></head><body><a " +
         "href=\"" + first + "/index.html\">" + first + "</a></body></html>\n";
}

// Every web page of every version; printable documents and data files are
// reached from the pages and left out.
std::string Sitemap(const std::vector<VersionInfo>& versions,
                    const std::string& base_url) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const VersionInfo& v : versions) {
    for (const std::string& page : v.pages) {
      xml += "  <url><loc>" +
             EscapeHtml(AbsoluteUrl(base_url, v.nama + "/" + page)) +
             "</loc></url>\n";
    }
  }
  return xml + "</urlset>\n";
}

// Served for any missing path at any depth, so it cannot use relative
// links: its style is inline and its one link is absolute.
std::string NotFoundPage(const std::string& home) {
  return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta "
         "charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<meta "
         "name=\"robots\" content=\"noindex\">\n<title>Halaman tidak "
         "ditemukan</title>\n<style>body{font-family:system-ui,sans-serif;"
         "max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d2733}"
         "h1{color:#0b4f8a}a{color:#0b4f8a}</style>\n</head>\n<body>\n<main>\n"
         "<h1>Halaman tidak ditemukan</h1>\n<p>Halaman yang Anda cari tidak "
         "ada atau telah dipindahkan. Jabatan dan indikator bisa berpindah "
         "antarversi.</p>\n<p><a href=\"" +
         EscapeHtml(home) +
         "\">Kembali ke beranda</a></p>\n</main>\n</body>\n</html>\n";
}

}  // namespace

void AddRootFiles(const std::vector<VersionInfo>& versions,
                  const std::string& base_url, const std::string& favicon_svg,
                  OutputSink* out) {
  const std::string first = versions.empty() ? "" : versions.front().nama;
  out->Add("index.html", Redirect(first));
  std::string robots = "User-agent: *\nAllow: /\n";
  if (!base_url.empty()) {
    out->Add("sitemap.xml", Sitemap(versions, base_url));
    robots += "Sitemap: " + AbsoluteUrl(base_url, "sitemap.xml") + "\n";
  }
  out->Add("robots.txt", robots);
  out->Add("404.html",
           NotFoundPage(base_url.empty() ? "/" : AbsoluteUrl(base_url, "")));
  if (!favicon_svg.empty()) out->Add("favicon.svg", favicon_svg);
}

std::string CariPath() { return "cari.html"; }

Page CariPage() {
  Page page;
  page.path = CariPath();
  page.template_name = "cari";
  page.judul = "Pencarian";
  page.remah = {{"Beranda", HomePath()}, {"Pencarian", ""}};
  Put(page.data, "tanpa_indeks", true);
  return page;
}

std::string DataTerbukaPath() { return "data/index.html"; }

Page DataTerbukaPage() {
  Page page;
  page.path = DataTerbukaPath();
  page.template_name = "data_terbuka";
  page.judul = "Data terbuka";
  page.remah = {{"Beranda", HomePath()}, {"Data terbuka", ""}};
  Put(page.data, "keterangan_html", RenderMarkdown(OpenDataReadme()));
  return page;
}

}  // namespace sakip
