// Helpers shared by the tests: an in-memory content tree that is valid, and
// a way to load it and read back the diagnostics.
#ifndef SAKIP_TESTS_TEST_TREE_H_
#define SAKIP_TESTS_TEST_TREE_H_

#include <map>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "file_system.h"
#include "model.h"

namespace sakip::testing {

// site.yaml, a pemda unit and a kecamatan with camat <- sekretaris <- staf,
// each with one indicator. `sakip check` accepts it without a warning.
MemoryFileSystem ValidTree();

struct Checked {
  Model model;
  Diagnostics diagnostics;
  // `path:line:col: error: message` for each diagnostic, sorted.
  std::vector<std::string> Lines() const;
};

Checked Check(const FileSystem& fs, const std::string& display_root = "");

// The folder holding the repository's sources (for content/ and tests/data).
std::string SourceDir();

// Builds content/ with the default theme into a fresh temporary folder
// named after `name`; the caller removes it.
std::string BuildSampleSite(const std::string& name);

// The whole text of a file.
std::string ReadText(const std::string& path);

// Every file below `root` (relative path -> bytes), as a site is compared.
// Nothing when `root` does not exist.
std::map<std::string, std::string> ReadFiles(const std::string& root);

// Runs the `sakip` program: `sakip build --content CONTENT --out OUT` in a
// process of its own, with SOURCE_DATE_EPOCH fixed, the caller's SAKIP_*
// variables left out and `extra` (NAME=value) added. Its exit status, or
// minus the signal that ended it; its standard error in `*errors` if given.
int RunSakipBuild(const std::string& content, const std::string& out,
                  const std::vector<std::string>& extra = {},
                  std::string* errors = nullptr);

// The same for any `sakip` command line `arguments` (without the program);
// its standard error is kept beside `out` while it runs.
int RunSakip(const std::vector<std::string>& arguments, const std::string& out,
             const std::vector<std::string>& extra = {},
             std::string* errors = nullptr);

// The first diagnostic whose message contains `text`: where it is
// (`path:line:col`), "error" or "warning", and its hint; `where` is
// "(none)" when there is no such diagnostic.
struct Found {
  std::string where;
  std::string severity;
  std::string hint;
};
Found FindDiagnostic(const Checked& checked, const std::string& text);

// How many times `what` occurs in `text` (without overlaps).
size_t Count(const std::string& text, const std::string& what);

}  // namespace sakip::testing

#endif  // SAKIP_TESTS_TEST_TREE_H_
