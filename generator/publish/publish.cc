#include "publish.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string_view>
#include <system_error>

#include "file_system.h"
#include "output_disk.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

// The folder that holds the site before the live one (fixed name: builds of
// one output folder take turns, see OutputLock).
fs::path SpareOf(const fs::path& out) {
  return out.parent_path() / ("." + out.filename().string() + ".spare");
}

fs::path Normalized(const std::string& out_dir) {
  std::error_code ec;
  fs::path out = fs::absolute(fs::path(out_dir), ec);
  if (ec) out = fs::path(out_dir);  // no working folder: as given
  out = out.lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

// Staging folders of older sakip versions' killed builds: with the lock held,
// no other build is using them.
void RemoveAbandonedStaging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".new-";
  std::error_code ec;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) {
      std::error_code remove_error;
      disk::RemoveAll(it->path(), remove_error);
    }
  }
}

}  // namespace

OutputLock::OutputLock(const fs::path& out) {
  std::error_code ec;
  disk::MakeFolders(out.parent_path(), ec);
  fs::path path = out.parent_path() / ("." + out.filename().string() + ".lock");
  fd_ = disk::OpenLockFile(path);
  if (fd_ >= 0) flock(fd_, LOCK_EX);
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) close(fd_);  // releases the lock; the empty file stays
}

std::string CacheFolderOf(const std::string& out_dir) {
  fs::path out = Normalized(out_dir);
  return (out.parent_path() / ("." + out.filename().string() + ".cache"))
      .string();
}

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) {
    return false;
  }
  // Called for every page of a build: no stream (its set-up costs more
  // than the scan).
  std::string_view rest(path);
  while (true) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    if (part.empty() || part == "." || part == "..") return false;
    // One trailing slash names the same folder (`dir: arsip/2023/`).
    if (slash == std::string_view::npos || slash + 1 == rest.size()) {
      return true;
    }
    rest.remove_prefix(slash + 1);
  }
}

Staging::Staging(const std::string& out_dir)
    : out_(Normalized(out_dir)), staging_(SpareOf(out_)), lock_(out_) {
  std::error_code ec;
  if (fs::exists(out_, ec) && !fs::is_directory(out_, ec)) {
    error_ = out_.string() + " exists and is not a folder";
    return;
  }
  // Never replace a folder that Sakip did not write, such as the content.
  if (fs::is_directory(out_, ec) && !fs::is_empty(out_, ec) &&
      !fs::exists(out_ / kOutputMarker, ec)) {
    error_ = out_.string() + " is not empty and was not written by sakip (no " +
             kOutputMarker + "); choose another --out folder";
    return;
  }
  has_previous_ = fs::exists(out_ / kOutputMarker, ec);
  if (has_previous_) {
    previous_manifest_ = ReadWholeFile((out_ / kKeysFile).string());
    previous_keys_.reserve(
        std::count(previous_manifest_.begin(), previous_manifest_.end(), '\n'));
    // A manifest cut short or damaged is not used: no file is kept by its
    // key (files are still linked where their bytes are the same).
    bool complete = ParseOutputManifest(
        previous_manifest_,
        [&](std::string_view path, std::string_view key) {
          // The later line of a path counts, as in ReadOutputManifest.
          if (key.empty()) {
            previous_keys_.erase(path);
          } else {
            previous_keys_.insert_or_assign(path, key);
          }
        },
        [&](std::string_view path) { previous_external_.emplace(path); },
        [&](std::string_view name, std::string_view names) {
          previous_reads_.insert_or_assign(name, names);
        });
    if (!complete) {
      previous_keys_.clear();
      previous_external_.clear();
      previous_reads_.clear();
    }
  }
  if (has_previous_) ReadKeptPieces();
  RemoveAbandonedStaging(out_);
  disk::RemoveAbandonedTemporaries(CacheFolderOf(out_.string()));
  AdoptSpare();
  spare_keys_.reserve(spare_.files.size());
  for (const auto& [path, key] : spare_.files) spare_keys_.emplace(path, key);
  ReadSparePieces();
  disk::MakeFolders(staging_, ec);
  if (ec) error_ = "cannot create " + staging_.string() + ": " + ec.message();
}

// The spare is trusted only with its marker and a complete manifest. The
// marker goes first, so that a build killed while updating the spare
// leaves one that the next build discards.
void Staging::AdoptSpare() {
  std::error_code ec;
  if (!fs::exists(staging_, ec)) return;
  if (fs::exists(staging_ / kOutputMarker, ec)) {
    spare_ = ReadOutputManifest((staging_ / kKeysFile).string());
  }
  if (fs::exists(fs::symlink_status(staging_ / kOutputMarker, ec))) {
    disk::Remove(staging_ / kOutputMarker, ec);
  }
  if (!spare_.complete) {
    spare_ = OutputManifest();
    disk::RemoveAll(staging_, ec);
    return;
  }
  disk::Remove(staging_ / kKeysFile, ec);
  for (const std::string& path : spare_.external) {
    if (IsSafeRelativePath(path)) disk::RemoveAll(staging_ / path, ec);
  }
  spare_.external.clear();
  // While it was the live site, files may have been added or removed by
  // hand: the spare must hold exactly what its manifest says.
  RemoveUntracked(staging_.string(), &spare_);
}

