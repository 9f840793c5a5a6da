// The sample content is the real thing: it loads without errors, holds every
// jabatan and indicator row of the source documents, and its quarter II
// results reproduce the published Satpol PP reports.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "compute.h"
#include "open_data.h"
#include "output_tree.h"
#include "test_tree.h"

namespace sakip {
namespace {

std::string ContentDir() { return testing::SourceDir() + "/content"; }

// `jabatan#indikator` keys listed in content/README.md under "Known
// inconsistencies in the sources".
std::set<std::string> KnownInconsistencies() {
  std::ifstream in(ContentDir() + "/README.md");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  size_t start = text.find("## Known inconsistencies in the sources");
  REQUIRE(start != std::string::npos);
  std::set<std::string> keys;
  std::regex key("`([a-z0-9-]+#[a-z0-9-]+)`");
  std::string section = text.substr(start);
  for (std::sregex_iterator it(section.begin(), section.end(), key), end;
       it != end; ++it) {
    keys.insert((*it)[1]);
  }
  return keys;
}

std::map<std::string, int> IndicatorCounts(const Unit& unit) {
  std::map<std::string, int> counts;
  for (const auto& j : unit.jabatan) {
    counts[j->id] = static_cast<int>(j->indikator.size());
  }
  return counts;
}

TEST_CASE(
    "content loads with no error - each warning is a listed inconsistency") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs, "content");
  ComputeResults(c.model, &c.diagnostics);
  CHECK(c.diagnostics.error_count() == 0);
  std::set<std::string> known = KnownInconsistencies();
  std::regex key("`([a-z0-9-]+#[a-z0-9-]+)`");
  for (const Diagnostic& d : c.diagnostics.all()) {
    std::smatch m;
    INFO(c.diagnostics.Format(d));
    REQUIRE(std::regex_search(d.message, m, key));
    CHECK(known.count(m[1]) == 1);
  }
}

TEST_CASE("the open data of the content is the same made on 1 or 3 threads") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  Results results = ComputeResults(c.model, &c.diagnostics);
  OutputTree one, three;
  RenderOpenData(c.model, results, "d", &one, 1);
  RenderOpenData(c.model, results, "d", &three, 3);
  for (const char* file : {"d/indikator.json", "d/indikator.csv"}) {
    INFO(file);
    REQUIRE(one.Find(file) != nullptr);
    REQUIRE(three.Find(file) != nullptr);
    CHECK(*one.Find(file) == *three.Find(file));
  }
  // Eight units in batches of six: separators between batches are exercised.
  CHECK(one.Find("d/indikator.csv")->size() > 20000);
  CHECK(nlohmann::json::parse(*three.Find("d/indikator.json")).size() > 100);
}

TEST_CASE(
    "the results of the content are the same computed on 1 or 3 threads") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  Diagnostics d1, d3;
  Results one = ComputeResults(c.model, &d1, 1);
  Results three = ComputeResults(c.model, &d3, 3);
  REQUIRE(one.tahun == three.tahun);
  REQUIRE(!one.tahun.empty());
  for (int year : one.tahun) {
    const auto& a = one.hasil.at(year);
    const auto& b = three.hasil.at(year);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      INFO(a[i].jabatan->id + "#" + a[i].indikator->id);
      CHECK(a[i].indikator == b[i].indikator);
      CHECK(a[i].triwulan_terakhir == b[i].triwulan_terakhir);
      for (int q = 0; q < 4; ++q) {
        CHECK(a[i].triwulan[q].capaian.value() ==
              b[i].triwulan[q].capaian.value());
        CHECK(a[i].triwulan[q].predikat == b[i].triwulan[q].predikat);
      }
    }
    for (const auto& [unit, r] : one.per_unit_subtree.at(year)) {
      CHECK(r.rata_capaian ==
            three.per_unit_subtree.at(year).at(unit).rata_capaian);
    }
  }
  // The warnings too, in the same order.
  REQUIRE(d1.all().size() == d3.all().size());
  CHECK(d1.all().size() > 0);
  for (size_t i = 0; i < d1.all().size(); ++i) {
    CHECK(d1.Format(d1.all()[i]) == d3.Format(d3.all()[i]));
  }
}

