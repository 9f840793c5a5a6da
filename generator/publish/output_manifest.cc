#include "output_manifest.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "file_system.h"
#include "output_disk.h"
#include "parallel.h"
#include "stable_hash.h"

namespace sakip {
namespace {

constexpr const char* kHeader = "# sakip output manifest 2";
constexpr time_t kSealTime = 946684800;  // 2000-01-01T00:00:00Z

namespace fs = std::filesystem;

std::string ParentOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string Joined(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

bool IsSealed(const fs::path& folder) {
  struct stat info;
  return stat(folder.c_str(), &info) == 0 && info.st_mtim.tv_sec == kSealTime &&
         info.st_mtim.tv_nsec == 0;
}

// IsSealed of each of `folders` under `root`, on all cores: a site has a
// folder per jabatan, and a stat costs several microseconds in a VM.
std::vector<char> SealedFlags(const std::string& root,
                              const std::set<std::string>& folders) {
  std::vector<const std::string*> list;
  list.reserve(folders.size());
  for (const std::string& folder : folders) list.push_back(&folder);
  std::vector<char> sealed(list.size(), 0);
  constexpr size_t kBatch = 256;
  size_t batches = (list.size() + kBatch - 1) / kBatch;
  // A thread per 1,024 folders at most: starting one costs more than a few
  // hundred stats.
  int threads = static_cast<int>(
      std::min<size_t>(ThreadCount(0), list.size() / 1024 + 1));
  ParallelFor(0, batches, threads, [&](size_t batch) {
    size_t end = std::min((batch + 1) * kBatch, list.size());
    for (size_t i = batch * kBatch; i < end; ++i) {
      sealed[i] = IsSealed(fs::path(root) / *list[i]);
    }
  });
  return sealed;
}

}  // namespace

namespace {

bool StampOfStat(const struct stat& info, FileStamp* stamp) {
  if (!S_ISREG(info.st_mode)) return false;
  stamp->size = static_cast<uint64_t>(info.st_size);
  stamp->mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 +
                    info.st_mtim.tv_nsec;
  stamp->inode = static_cast<uint64_t>(info.st_ino);
  return true;
}

}  // namespace

bool StampOf(const std::string& path, FileStamp* stamp) {
  struct stat info;
  return lstat(path.c_str(), &info) == 0 && StampOfStat(info, stamp);
}

bool StampOfOpenFile(int fd, FileStamp* stamp) {
  struct stat info;
  return fstat(fd, &info) == 0 && StampOfStat(info, stamp);
}

// Lines are "= <size> <mtime_ns> <inode> <path>" (a file's stamp) and
// "~ <key> <offset> <length> <path>" (a piece of it), then the trailer of
// Sealed: a list without it is cut short or damaged, and none of it is used
// (a garbled offset would copy the wrong bytes into the site).
AppendedFiles ReadAppendedFiles(const std::string& path) {
  AppendedFiles files;
  const std::string text = ReadWholeFile(path);
  std::string_view body(text);
  if (!Unseal(&body)) return files;
  std::istringstream in{std::string(body)};
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string kind, first, name;
    uint64_t second = 0, third = 0;
    if (!(fields >> kind >> first >> second >> third) || fields.get() != ' ' ||
        !std::getline(fields, name) || name.empty()) {
      continue;
    }
    if (kind == "~") {
      files.pieces[name].push_back({first, second, third});
    } else if (kind == "=") {
      char* end = nullptr;
      uint64_t size = std::strtoull(first.c_str(), &end, 10);
      if (end == first.c_str() || *end) continue;
      files.stamps[name] = {size, static_cast<int64_t>(second), third};
    }
  }
  return files;
}

std::string FormatAppendedFiles(const AppendedFiles& files) {
  std::string text;
  for (const auto& [file, stamp] : files.stamps) {
    text += "= " + std::to_string(stamp.size) + " " +
            std::to_string(stamp.mtime_ns) + " " + std::to_string(stamp.inode) +
            " " + file + "\n";
  }
  for (const auto& [file, pieces] : files.pieces) {
    for (const FilePiece& piece : pieces) {
      text += "~ " + piece.key + " " + std::to_string(piece.offset) + " " +
              std::to_string(piece.length) + " " + file + "\n";
    }
  }
  return Sealed(std::move(text));
}

bool FitsManifestLine(std::string_view text) {
  return text.find_first_of("\t\n") == std::string_view::npos;
}

std::vector<std::string> SplitReads(std::string_view names) {
  std::vector<std::string> list;
  while (!names.empty()) {
    size_t tab = names.find('\t');
    list.emplace_back(names.substr(0, tab));
    names.remove_prefix(tab == std::string_view::npos ? names.size() : tab + 1);
  }
  return list;
}

// Lines are "<key> <path>", "- <path>" (no key), "* <path>" (external) or
// "@ <name>\t<read>\t<read>..." (what a unit's pages read), after the
// header and before the trailer of Sealed. Without both, the manifest is of
// an older sakip, cut short or damaged: none of it is used.
bool ParseOutputManifest(
    std::string_view text,
    const std::function<void(std::string_view, std::string_view)>& file,
    const std::function<void(std::string_view)>& external,
    const std::function<void(std::string_view, std::string_view)>& reads) {
  bool complete = false;
  std::string_view rest(text);
  if (!Unseal(&rest)) return false;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (line == kHeader) {
      complete = true;
      continue;
    }
    size_t space = line.find(' ');
    if (space == std::string_view::npos || line[0] == '#') continue;
    std::string_view key = line.substr(0, space);
    std::string_view path = line.substr(space + 1);
    if (key == "*") {
      external(path);
    } else if (key == "@") {
      size_t tab = path.find('\t');
      if (reads) {
        reads(path.substr(0, tab), tab == std::string_view::npos
                                       ? std::string_view()
                                       : path.substr(tab + 1));
      }
    } else {
      file(path, key == "-" ? std::string_view() : key);
    }
  }
  return complete;
}

