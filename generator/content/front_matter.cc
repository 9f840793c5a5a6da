#include "front_matter.h"

namespace sakip {
namespace {

bool IsFence(const std::string& line, bool closing) {
  std::string trimmed = line;
  while (!trimmed.empty() && (trimmed.back() == '\r' || trimmed.back() == ' ' ||
                              trimmed.back() == '\t')) {
    trimmed.pop_back();
  }
  return trimmed == "---" || (closing && trimmed == "...");
}

}  // namespace

std::optional<FrontMatter> SplitFrontMatter(const std::string& path,
                                            const std::string& text,
                                            Diagnostics* diagnostics) {
  size_t pos = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;  // UTF-8 BOM
  size_t first_end = text.find('\n', pos);
  std::string first_line =
      text.substr(pos, first_end == std::string::npos ? std::string::npos
                                                      : first_end - pos);
  if (!IsFence(first_line, false)) {
    diagnostics->Error({path, 1, 1},
                       "missing front matter: the file must start with a "
                       "line `---`",
                       "put the YAML keys between two `---` lines at the "
                       "top of the file");
    return std::nullopt;
  }
  if (first_end == std::string::npos) {
    diagnostics->Error({path, 1, 1},
                       "front matter is not closed: no second `---` line");
    return std::nullopt;
  }
  FrontMatter result;
  size_t line_start = first_end + 1;
  int line_number = 2;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    std::string line = text.substr(line_start, line_end == std::string::npos
                                                   ? std::string::npos
                                                   : line_end - line_start);
    if (IsFence(line, true)) {
      result.yaml = text.substr(first_end + 1, line_start - first_end - 1);
      result.body =
          line_end == std::string::npos ? "" : text.substr(line_end + 1);
      result.body_line = line_number + 1;
      return result;
    }
    if (line_end == std::string::npos) break;
    line_start = line_end + 1;
    ++line_number;
  }
  diagnostics->Error({path, 1, 1},
                     "front matter is not closed: no second `---` line",
                     "end the YAML keys with a line `---`");
  return std::nullopt;
}

}  // namespace sakip