Staging::~Staging() {
  FinishAppends();
  if (committed_) return;
  // Half updated, the spare is of no use to the next build.
  std::error_code ec;
  disk::RemoveAll(staging_, ec);
}

bool Staging::ok() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_.empty();
}

std::string Staging::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

std::string Staging::previous_dir() const {
  return has_previous_ ? out_.string() : "";
}

void Staging::Fail(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_.empty()) error_ = message;
}

// Makes the folder of `file` (once per folder; under the lock, so that
// a build makes the same changes whatever the order of its threads).
bool Staging::Prepare(const fs::path& file) {
  fs::path folder = file.parent_path();
  std::lock_guard<std::mutex> lock(mutex_);
  if (folders_.count(folder.string())) return true;
  std::error_code ec;
  disk::MakeFolders(folder, ec);
  std::error_code type_error;
  if (ec && !fs::is_directory(folder, type_error)) {
    if (error_.empty()) {
      error_ = "cannot create " + folder.string() + ": " + ec.message();
    }
    return false;
  }
  folders_.insert(folder.string());
  return true;
}

void Staging::Record(const std::string& path, const std::string& key,
                     bool written) {
  std::lock_guard<std::mutex> lock(mutex_);
  recorded_.emplace_back(path, key);
  ++(written ? written_ : unchanged_);
}

