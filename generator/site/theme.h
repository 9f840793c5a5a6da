// A theme: Mustache templates and static files (CSS, images). The default
// theme is compiled into the binary; a theme folder on disk replaces it, so
// that a user can copy themes/default and change it.
#ifndef SAKIP_THEME_H_
#define SAKIP_THEME_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "file_system.h"

namespace sakip {

struct Theme {
  std::string name;                              // for diagnostics
  std::map<std::string, std::string> templates;  // "jabatan" -> text
  std::map<std::string, std::string> files;      // "static/sakip.css" -> bytes
};

// Reads `templates/*.mustache` and `static/**` below the root of `fs`.
// Reports a theme without the templates every build needs.
Theme LoadTheme(const FileSystem& fs, const std::string& name,
                Diagnostics* diagnostics);

// The theme compiled into the binary (themes/default at build time).
Theme DefaultTheme(Diagnostics* diagnostics);
const std::vector<std::pair<std::string, std::string>>& EmbeddedDefaultTheme();

// Templates every theme must have.
const std::vector<std::string>& RequiredTemplates();

}  // namespace sakip

#endif  // SAKIP_THEME_H_
