#include "scaffold.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "pipeline.h"
#include "test_tree.h"

namespace sakip {
namespace {

using testing::Check;
using testing::ValidTree;

void Add(MemoryFileSystem* fs, const NewFile& file) {
  INFO(file.error);
  REQUIRE(file.error.empty());
  REQUIRE_FALSE(fs->IsFile(file.path));
  fs->Write(file.path, file.text);
}

Model Load(const FileSystem& fs) {
  Diagnostics ignored;
  return LoadAndResolve(fs, "", &ignored);
}

TEST_CASE("sakip new: each starting file passes check") {
  MemoryFileSystem fs = ValidTree();
  Add(&fs, NewUnit(Load(fs), "dinas-baru"));
  Add(&fs, NewJabatan(Load(fs), "dinas-baru", "kepala-dinas"));
  Add(&fs, NewJabatan(Load(fs), "dinas-baru", "sekretaris"));
  Add(&fs, NewKeputusan(Load(fs), "dinas-baru", "iki-2026", {2026, 11, 22}));
  Add(&fs, NewUnit(Load(fs), "dinas-baru/bidang-satu"));
  Add(&fs, NewJabatan(Load(fs), "dinas-baru/bidang-satu", "kepala-bidang"));

  auto checked = Check(fs);
  INFO(checked.diagnostics.Format());
  CHECK_FALSE(checked.diagnostics.has_errors());
  // The one reminder: the signer's name is still to be filled in.
  CHECK(checked.diagnostics.warning_count() == 1);
  CHECK_THAT(checked.diagnostics.Format(), Catch::Contains("has no `pejabat`"));
  const Unit* dinas = checked.model.FindUnit("dinas-baru");
  REQUIRE(dinas);
  CHECK(dinas->nama == "Dinas Baru");
  const Jabatan* sekretaris = dinas->FindJabatan("sekretaris");
  REQUIRE(sekretaris);
  REQUIRE(sekretaris->atasan);
  CHECK(sekretaris->atasan->id == "kepala-dinas");
  // A sub-unit's first jabatan reports to the head of the unit above.
  const Jabatan* kabid = checked.model.FindUnit("dinas-baru/bidang-satu")
                             ->FindJabatan("kepala-bidang");
  REQUIRE(kabid->atasan);
  CHECK(kabid->atasan->id == "kepala-dinas");
  REQUIRE(dinas->keputusan.size() == 1);
  CHECK(dinas->keputusan[0]->penandatangan ==
        dinas->FindJabatan("kepala-dinas"));
}

TEST_CASE("sakip new perjanjian: every jabatan with its IKI, accepted") {
  MemoryFileSystem fs = ValidTree();
  NewFile pk = NewPerjanjian(Load(fs), "kota/kec", "2025", {2025, 1, 6});
  Add(&fs, pk);
  CHECK(pk.path == "kota/kec/perjanjian/2025.yaml");
  auto checked = Check(fs);
  INFO(pk.text << checked.diagnostics.Format());
  CHECK(checked.Lines().empty());
  const Perjanjian* made =
      checked.model.FindUnit("kota/kec")->FindPerjanjian(2025);
  REQUIRE(made);
  CHECK(made->tanggal == Date{2025, 1, 6});
  // Hierarchy order: camat (no atasan, so no pihak_kedua), sekretaris, staf.
  REQUIRE(made->jabatan.size() == 3);
  CHECK(made->jabatan[0].jabatan_id == "camat");
  CHECK(made->jabatan[0].pihak_kedua_ref.empty());
  const PerjanjianJabatan& sekretaris = made->jabatan[1];
  CHECK(sekretaris.pihak_kedua_ref.text == "camat");
  CHECK(sekretaris.pihak_kedua ==
        checked.model.FindUnit("kota/kec")->FindJabatan("camat"));
  REQUIRE(sekretaris.sasaran.size() == 1);
  CHECK(sekretaris.sasaran[0].iki_ref.text == "dokumen");
  CHECK(sekretaris.sasaran[0].indikator.target == 10);  // inherited
  CHECK(made->jabatan[2].sasaran.empty());              // staf has no IKI yet

  CHECK_THAT(NewPerjanjian(Load(fs), "kota/kec", "25", {2025, 1, 6}).error,
             Catch::Contains("not a year"));
  CHECK_THAT(NewPerjanjian(Load(fs), "kota", "2025", {2025, 1, 6}).error,
             Catch::Contains("has no jabatan"));
}

TEST_CASE("sakip new perjanjian never replaces an existing PK") {
  std::string dir = (std::filesystem::temp_directory_path() /
                     ("sakip-new-pk-" + std::to_string(::getpid())))
                        .string();
  std::filesystem::remove_all(dir);
  NewFile pk =
      NewPerjanjian(Load(ValidTree()), "kota/kec", "2025", {2025, 1, 6});
  std::string path = dir + "/" + pk.path;
  std::string error;
  REQUIRE(WriteNewFile(path, "tahun: 2025\n", &error));
  CHECK_FALSE(WriteNewFile(path, pk.text, &error));
  CHECK_THAT(error, Catch::Contains("already exists"));
  CHECK(testing::ReadText(path) == "tahun: 2025\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("sakip new: explains what it cannot make") {
  MemoryFileSystem fs = ValidTree();
  Model model = Load(fs);
  CHECK_THAT(NewJabatan(model, "tidak-ada", "x").error,
             Catch::Contains("sakip new unit tidak-ada"));
  CHECK_THAT(NewJabatan(model, "kota", "Kepala_Dinas").error,
             Catch::Contains("`kepala-dinas`"));
  CHECK_THAT(NewUnit(model, "tidak-ada/anak").error,
             Catch::Contains("parent folder `tidak-ada` is not a unit"));
  CHECK_THAT(NewUnit(model, "../luar").error,
             Catch::Contains("not a valid id"));
  Add(&fs, NewUnit(model, "kosong"));
  CHECK_THAT(NewKeputusan(Load(fs), "kosong", "k", {2026, 1, 1}).error,
             Catch::Contains("no head to sign"));
}

TEST_CASE("sakip new never replaces an existing file") {
  auto dir = std::filesystem::temp_directory_path() / "sakip-new-test";
  std::filesystem::remove_all(dir);
  std::string path = (dir / "a/b/unit.yaml").string();
  std::string error;
  REQUIRE(WriteNewFile(path, "nama: Pertama\n", &error));
  CHECK_FALSE(WriteNewFile(path, "nama: Kedua\n", &error));
  CHECK_THAT(error, Catch::Contains("already exists"));
  CHECK(testing::ReadText(path) == "nama: Pertama\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sakip
