// What a page's data builder reads of the model, recorded as it runs (the
// deps log of ninja, at unit granularity): the render phase keys each
// unit's pages by the current value of everything its last build read, so
// no list of what a page shows is kept by hand (docs/decisions.md).
#ifndef SAKIP_READ_RECORD_H_
#define SAKIP_READ_RECORD_H_

#include <utility>
#include <vector>

namespace sakip {

// What was read of a unit (or of the model, for kRoots).
enum class ReadKind : char {
  kOwn = 'o',      // the unit's own content and resolved relations
  kName = 'n',     // only its name and path (a navigation item)
  kSubtree = 's',  // the roll-up of the unit and everything below it
  kHistory = 'h',  // the git history of the unit's jabatan
  kRoots = 'r',    // the list of root units (no unit: null)
};

// The reads of one thread while it is installed (ScopedRecorder).
class ReadRecorder {
 public:
  using Read = std::pair<ReadKind, const void*>;
  void Note(ReadKind kind, const void* what) {
    // Pages read the same unit many times in a row: skip those cheaply.
    if (!reads_.empty() && reads_.back().first == kind &&
        reads_.back().second == what) {
      return;
    }
    reads_.emplace_back(kind, what);
  }
  // Every read so far, sorted, each once.
  std::vector<Read> Reads() const;

 private:
  std::vector<Read> reads_;
};

namespace read_record_internal {
inline thread_local ReadRecorder* current = nullptr;
}  // namespace read_record_internal

// Records a read when a recorder is installed on this thread; otherwise (the
// load, resolve and compute phases) a thread-local load and a branch.
inline void NoteRead(ReadKind kind, const void* what) {
  if (ReadRecorder* r = read_record_internal::current) r->Note(kind, what);
}

// Installs `recorder` on this thread for the scope (nestable: the outer one
// is back afterwards).
class ScopedRecorder {
 public:
  explicit ScopedRecorder(ReadRecorder* recorder)
      : outer_(read_record_internal::current) {
    read_record_internal::current = recorder;
  }
  ~ScopedRecorder() { read_record_internal::current = outer_; }
  ScopedRecorder(const ScopedRecorder&) = delete;
  ScopedRecorder& operator=(const ScopedRecorder&) = delete;

 private:
  ReadRecorder* outer_;
};

}  // namespace sakip

#endif  // SAKIP_READ_RECORD_H_
