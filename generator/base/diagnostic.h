// The one error convention of Sakip: every problem found in a run becomes a
// Diagnostic with a source position; nothing throws across module borders.
#ifndef SAKIP_DIAGNOSTIC_H_
#define SAKIP_DIAGNOSTIC_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "compressed_text.h"
#include "source_path.h"

namespace sakip {

// A position in a content file. Lines and columns are 1-based; 0 means
// "the whole file" (no line) or "the whole line" (no column).
struct SourcePos {
  SourcePath path;
  int line = 0;
  int col = 0;
};

enum class Severity { kWarning, kError };

struct Diagnostic {
  SourcePos pos;
  Severity severity = Severity::kError;
  std::string message;
  std::string hint;  // how to fix it; empty when there is nothing to add
};

// Collects the problems of a whole run so that all of them are reported.
class Diagnostics {
 public:
  void Error(const SourcePos& pos, std::string message, std::string hint = "");
  void Warning(const SourcePos& pos, std::string message,
               std::string hint = "");
  void Add(Diagnostic diagnostic);

  // Remembers a file's text so that reports can quote the offending line.
  void AddSource(const std::string& path, const std::string& text);
  // Remembers where a file is on disk instead, to read it again when a
  // report quotes it (a large tree's text is not held for a few reports).
  void AddSourceFile(const std::string& path, std::string disk_path);
  // Takes over `other`'s diagnostics and sources (from another thread).
  void Merge(Diagnostics&& other);

  int error_count() const;
  int warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }

  // Sorted by path, then line, then column; equal diagnostics appear once.
  std::vector<Diagnostic> Sorted() const;

  // `path:line:col: error: message`, the source line, a caret under the
  // column, and `hint: ...` when there is one. Sorted as above.
  std::string Format() const;
  std::string Format(const Diagnostic& diagnostic) const;

 private:
  std::string SourceLine(const std::string& path, int line) const;

  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, CompressedText> sources_;
  std::map<std::string, std::string> source_files_;  // path -> disk path
};

// 0-based line and column of byte `offset` of `text`, for a diagnostic
// about a parser's byte offset.
std::pair<int, int> LineColumnOf(const std::string& text, size_t offset);

}  // namespace sakip

#endif  // SAKIP_DIAGNOSTIC_H_
