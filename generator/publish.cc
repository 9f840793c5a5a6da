#include "publish.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "file_system.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

// In the cache folder: the pieces of the live site's appended files.
constexpr const char* kAppendedFile = "appended-pieces";
// The list of the live site's before the last swap: the spare's now.
constexpr const char* kSpareAppendedFile = "appended-pieces.spare";

// True when `fd` is a regular file with no other link (a file shared with
// the live site must never change).
bool IsSoleLink(int fd) {
  struct stat info;
  return fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_nlink == 1;
}

// The files of the list of pieces `list` that are still, under `folder`,
// the ones it describes (same stamp): their stamp and pieces.
struct TrustedFile {
  FileStamp stamp;
  std::vector<FilePiece> pieces;
};
std::map<std::string, TrustedFile> TrustedPieces(const fs::path& list,
                                                 const fs::path& folder) {
  std::map<std::string, TrustedFile> trusted;
  AppendedFiles files = ReadAppendedFiles(list.string());
  for (auto& [path, pieces] : files.pieces) {
    auto stamp = files.stamps.find(path);
    FileStamp now;
    if (IsSafeRelativePath(path) && stamp != files.stamps.end() &&
        StampOf((folder / path).string(), &now) && now == stamp->second) {
      trusted[path] = {now, std::move(pieces)};
    }
  }
  return trusted;
}

// The folder that holds the site before the live one (fixed name: builds of
// one output folder take turns, see OutputLock).
fs::path SpareOf(const fs::path& out) {
  return out.parent_path() / ("." + out.filename().string() + ".spare");
}

fs::path Normalized(const std::string& out_dir) {
  fs::path out = fs::absolute(fs::path(out_dir)).lexically_normal();
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
      fs::remove_all(it->path(), ec);
    }
  }
}

}  // namespace

OutputLock::OutputLock(const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  fs::path path = out.parent_path() / ("." + out.filename().string() + ".lock");
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
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
  std::stringstream parts(path);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
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
    OutputManifest live = ReadOutputManifest((out_ / kKeysFile).string());
    for (auto& [path, key] : live.files) {
      if (!key.empty()) previous_keys_[path] = key;
    }
    previous_external_ = std::move(live.external);
  }
  if (has_previous_) ReadKeptPieces();
  RemoveAbandonedStaging(out_);
  AdoptSpare();
  spare_keys_.reserve(spare_.files.size());
  for (const auto& [path, key] : spare_.files) spare_keys_.emplace(path, key);
  ReadSparePieces();
  fs::create_directories(staging_, ec);
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
  fs::remove(staging_ / kOutputMarker, ec);
  if (!spare_.complete) {
    spare_ = OutputManifest();
    fs::remove_all(staging_, ec);
    return;
  }
  fs::remove(staging_ / kKeysFile, ec);
  for (const std::string& path : spare_.external) {
    if (IsSafeRelativePath(path)) fs::remove_all(staging_ / path, ec);
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
  fs::remove_all(staging_, ec);
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

// Makes the folder of `file` (once per folder).
bool Staging::Prepare(const fs::path& file) {
  fs::path folder = file.parent_path();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (folders_.count(folder.string())) return true;
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec && !fs::is_directory(folder)) {
    Fail("cannot create " + folder.string() + ": " + ec.message());
    return false;
  }
  std::lock_guard<std::mutex> lock(mutex_);
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
  fs::create_hard_link(out_ / path, staging_ / path, ec);
  if (ec == std::errc::file_exists) {
    fs::remove(staging_ / path, ec);
    fs::create_hard_link(out_ / path, staging_ / path, ec);
  }
  return !ec;
}

// For a whole kept folder: a copy where the disk has no hard links.
bool Staging::LinkOrCopyPrevious(const std::string& path) {
  if (LinkPrevious(path)) return true;
  std::error_code ec;
  fs::remove(staging_ / path, ec);
  fs::copy_file(out_ / path, staging_ / path, ec);
  return !ec;
}

