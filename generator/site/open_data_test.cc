#include "open_data.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "compute.h"
#include "resolve.h"
#include "test_tree.h"
#include "xlsx_reader.h"

namespace sakip {
namespace {

// The keys of the pieces a render appends, in order.
class PieceKeys : public OutputTree {
 public:
  void AppendPiece(const std::string& path, const std::string& bytes,
                   const std::string& key) override {
    keys.push_back(path + " " + key);
    Append(path, bytes);
  }
  std::vector<std::string> keys;
};

TEST_CASE("a unit's open data pieces change key with the years of results") {
  // A unit's rows list its PK sasaran for every year that has realisasi in
  // any unit: another unit's first realisasi of a year changes them,
  // though this unit's pages and their key stay as they were.
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { I: 3 }\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  std::map<const Unit*, std::string> unit_keys;
  for (const auto& unit : c.model.units) unit_keys[unit.get()] = "same";
  PieceKeys before;
  RenderOpenData(c.model, results, "2024/data", &before, 1, &unit_keys);
  results.tahun.push_back(2025);
  PieceKeys after;
  RenderOpenData(c.model, results, "2024/data", &after, 1, &unit_keys);
  REQUIRE(!before.keys.empty());
  REQUIRE(before.keys.size() == after.keys.size());
  for (size_t i = 0; i < before.keys.size(); ++i) {
    CHECK(before.keys[i] != after.keys[i]);
  }
}

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
  // Quarter I of a kumulatif indicator without quarterly targets: progress
  // towards the annual target, not judged.
  CHECK(rows[1]["predikat"].is_null());
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
                 ",positif,kumulatif,,,,,\r\n") != std::string::npos);
  CHECK(csv.find("\"Pengadministrasi, \"\"Umum\"\"\"") != std::string::npos);

  auto jabatan = nlohmann::json::parse(*out.Find("2024/data/jabatan.json"));
  REQUIRE(jabatan.size() == 3);
  CHECK(jabatan[1]["atasan"] == "/kota/kec/camat");
  CHECK(jabatan[0]["pejabat"]["nama"] == "NOOR ALY");
  CHECK(jabatan[0]["jumlah_indikator"] == 1);
  CHECK(out.Find("2024/data/README.md") != nullptr);
}

// jabatan.json as nlohmann writes it: the reference for the export's own
// writer.
std::string JabatanReference(const Model& model) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  auto text = [](const std::string& value) {
    return value.empty() ? nlohmann::ordered_json(nullptr)
                         : nlohmann::ordered_json(value);
  };
  for (const auto& unit : model.units) {
    for (const Jabatan* j : HierarchyOrder(*unit)) {
      nlohmann::ordered_json row;
      row["unit"] = unit->path;
      row["unit_nama"] = unit->nama;
      row["jabatan"] = j->id;
      row["jabatan_nama"] = j->nama;
      row["jenis"] = text(j->jenis);
      row["eselon"] = text(j->eselon);
      row["atasan"] = j->atasan
                          ? nlohmann::ordered_json("/" + j->atasan->unit->path +
                                                   "/" + j->atasan->id)
                          : nullptr;
      if (j->pejabat) {
        row["pejabat"] = {{"nama", j->pejabat->nama},
                          {"pangkat", text(j->pejabat->pangkat)},
                          {"golongan", text(j->pejabat->golongan)}};
      } else {
        row["pejabat"] = nullptr;
      }
      row["jumlah_indikator"] = j->indikator.size();
      rows.push_back(std::move(row));
    }
  }
  return rows.dump(1) + "\n";
}

TEST_CASE("jabatan.json is written as nlohmann would write it") {
  MemoryFileSystem fs = testing::ValidTree();
  // Quotes, a backslash, a tab, non-ASCII text and a jabatan without
  // pejabat, jenis or eselon.
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: \"Staf \\\"Umum\\\" \\\\ a\\tb \u00e9\u4e2d\"\n"
           "atasan: sekretaris\n---\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  OutputTree out;
  RenderOpenData(c.model, results, "2024/data", &out);
  std::string written = *out.Find("2024/data/jabatan.json");
  CHECK(written == JabatanReference(c.model));
  CHECK(written.find("\\\"Umum\\\"") != std::string::npos);

  // No jabatan at all: an empty array.
  Model empty;
  OutputTree none;
  RenderOpenData(empty, Results(), "2024/data", &none);
  CHECK(*none.Find("2024/data/jabatan.json") == JabatanReference(empty));
}

// The sheet "Indikator" of an XLSX file's bytes, read back by the reader
// that `sakip import` uses.
SheetTable ReadBack(const std::string& bytes) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("sakip-open-data-test-" + std::to_string(getpid()) + ".xlsx");
  std::ofstream(path, std::ios::binary) << bytes;
  SheetTable table;
  std::string error;
  bool read = ReadXlsxSheet(path.string(), "Indikator", &table, &error);
  std::filesystem::remove(path);
  INFO(error);
  REQUIRE(read);
  return table;
}

// `cell` holds `value`: a text as text, a number as a number, null as an
// empty cell.
void CheckCell(const SheetCell& cell, const nlohmann::ordered_json& value) {
  if (value.is_null()) {
    CHECK(cell.kind == SheetCell::kEmpty);
  } else if (value.is_string()) {
    CHECK(cell.kind == SheetCell::kText);
    CHECK(cell.text == value.get<std::string>());
  } else {
    CHECK(cell.kind == SheetCell::kNumber);
    CHECK(cell.number == value.get<double>());
  }
}

