#include "riwayat.h"

#include <memory>

#include "content_parsers.h"
#include "front_matter.h"
#include "resolve.h"
#include "source_path.h"
#include "yaml_reader.h"

namespace sakip {
namespace {

// A jabatan file as it was in one commit, parsed on its own; its
// references are resolved in today's `model` from `unit`. Old problems are
// not reported: they were reported when the file was current.
std::unique_ptr<Jabatan> ParseOld(const Model& model, Unit* unit,
                                  const std::string& id,
                                  const std::string& text) {
  Diagnostics ignored;
  std::optional<FrontMatter> fm = SplitFrontMatter(id, text, &ignored);
  if (!fm) return nullptr;
  YamlSource source{SourcePath(id), fm->yaml_line_offset, &ignored};
  std::optional<YamlValue> root = YamlValue::Parse(fm->yaml, &source);
  if (!root) return nullptr;
  auto jabatan = std::make_unique<Jabatan>();
  jabatan->id = id;
  jabatan->unit = unit;
  ParseJabatan(*root, jabatan.get());
  jabatan->parsed = true;
  if (!jabatan->atasan_ref.empty()) {
    jabatan->atasan = FindJabatanRef(model, *unit, jabatan->atasan_ref.text);
  }
  for (Indikator& ind : jabatan->indikator) {
    const std::string& ref = ind.mendukung_ref.text;
    size_t hash = ref.find('#');
    if (ref.empty() || hash == std::string::npos) continue;
    ind.mendukung_jabatan = FindJabatanRef(model, *unit, ref);
    if (ind.mendukung_jabatan) {
      ind.mendukung =
          ind.mendukung_jabatan->FindIndikator(ref.substr(hash + 1));
    }
  }
  return jabatan;
}

// Parsed files by blob id: a commit's "after" is the next older one's
// "before", so each blob is read and parsed once.
class OldFiles {
 public:
  OldFiles(const Model& model, const GitRepository& repo, Unit* unit,
           const std::string& id)
      : model_(model), repo_(repo), unit_(unit), id_(id) {}

  // The jabatan in blob `blob`; null when absent ("") or unreadable.
  const Jabatan* Get(const std::string& blob) {
    if (blob.empty()) return nullptr;
    auto [it, added] = parsed_.try_emplace(blob);
    if (added) {
      if (std::optional<std::string> text = repo_.ReadBlob(blob)) {
        it->second = ParseOld(model_, unit_, id_, *text);
      }
    }
    return it->second.get();
  }

 private:
  const Model& model_;
  const GitRepository& repo_;
  Unit* unit_;
  std::string id_;
  std::map<std::string, std::unique_ptr<Jabatan>> parsed_;
};

}  // namespace

JabatanHistory HistoryOf(const Model& model, const GitRepository& repo,
                         const std::string& commit,
                         const std::string& repo_path) {
  std::vector<std::string> files;
  std::map<std::string, std::pair<Unit*, std::string>> jabatan_of;
  for (const auto& unit : model.units) {
    for (const auto& j : unit->jabatan) {
      std::string file =
          JoinPath(repo_path, unit->path + "/jabatan/" + j->id + ".md");
      files.push_back(file);
      jabatan_of[file] = {unit.get(), j->id};
    }
  }
  JabatanHistory history;
  for (const auto& [file, changes] :
       repo.FileChanges(commit, files, kRiwayatCommits)) {
    auto [unit, id] = jabatan_of[file];
    std::string key = unit->path + "/" + id;
    OldFiles old(model, repo, unit, id);
    std::vector<RiwayatEntry> entries;
    for (const FileChange& change : changes) {
      const Jabatan* before = old.Get(change.before);
      const Jabatan* after = old.Get(change.after);
      // An unreadable file is not a jabatan removed or added.
      if ((!before && !change.before.empty()) ||
          (!after && !change.after.empty())) {
        continue;
      }
      std::vector<Change> diff = DiffJabatan(before, after, key);
      if (!diff.empty()) entries.push_back({change.commit, std::move(diff)});
    }
    if (!entries.empty()) history[key] = std::move(entries);
  }
  return history;
}

std::string HistoryFingerprint(const std::vector<RiwayatEntry>& history) {
  std::string out;
  for (const RiwayatEntry& entry : history) {
    out += entry.commit.id + "\n";
    for (const Change& c : entry.changes) {
      out += c.key + "\t" + c.nama + "\t" + c.where + "\n";
      for (const FieldChange& f : c.fields) {
        out += f.field + "\t" + f.before_label + "\t" + f.after_label + "\n";
      }
    }
  }
  return out;
}

}  // namespace sakip
