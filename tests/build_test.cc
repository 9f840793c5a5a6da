// `sakip build` on the sample content, end to end: the open-data export is
// written, holds the hand-computed figures, and is byte-identical across
// builds.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline.h"
#include "test_tree.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

std::string Slurp(const fs::path& path) { return testing::ReadText(path); }

fs::path BuildSample(const std::string& name) {
  return testing::BuildSampleSite("build-" + name);
}

const nlohmann::json* Row(const nlohmann::json& rows, const std::string& unit,
                          const std::string& jabatan,
                          const std::string& indikator) {
  for (const nlohmann::json& row : rows) {
    if (row["unit"] == unit && row["jabatan"] == jabatan &&
        row["indikator"] == indikator) {
      return &row;
    }
  }
  return nullptr;
}

TEST_CASE("the export of the sample content holds hand-computed rows") {
  fs::path out = BuildSample("export");
  nlohmann::json rows =
      nlohmann::json::parse(Slurp(out / "2024/data/indikator.json"));
  const std::string satpol = "pemkab-lumajang/satpol-pp";

  // Sekretaris: 63 % of a 100 % target; Rp 858.000 of Rp 1.754.000 spent.
  const nlohmann::json* r =
      Row(rows, satpol, "sekretaris", "perencanaan-evaluasi-kinerja");
  REQUIRE(r);
  CHECK((*r)["tahun"] == 2022);
  CHECK((*r)["triwulan"] == "II");
  CHECK((*r)["realisasi"] == 63);
  CHECK((*r)["capaian"] == 63);
  CHECK((*r)["predikat"] == "Rendah");
  CHECK((*r)["serapan"].get<double>() == Approx(858000.0 / 1754000 * 100));
  // 63 - 48,916..., rounded to two decimals like the capaian it uses.
  CHECK((*r)["efisiensi"] == 14.08);
  CHECK((*r)["dilaporkan"] == 63);

  // 25 of 33 vehicles: 75,76 %, Tinggi (>= 76 is not reached).
  r = Row(rows, satpol, "kasubag-umum-kepegawaian", "kendaraan-dinas");
  REQUIRE(r);
  CHECK((*r)["capaian"] == 75.76);  // 75,7575... rounded once
  CHECK((*r)["predikat"] == "Sedang");

  // The report prints "-": no value, never 0.
  r = Row(rows, satpol, "kasubag-keuangan", "laporan-keuangan-akhir-tahun");
  REQUIRE(r);
  CHECK((*r)["triwulan"] == "II");
  CHECK((*r)["realisasi"].is_null());
  CHECK((*r)["capaian"].is_null());

  // An IKI without any report: one row, no year, no quarter.
  r = Row(rows, "pemkot-probolinggo/kecamatan-kanigaran",
          "sekretaris-kecamatan", "dokumen-administrasi-umum");
  REQUIRE(r);
  CHECK((*r)["tahun"].is_null());
  CHECK((*r)["triwulan"].is_null());

  std::string csv = Slurp(out / "2024/data/indikator.csv");
  size_t lines = std::count(csv.begin(), csv.end(), '\n');
  CHECK(lines == rows.size() + 1);
  nlohmann::json jabatan =
      nlohmann::json::parse(Slurp(out / "2024/data/jabatan.json"));
  CHECK(jabatan.size() == 26 + 7 + 22 + 10);
  CHECK(fs::exists(out / "index.html"));
  fs::remove_all(out);
}

TEST_CASE("two builds of the same content are byte-identical") {
  fs::path a = BuildSample("a");
  fs::path b = BuildSample("b");
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(a)) {
    if (!entry.is_regular_file()) continue;
    fs::path relative = fs::relative(entry.path(), a);
    INFO(relative.string());
    CHECK(Slurp(entry.path()) == Slurp(b / relative));
    ++files;
  }
  CHECK(files >= 5);
  fs::remove_all(a);
  fs::remove_all(b);
}

}  // namespace
}  // namespace sakip
