// The Rencana Tindak Lanjut table of a quarterly report: one row per item
// of `rencana_tindak_lanjut` with its Keterangan, on the printed report and
// the jabatan page; the spec's `evaluasi` + `tindak_lanjut` as one row; and
// every mistake at its file:line:col.
#include <catch2/catch.hpp>
#include <map>
#include <vector>

#include "compute.h"
#include "render_site.h"
#include "rendered_site.h"
#include "site_data.h"
#include "site_data_cetak.h"
#include "test_tree.h"
#include "theme.h"
#include "urls.h"

namespace sakip {
namespace {

std::unique_ptr<testing::RenderedSite> Render(const FileSystem& content) {
  auto r = testing::RenderInMemory(content);
  REQUIRE(r->checked.Lines().empty());
  return r;
}

// The part of a printed report between part D's heading and BAB III.
std::string PartD(const std::string& page) {
  size_t from = page.find("D. RENCANA TINDAK LANJUT");
  size_t to = page.find("BAB III", from);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  return page.substr(from, to - from);
}

// The sekretaris of the valid tree with a budget line, 5 of 10 dokumen and
// half the budget spent at quarter II: capaian 50 % (progress), serapan
// 50 %.
MemoryFileSystem TreeWith(const std::string& texts) {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/jabatan/sekretaris.md",
           "---\nnama: Sekretaris Kecamatan\natasan: camat\nindikator:\n"
           "  - id: dokumen\n    nama: Jumlah dokumen perencanaan\n"
           "    target: 10\n"
           "    anggaran: { kode: 7.01.02, kegiatan: Perencanaan Kecamatan, "
           "pagu: 1000 }\n---\n");
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { II: 5 }\n      anggaran: { II: 500 }\n" +
               texts);
  return fs;
}

constexpr const char* kRows =
    "      rencana_tindak_lanjut:\n"
    "        II:\n"
    "          - evaluasi: Ringkasan serapan 50 % dan capaian 50 %\n"
    "            tindak_lanjut: Serapan sesuai jadwal\n"
    "            keterangan: Jadwal serapan mulai triwulan II\n"
    "          - evaluasi: Rapat penyusunan renja tertunda\n"
    "            tindak_lanjut: Rapat dijadwalkan ulang\n"
    "            keterangan: Capaian kinerja 37 % menurut rekap seksi\n"
    "          - kegiatan: Kegiatan rutin pengarsipan\n"
    "            evaluasi: Arsip belum dipindai\n"
    "            keterangan: 12 map arsip\n";

