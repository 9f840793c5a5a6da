#include "urls.h"

#include <vector>

namespace sakip {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string HomePath() { return "index.html"; }

std::string UnitPath(const Unit& unit) { return unit.path + "/index.html"; }

std::string JabatanPath(const Jabatan& jabatan) {
  return jabatan.unit->path + "/jabatan/" + jabatan.id + "/index.html";
}

std::string KeputusanPath(const Keputusan& keputusan) {
  return keputusan.unit->path + "/keputusan/" + keputusan.id + "/index.html";
}

std::string UnitDataPath(const Unit& unit, const std::string& ext) {
  return "data/unit/" + unit.path + "/indikator." + ext;
}

std::string DokumenPath(const Unit& unit) {
  return unit.path + "/dokumen/index.html";
}

std::string AssetPath(const std::string& file) { return "aset/" + file; }

std::string LogoPath(const Unit& unit) {
  return AssetPath("logo/" + unit.path + "/" + unit.kop.logo);
}

std::string CetakKeputusanPath(const Keputusan& keputusan) {
  return "cetak/" + keputusan.unit->path + "/keputusan/" + keputusan.id +
         ".html";
}

std::string CetakIkiPath(const Jabatan& jabatan) {
  return "cetak/" + jabatan.unit->path + "/iki/" + jabatan.id + ".html";
}

std::string CetakLaporanPath(const Jabatan& jabatan, int tahun, int triwulan) {
  static const char* kRomawi[] = {"I", "II", "III", "IV"};
  return "cetak/" + jabatan.unit->path + "/laporan/" + std::to_string(tahun) +
         "-" + kRomawi[(triwulan - 1) & 3] + "/" + jabatan.id + ".html";
}

std::string PerjanjianPrintPath(const Unit& unit, int tahun,
                                const std::string& jabatan_id) {
  return "cetak/" + unit.path + "/perjanjian/" + std::to_string(tahun) + "/" +
         jabatan_id + ".html";
}

std::string CetakPerjanjianPath(const Jabatan& jabatan, int tahun) {
  return PerjanjianPrintPath(*jabatan.unit, tahun, jabatan.id);
}

std::string RootPrefix(const std::string& page) {
  std::string prefix;
  for (size_t i = 0; i + 1 < Split(page).size(); ++i) prefix += "../";
  return prefix;
}

std::string RelativeUrl(const std::string& from, const std::string& to) {
  std::vector<std::string> a = Split(from);
  std::vector<std::string> b = Split(to);
  if (!a.empty()) a.pop_back();  // the page's own file name
  size_t common = 0;
  while (common < a.size() && common + 1 < b.size() && a[common] == b[common]) {
    ++common;
  }
  std::string url;
  for (size_t i = common; i < a.size(); ++i) url += "../";
  for (size_t i = common; i < b.size(); ++i) {
    url += b[i] + (i + 1 < b.size() ? "/" : "");
  }
  return url.empty() ? "index.html" : url;
}

}  // namespace sakip
