// `sakip sheet` and `sakip import`, run as the program: round trips on
// content/ and on the unseen PK tree, a figure typed into a TW III cell
// reaching the built site, and bad sheets refused with nothing written.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "sheet_csv.h"
#include "sheet_layout.h"
#include "test_tree.h"
#include "xlsx_reader.h"
#include "xlsx_writer.h"
#include "yaml_edit.h"

namespace sakip {
namespace {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

Run Sakip(const std::vector<std::string>& args) {
  fs::path log = fs::temp_directory_path() /
                 ("sakip-sheet-run-" + std::to_string(::getpid()) + ".log");
  std::vector<std::string> argv = {SAKIP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (std::string& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  Run run;
  pid_t pid;
  if (posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  run.output = testing::ReadText(log.string());
  fs::remove(log);
  return run;
}

// A copy of a content tree in a fresh temporary folder, removed after.
struct TreeCopy {
  fs::path root;
  TreeCopy(const std::string& from, const std::string& name)
      : root(fs::temp_directory_path() /
             ("sakip-sheet-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(from, root / "content", fs::copy_options::recursive);
  }
  ~TreeCopy() { fs::remove_all(root); }
  std::string content() const { return (root / "content").string(); }
  std::string path(const std::string& name) const {
    return (root / name).string();
  }
};

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Writes `table` as the data sheet of a new workbook, as a person saving
// the sheet after typing into it would (cells only, no styles).
void WriteTableXlsx(const SheetTable& table, const std::string& path) {
  XlsxWriter book(path);
  book.AddSheet(kSheetGuide);
  int sheet = book.AddSheet(kSheetData);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const SheetCell& cell = table.rows[r][c];
      if (cell.kind == SheetCell::kNumber) {
        book.Number(sheet, r, c, cell.number);
      } else if (cell.kind == SheetCell::kText) {
        book.Text(sheet, r, c, cell.text);
      }
    }
  }
  std::string error;
  REQUIRE(book.Close(&error));
}

SheetTable ReadSheet(const std::string& path) {
  SheetTable table;
  std::string error;
  REQUIRE(ReadXlsxSheet(path, kSheetData, &table, &error));
  return table;
}

// The 0-based row of jabatan `jabatan`, indicator `indikator`.
size_t RowOf(const SheetTable& table, const std::string& jabatan,
             const std::string& indikator) {
  for (size_t r = kSheetFirstDataRow; r < table.rows.size(); ++r) {
    if (table.At(r, kColJabatanId).text == jabatan &&
        table.At(r, kColIndikatorId).text == indikator) {
      return r;
    }
  }
  FAIL("no row " << jabatan << "#" << indikator);
  return 0;
}

SheetCell Number(double value) {
  SheetCell cell;
  cell.kind = SheetCell::kNumber;
  cell.number = value;
  return cell;
}

SheetCell Text(const std::string& text) {
  SheetCell cell;
  cell.kind = SheetCell::kText;
  cell.text = text;
  return cell;
}

// The lines of `after` that differ from `before` (same line count).
std::vector<std::string> ChangedLines(const std::string& before,
                                      const std::string& after) {
  std::vector<std::string> changed;
  std::istringstream a(before), b(after);
  std::string la, lb;
  while (std::getline(a, la) && std::getline(b, lb)) {
    if (la != lb) changed.push_back(lb);
  }
  return changed;
}

const char* kSatpol = "pemkab-lumajang/satpol-pp";
const char* kDinasUji = "pemkab-uji/dinas-uji";

TEST_CASE("sheet: the same content gives the same bytes") {
  TreeCopy tree(testing::SourceDir() + "/content", "bytes");
  for (const char* name : {"a.xlsx", "b.xlsx"}) {
    Run run = Sakip({"sheet", kSatpol, "2022", "--content", tree.content(),
                     "--out", tree.path(name)});
    REQUIRE(run.exit_code == 0);
  }
  CHECK(testing::ReadText(tree.path("a.xlsx")) ==
        testing::ReadText(tree.path("b.xlsx")));
  SheetTable table = ReadSheet(tree.path("a.xlsx"));
  CHECK(table.At(0, 0).text == kSheetMarker);
  CHECK(table.At(0, 1).text == kSatpol);
  CHECK(table.At(kSheetHeaderRow, InputColumn(2, kFieldRealisasi)).text ==
        "Realisasi TW III");
  // The content's figures are filled in.
  size_t r = RowOf(table, "sekretaris", "perencanaan-evaluasi-kinerja");
  CHECK(table.At(r, InputColumn(1, kFieldRealisasi)).number == 63);
  CHECK(table.At(r, InputColumn(1, kFieldAnggaran)).number == 858000);
}

TEST_CASE("import: a sheet of content/ imported unchanged changes no byte") {
  TreeCopy tree(testing::SourceDir() + "/content", "unchanged");
  auto before = testing::ReadFiles(tree.content());
  REQUIRE(Sakip({"sheet", kSatpol, "2022", "--content", tree.content(), "--out",
                 tree.path("s.xlsx")})
              .exit_code == 0);
  Run run = Sakip({"import", tree.path("s.xlsx"), "--content", tree.content()});
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.output, Catch::Contains("tidak ada perubahan"));
  CHECK(testing::ReadFiles(tree.content()) == before);
}

TEST_CASE("import: the seed's TW II figures reproduce the content's file") {
  // The sheet of content/ carries the TW II figures of the seed report
  // (lkj-tw2-2022-satpolpp-lumajang.txt); a copy whose TW II figures are
  // blanked (`-`, not reported) gets them back from the sheet, byte for
  // byte.
  TreeCopy tree(testing::SourceDir() + "/content", "tw2");
  REQUIRE(Sakip({"sheet", kSatpol, "2022", "--content", tree.content(), "--out",
                 tree.path("s.xlsx")})
              .exit_code == 0);
  std::string file = tree.content() + "/" + kSatpol + "/realisasi/2022.yaml";
  std::string original = testing::ReadText(file);
  SheetTable table = ReadSheet(tree.path("s.xlsx"));
  std::string blanked = original;
  int figures = 0;
  for (size_t r = kSheetFirstDataRow; r < table.rows.size(); ++r) {
    // The figures; Satpol PP's texts are rows of rencana_tindak_lanjut,
    // which the sheet shows read only.
    for (auto [field, key] : {std::pair{kFieldRealisasi, "triwulan"},
                              std::pair{kFieldAnggaran, "anggaran"}}) {
      if (table.At(r, InputColumn(1, field)).kind == SheetCell::kEmpty) {
        continue;
      }
      std::string error;
      INFO(error);
      REQUIRE(SetYamlValue(&blanked,
                           {"jabatan", table.At(r, kColJabatanId).text,
                            table.At(r, kColIndikatorId).text, key, "II"},
                           "\"-\"", nullptr, &error));
      ++figures;
    }
  }
  CHECK(figures > 50);
  REQUIRE(blanked != original);
  WriteText(file, blanked);
  Run run = Sakip({"import", tree.path("s.xlsx"), "--content", tree.content()});
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.output, Catch::Contains("triwulan II: – -> 63"));
  CHECK(testing::ReadText(file) == original);
}

TEST_CASE("import: a TW III figure typed into unseen content") {
  TreeCopy tree(testing::SourceDir() + "/tests/data/pk-unseen", "tw3");
  REQUIRE(Sakip({"sheet", kDinasUji, "2025", "--content", tree.content(),
                 "--out", tree.path("s.xlsx")})
              .exit_code == 0);
  SheetTable table = ReadSheet(tree.path("s.xlsx"));
  size_t r = RowOf(table, "sekretaris", "dokumen-perencanaan");
  // The Rencana Aksi's targets are shown beside the cells to fill.
  CHECK(table.At(r, kColTargetTw + 2).number == 3);
  table.Set(r, InputColumn(2, kFieldRealisasi), Number(1));  // was 0
  WriteTableXlsx(table, tree.path("filled.xlsx"));

  std::string file = tree.content() + "/" + kDinasUji + "/realisasi/2025.yaml";
  auto before = testing::ReadFiles(tree.content());
  Run run =
      Sakip({"import", tree.path("filled.xlsx"), "--content", tree.content()});
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.output, Catch::Contains("triwulan III: 0 -> 1"));
  auto after = testing::ReadFiles(tree.content());
  std::string key = std::string(kDinasUji) + "/realisasi/2025.yaml";
  CHECK(ChangedLines(before[key], after[key]) ==
        std::vector<std::string>{"      triwulan: { I: 1, II: 1, III: 1 }"});
  before.erase(key);
  after.erase(key);
  CHECK(before == after);  // no other file

