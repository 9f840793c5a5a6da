// The one module that turns the model and the results into template data
// for the site's pages. Templates see plain values; everything a reader sees
// is formatted here (Indonesian numbers and dates, "–" for no value).
#ifndef SAKIP_SITE_DATA_H_
#define SAKIP_SITE_DATA_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compute.h"
#include "diagnostic.h"
#include "diff.h"
#include "graphviz.h"
#include "markdown.h"
#include "model.h"
#include "riwayat.h"
#include "template_data.h"

namespace sakip {

// What the version switcher needs to know of every version.
struct VersionInfo {
  std::string nama;
  std::string judul;
  std::set<std::string> pages;  // page paths that exist in it
};

struct SiteContext {
  const Model& model;
  const Results& results;
  int tahun = 0;         // the results year shown
  std::string versi;     // version folder name
  std::string dibangun;  // build date, formatted
  MarkdownOptions markdown;
  bool pdf = false;  // PDFs are made beside the print HTML
  const std::vector<VersionInfo>* versions = nullptr;  // all, in order
  const ModelDiff* perubahan = nullptr;     // against the older version
  std::string sebelumnya;                   // its name
  const JabatanHistory* riwayat = nullptr;  // from git, by `unit/jabatan`
  bool cari = false;     // a Pagefind index is made: show the search box
  std::string base_url;  // the current site.yaml's, for canonical URLs
  // The newest site.yaml's `riwayat: { tampilkan_commit }`.
  bool tampilkan_commit = false;
};

// The page paths a version's content produces (for the switcher).
std::set<std::string> PagePaths(const Model& model);

struct Page {
  std::string path;  // relative to the version folder
  std::string template_name;
  std::string judul;  // <title>
  TemplateData data;
  std::vector<std::pair<std::string, std::string>> remah;  // breadcrumbs
  const Unit* unit = nullptr;  // for the navigation tree
};

// The versions switcher of `page` and the Perubahan page (site_data_versi.cc).
// A version's title from site.yaml, else its name.
std::string VersionTitle(const SiteContext& context, const std::string& nama);
TemplateData VersionSwitcherData(const SiteContext& context,
                                 const std::string& page);
Page PerubahanPage(const SiteContext& context);
// The fields of a change (`bidang`), named for people, for the partial
// `bidang_perubahan`.
TemplateData ChangeFieldsData(const Change& change);
// A chart's nodes as a nested list (`nama`, `url`, `keterangan`, `anak`),
// its links as nesting: the chart for narrow screens.
TemplateData ChartListData(const GraphSpec& spec);
// A jabatan's history (`riwayat`), or an empty list.
TemplateData RiwayatData(const SiteContext& context, const Jabatan& jabatan);
std::string PerubahanPath();

// One page to make: its path, the unit whose content it shows (null for
// pages that show the whole site), and how to build its data. Jobs are
// independent, so they can run on several threads; charts that cannot be
// drawn are reported to the job's diagnostics as warnings.
struct PageJob {
  std::string path;
  const Unit* unit = nullptr;
  std::function<Page(Diagnostics*)> make;
};

// The web pages of one version, listed a unit at a time (a large site has
// tens of thousands): those that show the whole site (home, Perubahan,
// open data, search), and those of one unit (the unit, its jabatan, its
// keputusan).
std::vector<PageJob> SitePageJobs(const SiteContext& context);
std::vector<PageJob> UnitPageJobs(const SiteContext& context, const Unit& unit);

// The printable documents of one unit (site_data_cetak.cc): each Keputusan
// with its lampiran, an IKI sheet per jabatan, a quarterly report per
// jabatan and reported quarter. Templates cetak_*; the frame is
// `cetak_base`.
std::vector<PageJob> UnitPrintPageJobs(const SiteContext& context,
                                       const Unit& unit);

// Where a printable document of the model lives, for links from the site.
struct PrintLink {
  std::string judul;
  std::string path;
};
// Quarters of `year` in which `jabatan` reported anything: those whose
// report the build prints.
std::vector<int> ReportedQuarters(const Jabatan& jabatan,
                                  const Results& results, int year);
std::vector<PrintLink> PrintLinksOf(const Unit& unit, const Results& results);
std::vector<PrintLink> PrintLinksOf(const Jabatan& jabatan,
                                    const Results& results);

// One SAKIP document a unit publishes for a year, or one it should and has
// not (site_data_dokumen.cc): the "Dokumen SAKIP" page and dokumen.json.
struct DokumenSakip {
  int tahun = 0;
  // keputusan-iki | perjanjian-kinerja | rencana-aksi | laporan-triwulan
  std::string jenis;
  const Jabatan* jabatan = nullptr;  // null for a decree
  int triwulan = 0;                  // 1..4 for a quarterly report
  std::string judul;
  std::string halaman;  // its web page, or ""
  std::string cetak;    // its print page, "" when it is missing
  bool ada = false;
};
// Newest year first; within a year the IKI decrees (or one missing entry),
// a PK per jabatan in hierarchy order, each PK followed by its Rencana
// Aksi, then TW I-IV of each jabatan with a PK or realisasi that year.
// Years: every year with an IKI decree, a PK or realisasi of the unit.
std::vector<DokumenSakip> DokumenSakipOf(const Unit& unit,
                                         const Results& results);

// The Perjanjian Kinerja section of a jabatan page (site_data_perjanjian.cc):
// false when the jabatan has no PK for the year shown.
TemplateData PerjanjianData(const SiteContext& context, const std::string& page,
                            const Jabatan& jabatan);

// Adds the data shared by every page: site, breadcrumbs, navigation, footer.
void AddCommonData(const SiteContext& context, const Page& page,
                   TemplateData* data);

// Sets `key` unless `value` is empty: Mustache sections treat an empty
// string as true, so an absent key is the only reliable "nothing".
void Put(TemplateData& d, const std::string& key, const std::string& value);
void Put(TemplateData& d, const std::string& key, const char* value);
void Put(TemplateData& d, const std::string& key, std::string_view value);
void Put(TemplateData& d, const std::string& key, bool value);
void Put(TemplateData& d, const std::string& key, TemplateData value);
// Sets `key` to `value`, empty or not (moved in, not copied).
void Set(TemplateData& d, const std::string& key, TemplateData value);
// Appends `item` to the list `list` (moved in, not copied).
void Push(TemplateData& list, TemplateData item);

// Links to printable documents (and their PDFs when the build makes them).
TemplateData PrintLinkData(const SiteContext& context, const std::string& page,
                           const std::vector<PrintLink>& links);

// Shared by the page and document data builders.
TemplateData ListData();
// The Rencana Tindak Lanjut rows of a quarter for a web page (keys
// `rtl_*`), each text with its note when it quotes a replaced figure.
TemplateData TindakLanjutWeb(const HasilTriwulan& q, const std::string& satuan);
// Items with their letter (`huruf`: a, b, ...) and number (`no`) and `teks`.
TemplateData LetteredData(const std::vector<std::string>& items);
// One `{baris}` per line of `text`.
TemplateData LinesData(const std::string& text);
// One `{<key>}` per item.
TemplateData TextsData(const std::vector<std::string>& items,
                       const std::string& key);
// `100 %`, `3 dokumen`, or the printed `target_keterangan`.
std::string FormatTarget(const Indikator& indikator);
// A computed value formatted, or "–".
std::string FormatNilai(const Nilai& nilai, bool percent);
// `tugas_tunggal` or `tugas`, `fungsi` and `tujuan` (with `ada_` flags).
void PutTugasFungsi(TemplateData& d, const Jabatan& jabatan);

// a, b, ..., z, aa, ab, ...
std::string Huruf(size_t index);

}  // namespace sakip

#endif  // SAKIP_SITE_DATA_H_
