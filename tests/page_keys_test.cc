// The keys that let a rebuild keep a page (page_keys.cc) cover everything
// the page shows. For each unit in turn, everything another unit's page
// might show of it is changed, as an edit of its files would change it;
// then every page whose bytes change must have a new key. A read that the
// keys miss would let a rebuild keep a stale page: this test finds it
// without knowing which pages read what.
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <string>

#include "compute.h"
#include "file_system.h"
#include "render_site.h"
#include "stable_hash.h"
#include "test_tree.h"
#include "theme.h"

namespace sakip {
namespace {

// What a render makes: each file's bytes and key, in memory.
class RecordingSink : public OutputSink {
 public:
  struct File {
    std::string bytes;
    std::string key;  // empty: made by every build
  };
  void Add(const std::string& path, std::string contents,
           const std::string& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] = {std::move(contents), key};
  }
  void Append(const std::string& path, const std::string& bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path].bytes += bytes;
  }
  // A piece's key is part of the file's: a file made of pieces is kept
  // only if every piece is.
  void AppendPiece(const std::string& path, const std::string& bytes,
                   const std::string& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    File& file = files_[path];
    file.bytes += bytes;
    file.key += key + "\n";
  }
  const std::map<std::string, File>& files() const { return files_; }

 private:
  std::mutex mutex_;
  std::map<std::string, File> files_;
};

std::map<std::string, RecordingSink::File> Render(const Model& model,
                                                  const Theme& theme) {
  Diagnostics diagnostics;
  Results results = ComputeResults(model, &diagnostics);
  RecordingSink sink;
  RenderOptions options;
  options.dibangun = "1 Januari 2026";
  options.jobs = 1;
  VersionView view;
  view.nama = CurrentVersionName(model.site);
  view.model = &model;
  view.results = &results;
  RenderSite({view}, theme, options, &sink, &diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(!diagnostics.has_errors());
  return sink.files();
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

void CheckKeysCoverReads(const std::string& content_dir) {
  Diagnostics theme_diagnostics;
  RealFileSystem theme_fs(testing::SourceDir() + "/themes/default");
  Theme theme = LoadTheme(theme_fs, "default", &theme_diagnostics);
  REQUIRE(!theme_diagnostics.has_errors());
  RealFileSystem fs(content_dir);
  testing::Checked before = testing::Check(fs);
  REQUIRE(!before.diagnostics.has_errors());
  auto original = Render(before.model, theme);
  size_t units = before.model.units.size();
  REQUIRE(units > 1);
  int compared = 0;
  int differ_total = 0;  // the changes show somewhere
  for (size_t i = 0; i < units; ++i) {
    testing::Checked after = testing::Check(fs);
    TouchUnit(after.model.units[i].get());
    auto changed = Render(after.model, theme);
    int differ = 0;
    for (const auto& [path, file] : original) {
      auto now = changed.find(path);
      if (now == changed.end() || file.key.empty()) continue;
      ++compared;
      INFO("unit changed: " << after.model.units[i]->path);
      INFO("page: " << path);
      // Same key, so a rebuild would keep this page: it must not change.
      if (now->second.key == file.key) CHECK(now->second.bytes == file.bytes);
      if (now->second.bytes != file.bytes) ++differ;
    }
    differ_total += differ;
  }
  CHECK(compared > 0);
  CHECK(differ_total > 0);
}

TEST_CASE(
    "the keys of every page cover every unit the page shows, on content") {
  CheckKeysCoverReads(testing::SourceDir() + "/content");
}

TEST_CASE(
    "the keys of every page cover every unit the page shows, on a PK tree") {
  CheckKeysCoverReads(testing::SourceDir() + "/tests/data/pk-unseen");
}

}  // namespace
}  // namespace sakip
