#include "open_data.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_tree.h"

namespace sakip {
namespace {

TEST_CASE("the export has one row per reported quarter, null when none") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { I: 3, II: 4 }\n");
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: \"Pengadministrasi, \\\"Umum\\\"\"\natasan: sekretaris\n"
           "indikator:\n  - { id: surat, nama: Surat, target: 5, polaritas: "
           "negatif }\n---\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  OutputTree out;
  RenderOpenData(c.model, results, "2024/data", &out);

  auto rows = nlohmann::json::parse(*out.Find("2024/data/indikator.json"));
  REQUIRE(rows.size() == 4);  // camat (none), sekretaris I and II, staf (none)
  CHECK(rows[0]["jabatan"] == "camat");
  CHECK(rows[0]["triwulan"].is_null());
  CHECK(rows[0]["tahun"].is_null());
  CHECK(rows[0]["target"] == 80);
  CHECK(rows[0]["capaian"].is_null());
  CHECK(rows[1]["jabatan"] == "sekretaris");
  CHECK(rows[1]["triwulan"] == "I");
  CHECK(rows[1]["realisasi"] == 3);
  CHECK(rows[1]["capaian"] == 30);
  CHECK(rows[1]["predikat"] == "Sangat Rendah");
  CHECK(rows[2]["triwulan"] == "II");
  CHECK(rows[2]["realisasi"] == 7);
  CHECK(rows[2]["tahun"] == 2024);
  CHECK(rows[2]["pagu"].is_null());
  CHECK(rows[3]["polaritas"] == "negatif");
  CHECK(rows[3]["agregasi"] == "kumulatif");
  CHECK(rows[1].size() == 21);

  const std::string& csv = *out.Find("2024/data/indikator.csv");
  CHECK(csv.rfind("unit,unit_nama,jabatan,jabatan_nama,indikator,", 0) == 0);
  CHECK(csv.find("kota/kec,Kecamatan Uji,sekretaris,Sekretaris Kecamatan,"
                 "dokumen,Jumlah dokumen perencanaan,,,2024,II,10,7,70,"
                 "Sedang,positif,kumulatif,,,,,\r\n") != std::string::npos);
  CHECK(csv.find("\"Pengadministrasi, \"\"Umum\"\"\"") != std::string::npos);

  auto jabatan = nlohmann::json::parse(*out.Find("2024/data/jabatan.json"));
  REQUIRE(jabatan.size() == 3);
  CHECK(jabatan[1]["atasan"] == "/kota/kec/camat");
  CHECK(jabatan[0]["pejabat"]["nama"] == "NOOR ALY");
  CHECK(jabatan[0]["jumlah_indikator"] == 1);
  CHECK(out.Find("2024/data/README.md") != nullptr);
}

}  // namespace
}  // namespace sakip