TEST_CASE("Satpol PP: 25 jabatan of the IKI plus the Kepala Satuan") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  const Unit* unit = c.model.FindUnit("pemkab-lumajang/satpol-pp");
  REQUIRE(unit);
  CHECK(unit->jabatan.size() == 26);
  CHECK(unit->pimpinan->id == "kepala-satuan");
  // Every jabatan carries its IKI rows (the 2022 Perjanjian Kinerja rows of
  // the 14 reporting jabatan are in perjanjian/2022.yaml); the row the IKI
  // prints twice is listed once.
  std::map<std::string, int> expected = {
      {"kepala-satuan", 0},
      {"sekretaris", 4},
      {"kasubag-umum-kepegawaian", 20},
      {"kasubag-keuangan", 2},
      {"kabid-penegakan-produk-hukum-daerah", 1},
      {"kasi-penyelidikan-penyidikan", 2},
      {"kasi-penyuluhan-masyarakat", 2},
      {"kasi-pembinaan-pengawasan", 2},
      {"kabid-ketertiban-umum", 2},
      {"kasi-operasi-pengendalian", 5},
      {"kasi-kerja-sama", 2},
      {"kasi-pelatihan-dasar", 3},
      {"kabid-perlindungan-masyarakat", 2},
      {"kasi-pengendalian-operasional-linmas", 1},
      {"kasi-bina-potensi-masyarakat", 3},
      {"kasi-satuan-linmas", 3},
      {"kepala-upt-pemadam-kebakaran", 3},
      {"pengadministrasi-persuratan", 5},
      {"pengadministrasi-kepegawaian", 6},
      {"operator-mesin", 4},
      {"pemanfaatan-barang-milik-daerah", 4},
      {"bendahara-pengeluaran", 7},
      {"pengadministrasi-keuangan", 6},
      {"penyidik-pegawai-negeri-sipil", 5},
      {"petugas-keamanan-gedung-aset", 3},
      {"petugas-keamanan-pejabat", 3}};
  CHECK(IndicatorCounts(*unit) == expected);
}

TEST_CASE("the archived Satpol PP IKI is its own tree with every IKI row") {
  RealFileSystem fs(ContentDir() + "/arsip/iki-satpolpp");
  testing::Checked c = testing::Check(fs);
  CHECK(c.diagnostics.error_count() == 0);
  // The IKI prints one row of the Sub Bagian Umum twice.
  CHECK(c.diagnostics.warning_count() == 1);
  const Unit* unit = c.model.FindUnit("pemkab-lumajang/satpol-pp");
  REQUIRE(unit);
  std::map<std::string, int> expected = {
      {"kepala-satuan", 0},
      {"sekretaris", 4},
      {"kasubag-umum-kepegawaian", 21},
      {"kasubag-keuangan", 2},
      {"kabid-penegakan-produk-hukum-daerah", 1},
      {"kasi-penyelidikan-penyidikan", 2},
      {"kasi-penyuluhan-masyarakat", 2},
      {"kasi-pembinaan-pengawasan", 2},
      {"kabid-ketertiban-umum", 2},
      {"kasi-operasi-pengendalian", 5},
      {"kasi-kerja-sama", 2},
      {"kasi-pelatihan-dasar", 3},
      {"kabid-perlindungan-masyarakat", 2},
      {"kasi-pengendalian-operasional-linmas", 1},
      {"kasi-bina-potensi-masyarakat", 3},
      {"kasi-satuan-linmas", 3},
      {"kepala-upt-pemadam-kebakaran", 3},
      {"pengadministrasi-persuratan", 5},
      {"pengadministrasi-kepegawaian", 6},
      {"operator-mesin", 4},
      {"pemanfaatan-barang-milik-daerah", 4},
      {"bendahara-pengeluaran", 7},
      {"pengadministrasi-keuangan", 6},
      {"penyidik-pegawai-negeri-sipil", 5},
      {"petugas-keamanan-gedung-aset", 3},
      {"petugas-keamanan-pejabat", 3}};
  CHECK(IndicatorCounts(*unit) == expected);
  // The current tree does not load the archive.
  RealFileSystem current(ContentDir());
  testing::Checked all = testing::Check(current);
  for (const auto& u : all.model.units) CHECK(u->path.rfind("arsip", 0) != 0);
}

