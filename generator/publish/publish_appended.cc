// Staging's appended files (the open data): pieces kept from the live
// site's file, or passed in place in the spare's. See publish.h.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "file_system.h"
#include "output_disk.h"
#include "publish.h"

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

}  // namespace

void Staging::Append(const std::string& path, const std::string& bytes) {
  AppendPiece(path, bytes, "");
}

// The staging file `path`, opened by the first call: the spare's in place
// when ReadSparePieces trusts it and nothing else links it, else made new
// (the spare's may be a link to the live site's, and appending to that
// would change the site that is being served). Null after a failure.
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
  if (fs::exists(fs::symlink_status(file, ec))) disk::Remove(file, ec);
  target->fd = disk::CreateNew(file);
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
  if (!disk::Write(target->fd, bytes)) {
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
  if (!disk::Truncate(target->fd, static_cast<off_t>(target->size)) ||
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
    ssize_t n = disk::CopyRange(from, &offset, target->fd, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    left -= static_cast<uint64_t>(n);
  }
  std::string buffer(left > 0 ? 1 << 20 : 0, '\0');
  while (left > 0) {
    ssize_t n = pread(from, buffer.data(),
                      std::min<uint64_t>(left, buffer.size()), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 ||
        !disk::Write(target->fd, std::string_view(buffer.data(), n))) {
      break;
    }
    offset += n;
    left -= static_cast<uint64_t>(n);
  }
  if (left > 0) {
    // Back to where the piece began, for the caller to write it.
    if (!disk::Truncate(target->fd, static_cast<off_t>(target->size)) ||
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
        !disk::Truncate(target.fd, static_cast<off_t>(target.size))) {
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
  if (fs::exists(file, ec)) {
    disk::Rename(file, folder / kSpareAppendedFile, ec);
  } else {
    ec = std::make_error_code(std::errc::no_such_file_or_directory);
  }
  if (ec && fs::exists(folder / kSpareAppendedFile, ec)) {
    disk::Remove(folder / kSpareAppendedFile, ec);
  }
  if (made_pieces_.pieces.empty()) return;  // no cache folder for nothing
  // Whole or not at all (a list that fails its check is not used).
  disk::ReplaceFile(file, FormatAppendedFiles(made_pieces_));
}

}  // namespace sakip
