// Where renderers put what they produce: files keyed by their path under
// the output folder. Renderers never touch the disk; the sink does (the
// staging folder of publish.h), or keeps the files in memory (OutputTree,
// for tests and checks).
#ifndef SAKIP_OUTPUT_TREE_H_
#define SAKIP_OUTPUT_TREE_H_

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace sakip {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Paths are '/'-separated, relative, without `..`. `key` (optional)
  // names everything the file was made from; a later build that computes
  // the same key may keep the file instead of making it again.
  // Safe to call from several threads.
  virtual void Add(const std::string& path, std::string contents,
                   const std::string& key = "") = 0;
  // Adds `bytes` to the end of `path`; the first Append makes the file.
  // For files too large to hold at once; one thread per path.
  virtual void Append(const std::string& path, const std::string& bytes) = 0;
  // True when the previous build's file for `path` had `key` and is kept
  // as it is: the caller need not make it.
  virtual bool Keep(const std::string& path, const std::string& key) {
    (void)path;
    (void)key;
    return false;
  }
  // What the pages named `name` (one unit's, in one version) read on the
  // build that last rendered them (page_keys.h): true with `deps` set when
  // the previous build recorded them.
  virtual bool PreviousReads(const std::string& name,
                             std::vector<std::string>* deps) const {
    (void)name;
    (void)deps;
    return false;
  }
  // Records for the next build what the pages named `name` read. Safe to
  // call from several threads.
  virtual void RecordReads(const std::string& name,
                           std::vector<std::string> deps) {
    (void)name;
    (void)deps;
  }
  // Pieces of appended files: Append that records what `bytes` were made
  // from, so that the next build can copy them from this build's file
  // instead of making them again (one unit's rows of the open data).
  virtual void AppendPiece(const std::string& path, const std::string& bytes,
                           const std::string& key) {
    (void)key;
    Append(path, bytes);
  }
  // True when the previous build's `path` has a piece made from `key` that
  // AppendKeptPiece can copy.
  virtual bool HasKeptPiece(const std::string& path,
                            const std::string& key) const {
    (void)path;
    (void)key;
    return false;
  }
  // Appends that piece; false when it cannot (the caller then makes the
  // bytes and calls AppendPiece).
  virtual bool AppendKeptPiece(const std::string& path,
                               const std::string& key) {
    (void)path;
    (void)key;
    return false;
  }
};

class OutputTree : public OutputSink {
 public:
  OutputTree() = default;
  OutputTree(OutputTree&& other) noexcept : files_(std::move(other.files_)) {}

  // A second Add of the same path replaces the first.
  void Add(const std::string& path, std::string contents,
           const std::string& key = "") override {
    (void)key;
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] = std::move(contents);
  }
  void Append(const std::string& path, const std::string& bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] += bytes;
  }
  const std::map<std::string, std::string>& files() const { return files_; }
  const std::string* Find(const std::string& path) const {
    auto it = files_.find(path);
    return it == files_.end() ? nullptr : &it->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> files_;  // sorted: deterministic order
};

}  // namespace sakip

#endif  // SAKIP_OUTPUT_TREE_H_
