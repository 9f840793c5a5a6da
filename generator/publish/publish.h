// Phase 5: the one place that writes output. Publishing is atomic: the new
// site is written into a staging folder next to the old one and swapped in
// with one rename, so a failed or killed build leaves the previous site
// complete. A non-empty folder without the marker below is never replaced.
//
// The staging folder is the site before the previous one, kept beside the
// output as `.<out>.spare` after each swap: a build updates it in place to
// the new site and swaps again, so it touches only the files that changed
// in the last two builds, never the whole tree (see docs/decisions.md).
#ifndef SAKIP_PUBLISH_H_
#define SAKIP_PUBLISH_H_

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "output_manifest.h"
#include "output_tree.h"

namespace sakip {

// Marks a folder as sakip's output, which the next build may replace.
inline constexpr const char* kOutputMarker = ".sakip-output";
// The manifest of every file and its key (output_manifest.h).
inline constexpr const char* kKeysFile = ".sakip-keys";

// Held while a build writes next to its output folder, so that builds of
// one folder (`sakip serve` and `sakip build`) take turns.
class OutputLock {
 public:
  explicit OutputLock(const std::filesystem::path& out);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

// The next site, written file by file as the renderers produce it into the
// spare folder. A file whose key matches the spare's is left as it is; one
// whose key matches the live site's, or whose bytes equal them, is
// hard-linked from it (its time stamp stays); only the others are written.
// A file of the spare is never written in place (it may be a link to the
// live site's): it is replaced. The one exception is an appended file
// that only the spare holds, still as its list of pieces says: it is kept
// up to its first changed piece and written on from there
// (publish_appended.cc).
class Staging : public OutputSink {
 public:
  explicit Staging(const std::string& out_dir);
  ~Staging() override;  // removes the staging folder unless committed
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  bool ok() const;
  std::string error() const;
  std::string dir() const { return staging_.string(); }
  // The site being replaced ("" when there is none).
  std::string previous_dir() const;

  void Add(const std::string& path, std::string contents,
           const std::string& key = "") override;
  void Append(const std::string& path, const std::string& bytes) override;
  void AppendPiece(const std::string& path, const std::string& bytes,
                   const std::string& key) override;
  bool HasKeptPiece(const std::string& path,
                    const std::string& key) const override;
  // Copies the piece from the live site's file (copy_file_range), or
  // passes it where the spare's file already holds it.
  bool AppendKeptPiece(const std::string& path,
                       const std::string& key) override;
  bool Keep(const std::string& path, const std::string& key) override;
  // From the live site's manifest, when it is complete.
  bool PreviousReads(const std::string& name,
                     std::vector<std::string>* deps) const override;
  // Into the new manifest; not when `name` or a read has a tab or newline.
  void RecordReads(const std::string& name,
                   std::vector<std::string> deps) override;
  // Keeps the previous site's folder `folder` whole (a version that needs
  // no rebuild); false with `error` set when it cannot.
  bool KeepFolder(const std::string& folder, std::string* error);
  // Marks a file or folder that another program writes into the staging
  // folder (PDFs, the search index): removed before the next reuse.
  void AddExternal(const std::string& path);

  // Every path added or kept so far, sorted.
  std::vector<std::string> Paths() const;
  int written() const { return written_; }
  int unchanged() const { return unchanged_; }

  // Removes the spare's files that the new site has not, writes the marker
  // and the manifest and swaps the staging folder in; the previous site
  // becomes the spare.
  bool Commit(std::string* error);

 private:
  // A file being appended to: its descriptor and size so far.
  // A file being appended to: its descriptor and size so far. A spare's
  // file updated in place (see ReadSparePieces) has its pieces in
  // `in_place` while the new file still matches them.
  struct Appending {
    int fd = -1;
    uint64_t size = 0;
    const std::vector<FilePiece>* in_place = nullptr;
    size_t next_piece = 0;
  };
  void AdoptSpare();
  void ReadKeptPieces();
  void ReadSparePieces();
  bool SkipInPlace(const std::string& path, Appending* target,
                   std::string_view bytes, const std::string& key,
                   uint64_t length);
  Appending* OpenAppend(const std::string& path);
  int OpenPrevious(const std::string& path);
  bool FinishAppends();
  void WriteAppendedFiles();
  bool LinkPrevious(const std::string& path);
  bool LinkOrCopyPrevious(const std::string& path);
  // Writes `contents` as the new staging file `file`, replacing (never
  // writing into) one that is there; false with errno set on failure.
  bool WriteNew(const std::filesystem::path& file, std::string_view contents);
  bool SameBytes(const std::filesystem::path& file,
                 const std::string& contents) const;
  void Record(const std::string& path, const std::string& key, bool written);
  void FlushRecorded() const;  // with mutex_ held
  void RemoveStale();
  void Fail(const std::string& message);
  bool Prepare(const std::filesystem::path& file);

  std::filesystem::path out_;
  std::filesystem::path staging_;
  OutputLock lock_;
  bool has_previous_ = false;
  // The live site's manifest, and its keys by path as views into it
  // (90,000 lines on a large site: no string each).
  std::string previous_manifest_;
  std::unordered_map<std::string_view, std::string_view> previous_keys_;
  std::set<std::string> previous_external_;
  // What each unit's pages read, by name, as views into it.
  std::unordered_map<std::string_view, std::string_view> previous_reads_;
  OutputManifest spare_;  // what the staging folder held at the start
  // spare_.files by path, for the lookups of every page (a sorted map
  // compares long shared prefixes).
  std::unordered_map<std::string_view, std::string_view> spare_keys_;
  mutable std::mutex mutex_;
  // What it holds now: path -> key ("" for none); mutable for the
  // merge of recorded_ (see FlushRecorded).
  mutable OutputManifest made_;
  // Recorded since the last FlushRecorded, in order: a sorted insert per
  // page under the lock kept the rendering threads waiting.
  mutable std::vector<std::pair<std::string, std::string>> recorded_;
  std::set<std::string> folders_;
  std::map<std::string, Appending> appending_;
  // Pieces of the live site's appended files whose stamp still matches,
  // by path and key; the live files opened to copy them (-1: unusable).
  std::map<std::string, std::map<std::string, FilePiece>> kept_pieces_;
  std::map<std::string, FileStamp> kept_stamps_;
  // The spare's appended files that only the spare holds (one link) and
  // that are still as their list says: their pieces in file order.
  std::map<std::string, std::vector<FilePiece>> spare_pieces_;
  std::map<std::string, FileStamp> spare_stamps_;
  std::map<std::string, int> previous_fds_;
  AppendedFiles made_pieces_;
  std::string error_;
  bool committed_ = false;
  int written_ = 0;
  int unchanged_ = 0;
};

// Writes `tree` as the whole content of `out_dir`. On failure returns false
// with `error` set and leaves `out_dir` as it was.
// `before_swap` runs on the complete staging folder before it replaces the
// previous site (PDFs are made there).
bool Publish(const OutputTree& tree, const std::string& out_dir,
             std::string* error,
             const std::function<void(const std::string& staging)>&
                 before_swap = nullptr);

// The folder beside `out_dir` where parsed units are cached: `.<out>.cache`.
// It also holds the pieces of the live site's appended files.
std::string CacheFolderOf(const std::string& out_dir);

// True when `path` is relative and stays inside its folder.
bool IsSafeRelativePath(const std::string& path);

}  // namespace sakip

#endif  // SAKIP_PUBLISH_H_
