#include "theme.h"

namespace sakip {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void AddStatic(const FileSystem& fs, const std::string& dir, Theme* theme,
               Diagnostics* diagnostics) {
  for (const DirEntry& entry : fs.ListDir(dir)) {
    if (entry.name[0] == '.') continue;
    std::string path = JoinPath(dir, entry.name);
    if (entry.is_dir) {
      AddStatic(fs, path, theme, diagnostics);
      continue;
    }
    std::string error;
    if (auto bytes = fs.ReadFile(path, &error)) {
      theme->files[path] = std::move(*bytes);
    } else {
      diagnostics->Error({JoinPath(theme->name, path), 0, 0}, "file " + error);
    }
  }
}

}  // namespace

const std::vector<std::string>& RequiredTemplates() {
  static const std::vector<std::string> kNames = {
      "base",      "home",          "unit",       "jabatan",
      "keputusan", "nav",           "cetak_base", "cetak_keputusan",
      "cetak_iki", "cetak_laporan", "lembar_iki", "kop",
      "ttd",       "perubahan",     "dokumen",    "data_terbuka"};
  return kNames;
}

Theme LoadTheme(const FileSystem& fs, const std::string& name,
                Diagnostics* diagnostics) {
  Theme theme;
  theme.name = name;
  for (const DirEntry& entry : fs.ListDir("templates")) {
    if (entry.is_dir || !EndsWith(entry.name, ".mustache")) continue;
    std::string error;
    std::string path = JoinPath("templates", entry.name);
    if (auto text = fs.ReadFile(path, &error)) {
      std::string key = entry.name.substr(0, entry.name.size() - 9);
      diagnostics->AddSource(JoinPath(name, path), *text);
      theme.templates[key] = std::move(*text);
    }
  }
  for (const std::string& required : RequiredTemplates()) {
    if (!theme.templates.count(required)) {
      diagnostics->Error(
          {JoinPath(name, "templates/" + required + ".mustache"), 0, 0},
          "the theme has no template `" + required + "`",
          "copy it from themes/default/templates/");
    }
  }
  AddStatic(fs, "static", &theme, diagnostics);
  return theme;
}

Theme DefaultTheme(Diagnostics* diagnostics) {
  MemoryFileSystem fs;
  for (const auto& [path, bytes] : EmbeddedDefaultTheme())
    fs.Write(path, bytes);
  return LoadTheme(fs, "themes/default", diagnostics);
}

}  // namespace sakip
