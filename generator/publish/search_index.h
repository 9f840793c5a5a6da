// The search index: Pagefind, an external program (npm package `pagefind`),
// run over each version's folder after its pages are written.
#ifndef SAKIP_SEARCH_INDEX_H_
#define SAKIP_SEARCH_INDEX_H_

#include <string>

namespace sakip {

// The Pagefind program to run: `configured` when given, else `pagefind`
// in PATH, else `node_modules/.bin/pagefind` in the working folder or the
// content folder's parent. "" when there is none.
std::string LocatePagefind(const std::string& configured,
                           const std::string& content_dir);

// Indexes the HTML below `version_dir` into `version_dir/pagefind/`.
bool BuildSearchIndex(const std::string& pagefind,
                      const std::string& version_dir, std::string* error);

}  // namespace sakip

#endif  // SAKIP_SEARCH_INDEX_H_
