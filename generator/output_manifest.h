// The list of every file of an output folder, kept in the folder itself
// (`.sakip-keys`): what each file was made from (its key), so that the next
// build can keep it, and which files other programs wrote.
#ifndef SAKIP_OUTPUT_MANIFEST_H_
#define SAKIP_OUTPUT_MANIFEST_H_

#include <map>
#include <set>
#include <string>

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
};

// Reads a manifest; an empty one when the file is missing.
OutputManifest ReadOutputManifest(const std::string& path);

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
