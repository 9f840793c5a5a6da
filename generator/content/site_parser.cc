// site.yaml and unit.yaml: the two small file kinds.
#include <algorithm>
#include <regex>

#include "content_parsers.h"

namespace sakip {

// [a-z0-9]+(-[a-z0-9]+)*, by hand: called for every id of a large tree.
bool IsValidId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word && !(c == '-' && id[i - 1] != '-')) return false;
  }
  return true;
}

std::string SuggestId(const std::string& text) {
  std::string id;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128) {
      id += static_cast<char>(std::tolower(u));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

Reference ReadReference(const MapReader& map, const std::string& key) {
  Reference ref;
  if (std::optional<std::string> text = map.String(key)) {
    ref.text = *text;
    ref.pos = map.Get(key).Pos();
  }
  return ref;
}

void ParseSite(const YamlValue& root, Site* site) {
  MapReader map(root, "site.yaml",
                {"judul", "base_url", "tahun", "kertas", "skala_predikat",
                 "versi", "deskripsi", "izinkan_html", "riwayat"});
  site->pos = map.Pos();
  site->judul = map.String("judul", Need::kRequired).value_or("");
  site->deskripsi = map.String("deskripsi").value_or("");
  site->base_url = map.String("base_url").value_or("");
  if (!site->base_url.empty() && site->base_url.rfind("https://", 0) != 0 &&
      site->base_url.rfind("http://", 0) != 0) {
    root.source()->diagnostics->Error(
        map.Get("base_url").Pos(),
        "`base_url` must be an absolute http(s) address, not `" +
            site->base_url + "`",
        "write it as the address readers open, e.g. "
        "`https://sakip.example.go.id/`");
    site->base_url.clear();
  }
  site->tahun = map.Integer("tahun");
  site->kertas = map.Choice("kertas", {"F4", "A4"}).value_or("F4");
  site->izinkan_html = map.Bool("izinkan_html").value_or(false);
  if (map.Has("riwayat")) {
    MapReader riwayat(map.Get("riwayat"), "riwayat", {"tampilkan_commit"});
    site->riwayat_commit = riwayat.Bool("tampilkan_commit").value_or(false);
  }

  if (map.Has("skala_predikat")) {
    YamlValue scale = map.Get("skala_predikat");
    if (!scale.IsList()) {
      root.source()->diagnostics->Error(
          scale.Pos(), "`skala_predikat` must be a list of { min, label }");
    }
    for (const YamlValue& item : scale.Items()) {
      MapReader band(item, "a skala_predikat row", {"min", "label"});
      std::optional<double> min = band.Number("min", Need::kRequired);
      std::optional<std::string> label = band.String("label", Need::kRequired);
      if (min && label) site->skala_predikat.push_back({*min, *label});
    }
    std::stable_sort(site->skala_predikat.begin(), site->skala_predikat.end(),
                     [](const PredikatBand& a, const PredikatBand& b) {
                       return a.min > b.min;
                     });
    if (!site->skala_predikat.empty() && site->skala_predikat.back().min > 0) {
      root.source()->diagnostics->Warning(
          scale.Pos(),
          "`skala_predikat` has no row for capaian below " +
              std::to_string(site->skala_predikat.back().min),
          "add a last row { min: 0, label: ... }");
    }
  }
  if (site->skala_predikat.empty()) {
    site->skala_predikat = DefaultPredikatScale();
  }

  YamlValue versions = map.Get("versi");
  if (!versions.IsNull() && !versions.IsList()) {
    root.source()->diagnostics->Error(
        versions.Pos(),
        "`versi` must be a list of { nama, ref } or { nama, dir }");
  }
  for (const YamlValue& item : versions.Items()) {
    MapReader v(item, "a versi entry", {"nama", "ref", "dir", "judul"});
    VersionSpec spec;
    spec.pos = v.Pos();
    spec.nama = v.String("nama", Need::kRequired).value_or("");
    spec.ref = v.String("ref").value_or("");
    spec.dir = v.String("dir").value_or("");
    spec.judul = v.String("judul").value_or("");
    if (v.ok() && spec.ref.empty() == spec.dir.empty()) {
      root.source()->diagnostics->Error(
          spec.pos,
          "a versi entry needs exactly one of `ref` (a git ref) or "
          "`dir` (a folder)");
    }
    if (!spec.nama.empty() &&
        !std::regex_match(spec.nama, std::regex("[A-Za-z0-9._-]+"))) {
      root.source()->diagnostics->Error(
          v.Get("nama").Pos(),
          "versi `nama` becomes a folder name: use letters, digits, `.`, "
          "`_` and `-` only");
    }
    for (const VersionSpec& earlier : site->versi) {
      if (!spec.nama.empty() && earlier.nama == spec.nama) {
        root.source()->diagnostics->Error(
            v.Get("nama").Pos(),
            "two versions are named `" + spec.nama + "` (first at line " +
                std::to_string(earlier.pos.line) + ")",
            "each version is built into its own folder site/<nama>/");
      }
    }
    site->versi.push_back(spec);
  }
}

void ParseUnit(const YamlValue& root, Unit* unit) {
  MapReader map(root, "unit.yaml",
                {"nama", "jenis", "pemerintah", "kop", "dasar_hukum",
                 "pimpinan", "singkatan"});
  unit->pos = map.Pos();
  unit->nama = map.String("nama", Need::kRequired).value_or("");
  unit->jenis =
      map.Choice("jenis", {"pemda", "dinas", "badan", "satpol-pp", "kecamatan",
                           "kelurahan", "desa", "sekretariat", "lainnya"})
          .value_or("lainnya");
  unit->pemerintah = map.String("pemerintah").value_or("");
  unit->dasar_hukum = map.String("dasar_hukum").value_or("");
  unit->pimpinan_ref = ReadReference(map, "pimpinan");
  MapReader kop(map.Get("kop"), "kop",
                {"alamat", "telepon", "faks", "email", "kota", "kode_pos",
                 "logo", "laman"});
  unit->kop.alamat = kop.String("alamat").value_or("");
  unit->kop.telepon = kop.String("telepon").value_or("");
  unit->kop.faks = kop.String("faks").value_or("");
  unit->kop.email = kop.String("email").value_or("");
  unit->kop.kota = kop.String("kota").value_or("");
  unit->kop.kode_pos = kop.String("kode_pos").value_or("");
  unit->kop.logo = kop.String("logo").value_or("");
  unit->kop.logo_pos = kop.Get("logo").Pos();
}

}  // namespace sakip
