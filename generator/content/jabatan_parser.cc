// jabatan/<id>.md front matter: the position, its holder and its IKI.
#include <regex>

#include "content_parsers.h"
#include "nip.h"

namespace sakip {
namespace {

const std::vector<std::string> kIndikatorKeys = {"id",
                                                 "sasaran",
                                                 "nama",
                                                 "formulasi",
                                                 "rumus",
                                                 "sumber_data",
                                                 "satuan",
                                                 "target",
                                                 "target_keterangan",
                                                 "target_triwulan",
                                                 "polaritas",
                                                 "rumus_negatif",
                                                 "agregasi",
                                                 "mendukung",
                                                 "anggaran",
                                                 "catatan"};

}  // namespace

void ParseRumus(const YamlValue& value, Indikator* indikator) {
  MapReader map(value, "rumus", {"pembilang", "penyebut", "pengali"});
  if (!map.ok()) return;
  Rumus rumus;
  rumus.pembilang = map.String("pembilang", Need::kRequired).value_or("");
  rumus.penyebut = map.String("penyebut", Need::kRequired).value_or("");
  rumus.pengali = map.Number("pengali").value_or(1);
  indikator->rumus = rumus;
}

void ParseIndikatorRumus(const MapReader& map, Indikator* ind) {
  ind->formulasi = map.String("formulasi").value_or("");
  if (map.Has("rumus")) ParseRumus(map.Get("rumus"), ind);
  ind->sumber_data = map.StringList("sumber_data");
  std::string polaritas =
      map.Choice("polaritas", {"positif", "negatif"}).value_or("positif");
  ind->polaritas =
      polaritas == "negatif" ? Polaritas::kNegatif : Polaritas::kPositif;
  std::string rumus_negatif =
      map.Choice("rumus_negatif", {"selisih", "kebalikan"}).value_or("selisih");
  ind->rumus_negatif = rumus_negatif == "kebalikan" ? RumusNegatif::kKebalikan
                                                    : RumusNegatif::kSelisih;
  std::string agregasi =
      map.Choice("agregasi", {"kumulatif", "terakhir", "rata-rata"})
          .value_or("kumulatif");
  ind->agregasi = agregasi == "terakhir"    ? Agregasi::kTerakhir
                  : agregasi == "rata-rata" ? Agregasi::kRataRata
                                            : Agregasi::kKumulatif;
}

namespace {

void ParseAnggaran(const YamlValue& value, Indikator* indikator) {
  MapReader map(value, "anggaran", {"kode", "kegiatan", "pagu", "sumber_dana"});
  if (!map.ok()) return;
  Anggaran anggaran;
  anggaran.kode = map.String("kode").value_or("");
  anggaran.kegiatan = map.String("kegiatan").value_or("");
  anggaran.pagu = map.Number("pagu");
  anggaran.sumber_dana = map.String("sumber_dana").value_or("");
  if (anggaran.pagu && *anggaran.pagu < 0) {
    value.source()->diagnostics->Error(map.Get("pagu").Pos(),
                                       "`pagu` cannot be negative");
  }
  indikator->anggaran = anggaran;
}

std::optional<Indikator> ParseIndikator(const YamlValue& value) {
  MapReader map(value, "indikator", kIndikatorKeys);
  if (!map.ok()) return std::nullopt;
  Diagnostics* diagnostics = value.source()->diagnostics;
  Indikator ind;
  ind.pos = map.Pos();
  ind.id = map.String("id", Need::kRequired).value_or("");
  if (!ind.id.empty() && !IsValidId(ind.id)) {
    std::string suggestion = SuggestId(ind.id);
    diagnostics->Error(
        map.Get("id").Pos(), "indikator id `" + ind.id + "` is not a valid id",
        "ids are lower-case words joined by `-`" +
            (suggestion.empty() ? std::string()
                                : ", e.g. `" + suggestion + "`"));
  }
  ind.sasaran = map.String("sasaran").value_or("");
  ind.nama = map.String("nama", Need::kRequired).value_or("");
  ParseIndikatorRumus(map, &ind);
  ind.satuan = map.String("satuan").value_or("");
  ind.target = map.Number("target");
  ind.target_keterangan = map.String("target_keterangan").value_or("");
  if (map.Has("target_triwulan")) {
    YamlValue list = map.Get("target_triwulan");
    std::vector<YamlValue> items = list.Items();
    if (!list.IsList() || items.size() != 4) {
      diagnostics->Error(list.Pos(),
                         "`target_triwulan` must list 4 numbers, one per "
                         "quarter",
                         "for example [25, 50, 75, 100]");
    } else {
      for (const YamlValue& item : items) {
        std::optional<double> t = item.AsNumber("a quarterly target");
        ind.target_triwulan.push_back(t.value_or(0));
      }
      if (ind.target_triwulan.size() != 4) ind.target_triwulan.clear();
    }
  }
  ind.mendukung_ref = ReadReference(map, "mendukung");
  if (map.Has("anggaran")) ParseAnggaran(map.Get("anggaran"), &ind);
  ind.catatan = map.String("catatan").value_or("");
  return ind;
}

}  // namespace

std::optional<Pejabat> ParsePejabat(const YamlValue& value, Need nama) {
  MapReader map(
      value, "pejabat",
      {"nama", "nip", "nip_tercetak", "pangkat", "golongan", "sebutan"});
  if (!map.ok() || value.IsNull()) return std::nullopt;
  Pejabat pejabat;
  pejabat.pos = map.Pos();
  pejabat.nama = map.String("nama", nama).value_or("");
  pejabat.nip = map.String("nip").value_or("");
  pejabat.nip_pos = map.Get("nip").Pos();
  pejabat.pangkat = map.String("pangkat").value_or("");
  pejabat.golongan = map.String("golongan").value_or("");
  pejabat.nip_tercetak = map.String("nip_tercetak").value_or("");
  pejabat.sebutan = map.String("sebutan").value_or("");
  if (!pejabat.nip.empty()) {
    NipCheck check = CheckNip(pejabat.nip);
    if (!check.ok) {
      value.source()->diagnostics->Error(
          pejabat.nip_pos,
          "invalid NIP `" + pejabat.nip + "`: " + check.problem,
          "copy the NIP exactly as printed under the signature; quote it "
          "(\"...\") so YAML keeps it as text");
    }
  }
  return pejabat;
}

std::optional<TandaTangan> ParseTandaTangan(const YamlValue& value) {
  MapReader map(value, "tanda_tangan", {"tempat", "tanggal", "sebutan"});
  if (!map.ok() || value.IsNull()) return std::nullopt;
  TandaTangan ttd;
  ttd.tempat = map.String("tempat").value_or("");
  ttd.tanggal = map.DateValue("tanggal");
  ttd.sebutan = map.String("sebutan").value_or("");
  return ttd;
}

void ParseJabatan(const YamlValue& root, Jabatan* jabatan) {
  MapReader map(root, "jabatan",
                {"nama", "jenis", "eselon", "atasan", "pejabat", "tugas",
                 "fungsi", "tujuan", "indikator", "tanda_tangan"});
  Diagnostics* diagnostics = root.source()->diagnostics;
  jabatan->pos = map.Pos();
  jabatan->nama = map.String("nama", Need::kRequired).value_or("");
  jabatan->jenis = map.Choice("jenis", {"jpt", "administrator", "pengawas",
                                        "fungsional", "pelaksana"})
                       .value_or("");
  jabatan->eselon = map.String("eselon").value_or("");
  static const std::regex kEselon("(I|II|III|IV)(\\.[ab])?");
  if (!jabatan->eselon.empty() && !std::regex_match(jabatan->eselon, kEselon)) {
    diagnostics->Error(map.Get("eselon").Pos(),
                       "`eselon` `" + jabatan->eselon + "` is not an eselon",
                       "write II.a, II.b, III.a, III.b, IV.a or IV.b");
  }
  jabatan->atasan_ref = ReadReference(map, "atasan");
  if (map.Has("pejabat")) jabatan->pejabat = ParsePejabat(map.Get("pejabat"));
  jabatan->tugas = map.StringList("tugas");
  jabatan->fungsi = map.StringList("fungsi");
  YamlValue tujuan = map.Get("tujuan");
  if (!tujuan.IsNull() && !tujuan.IsList()) {
    diagnostics->Error(tujuan.Pos(),
                       "`tujuan` must be a list of { uraian, indikator }");
  }
  for (const YamlValue& item : tujuan.Items()) {
    if (item.IsScalar()) {
      jabatan->tujuan.push_back({item.Scalar(), ""});
      continue;
    }
    MapReader t(item, "tujuan", {"uraian", "indikator"});
    jabatan->tujuan.push_back({t.String("uraian", Need::kRequired).value_or(""),
                               t.String("indikator").value_or("")});
  }
  YamlValue indikator = map.Get("indikator");
  if (!indikator.IsNull() && !indikator.IsList()) {
    diagnostics->Error(
        indikator.Pos(),
        "`indikator` must be a list; start each with `- id: ...`");
  }
  std::vector<YamlValue> items = indikator.Items();
  jabatan->indikator.reserve(items.size());
  for (const YamlValue& item : items) {
    if (std::optional<Indikator> ind = ParseIndikator(item)) {
      jabatan->indikator.push_back(std::move(*ind));
    }
  }
  if (map.Has("tanda_tangan")) {
    jabatan->tanda_tangan = ParseTandaTangan(map.Get("tanda_tangan"));
  }
}

}  // namespace sakip