// The workbook holds the JSON rows with their quarters side by side: a row
// per indicator and year (consecutive JSON rows of one unit, jabatan,
// indikator and tahun), the row's own columns, then target, realisasi and
// capaian of each reported quarter under "TW I" .. "TW IV", empty where
// the quarter has no row. A row without a quarter gives the target at the
// end of the year.
void CheckSameRows(const SheetTable& table,
                   const nlohmann::ordered_json& rows) {
  const char* own[] = {"unit",      "unit_nama",      "jabatan", "jabatan_nama",
                       "indikator", "indikator_nama", "sasaran", "satuan",
                       "polaritas", "tahun"};
  CHECK(table.At(0, 0).text == "Unit (jalur)");
  CHECK(table.At(0, 10).text == "Target akhir tahun");
  CHECK(table.At(0, 15).text == "Realisasi TW II");
  CHECK(table.At(0, 22).text == "Capaian TW IV (%)");
  auto key = [&](size_t r) {
    return rows[r]["unit"].dump() + rows[r]["jabatan"].dump() +
           rows[r]["indikator"].dump() + rows[r]["tahun"].dump();
  };
  size_t line = 0;
  for (size_t r = 0; r < rows.size(); ++line) {
    INFO("sheet row " << line + 1);
    for (size_t c = 0; c < 10; ++c) {
      INFO("column " << own[c]);
      CheckCell(table.At(line + 1, c), rows[r][own[c]]);
    }
    bool quarter[4] = {};
    for (size_t first = r; r < rows.size() && key(r) == key(first); ++r) {
      const auto& tw = rows[r]["triwulan"];
      if (tw.is_null()) {
        CheckCell(table.At(line + 1, 10), rows[r]["target"]);
        continue;
      }
      int q = tw == "I" ? 0 : tw == "II" ? 1 : tw == "III" ? 2 : 3;
      quarter[q] = true;
      INFO("triwulan " << tw.get<std::string>());
      CheckCell(table.At(line + 1, 11 + 3 * q), rows[r]["target"]);
      CheckCell(table.At(line + 1, 12 + 3 * q), rows[r]["realisasi"]);
      CheckCell(table.At(line + 1, 13 + 3 * q), rows[r]["capaian"]);
    }
    for (size_t q = 0; q < 4; ++q) {
      for (size_t c = 11 + 3 * q; !quarter[q] && c < 14 + 3 * q; ++c) {
        CHECK(table.At(line + 1, c).kind == SheetCell::kEmpty);
      }
    }
  }
  CHECK(table.rows.size() == line + 1);
}

TEST_CASE("the XLSX files hold the rows of the JSON, each unit its own") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/realisasi/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    dokumen:\n"
           "      triwulan: { I: 3.25, II: 4 }\n");
  fs.Write("kota/kec/jabatan/staf.md",
           "---\nnama: \"Pengadministrasi, \\\"Umum\\\" \u00e9\"\n"
           "atasan: sekretaris\nindikator:\n  - { id: surat, nama: Surat, "
           "target: 5 }\n---\n");
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  OutputTree out;
  Diagnostics diagnostics;
  RenderOpenData(c.model, results, "2024/data", &out, 1, nullptr, false,
                 &diagnostics);
  CHECK(diagnostics.all().empty());
  auto rows =
      nlohmann::ordered_json::parse(*out.Find("2024/data/indikator.json"));
  REQUIRE(rows.size() == 4);
  const std::string* whole = out.Find("2024/data/indikator.xlsx");
  REQUIRE(whole != nullptr);
  CHECK(whole->rfind("PK", 0) == 0);  // a ZIP
  CheckSameRows(ReadBack(*whole), rows);

  // The unit's own files: all rows here are of kota/kec.
  const std::string* unit = out.Find("2024/data/unit/kota/kec/indikator.xlsx");
  REQUIRE(unit != nullptr);
  CheckSameRows(ReadBack(*unit), rows);
  CHECK(*out.Find("2024/data/unit/kota/kec/indikator.csv") ==
        *out.Find("2024/data/indikator.csv"));

  // The same bytes on another build and on more threads.
  OutputTree again;
  RenderOpenData(c.model, results, "2024/data", &again, 3);
  CHECK(again.files() == out.files());
}

TEST_CASE("a site over 500 jabatan has each unit's XLSX but no whole one") {
  MemoryFileSystem fs = testing::ValidTree();
  for (int n = 0; n < 498; ++n) {  // with camat, sekretaris, staf: 501
    fs.Write("kota/kec/jabatan/staf-" + std::to_string(n) + ".md",
             "---\nnama: Staf\natasan: sekretaris\n---\n");
  }
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.model.units.back()->jabatan.size() == 501);
  Results results = ComputeResults(c.model, &c.diagnostics);
  OutputTree out;
  RenderOpenData(c.model, results, "2024/data", &out);
  CHECK(out.Find("2024/data/indikator.xlsx") == nullptr);
  REQUIRE(out.Find("2024/data/unit/kota/kec/indikator.xlsx") != nullptr);
  CHECK(out.Find("2024/data/indikator.csv") != nullptr);
}

}  // namespace
}  // namespace sakip
