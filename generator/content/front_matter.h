// Splits a Markdown file into its YAML front matter and its body.
#ifndef SAKIP_FRONT_MATTER_H_
#define SAKIP_FRONT_MATTER_H_

#include <optional>
#include <string>

#include "diagnostic.h"

namespace sakip {

struct FrontMatter {
  std::string yaml;
  int yaml_line_offset = 1;  // lines before the YAML text (the `---` fence)
  std::string body;
  int body_line = 0;  // 1-based line of the body's first line
};

// Expects `---` on the first line and a closing `---` (or `...`) line.
// Reports a missing fence at `path` and returns nullopt.
std::optional<FrontMatter> SplitFrontMatter(const std::string& path,
                                            const std::string& text,
                                            Diagnostics* diagnostics);

}  // namespace sakip

#endif  // SAKIP_FRONT_MATTER_H_
