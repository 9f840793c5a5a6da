// The history of each jabatan told as what changed and when: the semantic
// differences (diff.h) of its file between the commits of the content's git
// history that changed it. Who made a commit and what its message says are
// kept for the site only to show when site.yaml asks
// (`riwayat: { tampilkan_commit: true }`).
#ifndef SAKIP_RIWAYAT_H_
#define SAKIP_RIWAYAT_H_

#include <map>
#include <string>
#include <vector>

#include "diff.h"
#include "git_repo.h"
#include "model.h"

namespace sakip {

struct RiwayatEntry {
  GitCommitInfo commit;         // `time`: when it entered the history
  std::vector<Change> changes;  // the jabatan's own, then its indicators'
};

// By `unit/jabatan`, newest first; commits that changed nothing the site
// shows (layout, comments, the Markdown notes) are left out.
using JabatanHistory = std::map<std::string, std::vector<RiwayatEntry>>;

// Most commits looked at per jabatan file.
inline constexpr size_t kRiwayatCommits = 20;

// The history of every jabatan of `model`, read from `commit` of `repo`,
// where the content tree is the folder `repo_path`. References in older
// files are resolved in `model`; files that cannot be read are skipped.
JabatanHistory HistoryOf(const Model& model, const GitRepository& repo,
                         const std::string& commit,
                         const std::string& repo_path);

// What a jabatan page shows of its history, as one string (page keys).
std::string HistoryFingerprint(const std::vector<RiwayatEntry>& history);

}  // namespace sakip

#endif  // SAKIP_RIWAYAT_H_