OutputManifest ReadOutputManifest(const std::string& path) {
  OutputManifest manifest;
  // Written sorted, so each file goes in at the end.
  const std::string text = ReadWholeFile(path);
  manifest.complete = ParseOutputManifest(
      text,
      [&](std::string_view file, std::string_view key) {
        manifest.files.insert_or_assign(manifest.files.end(), std::string(file),
                                        std::string(key));
      },
      [&](std::string_view file) { manifest.external.emplace(file); },
      [&](std::string_view name, std::string_view names) {
        manifest.reads[std::string(name)] = SplitReads(names);
      });
  return manifest;
}

std::string FormatOutputManifest(const OutputManifest& manifest) {
  std::string text = std::string(kHeader) + "\n";
  for (const auto& [file, key] : manifest.files) {
    if (manifest.external.count(file)) continue;
    text += (key.empty() ? "-" : key) + " " + file + "\n";
  }
  for (const std::string& file : manifest.external) {
    text += "* " + file + "\n";
  }
  for (const auto& [name, names] : manifest.reads) {
    text += "@ " + name;
    for (const std::string& read : names) text += "\t" + read;
    text += "\n";
  }
  return Sealed(std::move(text));
}

std::set<std::string> FoldersOf(const OutputManifest& manifest) {
  std::set<std::string> folders = {""};
  std::string_view last;  // files are sorted: most share the previous folder
  for (const auto& [file, key] : manifest.files) {
    size_t slash = file.rfind('/');
    std::string_view parent(file.data(),
                            slash == std::string::npos ? 0 : slash);
    if (parent == last) continue;
    last = parent;
    for (std::string folder(parent);
         !folder.empty() && folders.insert(folder).second;
         folder = ParentOf(folder)) {
    }
  }
  return folders;
}

void SealFolders(const std::string& root,
                 const std::set<std::string>& folders) {
  std::vector<char> sealed = SealedFlags(root, folders);
  size_t i = 0;
  for (const std::string& folder : folders) {
    if (sealed[i++]) continue;
    fs::path path = fs::path(root) / folder;
    disk::SetTime(path, kSealTime);
  }
}

void RemoveUntracked(const std::string& root, OutputManifest* manifest) {
  std::set<std::string> folders = FoldersOf(*manifest);
  std::vector<char> sealed = SealedFlags(root, folders);
  size_t i = 0;
  for (const std::string& folder : folders) {
    if (sealed[i++]) continue;
    fs::path path = fs::path(root) / folder;
    std::set<std::string> present;
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::string name = Joined(folder, it->path().filename().string());
      std::error_code type_error;
      bool is_folder = it->is_directory(type_error) && !it->is_symlink();
      bool listed =
          is_folder ? folders.count(name) > 0 : manifest->files.count(name) > 0;
      if (listed) {
        present.insert(name);
      } else {
        std::error_code remove_error;
        disk::RemoveAll(it->path(), remove_error);
      }
    }
    // Listed files of this folder that are gone (those below it are
    // checked with their own folder).
    std::string prefix = folder.empty() ? "" : folder + "/";
    for (auto file = manifest->files.lower_bound(prefix);
         file != manifest->files.end() &&
         file->first.compare(0, prefix.size(), prefix) == 0;) {
      bool gone =
          ParentOf(file->first) == folder && !present.count(file->first);
      file = gone ? manifest->files.erase(file) : std::next(file);
    }
  }
}

}  // namespace sakip
