#include "scaffold.h"

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
