// What renderers produce: files in memory, keyed by their path under the
// output folder. Only publish.h writes them to disk.
#ifndef SAKIP_OUTPUT_TREE_H_
#define SAKIP_OUTPUT_TREE_H_

#include <map>
#include <string>

namespace sakip {

class OutputTree {
 public:
  // Paths are '/'-separated, relative, without `..`; a second Add of the
  // same path replaces the first.
  void Add(const std::string& path, std::string contents) {
    files_[path] = std::move(contents);
  }
  const std::map<std::string, std::string>& files() const { return files_; }
  const std::string* Find(const std::string& path) const {
    auto it = files_.find(path);
    return it == files_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, std::string> files_;  // sorted: deterministic order
};

}  // namespace sakip

#endif  // SAKIP_OUTPUT_TREE_H_
