// An output sink in memory that can be given the previous build's (as the
// staging folder of publish.h is given the live site): it keeps a file or
// a piece whose key the previous build recorded, with its bytes, and
// answers the reads the previous build recorded. Two renders through it
// are a rebuild, compared in tests with a render from nothing.
#ifndef SAKIP_TESTS_KEEPING_SINK_H_
#define SAKIP_TESTS_KEEPING_SINK_H_

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "output_tree.h"

namespace sakip::testing {

class KeepingSink : public OutputSink {
 public:
  struct File {
    std::string bytes;
    std::string key;  // empty: made by every build
    bool kept = false;
  };
  // `previous` (may be null) must outlive this sink.
  explicit KeepingSink(const KeepingSink* previous = nullptr)
      : previous_(previous) {}

  void Add(const std::string& path, std::string contents,
           const std::string& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] = {std::move(contents), key, false};
  }
  void Append(const std::string& path, const std::string& bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path].bytes += bytes;
  }
  void AppendPiece(const std::string& path, const std::string& bytes,
                   const std::string& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path].bytes += bytes;
    if (!key.empty()) pieces_[{path, key}] = bytes;
  }
  bool Keep(const std::string& path, const std::string& key) override {
    if (!previous_ || key.empty()) return false;
    auto it = previous_->files_.find(path);
    if (it == previous_->files_.end() || it->second.key != key) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path] = {it->second.bytes, key, true};
    return true;
  }
  bool HasKeptPiece(const std::string& path,
                    const std::string& key) const override {
    return previous_ && previous_->pieces_.count({path, key}) > 0;
  }
  bool AppendKeptPiece(const std::string& path,
                       const std::string& key) override {
    if (!HasKeptPiece(path, key)) return false;
    const std::string& bytes = previous_->pieces_.at({path, key});
    std::lock_guard<std::mutex> lock(mutex_);
    files_[path].bytes += bytes;
    pieces_[{path, key}] = bytes;
    ++kept_pieces_;
    return true;
  }
  bool PreviousReads(const std::string& name,
                     std::vector<std::string>* deps) const override {
    if (!previous_) return false;
    auto it = previous_->reads_.find(name);
    if (it == previous_->reads_.end()) return false;
    *deps = it->second;
    return true;
  }
  void RecordReads(const std::string& name,
                   std::vector<std::string> deps) override {
    std::lock_guard<std::mutex> lock(mutex_);
    reads_[name] = std::move(deps);
  }

  const std::map<std::string, File>& files() const { return files_; }
  const std::map<std::string, std::vector<std::string>>& reads() const {
    return reads_;
  }
  int kept_pieces() const { return kept_pieces_; }

 private:
  const KeepingSink* previous_;
  std::mutex mutex_;
  std::map<std::string, File> files_;
  std::map<std::pair<std::string, std::string>, std::string> pieces_;
  std::map<std::string, std::vector<std::string>> reads_;
  int kept_pieces_ = 0;
};

}  // namespace sakip::testing

#endif  // SAKIP_TESTS_KEEPING_SINK_H_
