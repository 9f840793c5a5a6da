#include "diagnostic.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <tuple>

namespace sakip {
namespace {

// Columns count characters, not bytes, so the caret lands under the right
// letter in lines holding non-ASCII text.
std::string CaretPadding(const std::string& line, int col) {
  std::string pad;
  int seen = 0;
  for (size_t i = 0; i < line.size() && seen < col - 1; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    pad += (line[i] == '\t') ? '\t' : ' ';
    ++seen;
  }
  return pad;
}

// A file's bytes; "" when it is gone or has become a symbolic link (the
// loader never follows links, nor does a report).
std::string ReadWithoutFollowing(const std::string& disk_path) {
  int fd = open(disk_path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return "";
  std::string text;
  char buffer[65536];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return text;
}

}  // namespace

void Diagnostics::Error(const SourcePos& pos, std::string message,
                        std::string hint) {
  Add({pos, Severity::kError, std::move(message), std::move(hint)});
}

void Diagnostics::Warning(const SourcePos& pos, std::string message,
                          std::string hint) {
  Add({pos, Severity::kWarning, std::move(message), std::move(hint)});
}

void Diagnostics::Add(Diagnostic diagnostic) {
  diagnostics_.push_back(std::move(diagnostic));
}

void Diagnostics::Merge(Diagnostics&& other) {
  for (auto& [path, text] : other.sources_) {
    sources_[path] = std::move(text);
  }
  for (auto& [path, disk_path] : other.source_files_) {
    source_files_[path] = std::move(disk_path);
  }
  for (Diagnostic& d : other.diagnostics_) diagnostics_.push_back(std::move(d));
}

void Diagnostics::AddSource(const std::string& path, const std::string& text) {
  sources_[path] = CompressedText(text);
}

void Diagnostics::AddSourceFile(const std::string& path,
                                std::string disk_path) {
  source_files_[path] = std::move(disk_path);
}

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(
      diagnostics_.begin(), diagnostics_.end(),
      [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(diagnostics_.size()) - error_count();
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.pos.path, d.pos.line, d.pos.col, d.severity, d.message);
  };
  std::vector<Diagnostic> sorted = diagnostics_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return key(a) < key(b);
                   });
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b);
                           }),
               sorted.end());
  return sorted;
}

std::string Diagnostics::SourceLine(const std::string& path, int line) const {
  if (line <= 0) return "";
  std::string text;
  if (auto it = sources_.find(path); it != sources_.end()) {
    text = it->second.Text();
  } else if (auto file = source_files_.find(path);
             file != source_files_.end()) {
    text = ReadWithoutFollowing(file->second);
  } else {
    return "";
  }
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string result =
      text.substr(start, end == std::string::npos ? end : end - start);
  if (!result.empty() && result.back() == '\r') result.pop_back();
  return result;
}

std::string Diagnostics::Format(const Diagnostic& d) const {
  std::string out = d.pos.path;
  if (d.pos.line > 0) {
    out += ":" + std::to_string(d.pos.line);
    if (d.pos.col > 0) out += ":" + std::to_string(d.pos.col);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message + "\n";
  std::string line = SourceLine(d.pos.path, d.pos.line);
  // Binary or enormous lines would only bury the message.
  if (!line.empty() && line.size() <= 400) {
    out += "    " + line + "\n";
    if (d.pos.col > 0) out += "    " + CaretPadding(line, d.pos.col) + "^\n";
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + "\n";
  return out;
}

std::string Diagnostics::Format() const {
  std::string out;
  for (const Diagnostic& d : Sorted()) out += Format(d);
  return out;
}

// 0-based line and column of byte `offset` of `text`.
std::pair<int, int> LineColumnOf(const std::string& text, size_t offset) {
  int line = 0, column = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 0;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace sakip