TEST_CASE("rencana_tindak_lanjut rows: one printed row each, with Keterangan") {
  auto r = Render(TreeWith(kRows));
  const Jabatan& sekretaris =
      *r->checked.model.FindUnit("kota/kec")->FindJabatan("sekretaris");
  const HasilIndikator* h =
      r->results.Find(2024, &sekretaris.indikator.front());
  REQUIRE(h);
  const HasilTriwulan& q = h->triwulan[1];
  CHECK(q.dilapor);
  CHECK(q.capaian.value() == 50);
  CHECK(q.serapan.value() == 50);
  REQUIRE(q.tindak_lanjut.size() == 3);
  CHECK(q.tindak_lanjut[1].keterangan ==
        "Capaian kinerja 37 % menurut rekap seksi");
  CHECK(q.tindak_lanjut[2].kegiatan == "Kegiatan rutin pengarsipan");
  CHECK(q.tindak_lanjut[0].kode.empty());

  const std::string& page = r->Page(CetakLaporanPath(sekretaris, 2024, 2));
  std::string d = PartD(page);
  CHECK(testing::Count(d, "<tr>") == 4);  // the header and three rows
  // The indicator's Kode and Kegiatan span its first two rows; the third
  // names its own activity (and no code).
  CHECK(d.find("<td rowspan=\"2\">7.01.02</td><td rowspan=\"2\">Perencanaan "
               "Kecamatan</td><td>Ringkasan serapan 50 % dan capaian 50 "
               "%</td><td>Serapan sesuai jadwal</td><td>Jadwal serapan mulai "
               "triwulan II</td>") != std::string::npos);
  CHECK(d.find("<tr><td>Rapat penyusunan renja tertunda</td><td>Rapat "
               "dijadwalkan ulang</td><td>Capaian kinerja 37 % menurut rekap "
               "seksi") != std::string::npos);
  CHECK(d.find("<td rowspan=\"1\"></td><td rowspan=\"1\">Kegiatan rutin "
               "pengarsipan</td><td>Arsip belum dipindai</td><td></td><td>12 "
               "map arsip</td>") != std::string::npos);
  // The Keterangan quoting 37 % is marked in its own cell; the first row
  // quotes the computed figures and is not.
  CHECK(testing::Count(page, "dikutip dari laporan resmi") == 1);
  CHECK(d.find("Capaian kinerja 37 % menurut rekap seksi<span "
               "class=\"catatan-angka\">Angka dalam teks ini dikutip dari "
               "laporan resmi (37 %); hasil perhitungan: capaian 50 %, "
               "serapan anggaran 50 %.</span></td>") != std::string::npos);
  // Section C quotes the first row's evaluasi; the others are in D only.
  CHECK(testing::Count(page, "Ringkasan serapan 50 % dan capaian 50 %") == 2);
  CHECK(testing::Count(page, "Rapat penyusunan renja tertunda") == 1);

  const std::string& web = r->Page(JabatanPath(sekretaris));
  CHECK(web.find("<strong>Keterangan:</strong> Jadwal serapan mulai "
                 "triwulan II") != std::string::npos);
  CHECK(web.find("<strong>Kegiatan:</strong> Kegiatan rutin pengarsipan") !=
        std::string::npos);
  CHECK(web.find("<strong>Evaluasi:</strong> Rapat penyusunan renja "
                 "tertunda") != std::string::npos);
  CHECK(testing::Count(web, "dikutip dari laporan resmi (37 %)") == 1);
}

TEST_CASE("evaluasi and tindak_lanjut of the spec make one row") {
  auto r = Render(
      TreeWith("      evaluasi: { II: \"Capaian 50 %\" }\n"
               "      tindak_lanjut: { II: \"Lanjutkan\\nbaris kedua\" }\n"));
  const Jabatan& sekretaris =
      *r->checked.model.FindUnit("kota/kec")->FindJabatan("sekretaris");
  const HasilTriwulan& q =
      r->results.Find(2024, &sekretaris.indikator.front())->triwulan[1];
  REQUIRE(q.tindak_lanjut.size() == 1);
  CHECK(q.tindak_lanjut[0].evaluasi == "Capaian 50 %");
  CHECK(q.tindak_lanjut[0].tindak_lanjut == "Lanjutkan\nbaris kedua");
  CHECK(q.tindak_lanjut[0].keterangan.empty());
  std::string d = PartD(r->Page(CetakLaporanPath(sekretaris, 2024, 2)));
  CHECK(testing::Count(d, "<tr>") == 2);
  CHECK(d.find("<td rowspan=\"1\">7.01.02</td><td rowspan=\"1\">Perencanaan "
               "Kecamatan</td><td>Capaian 50 %</td><td>Lanjutkan\nbaris "
               "kedua</td><td></td></tr>") != std::string::npos);

  // Only a tindak_lanjut: still a row, and a reported quarter.
  auto t = Render(TreeWith("      tindak_lanjut: { III: Lanjutkan }\n"));
  const Jabatan& s2 =
      *t->checked.model.FindUnit("kota/kec")->FindJabatan("sekretaris");
  const HasilIndikator* h = t->results.Find(2024, &s2.indikator.front());
  CHECK(h->triwulan[2].dilapor);
  REQUIRE(h->triwulan[2].tindak_lanjut.size() == 1);
  CHECK(h->triwulan[2].tindak_lanjut[0].evaluasi.empty());
}

