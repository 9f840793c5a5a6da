// The list of every file of an output folder, kept in the folder itself
// (`.sakip-keys`): what each file was made from (its key), so that the next
// build can keep it, which files other programs wrote, and what each unit's
// pages read (page_keys.h).
#ifndef SAKIP_OUTPUT_MANIFEST_H_
#define SAKIP_OUTPUT_MANIFEST_H_

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sakip {

struct OutputManifest {
  // False for a manifest of an older sakip (keyed files only): such a
  // folder cannot be updated in place, since its other files are unknown.
  bool complete = false;
  // Every file made by the build: path -> key ("" when made without one).
  std::map<std::string, std::string> files;
  // Files and folders written by other programs (PDF engine, Pagefind) or
  // carried over whole from an older version: removed before the folder is
  // reused, as they may share their bytes with the live site.
  std::set<std::string> external;
  // What each unit's pages read on the build that rendered them (name ->
  // read names, page_keys.h): their keys on the next build.
  std::map<std::string, std::vector<std::string>> reads;
};

// True when `text` can stand in a manifest line (no tab, no newline): a
// unit whose name or reads cannot is not recorded, so always rendered.
bool FitsManifestLine(std::string_view text);

// A piece of an appended file (one unit's rows of the open data): what it
// was made from and where it is in the file.
struct FilePiece {
  std::string key;
  uint64_t offset = 0;
  uint64_t length = 0;
};

// What identifies a file as the one a build wrote: a file changed or
// replaced since has another size, modification time or inode.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp& other) const {
    return size == other.size && mtime_ns == other.mtime_ns &&
           inode == other.inode;
  }
};

// The pieces of the live site's appended files, kept in the cache folder
// beside the output (inodes and times are not part of the site), with each
// file's stamp as written: pieces of a file whose stamp differs are not
// used.
struct AppendedFiles {
  std::map<std::string, std::vector<FilePiece>> pieces;
  std::map<std::string, FileStamp> stamps;
};

// The stamp of the regular file `path` (not followed if a link); false
// when there is none.
bool StampOf(const std::string& path, FileStamp* stamp);
// The stamp of the open file `fd`; false when it is not a regular file.
bool StampOfOpenFile(int fd, FileStamp* stamp);

// Reads what FormatAppendedFiles wrote; empty when missing or damaged
// lines (which are skipped).
AppendedFiles ReadAppendedFiles(const std::string& path);
std::string FormatAppendedFiles(const AppendedFiles& files);

// Reads a manifest; an empty one when the file is missing.
OutputManifest ReadOutputManifest(const std::string& path);

// Calls `file(path, key)` for each file line of a manifest's `text` (key ""
// when made without one), `external(path)` for each external one and
// `reads(name, names)` for each line of reads (`names` tab-separated); the
// views point into `text`. Returns whether the text is a complete manifest.
// For a large site's lookups without a string per line (ReadOutputManifest
// is built on it).
bool ParseOutputManifest(
    std::string_view text,
    const std::function<void(std::string_view, std::string_view)>& file,
    const std::function<void(std::string_view)>& external,
    const std::function<void(std::string_view, std::string_view)>& reads =
        nullptr);

// The tab-separated `names` of a line of reads, one string each.
std::vector<std::string> SplitReads(std::string_view names);

// The text of `manifest` (always complete), sorted by path.
std::string FormatOutputManifest(const OutputManifest& manifest);

// Every folder that holds a file of `manifest` ("" for the top folder).
std::set<std::string> FoldersOf(const OutputManifest& manifest);

// Sets the time stamp of each of `folders` under `root` to a fixed one
// (2000-01-01), so that a file added or removed by hand later shows.
void SealFolders(const std::string& root, const std::set<std::string>& folders);

// Makes the folder `root` hold what `manifest` says: in each folder whose
// time stamp changed since SealFolders, files and folders it does not list
// are removed, and listed files that are gone are dropped from it.
void RemoveUntracked(const std::string& root, OutputManifest* manifest);

}  // namespace sakip

#endif  // SAKIP_OUTPUT_MANIFEST_H_
