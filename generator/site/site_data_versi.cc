// Template data for versions: the switcher on every page and the
// Perubahan (changes) page of each version (see site_data.h).
#include <ctime>

#include "indonesian_format.h"
#include "read_record.h"
#include "site_data.h"
#include "site_extras.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

std::string PerubahanPath() { return "perubahan/index.html"; }

std::set<std::string> PagePaths(const Model& model) {
  std::set<std::string> pages = {HomePath(), PerubahanPath(),
                                 DataTerbukaPath()};
  for (const auto& unit : model.units) {
    pages.insert(UnitPath(*unit));
    pages.insert(DokumenPath(*unit));
    for (const auto& j : unit->jabatan) pages.insert(JabatanPath(*j));
    for (const auto& k : unit->keputusan) pages.insert(KeputusanPath(*k));
  }
  return pages;
}

// Links to the same page in every version, or to that version's home when
// the page does not exist there.
std::string VersionTitle(const SiteContext& c, const std::string& nama) {
  if (c.versions) {
    for (const VersionInfo& v : *c.versions) {
      if (v.nama == nama && !v.judul.empty()) return v.judul;
    }
  }
  return nama;
}

TemplateData VersionSwitcherData(const SiteContext& c,
                                 const std::string& page) {
  data list = ListData();
  if (!c.versions) return list;
  std::string out_of_version = RootPrefix(page) + "../";
  for (const VersionInfo& v : *c.versions) {
    data item;
    Put(item, "nama", v.nama);
    Put(item, "judul", v.judul.empty() ? v.nama : v.judul);
    // Every version has a search page when the build makes an index.
    bool here = v.pages.count(page) > 0 || (c.cari && page == CariPath());
    Put(item, "url",
        out_of_version + v.nama + "/" + (here ? page : HomePath()));
    Put(item, "aktif", v.nama == c.versi);
    Put(item, "ada_halaman", here);
    Push(list, std::move(item));
  }
  return list;
}

namespace {

// The page of a change's subject in this version, if it has one.
std::string UrlOf(const SiteContext& c, const Change& change,
                  const std::string& page) {
  std::string key = change.key.substr(0, change.key.find('#'));
  const Model& m = c.model;
  if (change.what == "unit") {
    const Unit* u = m.FindUnit(key);
    return u ? RelativeUrl(page, UnitPath(*u)) : "";
  }
  size_t slash = key.rfind('/');
  const Unit* u = m.FindUnit(key.substr(0, slash));
  const Jabatan* j = u ? u->FindJabatan(key.substr(slash + 1)) : nullptr;
  return j ? RelativeUrl(page, JabatanPath(*j)) : "";
}

}  // namespace

TemplateData ChangeFieldsData(const Change& change) {
  data fields = ListData();
  for (const FieldChange& f : change.fields) {
    data field;
    Put(field, "nama", FieldLabel(f.field));
    const std::string& before =
        f.before_label.empty() ? f.before : f.before_label;
    const std::string& after = f.after_label.empty() ? f.after : f.after_label;
    Put(field, "sebelum", before.empty() ? "–" : before);
    Put(field, "sesudah", after.empty() ? "–" : after);
    data words = ListData();
    for (const WordDiffPart& w : f.words) {
      data part;
      Put(part, "teks", w.text);
      Put(part, "hapus", w.kind == WordDiffPart::kRemoved);
      Put(part, "tambah", w.kind == WordDiffPart::kAdded);
      Push(words, std::move(part));
    }
    Put(field, "kata", std::move(words));
    Put(field, "ada_kata", !f.words.empty());
    Push(fields, std::move(field));
  }
  return fields;
}

namespace {

// "12 November 2026", as the committer's clock showed it.
std::string TanggalOf(const GitCommitInfo& commit) {
  std::time_t when =
      static_cast<std::time_t>(commit.time + commit.offset_minutes * 60LL);
  std::tm utc{};
  gmtime_r(&when, &utc);
  return FormatTanggal({utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday});
}

}  // namespace

TemplateData RiwayatData(const SiteContext& c, const Jabatan& j) {
  data list = ListData();
  // Noted without a history too: the content may become a git repository.
  NoteRead(ReadKind::kHistory, j.unit.raw());
  if (!c.riwayat) return list;
  auto found = c.riwayat->find(j.unit->path + "/" + j.id);
  if (found == c.riwayat->end()) return list;
  for (const RiwayatEntry& entry : found->second) {
    data item;
    Put(item, "tanggal", TanggalOf(entry.commit));
    data changes = ListData();
    for (const Change& change : entry.changes) {
      data row;
      bool indikator = change.what == "indikator";
      Put(row, "judul",
          std::string(indikator ? "Indikator " : "Jabatan ") +
              ChangeKindWord(change.kind));
      // A flag, not an empty value: an absent key would show the page's.
      Put(row, "nama_indikator", change.nama);
      Put(row, "ada_nama_indikator", indikator);
      Put(row, "kelas",
          std::string("perubahan-") + ChangeKindWord(change.kind));
      Put(row, "ada_bidang", !change.fields.empty());
      Put(row, "bidang", ChangeFieldsData(change));
      Push(changes, std::move(row));
    }
    Put(item, "perubahan", std::move(changes));
    Put(item, "ada_commit", c.tampilkan_commit);
    if (c.tampilkan_commit) {
      data commit;
      Put(commit, "penulis", entry.commit.author);
      Put(commit, "pesan", entry.commit.subject);
      Put(commit, "id", entry.commit.id.substr(0, 10));
      Put(item, "commit", std::move(commit));
    }
    Push(list, std::move(item));
  }
  return list;
}

Page PerubahanPage(const SiteContext& c) {
  Page page;
  page.path = PerubahanPath();
  page.template_name = "perubahan";
  page.judul = "Perubahan";
  page.remah = {{"Beranda", HomePath()}, {"Perubahan", ""}};
  data& d = page.data;
  Put(d, "sebelumnya", c.sebelumnya);
  if (!c.perubahan) return page;
  const ModelDiff& diff = *c.perubahan;
  Put(d, "jumlah", std::to_string(diff.changes.size()));
  Put(d, "tidak_ada", diff.changes.empty());
  const char* groups[][2] = {{"unit", "Unit kerja"},
                             {"jabatan", "Jabatan"},
                             {"indikator", "Indikator"}};
  data kelompok = ListData();
  for (const auto& group : groups) {
    data items = ListData();
    for (const Change& change : diff.changes) {
      if (change.what != group[0]) continue;
      data item;
      Put(item, "jenis", ChangeKindWord(change.kind));
      Put(item, "kelas",
          std::string("perubahan-") + ChangeKindWord(change.kind));
      Put(item, "nama", change.nama);
      Put(item, "letak", change.where);
      Put(item, "ada_letak", !change.where.empty());
      Put(item, "dari", change.from_nama);
      Put(item, "ada_dari", !change.from_nama.empty());
      Put(item, "url", UrlOf(c, change, page.path));
      Put(item, "bidang", ChangeFieldsData(change));
      Put(item, "ada_bidang", !change.fields.empty());
      Push(items, std::move(item));
    }
    if (items.is_empty_list()) continue;
    data g;
    Put(g, "judul", group[1]);
    Put(g, "perubahan", std::move(items));
    Push(kelompok, std::move(g));
  }
  Put(d, "kelompok", std::move(kelompok));
  return page;
}

}  // namespace sakip