constexpr const char* kBad =
    "tahun: 2024\n"                                 // 1
    "jabatan:\n"                                    // 2
    "  sekretaris:\n"                               // 3
    "    dokumen:\n"                                // 4
    "      evaluasi: { II: Ringkas }\n"             // 5
    "      rencana_tindak_lanjut:\n"                // 6
    "        I: Satu teks saja\n"                   // 7
    "        II:\n"                                 // 8
    "          - { evaluasi: A }\n"                 // 9
    "        III:\n"                                // 10
    "          - { kode: \"1.01\" }\n"              // 11
    "          - { keteranagn: X, evaluasi: Y }\n"  // 12
    "        V:\n"                                  // 13
    "          - { evaluasi: B }\n"                 // 14
    "        IV: []\n";                             // 15

TEST_CASE("rencana_tindak_lanjut mistakes: position and hint of each") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/realisasi/2024.yaml", kBad);
  testing::Checked c = testing::Check(fs);
  const std::string file = "kota/kec/realisasi/2024.yaml:";
  struct Case {
    const char* message;
    const char* where;
    const char* severity;
    const char* hint;
  };
  Case cases[] = {
      {"`rencana_tindak_lanjut` of `dokumen`, quarter I must be a list of rows",
       "7:12", "error",
       "one item per printed row, e.g. `- { evaluasi: ..., tindak_lanjut: "
       "..., keterangan: ... }`"},
      {"quarter II of `dokumen` has both `rencana_tindak_lanjut` and "
       "`evaluasi`/`tindak_lanjut` (line 5)",
       "9:11", "error",
       "write that quarter's texts as rows of `rencana_tindak_lanjut` only"},
      {"a row of `rencana_tindak_lanjut` of `dokumen`, quarter III has no "
       "text",
       "11:13", "error",
       "give `evaluasi`, `tindak_lanjut` or `keterangan` (or remove the row)"},
      {"unknown key `keteranagn`", "12:15", "warning",
       "did you mean `keterangan`?"},
      {"`V` is not a quarter in `rencana_tindak_lanjut`", "13:9", "error",
       "use I, II, III, IV (or 1 to 4)"},
      {"`rencana_tindak_lanjut` of `dokumen`, quarter IV must be a list of "
       "rows",
       "15:13", "error", ""},
  };
  for (const Case& k : cases) {
    INFO(k.message);
    testing::Found f = testing::FindDiagnostic(c, k.message);
    CHECK(f.where == file + k.where);
    CHECK(f.severity == k.severity);
    if (*k.hint) CHECK(f.hint == k.hint);
  }
  // Every problem of the file is reported, not the first only.
  CHECK(c.diagnostics.error_count() == 5);
  // The row with a typo still counts: it has an evaluasi.
  const Realisasi& realisasi = *c.model.FindUnit("kota/kec")->realisasi.front();
  const RealisasiIndikator& entry = realisasi.jabatan[0].indikator[0];
  REQUIRE(entry.catatan);
  CHECK(entry.catatan->tindak_lanjut[2].size() == 1);
  CHECK(entry.catatan->tindak_lanjut[1].size() == 1);  // the rows win
  CHECK(entry.catatan->tindak_lanjut[1][0].evaluasi == "A");
}