bool Staging::SameBytes(const fs::path& file,
                        const std::string& contents) const {
  std::error_code ec;
  return fs::file_size(file, ec) == contents.size() && !ec &&
         !fs::is_symlink(file) && ReadWholeFile(file) == contents;
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
  // A new file: the spare's may be a link to the live site's.
  std::error_code ec;
  if (in_spare) fs::remove(target, ec);
  // open/write/close: a stream costs more than the write for small pages.
  int fd = open(target.c_str(),
                O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  bool written = fd >= 0 && WriteAll(fd, contents);
  if (fd >= 0 && close(fd) != 0) written = false;
  if (!written) {
    Fail("cannot write " + target.string());
    return;
  }
  Record(path, key, true);
}

void Staging::Append(const std::string& path, const std::string& bytes) {
  AppendPiece(path, bytes, "");
}

// The staging file `path`, made new by the first call: never the spare's,
// which may be a link to the live site's (appending to it would change the
// site that is being served). Null after a failure.
Staging::Appending* Staging::OpenAppend(const std::string& path) {
  if (!IsSafeRelativePath(path)) {
    Fail("refusing to write outside the output folder: " + path);
    return nullptr;
  }
  Appending* target;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, first] = appending_.try_emplace(path);
    target = &it->second;  // map nodes stay put; one thread per path
    if (!first) return target->fd >= 0 ? target : nullptr;
    made_.files[path] = "";
    ++written_;
  }
  fs::path file = staging_ / path;
  auto spare = spare_pieces_.find(path);
  if (spare != spare_pieces_.end()) {
    int fd = open(file.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    FileStamp now;
    if (fd >= 0 && IsSoleLink(fd) && StampOfOpenFile(fd, &now) &&
        now == spare_stamps_.at(path)) {
      target->fd = fd;
      target->in_place = &spare->second;
      return target;
    }
    if (fd >= 0) close(fd);
  }
  if (!Prepare(file)) return nullptr;
  std::error_code ec;
  fs::remove(file, ec);
  target->fd =
      open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
           0644);
  if (target->fd < 0) {
    Fail("cannot write " + file.string());
    return nullptr;
  }
  return target;
}

void Staging::AppendPiece(const std::string& path, const std::string& bytes,
                          const std::string& key) {
  Appending* target = OpenAppend(path);
  if (!target) return;
  if (SkipInPlace(path, target, bytes, key, bytes.size())) {
    if (!key.empty()) {
      std::lock_guard<std::mutex> lock(mutex_);
      made_pieces_.pieces[path].push_back(
          {key, target->size - bytes.size(), bytes.size()});
    }
    return;
  }
  if (!WriteAll(target->fd, bytes)) {
    Fail("cannot write " + (staging_ / path).string());
    return;
  }
  if (!key.empty()) {
    std::lock_guard<std::mutex> lock(mutex_);
    made_pieces_.pieces[path].push_back({key, target->size, bytes.size()});
  }
  target->size += bytes.size();
}

// Pieces are trusted only in a live file that is still the one the
// previous build wrote (its stamp); checked once here, again on opening.
void Staging::ReadKeptPieces() {
  for (auto& [path, file] : TrustedPieces(
           fs::path(CacheFolderOf(out_.string())) / kAppendedFile, out_)) {
    kept_stamps_[path] = file.stamp;
    std::map<std::string, FilePiece>& by_key = kept_pieces_[path];
    for (FilePiece& piece : file.pieces) {
      if (piece.offset <= file.stamp.size &&
          piece.length <= file.stamp.size - piece.offset) {
        by_key.emplace(piece.key, std::move(piece));
      }
    }
  }
}