void Staging::FlushRecorded() const {
  // Sorted (stably: a path recorded twice keeps the later key) and merged
  // with hints, in one pass.
  std::stable_sort(
      recorded_.begin(), recorded_.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  auto hint = made_.files.begin();
  for (auto& [path, key] : recorded_) {
    hint = std::next(
        made_.files.insert_or_assign(hint, std::move(path), std::move(key)));
  }
  recorded_.clear();
}

// Replaces the staging file `path` with a link to the live site's.
bool Staging::LinkPrevious(const std::string& path) {
  if (!has_previous_) return false;
  std::error_code ec;
  disk::HardLink(out_ / path, staging_ / path, ec);
  if (ec == std::errc::file_exists) {
    disk::Remove(staging_ / path, ec);
    disk::HardLink(out_ / path, staging_ / path, ec);
  }
  return !ec;
}

// For a whole kept folder: a copy where the disk has no hard links.
bool Staging::LinkOrCopyPrevious(const std::string& path) {
  if (LinkPrevious(path)) return true;
  std::error_code ec;
  disk::Remove(staging_ / path, ec);
  disk::CopyFile(out_ / path, staging_ / path, ec);
  return !ec;
}

bool Staging::SameBytes(const fs::path& file,
                        const std::string& contents) const {
  std::error_code ec;
  return fs::file_size(file, ec) == contents.size() && !ec &&
         !fs::is_symlink(fs::symlink_status(file, ec)) && !ec &&
         ReadWholeFile(file) == contents;
}

void Staging::Add(const std::string& path, std::string contents,
                  const std::string& key) {
  if (!IsSafeRelativePath(path)) {
    Fail("refusing to write outside the output folder: " + path);
    return;
  }
  fs::path target = staging_ / path;
  bool in_spare = spare_keys_.count(path) > 0;
  if (in_spare && SameBytes(target, contents)) {
    Record(path, key, false);
    return;
  }
  if (!Prepare(target)) return;
  if (has_previous_ && SameBytes(out_ / path, contents) && LinkPrevious(path)) {
    Record(path, key, false);
    return;
  }
  // A new file, never written into an old one: a file there may be a link
  // to the live site's, listed in the spare's manifest or not.
  if (!WriteNew(target, contents)) {
    Fail("cannot write " + target.string());
    return;
  }
  Record(path, key, true);
}

bool Staging::WriteNew(const fs::path& file, std::string_view contents) {
  int fd = disk::CreateNew(file);
  if (fd < 0 && errno == EEXIST) {
    std::error_code ec;
    disk::Remove(file, ec);
    fd = disk::CreateNew(file);
  }
  if (fd < 0) return false;
  // open/write/close: a stream costs more than the write for small pages.
  bool written = disk::Write(fd, contents);
  if (close(fd) != 0) written = false;
  return written;
}

bool Staging::Keep(const std::string& path, const std::string& key) {
  if (key.empty() || !IsSafeRelativePath(path)) return false;
  auto spare = spare_keys_.find(path);
  if (spare != spare_keys_.end() && spare->second == key) {
    Record(path, key, false);  // the spare's file is already the one
    return true;
  }
  auto it = previous_keys_.find(path);
  if (it == previous_keys_.end() || it->second != key) return false;
  if (!Prepare(staging_ / path) || !LinkPrevious(path)) return false;
  Record(path, key, false);
  return true;
}

bool Staging::PreviousReads(const std::string& name,
                            std::vector<std::string>* deps) const {
  auto it = previous_reads_.find(name);
  if (it == previous_reads_.end()) return false;
  *deps = SplitReads(it->second);
  return true;
}

void Staging::RecordReads(const std::string& name,
                          std::vector<std::string> deps) {
  if (!FitsManifestLine(name)) return;
  for (const std::string& read : deps) {
    if (!FitsManifestLine(read) || read.empty()) return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  made_.reads[name] = std::move(deps);
}

bool Staging::KeepFolder(const std::string& folder, std::string* error) {
  if (!IsSafeRelativePath(folder) || !has_previous_) {
    *error = "no previous folder " + folder;
    return false;
  }
  std::error_code ec;
  fs::path from = out_ / folder;
  for (fs::recursive_directory_iterator it(from, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::string path = (fs::path(folder) / it->path().lexically_relative(from))
                           .generic_string();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      FlushRecorded();
      if (made_.files.count(path)) continue;  // made again by this build
    }
    if (!Prepare(staging_ / path) || !LinkOrCopyPrevious(path)) {
      *error = "cannot keep " + path;
      return false;
    }
    // What another program wrote stays marked as such (see AdoptSpare).
    std::string external;
    for (std::string part = path; !part.empty();
         part = fs::path(part).parent_path().generic_string()) {
      if (previous_external_.count(part)) external = part;
    }
    if (!external.empty()) {
      AddExternal(external);
      continue;
    }
    auto key = previous_keys_.find(path);
    Record(path, key == previous_keys_.end() ? "" : std::string(key->second),
           false);
  }
  // The reads of the folder's units, for when it is rendered again.
  std::string prefix = folder + "/";
  for (const auto& [name, names] : previous_reads_) {
    if (name.substr(0, prefix.size()) == prefix) {
      RecordReads(std::string(name), SplitReads(names));
    }
  }
  if (ec) *error = ec.message();
  return !ec;
}

void Staging::AddExternal(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  made_.external.insert(path);
}

std::vector<std::string> Staging::Paths() const {
  std::lock_guard<std::mutex> lock(mutex_);
  FlushRecorded();
  std::vector<std::string> paths;
  for (const auto& [path, key] : made_.files) paths.push_back(path);
  return paths;
}

// The spare's files that the new site has not, and their folders once
// empty.
void Staging::RemoveStale() {
  std::set<fs::path> folders;
  std::error_code ec;
  // Both lists are sorted: one walk along them, not a lookup per file.
  auto made = made_.files.begin();
  for (const auto& [path, key] : spare_.files) {
    while (made != made_.files.end() && made->first < path) ++made;
    if (made != made_.files.end() && made->first == path) continue;
    if (made_.external.count(path)) continue;
    disk::Remove(staging_ / path, ec);
    folders.insert((staging_ / path).parent_path());
  }
  // Deepest first; a folder that is not empty stays.
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
    for (fs::path folder = *it;
         folder != staging_ && fs::is_empty(folder, ec) && !ec;
         folder = folder.parent_path()) {
      if (!disk::Remove(folder, ec)) break;
    }
  }
}

bool Staging::Commit(std::string* error) {
  if (!ok()) {
    *error = this->error();
    return false;
  }
  if (!FinishAppends()) {
    *error = this->error();
    return false;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    FlushRecorded();
  }
  RemoveStale();
  // The manifest before the marker: a folder with the marker is complete.
  if (!WriteNew(staging_ / kKeysFile, FormatOutputManifest(made_))) {
    *error = "cannot write " + (staging_ / kKeysFile).string();
    return false;
  }
  if (!WriteNew(staging_ / kOutputMarker,
                "This folder is written by sakip build and replaced whole by "
                "the next build.\n")) {
    *error = "cannot write " + (staging_ / kOutputMarker).string();
    return false;
  }
  SealFolders(staging_.string(), FoldersOf(made_));
  std::error_code ec;
  if (!fs::exists(out_, ec)) {
    disk::Rename(staging_, out_, ec);
  } else {
    // Both folders swap in one step, so that readers never see a gap.
    disk::Exchange(staging_, out_, ec);
  }
  if (ec) {
    *error =
        "cannot move the new site into " + out_.string() + ": " + ec.message();
    return false;
  }
  // The previous site, now in the staging folder's place, is the next
  // build's spare: complete, with its own marker and manifest.
  committed_ = true;
  WriteAppendedFiles();
  return true;
}

bool Publish(
    const OutputTree& tree, const std::string& out_dir, std::string* error,
    const std::function<void(const std::string& staging)>& before_swap) {
  Staging staging(out_dir);
  for (const auto& [path, contents] : tree.files()) {
    if (!staging.ok()) break;
    staging.Add(path, contents);
  }
  if (!staging.ok()) {
    *error = staging.error();
    return false;
  }
  if (before_swap) before_swap(staging.dir());
  return staging.Commit(error);
}

}  // namespace sakip