TEST_CASE("Ranuyoso: 6 IKI sheets plus the Camat, with their signatures") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  const Unit* unit = c.model.FindUnit("pemkab-lumajang/kecamatan-ranuyoso");
  REQUIRE(unit);
  std::map<std::string, int> expected = {{"camat", 0},
                                         {"sekretaris-kecamatan", 4},
                                         {"kasi-pemerintahan", 5},
                                         {"kasi-pemberdayaan-masyarakat", 2},
                                         {"kasi-pelayanan-umum", 1},
                                         {"kasubag-keuangan", 10},
                                         {"kasubag-umum-kepegawaian", 11}};
  CHECK(IndicatorCounts(*unit) == expected);
  const Jabatan* sekretaris = unit->FindJabatan("sekretaris-kecamatan");
  CHECK(sekretaris->pejabat->nama == "MASRUHIN, S.Sos");
  CHECK(sekretaris->tanda_tangan->tanggal == Date{2023, 2, 2});
  CHECK(sekretaris->tujuan.size() == 7);
  CHECK(unit->kop.email == "kec_ranuyoso@lumajangkab.go.id");
  // The NIP is the document's last line, under the Kasubag Umum's sheet.
  const Jabatan* umum = unit->FindJabatan("kasubag-umum-kepegawaian");
  REQUIRE(umum->pejabat);
  CHECK(umum->pejabat->nama == "SAMSUL HARIONO");
  CHECK(umum->pejabat->nip == "19671211 200012 1 004");
}

TEST_CASE("Satpol PP fire section has the tugas of its own 2022 report") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  const Unit* unit = c.model.FindUnit("pemkab-lumajang/satpol-pp");
  REQUIRE(unit);
  const Jabatan* damkar = unit->FindJabatan("kepala-upt-pemadam-kebakaran");
  REQUIRE(damkar);
  REQUIRE(damkar->tugas.size() == 6);
  CHECK(damkar->tugas[0] ==
        "Menyusun rencana kegiatan dan program kerja Seksi Penanggulangan "
        "Bahaya Kebakaran");
  CHECK(damkar->fungsi.empty());
  CHECK(damkar->atasan->id == "kabid-perlindungan-masyarakat");
}

TEST_CASE("Kanigaran: the decree and every jabatan of its lampiran") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  const Unit* kec = c.model.FindUnit("pemkot-probolinggo/kecamatan-kanigaran");
  const Unit* kel =
      c.model.FindUnit("pemkot-probolinggo/kecamatan-kanigaran/kelurahan");
  REQUIRE(kec);
  REQUIRE(kel);
  CHECK(kec->jabatan.size() == 22);
  CHECK(kel->jabatan.size() == 10);
  CHECK(kel->pimpinan->atasan == kec->pimpinan);
  REQUIRE(kec->keputusan.size() == 1);
  const Keputusan& k = *kec->keputusan[0];
  CHECK(k.nomor == "700.1.1.4/54/425.504/2024");
  CHECK(k.menimbang.size() == 2);
  CHECK(k.mengingat.size() == 10);
  CHECK(k.diktum.size() == 3);
  CHECK(k.tanggal == Date{2024, 1, 24});
  CHECK(k.penandatangan->pejabat->nama == "NOOR ALY, S.H., M.M");
  CHECK(k.penandatangan->pejabat->pangkat == "Pembina");
  REQUIRE(k.lampiran);
  CHECK(k.lampiran->jabatan.size() == 31);  // 21 Kecamatan + 10 Kelurahan
  int rows = 0;
  for (const Jabatan* j : k.lampiran->jabatan) rows += j->indikator.size();
  CHECK(rows == 69 + 26);  // rows of the Kecamatan and Kelurahan sheets
}

TEST_CASE("Satpol PP quarter II capaian match the reports or the known list") {
  RealFileSystem fs(ContentDir());
  testing::Checked c = testing::Check(fs);
  Results results = ComputeResults(c.model, &c.diagnostics);
  std::set<std::string> known = KnownInconsistencies();
  int compared = 0;
  int listed = 0;
  for (const HasilIndikator& h : results.hasil.at(2022)) {
    const HasilTriwulan& q = h.triwulan[1];
    if (!q.dilaporkan) continue;
    std::string key = h.jabatan->id + "#" + h.indikator->id;
    INFO(key << " printed " << *q.dilaporkan);
    REQUIRE(q.capaian.has_value());
    if (std::fabs(*q.capaian.value() - *q.dilaporkan) <= 1) {
      ++compared;
    } else {
      CHECK(known.count(key) == 1);
      ++listed;
    }
  }
  // 31 printed capaian in the 14 reports; the Kasubag Keuangan's two are
  // measured against other targets than its Perjanjian Kinerja's.
  CHECK(compared == 27);
  CHECK(listed == 4);
}

}  // namespace
}  // namespace sakip