// The spare's appended files are rewritten in place from their first
// changed piece on, instead of made new from the live site's: only what
// follows an edit is copied. Trusted only in a file the spare's manifest
// lists, still as its list says, with every piece inside it, and linked
// nowhere else (checked on opening).
void Staging::ReadSparePieces() {
  for (auto& [path, file] : TrustedPieces(
           fs::path(CacheFolderOf(out_.string())) / kSpareAppendedFile,
           staging_)) {
    bool inside = spare_keys_.count(path) > 0;
    for (const FilePiece& piece : file.pieces) {
      inside = inside && piece.offset <= file.stamp.size &&
               piece.length <= file.stamp.size - piece.offset;
    }
    if (!inside) continue;
    std::sort(file.pieces.begin(), file.pieces.end(),
              [](const FilePiece& a, const FilePiece& b) {
                return a.offset < b.offset;
              });
    spare_stamps_[path] = file.stamp;
    spare_pieces_[path] = std::move(file.pieces);
  }
}

// While `target` is a spare's file in place: true when the next bytes of the
// new file (`length` of them, with `key`, or `bytes` without one) are
// already there, and passes them. Otherwise the file is cut where the new
// one starts to differ, and writing goes on from there.
bool Staging::SkipInPlace(const std::string& path, Appending* target,
                          std::string_view bytes, const std::string& key,
                          uint64_t length) {
  if (!target->in_place) return false;
  const std::vector<FilePiece>& pieces = *target->in_place;
  while (target->next_piece < pieces.size() &&
         pieces[target->next_piece].offset < target->size) {
    ++target->next_piece;
  }
  bool same = false;
  if (!key.empty()) {
    same = target->next_piece < pieces.size() &&
           pieces[target->next_piece].key == key &&
           pieces[target->next_piece].offset == target->size &&
           pieces[target->next_piece].length == length;
  } else {
    // Separators and headers: few bytes, compared with the file's.
    std::string there(bytes.size(), '\0');
    ssize_t n = pread(target->fd, there.data(), there.size(),
                      static_cast<off_t>(target->size));
    same = n == static_cast<ssize_t>(there.size()) && there == bytes;
  }
  if (same) {
    target->size += length;
    return true;
  }
  target->in_place = nullptr;
  if (ftruncate(target->fd, static_cast<off_t>(target->size)) != 0 ||
      lseek(target->fd, static_cast<off_t>(target->size), SEEK_SET) < 0) {
    Fail("cannot write " + (staging_ / path).string());
  }
  return false;
}

bool Staging::HasKeptPiece(const std::string& path,
                           const std::string& key) const {
  auto file = kept_pieces_.find(path);
  return file != kept_pieces_.end() && file->second.count(key) > 0;
}

// The live site's `path` opened for reading, once; -1 when it is no longer
// the file the pieces describe.
int Staging::OpenPrevious(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, first] = previous_fds_.try_emplace(path, -1);
  if (!first) return it->second;
  int fd = open((out_ / path).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  FileStamp now;
  auto recorded = kept_stamps_.find(path);
  if (fd >= 0 && recorded != kept_stamps_.end() && StampOfOpenFile(fd, &now) &&
      now == recorded->second) {
    it->second = fd;
    return fd;
  }
  if (fd >= 0) close(fd);
  return -1;
}

