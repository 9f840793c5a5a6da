#include "source_path.h"

#include <mutex>
#include <unordered_set>

namespace sakip {
namespace {

// Node-based, so an element never moves; never shrunk, so a pointer stays
// valid for the life of the program. Parsing runs on several threads.
struct Paths {
  std::mutex mutex;
  std::unordered_set<std::string> texts;
};

Paths& AllPaths() {
  static Paths* paths = new Paths();  // never destroyed: used until exit
  return *paths;
}

const std::string kEmpty;

}  // namespace

SourcePath::SourcePath() : text_(&kEmpty) {}

SourcePath::SourcePath(std::string_view path) : text_(&kEmpty) {
  if (path.empty()) return;
  Paths& paths = AllPaths();
  std::lock_guard<std::mutex> lock(paths.mutex);
  text_ = &*paths.texts.emplace(path).first;
}

}  // namespace sakip
