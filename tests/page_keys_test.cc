// The keys that let a rebuild keep a page (page_keys.h: what the page read
// on its last render, at its value now) cover everything the page shows.
// For each unit in turn, everything another unit's page might show of it is
// changed, as an edit of its files would change it; then a rebuild from the
// first build (keeping what its keys allow) must make the same bytes as a
// build from nothing. A read that the recorder misses would let a rebuild
// keep a stale page: this test finds it without knowing which pages read
// what.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "compute.h"
#include "file_system.h"
#include "keeping_sink.h"
#include "render_site.h"
#include "stable_hash.h"
#include "test_tree.h"
#include "theme.h"

namespace sakip {
namespace {

using testing::KeepingSink;

const Theme& DefaultTheme() {
  static const Theme theme = [] {
    Diagnostics diagnostics;
    RealFileSystem theme_fs(testing::SourceDir() + "/themes/default");
    Theme loaded = LoadTheme(theme_fs, "default", &diagnostics);
    REQUIRE(!diagnostics.has_errors());
    return loaded;
  }();
  return theme;
}

void Render(const Model& model, KeepingSink* sink) {
  Diagnostics diagnostics;
  Results results = ComputeResults(model, &diagnostics);
  RenderOptions options;
  options.dibangun = "1 Januari 2026";
  options.jobs = 2;
  VersionView view;
  view.nama = CurrentVersionName(model.site);
  view.model = &model;
  view.results = &results;
  RenderSite({view}, DefaultTheme(), options, sink, &diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(!diagnostics.has_errors());
}

struct Rebuilt {
  int kept = 0;         // files kept by their key
  int changed = 0;      // files whose bytes differ from the first build's
  int kept_pieces = 0;  // pieces of the open data copied
  // Paths of the files that were rendered again.
  std::set<std::string> rendered;
};

// Rebuilds `after` from `first` (the build of the model before) and checks
// that every file is what a build of `after` from nothing makes.
Rebuilt CheckRebuild(const KeepingSink& first, const Model& after,
                     const std::string& what) {
  KeepingSink fresh;
  Render(after, &fresh);
  KeepingSink rebuilt(&first);
  Render(after, &rebuilt);
  Rebuilt result;
  result.kept_pieces = rebuilt.kept_pieces();
  INFO("changed: " << what);
  CHECK(rebuilt.files().size() == fresh.files().size());
  for (const auto& [path, file] : fresh.files()) {
    auto now = rebuilt.files().find(path);
    INFO("file: " << path);
    REQUIRE(now != rebuilt.files().end());
    CHECK(now->second.bytes == file.bytes);
    if (now->second.kept) {
      ++result.kept;
    } else if (!file.key.empty()) {
      result.rendered.insert(path);
    }
    auto before = first.files().find(path);
    if (before == first.files().end() || before->second.bytes != file.bytes) {
      ++result.changed;
    }
  }
  return result;
}

void Touch(std::string* text) {
  if (!text->empty()) *text += " (diubah)";
}

void TouchPejabat(std::optional<Pejabat>* pejabat) {
  if (!*pejabat) return;
  Touch(&(*pejabat)->nama);
  Touch(&(*pejabat)->nip_tercetak);
  Touch(&(*pejabat)->pangkat);
  Touch(&(*pejabat)->sebutan);
}

void TouchIndikator(Indikator* indikator) {
  Touch(&indikator->nama);
  Touch(&indikator->sasaran);
  Touch(&indikator->formulasi);
  Touch(&indikator->satuan);
  if (indikator->target) *indikator->target += 1;
}

// Changes what an edit of the unit's own files would change and the other
// units' pages could show: names, officials, indicators, targets, texts.
void TouchUnit(Unit* unit) {
  unit->source_hash = StableHash(unit->source_hash + "\ndiubah");
  Touch(&unit->nama);
  Touch(&unit->pemerintah);
  Touch(&unit->kop.alamat);
  Touch(&unit->profil);
  for (auto& jabatan : unit->jabatan) {
    Touch(&jabatan->nama);
    Touch(&jabatan->eselon);
    Touch(&jabatan->body);
    TouchPejabat(&jabatan->pejabat);
    for (Indikator& indikator : jabatan->indikator) TouchIndikator(&indikator);
  }
  for (auto& keputusan : unit->keputusan) {
    Touch(&keputusan->nomor);
    Touch(&keputusan->tentang);
  }
  for (auto& perjanjian : unit->perjanjian) {
    Touch(&perjanjian->tempat);
    for (PerjanjianJabatan& pk : perjanjian->jabatan) {
      for (PerjanjianSasaran& s : pk.sasaran) TouchIndikator(&s.indikator);
    }
  }
  for (auto& realisasi : unit->realisasi) {
    for (auto& [jabatan_id, quarters] : realisasi->laporan) {
      for (std::optional<LaporanTriwulan>& laporan : quarters) {
        if (!laporan) continue;
        Touch(&laporan->tempat);
        TouchPejabat(&laporan->pejabat);
        TouchPejabat(&laporan->atasan);
      }
    }
  }
}

// `some_kept`: a tree where some unit's pages never show another unit.
void CheckKeysCoverReads(const std::string& content_dir, bool some_kept) {
  RealFileSystem fs(content_dir);
  testing::Checked before = testing::Check(fs);
  REQUIRE(!before.diagnostics.has_errors());
  KeepingSink first;
  Render(before.model, &first);
  size_t units = before.model.units.size();
  REQUIRE(units > 1);
  // Nothing changed: every keyed file is kept.
  Rebuilt same = CheckRebuild(first, before.model, "nothing");
  CHECK(same.rendered.empty());
  CHECK(same.kept > 0);
  CHECK(same.kept_pieces > 0);
  int kept = 0, changed = 0;
  for (size_t i = 0; i < units; ++i) {
    testing::Checked after = testing::Check(fs);
    TouchUnit(after.model.units[i].get());
    Rebuilt one = CheckRebuild(first, after.model, after.model.units[i]->path);
    kept += one.kept;
    changed += one.changed;
  }
  // The changes show; where some pages do not show the unit changed, they
  // are kept: the test is not passed by rendering everything again.
  CHECK(changed > 0);
  if (some_kept) CHECK(kept > 0);
}

TEST_CASE("a rebuild keeps only pages whose reads are unchanged, on content") {
  CheckKeysCoverReads(testing::SourceDir() + "/content", true);
}

TEST_CASE(
    "a rebuild keeps only pages whose reads are unchanged, on a PK tree") {
  // Two units, each showing the other (sub-unit card, breadcrumbs).
  CheckKeysCoverReads(testing::SourceDir() + "/tests/data/pk-unseen", false);
}

// ValidTree with kota/dinas, whose kepala is `kepala` (a jabatan file's
// text) and then `edited`, and kota/badan that shows neither: a rebuild
// makes what a build from nothing makes, renders the camat of kota/kec again
// and keeps the pages of kota/badan. (The page list stays the same: a new
// page changes the version switcher, in every page's site key.)
void CheckCamatRendered(const std::string& kepala, const std::string& edited) {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/dinas/unit.yaml", "nama: Dinas Uji\njenis: dinas\n");
  fs.Write("kota/dinas/jabatan/kepala.md", kepala);
  fs.Write("kota/badan/unit.yaml", "nama: Badan Uji\njenis: badan\n");
  testing::Checked before = testing::Check(fs);
  REQUIRE(!before.diagnostics.has_errors());
  KeepingSink first;
  Render(before.model, &first);
  fs.Write("kota/dinas/jabatan/kepala.md", edited);
  testing::Checked after = testing::Check(fs);
  INFO(after.diagnostics.Format());
  REQUIRE(!after.diagnostics.has_errors());
  Rebuilt rebuilt = CheckRebuild(first, after.model, "kota/dinas/kepala");
  const std::string camat = "2024/kota/kec/jabatan/camat/index.html";
  CHECK(rebuilt.rendered.count(camat) == 1);
  CHECK(rebuilt.rendered.count("2024/kota/badan/index.html") == 0);
  CHECK(rebuilt.kept > 0);
}

TEST_CASE("a new bawahan in another unit renders its atasan's pages again") {
  // kec's pages never read kota/dinas's content before: the new bawahan
  // reaches them through the camat's own relations, which resolve makes
  // from the other unit's file.
  CheckCamatRendered(
      "---\nnama: Kepala Dinas Uji\n---\n",
      "---\nnama: Kepala Dinas Uji\natasan: /kota/kec/camat\n---\n");
}

TEST_CASE("a bawahan in another unit renamed renders its atasan's pages") {
  // The camat's page shows its bawahan's name: read through a Link.
  CheckCamatRendered(
      "---\nnama: Kepala Dinas Uji\natasan: /kota/kec/camat\n---\n",
      "---\nnama: Kepala Dinas Baru\natasan: /kota/kec/camat\n---\n");
}

}  // namespace
}  // namespace sakip