bool Staging::AppendKeptPiece(const std::string& path, const std::string& key) {
  auto file = kept_pieces_.find(path);
  if (file == kept_pieces_.end()) return false;
  auto found = file->second.find(key);
  if (found == file->second.end()) return false;
  const FilePiece& piece = found->second;
  Appending* target = OpenAppend(path);
  if (!target) return false;
  if (SkipInPlace(path, target, {}, key, piece.length)) {
    std::lock_guard<std::mutex> lock(mutex_);
    made_pieces_.pieces[path].push_back(
        {key, target->size - piece.length, piece.length});
    return true;
  }
  int from = OpenPrevious(path);
  if (from < 0) return false;
  // In the kernel, without a copy through this process (a copy of 100s of
  // MB per rebuild otherwise); read and write where it cannot.
  loff_t offset = static_cast<loff_t>(piece.offset);
  uint64_t left = piece.length;
  while (left > 0) {
    ssize_t n = copy_file_range(from, &offset, target->fd, nullptr, left, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    left -= static_cast<uint64_t>(n);
  }
  std::string buffer(left > 0 ? 1 << 20 : 0, '\0');
  while (left > 0) {
    ssize_t n = pread(from, buffer.data(),
                      std::min<uint64_t>(left, buffer.size()), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || write(target->fd, buffer.data(), n) != n) break;
    offset += n;
    left -= static_cast<uint64_t>(n);
  }
  if (left > 0) {
    // Back to where the piece began, for the caller to write it.
    if (ftruncate(target->fd, static_cast<off_t>(target->size)) != 0 ||
        lseek(target->fd, static_cast<off_t>(target->size), SEEK_SET) < 0) {
      Fail("cannot write " + (staging_ / path).string());
    }
    return false;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    made_pieces_.pieces[path].push_back({key, target->size, piece.length});
  }
  target->size += piece.length;
  return true;
}

// Closes the appended files, taking the stamps of those with pieces.
bool Staging::FinishAppends() {
  bool ok = true;
  for (auto& [path, target] : appending_) {
    if (target.fd < 0) continue;
    struct stat info;
    if (target.in_place && fstat(target.fd, &info) == 0 &&
        static_cast<uint64_t>(info.st_size) != target.size &&
        ftruncate(target.fd, static_cast<off_t>(target.size)) != 0) {
      Fail("cannot write " + (staging_ / path).string());
      ok = false;
    }
    target.in_place = nullptr;
    FileStamp stamp;
    if (made_pieces_.pieces.count(path) && StampOfOpenFile(target.fd, &stamp)) {
      made_pieces_.stamps[path] = stamp;
    }
    if (close(target.fd) != 0) {
      Fail("cannot write " + (staging_ / path).string());
      ok = false;
    }
    target.fd = -1;
  }
  for (auto& [path, fd] : previous_fds_) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  return ok;
}

// After the swap: the pieces of what is now the live site. Written whole
// and renamed, so a reader sees the old list or the new one.
void Staging::WriteAppendedFiles() {
  fs::path folder = CacheFolderOf(out_.string());
  fs::path file = folder / kAppendedFile;
  std::error_code ec;
  // The previous live site is the spare now, and so is its list.
  fs::rename(file, folder / kSpareAppendedFile, ec);
  if (ec) fs::remove(folder / kSpareAppendedFile, ec);
  if (made_pieces_.pieces.empty()) return;  // no cache folder for nothing
  fs::create_directories(folder, ec);
  fs::path temporary = folder / (std::string(kAppendedFile) + ".new");
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << FormatAppendedFiles(made_pieces_);
  out.close();
  if (out) {
    fs::rename(temporary, file, ec);
  } else {
    fs::remove(temporary, ec);
  }
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
    Record(path, key == previous_keys_.end() ? "" : key->second, false);
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
  for (const auto& [path, key] : spare_.files) {
    if (made_.files.count(path) || made_.external.count(path)) continue;
    fs::remove(staging_ / path, ec);
    folders.insert((staging_ / path).parent_path());
  }
  // Deepest first; a folder that is not empty stays.
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
    for (fs::path folder = *it; folder != staging_ && fs::is_empty(folder, ec);
         folder = folder.parent_path()) {
      if (!fs::remove(folder, ec)) break;
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
  std::ofstream(staging_ / kKeysFile, std::ios::binary)
      << FormatOutputManifest(made_);
  std::ofstream marker(staging_ / kOutputMarker, std::ios::binary);
  marker << "This folder is written by sakip build and replaced whole by the "
            "next build.\n";
  marker.close();
  if (!marker) {
    *error = "cannot write " + (staging_ / kOutputMarker).string();
    return false;
  }
  SealFolders(staging_.string(), FoldersOf(made_));
  std::error_code ec;
  if (!fs::exists(out_)) {
    fs::rename(staging_, out_, ec);
  } else if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(),
                       RENAME_EXCHANGE) != 0) {
    // Both folders swap in one step, so that readers never see a gap.
    ec = std::error_code(errno, std::generic_category());
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
