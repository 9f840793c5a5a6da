#include "file_hashes.h"

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "file_system.h"
#include "output_disk.h"
#include "stable_hash.h"

namespace sakip {
namespace {

constexpr const char* kFileName = "file-hashes";
constexpr const char* kHeader = "# sakip file hashes 1 ";
// Times this close to the list's own time may hide a change (coarse file
// system clocks): such files are hashed again.
constexpr int64_t kRacyNs = 2'000'000'000;

// The text up to the next space of `*rest`, which moves past that space
// (a stream per line of a list of 16,000 files cost more than reading it).
std::string_view NextField(std::string_view* rest) {
  size_t space = rest->find(' ');
  if (space == std::string_view::npos) {
    *rest = {};
    return {};
  }
  std::string_view field = rest->substr(0, space);
  rest->remove_prefix(space + 1);
  return field;
}

template <typename Number>
bool NextNumber(std::string_view* rest, Number* value) {
  std::string_view field = NextField(rest);
  auto [end, error] =
      std::from_chars(field.data(), field.data() + field.size(), *value);
  return !field.empty() && error == std::errc() &&
         end == field.data() + field.size();
}

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

// Lines: "<hash> <size> <mtime_ns> <ctime_ns> <inode> <path>", after a
// header with the time the list was written and before the trailer of
// Sealed (a list cut short or damaged is not used: every file is hashed).
FileHashes::FileHashes(std::string folder) : folder_(std::move(folder)) {
  if (folder_.empty()) return;
  const std::string text =
      ReadWholeFile(std::filesystem::path(folder_) / kFileName);
  std::string_view lines(text);
  if (!Unseal(&lines) || lines.rfind(kHeader, 0) != 0) return;
  size_t header_end = lines.find('\n');
  if (header_end == std::string_view::npos) return;
  written_ns_ = std::strtoll(std::string(lines.substr(0, header_end)).c_str() +
                                 std::string(kHeader).size(),
                             nullptr, 10);
  lines.remove_prefix(header_end + 1);
  while (!lines.empty()) {
    size_t end = lines.find('\n');
    std::string_view line = lines.substr(0, end);
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
    std::string_view rest(line);
    std::string_view hash = NextField(&rest);
    Entry entry;
    if (hash.empty() || !NextNumber(&rest, &entry.id.size) ||
        !NextNumber(&rest, &entry.id.mtime_ns) ||
        !NextNumber(&rest, &entry.id.ctime_ns) ||
        !NextNumber(&rest, &entry.id.inode) || rest.empty()) {
      continue;  // damaged: the file is hashed again
    }
    entry.hash = hash;
    known_[std::string(rest)] = std::move(entry);
  }
}

bool FileHashes::Find(const std::string& disk_path, const FileIdentity& id,
                      std::string* hash) const {
  auto it = known_.find(disk_path);
  if (it == known_.end() || !(it->second.id == id)) return false;
  if (id.mtime_ns > written_ns_ - kRacyNs ||
      id.ctime_ns > written_ns_ - kRacyNs) {
    return false;
  }
  *hash = it->second.hash;
  return true;
}

void FileHashes::Record(const std::string& disk_path, const FileIdentity& id,
                        const std::string& hash) {
  if (folder_.empty() || disk_path.find('\n') != std::string::npos) return;
  std::lock_guard<std::mutex> lock(mutex_);
  recorded_[disk_path] = {id, hash};
}

void FileHashes::Save() const {
  if (folder_.empty()) return;
  std::string text = kHeader + std::to_string(NowNs()) + "\n";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [path, entry] : recorded_) {
      text += entry.hash + ' ' + std::to_string(entry.id.size) + ' ' +
              std::to_string(entry.id.mtime_ns) + ' ' +
              std::to_string(entry.id.ctime_ns) + ' ' +
              std::to_string(entry.id.inode) + ' ' + path + '\n';
    }
  }
  // Whole or not at all; a failure only makes the next build slower.
  disk::ReplaceFile(std::filesystem::path(folder_) / kFileName,
                    Sealed(std::move(text)));
}

}  // namespace sakip