// The 14 Satpol PP reports of quarter II 2022 hold 70 Rencana Tindak
// Lanjut rows for 31 sasaran with 31 Keterangan texts (175 non-empty
// Evaluasi / Tindak Lanjut / Keterangan cells, counted in the seed
// lkj-tw2-2022-satpolpp-lumajang.txt); cells cut by a page break are whole.
TEST_CASE("Satpol PP - every Rencana Tindak Lanjut row with its Keterangan") {
  testing::Checked c =
      testing::Check(RealFileSystem(testing::SourceDir() + "/content"));
  const Unit* satpol = c.model.FindUnit("pemkab-lumajang/satpol-pp");
  REQUIRE(satpol);
  int sasaran = 0, rows = 0, cells = 0, keterangan = 0;
  std::map<std::string, std::vector<BarisTindakLanjut>> by_id;
  for (const auto& r : satpol->realisasi) {
    for (const RealisasiJabatan& j : r->jabatan) {
      for (const RealisasiIndikator& i : j.indikator) {
        if (!i.catatan) continue;
        const auto& quarter = i.catatan->tindak_lanjut[1];
        if (quarter.empty()) continue;
        ++sasaran;
        by_id[j.jabatan_id + "#" + i.indikator_id] = quarter;
        for (const BarisTindakLanjut& b : quarter) {
          ++rows;
          cells += !b.evaluasi.empty() + !b.tindak_lanjut.empty() +
                   !b.keterangan.empty();
          keterangan += !b.keterangan.empty();
        }
      }
    }
  }
  CHECK(sasaran == 31);
  CHECK(rows == 70);
  CHECK(cells == 170);  // 175 less the 5 continuation cells joined
  CHECK(keterangan == 31);
  const auto& admin = by_id["sekretaris#administrasi-keuangan"];
  REQUIRE(admin.size() == 1);
  CHECK(admin[0].keterangan ==
        "Penyebab rendahnya capaian kinerja dikarenakan terdapat capaian "
        "kinerja yang dilaksanakan pada Triwulan 4");
  const auto& kerja_sama = by_id["kasi-kerja-sama#dokumen-kerja-sama"];
  REQUIRE(kerja_sama.size() == 3);
  CHECK(kerja_sama[2].kegiatan ==
        "Januari s/d Juni kegiatan rutin pengamanan di 5 rumah dinas");
  CHECK(kerja_sama[2].keterangan ==
        "180 kali pengamanan dalam bulan Januari s/d Maret");
  CHECK(by_id["kasi-operasi-pengendalian#kasus-dicegah"].size() == 5);
  CHECK(by_id["kabid-penegakan-produk-hukum-daerah#perda-perbup-ditegakkan"]
            .size() == 8);
}

TEST_CASE(
    "a count in the indicator's unit other than the realisasi is marked") {
  // Kasi Operasi dan Pengendalian, seed line 740: the RTL text counts 361
  // kasus ditindak, the capaian table 351.
  const std::string teks =
      "Capaian serapan anggaran sebesar 49 % dengan capaian kinerja sebesar "
      "74 % , pelaksanaan kegiatan operasi dengan 361 kasus yang ditemukan";
  CHECK(CatatanAngkaEvaluasi(teks, Nilai::Of(73.74), Nilai::Of(43.5),
                             Nilai::Of(351), "kasus") ==
        "Angka dalam teks ini dikutip dari laporan resmi (49 %, 361 kasus); "
        "hasil perhitungan: capaian 73,74 %, serapan anggaran 43,5 %, "
        "realisasi 351 kasus.");
  // The same count, another unit, a percentage satuan: no count is quoted.
  CHECK(CatatanAngkaEvaluasi("361 kasus", Nilai::Of(73.74), Nilai::Of(43.5),
                             Nilai::Of(361), "kasus") == "");
  CHECK(CatatanAngkaEvaluasi("sebanyak 29 kali", Nilai::Of(100), Nilai(),
                             Nilai::Of(6), "laporan") == "");
  CHECK(CatatanAngkaEvaluasi("12 pengaduan", Nilai::Of(100), Nilai(),
                             Nilai::Of(100), "%") == "");
}

TEST_CASE("Satpol PP - the jabatan page lists the PK sasaran's RTL rows") {
  auto r = Render(RealFileSystem(testing::SourceDir() + "/content"));
  const Unit* satpol = r->checked.model.FindUnit("pemkab-lumajang/satpol-pp");
  const std::string& page =
      r->Page(JabatanPath(*satpol->FindJabatan("kasi-kerja-sama")));
  CHECK(page.find("Rencana tindak lanjut TW II") != std::string::npos);
  CHECK(page.find("<strong>Kegiatan:</strong> Januari s/d Juni kegiatan "
                  "rutin pengamanan di 5 rumah dinas") != std::string::npos);
  CHECK(page.find("<strong>Keterangan:</strong> 180 kali pengamanan dalam "
                  "bulan Januari s/d Maret") != std::string::npos);
  const std::string& operasi =
      r->Page(JabatanPath(*satpol->FindJabatan("kasi-operasi-pengendalian")));
  CHECK(testing::Count(operasi, "<strong>Evaluasi:</strong>") ==
        11);  // 5 + 6 rows
  CHECK(operasi.find("realisasi 351 kasus.") != std::string::npos);
}

}  // namespace
}  // namespace sakip