  // The site shows the cumulative 3 against the TW III Rencana Aksi of 3.
  REQUIRE(
      Sakip({"build", "--content", tree.content(), "--out", tree.path("site")})
          .exit_code == 0);
  std::string page =
      testing::ReadText(tree.path("site") + "/2025/" + kDinasUji +
                        "/jabatan/sekretaris/index.html");
  size_t tw3 = page.find("<span class=\"pk-tw-nama\">TW III</span>");
  REQUIRE(tw3 != std::string::npos);
  std::string quarter = page.substr(tw3, page.find("</li>", tw3) - tw3);
  CHECK_THAT(quarter, Catch::Contains("<dt>Target</dt><dd>3 dokumen <span "
                                      "class=\"catatan\">(Rencana Aksi)"));
  CHECK_THAT(quarter, Catch::Contains("<dt>Realisasi</dt><dd>3 dokumen</dd>"));
  CHECK_THAT(quarter, Catch::Contains("<dt>Capaian</dt><dd>100 %</dd>"));
}

TEST_CASE("import: a CSV saved from the sheet adds a quarter in place") {
  TreeCopy tree(testing::SourceDir() + "/tests/data/pk-unseen", "csv");
  REQUIRE(Sakip({"sheet", kDinasUji, "2025", "--content", tree.content(),
                 "--out", tree.path("s.xlsx")})
              .exit_code == 0);
  SheetTable table = ReadSheet(tree.path("s.xlsx"));
  size_t r = RowOf(table, "kepala", "kinerja-dinas");
  // As LibreOffice writes CSV, with a decimal comma typed in a text cell.
  std::string csv;
  for (size_t row = 0; row < table.rows.size(); ++row) {
    for (int c = 0; c < kSheetColumnCount; ++c) {
      const SheetCell& cell = table.At(row, c);
      std::string text = cell.kind == SheetCell::kNumber
                             ? FormatSheetNumber(cell.number)
                             : cell.text;
      if (row == r && c == InputColumn(2, kFieldRealisasi)) text = "72,5";
      if (row == r && c == InputColumn(2, kFieldEvaluasi)) {
        text = "naik, \"baik\"";
      }
      csv += (c ? "," : "") + std::string("\"");
      for (char ch : text)
        csv += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      csv += "\"";
    }
    csv += "\r\n";
  }
  WriteText(tree.path("s.csv"), csv);
  std::string file = tree.content() + "/" + kDinasUji + "/realisasi/2025.yaml";
  std::string before = testing::ReadText(file);
  Run run = Sakip({"import", tree.path("s.csv"), "--content", tree.content()});
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  std::string expected = before;
  std::string line = "      triwulan: { I: 70 }\n";
  expected.replace(expected.find(line), line.size(),
                   "      triwulan: { I: 70, III: 72.5 }\n"
                   "      evaluasi: { III: \"naik, \\\"baik\\\"\" }\n");
  CHECK(testing::ReadText(file) == expected);
}

TEST_CASE("import: --sub-units rows write a new realisasi file per unit") {
  TreeCopy tree(testing::SourceDir() + "/content", "sub");
  const std::string kanigaran = "pemkot-probolinggo/kecamatan-kanigaran";
  REQUIRE(Sakip({"sheet", kanigaran, "2024", "--sub-units", "--content",
                 tree.content(), "--out", tree.path("s.xlsx")})
              .exit_code == 0);
  SheetTable table = ReadSheet(tree.path("s.xlsx"));
  size_t r = kSheetFirstDataRow;
  while (r < table.rows.size() &&
         table.At(r, kColUnit).text != kanigaran + "/kelurahan") {
    ++r;
  }
  REQUIRE(r < table.rows.size());
  table.Set(r, InputColumn(2, kFieldRealisasi), Number(7));
  WriteTableXlsx(table, tree.path("filled.xlsx"));
  std::string file =
      tree.content() + "/" + kanigaran + "/kelurahan/realisasi/2024.yaml";
  REQUIRE_FALSE(fs::exists(file));
  Run run =
      Sakip({"import", tree.path("filled.xlsx"), "--content", tree.content()});
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(testing::ReadText(file) ==
        "tahun: 2024\njabatan:\n  " + table.At(r, kColJabatanId).text +
            ":\n    " + table.At(r, kColIndikatorId).text +
            ":\n      triwulan: { III: 7 }\n");
  CHECK_FALSE(
      fs::exists(tree.content() + "/" + kanigaran + "/realisasi/2024.yaml"));
  Run check = Sakip({"check", "--content", tree.content()});
  INFO(check.output);
  CHECK(check.exit_code == 0);
}

TEST_CASE("import: bad sheets are refused, each cell named, nothing written") {
  TreeCopy tree(testing::SourceDir() + "/tests/data/pk-unseen", "bad");
  REQUIRE(Sakip({"sheet", kDinasUji, "2025", "--content", tree.content(),
                 "--out", tree.path("s.xlsx")})
              .exit_code == 0);
  auto before = testing::ReadFiles(tree.content());
  SheetTable table = ReadSheet(tree.path("s.xlsx"));
  size_t dokumen = RowOf(table, "sekretaris", "dokumen-perencanaan");
  size_t layanan = RowOf(table, "sekretaris", "ketepatan-layanan");
  size_t laporan = RowOf(table, "kasubag", "laporan-bulanan");
  // Good figures beside the bad ones: still nothing is written.
  table.Set(dokumen, InputColumn(3, kFieldRealisasi), Number(4));
  table.Set(layanan, InputColumn(3, kFieldRealisasi), Text("tinggi"));
  table.Set(laporan, kColJabatanId, Text("sekretaris"));
  WriteTableXlsx(table, tree.path("bad.xlsx"));
  Run run =
      Sakip({"import", tree.path("bad.xlsx"), "--content", tree.content()});
  INFO(run.output);
  CHECK(run.exit_code != 0);
  std::string cell_word = tree.path("bad.xlsx") + ":Realisasi!" +
                          ColumnLetters(InputColumn(3, kFieldRealisasi)) +
                          std::to_string(layanan + 1) + ": error: `tinggi`";
  CHECK_THAT(run.output, Catch::Contains(cell_word));
  std::string cell_id = tree.path("bad.xlsx") + ":Realisasi!" +
                        ColumnLetters(kColIndikatorId) +
                        std::to_string(laporan + 1) + ": error:";
  CHECK_THAT(run.output, Catch::Contains(cell_id));
  CHECK_THAT(run.output, Catch::Contains("nothing written"));
  CHECK(testing::ReadFiles(tree.content()) == before);

  SECTION("another unit's sheet") {
    TreeCopy other(testing::SourceDir() + "/content", "bad-other");
    REQUIRE(Sakip({"sheet", kSatpol, "2022", "--content", other.content(),
                   "--out", other.path("satpol.xlsx")})
                .exit_code == 0);
    Run refused = Sakip(
        {"import", other.path("satpol.xlsx"), "--content", tree.content()});
    INFO(refused.output);
    CHECK(refused.exit_code != 0);
    CHECK_THAT(refused.output,
               Catch::Contains(":Realisasi!B1: error: the sheet is for unit "
                               "`pemkab-lumajang/satpol-pp`"));
    // A row of the sheet's unit pasted into another unit's sheet.
    SheetTable mixed = ReadSheet(tree.path("s.xlsx"));
    mixed.Set(dokumen, kColUnit, Text("pemkab-uji"));
    WriteTableXlsx(mixed, tree.path("mixed.xlsx"));
    refused =
        Sakip({"import", tree.path("mixed.xlsx"), "--content", tree.content()});
    CHECK(refused.exit_code != 0);
    CHECK_THAT(refused.output,
               Catch::Contains("!A" + std::to_string(dokumen + 1) +
                               ": error: this row is of unit `pemkab-uji`"));
  }
  SECTION("a CSV that Excel saved in its Windows code page") {
    WriteText(tree.path("latin1.csv"),
              "sakip-realisasi,pemkab-uji/dinas-uji,2025,unit\n"
              ",,,,,,,,,,,,,,,,\"Evaluasi \xe9\"\n");
    Run refused =
        Sakip({"import", tree.path("latin1.csv"), "--content", tree.content()});
    CHECK(refused.exit_code != 0);
    CHECK_THAT(refused.output, Catch::Contains("not UTF-8"));
  }
  SECTION("a file that is not XLSX") {
    WriteText(tree.path("laporan.xlsx"), "Realisasi TW III: 80\n");
    Run refused = Sakip(
        {"import", tree.path("laporan.xlsx"), "--content", tree.content()});
    CHECK(refused.exit_code != 0);
    CHECK_THAT(refused.output, Catch::Contains("not an XLSX workbook"));
  }
  CHECK(testing::ReadFiles(tree.content()) == before);
}

}  // namespace
}  // namespace sakip
