#include "loader.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "content_parsers.h"
#include "file_hashes.h"
#include "front_matter.h"
#include "parallel.h"
#include "phase_timer.h"
#include "stable_hash.h"
#include "unit_cache.h"
#include "yaml_reader.h"

namespace sakip {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "svg", "png" or "jpg" from a logo's file name; "" for any other kind.
std::string LogoKind(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(c));
  if (EndsWith(lower, ".svg")) return "svg";
  if (EndsWith(lower, ".png")) return "png";
  if (EndsWith(lower, ".jpg") || EndsWith(lower, ".jpeg")) return "jpg";
  return "";
}

// Script in an SVG: a <script> element, an event attribute (onload=...)
// or a javascript: link. Matched loosely, in any case: a drawing has none.
bool SvgHasScript(const std::string& svg) {
  std::string lower;
  for (char c : svg) lower += static_cast<char>(std::tolower(c));
  if (lower.find("<script") != std::string::npos ||
      lower.find("javascript:") != std::string::npos ||
      lower.find("<foreignobject") != std::string::npos) {
    return true;
  }
  for (size_t at = lower.find("on"); at != std::string::npos;
       at = lower.find("on", at + 2)) {
    bool attribute_start =
        at > 0 && (std::isspace(lower[at - 1]) || lower[at - 1] == '"' ||
                   lower[at - 1] == '\'');
    size_t letters = at + 2;
    while (letters < lower.size() && std::isalpha(lower[letters])) ++letters;
    size_t end = letters;
    while (end < lower.size() && std::isspace(lower[end])) ++end;
    if (attribute_start && letters > at + 2 && end < lower.size() &&
        lower[end] == '=') {
      return true;
    }
  }
  return false;
}

std::string Stem(const std::string& name) {
  size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

// Folders inside a unit that hold its files rather than sub-units.
bool IsReservedFolder(const std::string& name) {
  return name == "jabatan" || name == "keputusan" || name == "realisasi" ||
         name == "perjanjian";
}

class Loader {
 public:
  Loader(const FileSystem& fs, const LoadOptions& options,
         Diagnostics* diagnostics, FileHashes* hashes = nullptr)
      : fs_(fs),
        options_(options),
        diagnostics_(diagnostics),
        cache_(options.cache_dir),
        hashes_(hashes) {}

  Model Load() {
    Model model;
    LoadSite(&model.site);
    for (const VersionSpec& v : model.site.versi) {
      if (!v.dir.empty()) version_dirs_.insert(Normalize(v.dir));
    }
    PhaseTimer timer;
    WalkFolder("", nullptr, &model);
    timer.Mark("walk");
    std::optional<FileHashes> hashes;
    if (cache_.enabled()) hashes.emplace(options_.cache_dir);
    hashes_ = hashes ? &*hashes : nullptr;
    LoadUnitFiles(&model);
    if (hashes) hashes->Save();
    hashes_ = nullptr;
    timer.Mark("parse");
    return model;
  }

 private:
  std::string Display(const std::string& path) const {
    return JoinPath(options_.display_root, path);
  }

  static std::string Normalize(std::string path) {
    while (!path.empty() && path.back() == '/') path.pop_back();
    while (path.compare(0, 2, "./") == 0) path.erase(0, 2);
    return path;
  }

  // Reads a file, registering its text for diagnostics.
  // With `skip_reading_`, a file whose hash is known is not read: its text
  // is "" (the unit must then come from the cache).
  std::optional<std::string> Read(const std::string& path) {
    FileIdentity id;
    bool on_disk = hashes_ != nullptr && fs_.Identity(path, &id);
    std::optional<std::uintmax_t> size =
        on_disk ? std::optional<std::uintmax_t>(id.size) : fs_.FileSize(path);
    if (size && *size > kMaxContentFileBytes) {
      diagnostics_->Error(
          {Display(path), 0, 0},
          "file is " + std::to_string(*size) + " bytes, over the limit of " +
              std::to_string(kMaxContentFileBytes) + " for a content file",
          "split it, or move data that is not content out of "
          "the content folder");
      return std::nullopt;
    }
    std::string disk = fs_.DiskPath(path);
    std::string hash;
    if (on_disk && skip_reading_ && hashes_->Find(disk, id, &hash)) {
      diagnostics_->AddSourceFile(Display(path), disk);
      if (digest_) *digest_ += path + "\n" + hash + "\n";
      hashes_->Record(disk, id, hash);
      return std::string();
    }
    std::string error;
    std::optional<std::string> text = fs_.ReadFile(path, &error);
    if (!text) {
      diagnostics_->Error({Display(path), 0, 0}, "file " + error);
      return std::nullopt;
    }
    if (!disk.empty()) {
      diagnostics_->AddSourceFile(Display(path), disk);
    } else {
      diagnostics_->AddSource(Display(path), *text);
    }
    hash = StableHash(*text);
    if (digest_) *digest_ += path + "\n" + hash + "\n";
    if (on_disk) hashes_->Record(disk, id, hash);
    return text;
  }

  // Parses a whole YAML file, or a Markdown file's front matter. `source`
  // must outlive the returned value's use.
  std::optional<YamlValue> ReadYaml(const std::string& path,
                                    const std::string& text,
                                    YamlSource* source) {
    source->path = Display(path);
    source->diagnostics = diagnostics_;
    source->line_offset = 0;
    return YamlValue::Parse(text, source);
  }

  void LoadSite(Site* site) {
    if (!fs_.IsFile("site.yaml")) {
      diagnostics_->Error({Display("site.yaml"), 0, 0},
                          "no site.yaml in the content folder",
                          "create site.yaml with at least `judul: ...`, or "
                          "point --content at the content folder");
      site->skala_predikat = DefaultPredikatScale();
      return;
    }
    std::string digest;
    digest_ = &digest;
    std::optional<std::string> text = Read("site.yaml");
    digest_ = nullptr;
    site->source_hash = StableHash(digest);
    YamlSource source;
    std::optional<YamlValue> root;
    if (text) root = ReadYaml("site.yaml", *text, &source);
    if (root) {
      ParseSite(*root, site);
    } else {
      site->skala_predikat = DefaultPredikatScale();
    }
  }

  void CheckId(const std::string& id, const std::string& path,
               const std::string& what) {
    if (IsValidId(id)) return;
    std::string suggestion = SuggestId(id);
    diagnostics_->Error(
        {Display(path), 0, 0}, what + " `" + id + "` is not a valid id",
        "ids are lower-case letters and digits joined by `-`" +
            (suggestion.empty() ? std::string()
                                : "; rename it to `" + suggestion + "`"));
  }

  void WalkFolder(const std::string& dir, Unit* parent, Model* model) {
    if (version_dirs_.count(dir)) return;
    Unit* unit = parent;
    if (!dir.empty() && fs_.IsFile(JoinPath(dir, "unit.yaml"))) {
      unit = AddUnit(dir, parent, model);
    }
    for (const DirEntry& entry : fs_.ListDir(dir)) {
      if (entry.is_link) ReportLink(JoinPath(dir, entry.name));
      if (!entry.is_dir || entry.name[0] == '.') continue;
      if (unit != nullptr && unit->path == dir &&
          IsReservedFolder(entry.name)) {
        continue;
      }
      WalkFolder(JoinPath(dir, entry.name), unit, model);
    }
  }

  // Reads every unit's files, units spread over the cores (parsing is a large
  // part of a large build). Each thread has its own diagnostics,
  // merged in unit order; the model only changes inside each unit.
  void LoadUnitFiles(Model* model) {
    int threads = fs_.ConcurrentReads() ? ThreadCount(options_.jobs) : 1;
    if (threads <= 1 || model->units.size() <= 1) {
      for (const auto& unit : model->units) LoadUnit(unit.get());
      return;
    }
    std::vector<Diagnostics> found(model->units.size());
    ParallelFor(0, model->units.size(), threads, [&](size_t i) {
      Loader worker(fs_, options_, &found[i], hashes_);
      worker.LoadUnit(model->units[i].get());
    });
    for (Diagnostics& d : found) diagnostics_->Merge(std::move(d));
  }

  Unit* AddUnit(const std::string& dir, Unit* parent, Model* model) {
    auto owned = std::make_unique<Unit>();
    Unit* unit = owned.get();
    model->units.push_back(std::move(owned));
    unit->path = dir;
    unit->id = dir.substr(
        dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
    unit->parent = parent;
    if (parent) {
      parent->children.push_back(unit);
    } else {
      model->roots.push_back(unit);
    }
    return unit;
  }

  // The text of each file of a unit, read before anything is parsed: the
  // paths and hashes are the cache key. Each entry is a file name and its
  // text (none when it could not be read).
  struct UnitTexts {
    std::optional<std::string> unit_yaml;
    std::optional<std::string> index_md;
    using Files =
        std::vector<std::pair<std::string, std::optional<std::string>>>;
    Files jabatan, keputusan, realisasi, perjanjian;
  };

  // Reading reports links, ignored files, bad names and unreadable files
  // (never cached: they depend on the folder, not on the texts).
  UnitTexts ReadUnitFiles(const Unit& unit) {
    UnitTexts texts;
    std::string unit_file = JoinPath(unit.path, "unit.yaml");
    CheckId(unit.id, unit_file, "unit folder name");
    texts.unit_yaml = Read(unit_file);
    if (fs_.IsFile(JoinPath(unit.path, "index.md"))) {
      texts.index_md = Read(JoinPath(unit.path, "index.md")).value_or("");
    }
    for (const auto& [folder, what, files] :
         {std::tuple{"jabatan", "jabatan", &texts.jabatan},
          std::tuple{"keputusan", "keputusan", &texts.keputusan}}) {
      for (const std::string& name : FilesIn(unit, folder, ".md")) {
        std::string path = JoinPath(JoinPath(unit.path, folder), name);
        CheckId(Stem(name), path, std::string(what) + " file name");
        files->emplace_back(name, Read(path));
      }
    }
    for (const auto& [folder, files] :
         {std::pair{"realisasi", &texts.realisasi},
          std::pair{"perjanjian", &texts.perjanjian}}) {
      for (const std::string& name : FilesIn(unit, folder, ".yaml")) {
        std::string path = JoinPath(JoinPath(unit.path, folder), name);
        std::string stem = Stem(name);
        if (stem.size() != 4 ||
            !std::all_of(stem.begin(), stem.end(), ::isdigit)) {
          diagnostics_->Error({Display(path), 0, 0},
                              std::string("a ") + folder +
                                  " file is named after its year, e.g. "
                                  "2024.yaml, not " +
                                  name);
          continue;
        }
        files->emplace_back(name, Read(path));
      }
    }
    return texts;
  }

  // Reads a unit's files, then takes the parsed unit from the cache when
  // the files are the same as when it was stored, or parses them.
  void LoadUnit(Unit* unit) {
    std::vector<Diagnostic> parsed;
    // Without known hashes the attempt would read every file twice.
    if (hashes_ && !hashes_->empty() && LoadCachedUnit(unit, &parsed)) {
      for (Diagnostic& d : parsed) diagnostics_->Add(std::move(d));
      if (!unit->kop.logo.empty()) CheckLogo(unit);
      return;
    }
    std::string digest;
    digest_ = &digest;
    UnitTexts texts = ReadUnitFiles(*unit);
    digest_ = nullptr;
    std::string key = CacheKey(digest);
    if (!cache_.Load(key, unit, &parsed)) {
      Diagnostics parse_diagnostics;
      Diagnostics* reading = diagnostics_;
      diagnostics_ = &parse_diagnostics;
      ParseUnitFiles(texts, unit);
      diagnostics_ = reading;
      unit->source_hash = StableHash(digest);
      parsed = parse_diagnostics.all();
      cache_.Store(key, *unit, parsed);
    }
    for (Diagnostic& d : parsed) diagnostics_->Add(std::move(d));
    if (!unit->kop.logo.empty()) CheckLogo(unit);
  }

  std::string CacheKey(const std::string& digest) const {
    static const std::string generator = UnitCache::GeneratorId();
    return StableHash(generator + "\n" + options_.display_root + "\n" + digest);
  }

  // The unit from the cache, its files' hashes taken from `hashes_` where
  // known instead of reading them. On a miss nothing of this attempt
  // stays (its diagnostics are made again by the full read).
  bool LoadCachedUnit(Unit* unit, std::vector<Diagnostic>* parsed) {
    Diagnostics attempt;
    Diagnostics* real = diagnostics_;
    std::set<std::string> links = reported_links_;
    std::string digest;
    diagnostics_ = &attempt;
    digest_ = &digest;
    skip_reading_ = true;
    ReadUnitFiles(*unit);
    skip_reading_ = false;
    digest_ = nullptr;
    diagnostics_ = real;
    if (!cache_.Load(CacheKey(digest), unit, parsed)) {
      reported_links_ = std::move(links);
      return false;
    }
    diagnostics_->Merge(std::move(attempt));
    return true;
  }

  void ParseUnitFiles(const UnitTexts& texts, Unit* unit) {
    std::string unit_file = JoinPath(unit->path, "unit.yaml");
    if (texts.unit_yaml) {
      YamlSource source;
      if (std::optional<YamlValue> root =
              ReadYaml(unit_file, *texts.unit_yaml, &source)) {
        ParseUnit(*root, unit);
      }
    }
    unit->pos.path = Display(unit_file);
    if (texts.index_md) unit->profil = *texts.index_md;
    ParseMarkdownFiles<Jabatan>(
        unit, "jabatan", texts.jabatan,
        [](const YamlValue& root, Jabatan* jabatan) {
          ParseJabatan(root, jabatan);
          jabatan->parsed = true;
        },
        &unit->jabatan);
    ParseMarkdownFiles<Keputusan>(unit, "keputusan", texts.keputusan,
                                  ParseKeputusan, &unit->keputusan);
    ParseYearFiles<Realisasi>(unit, "realisasi", texts.realisasi,
                              ParseRealisasi, &unit->realisasi);
    ParseYearFiles<Perjanjian>(unit, "perjanjian", texts.perjanjian,
                               ParsePerjanjian, &unit->perjanjian);
  }

  // Links are reported where they are found (the walk of the folder that
  // holds them); the logo is checked by name.
  void ReportLink(const std::string& path) {
    if (!reported_links_.insert(path).second) return;
    diagnostics_->Error({Display(path), 0, 0},
                        "is a symbolic link; links are not followed, since "
                        "one could lead out of the content folder",
                        "replace the link with a copy of the file or folder");
  }

  bool IsLink(const std::string& path) {
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    for (const DirEntry& entry : fs_.ListDir(dir)) {
      if (entry.name == name) return entry.is_link;
    }
    return false;
  }

  void CheckLogo(Unit* unit) {
    const std::string& logo = unit->kop.logo;
    bool escapes = logo[0] == '/' || logo.find("..") != std::string::npos ||
                   logo.find('\\') != std::string::npos;
    if (escapes) {
      diagnostics_->Error(unit->kop.logo_pos,
                          "`logo` must name a file inside the unit folder",
                          "put the logo next to unit.yaml and write its file "
                          "name, e.g. `logo: logo.svg`");
    } else if (IsLink(JoinPath(unit->path, logo))) {
      ReportLink(JoinPath(unit->path, logo));
    } else if (!fs_.IsFile(JoinPath(unit->path, logo))) {
      diagnostics_->Error(
          unit->kop.logo_pos,
          "logo file `" + logo + "` does not exist in " + Display(unit->path));
    } else if (LogoKind(logo).empty()) {
      diagnostics_->Error(unit->kop.logo_pos,
                          "a logo must be an .svg, .png or .jpg file",
                          "convert the logo to SVG or PNG");
    } else {
      ReadLogo(unit);
    }
  }

  // The logo's bytes go into the site as a file of its own. Its hash joins
  // the unit's, so that pages showing the letterhead are made again when
  // only the logo changed.
  void ReadLogo(Unit* unit) {
    std::string path = JoinPath(unit->path, unit->kop.logo);
    std::optional<std::uintmax_t> size = fs_.FileSize(path);
    if (size && *size > kMaxLogoBytes) {
      diagnostics_->Error(unit->kop.logo_pos,
                          "logo file is " + std::to_string(*size) +
                              " bytes, over the limit of " +
                              std::to_string(kMaxLogoBytes),
                          "a letterhead logo needs no more; save it smaller");
      return;
    }
    std::string error;
    std::optional<std::string> bytes = fs_.ReadFile(path, &error);
    if (!bytes) {
      diagnostics_->Error(unit->kop.logo_pos, "logo file " + error);
      return;
    }
    // An SVG is served from the site's own address: one that carries
    // script would run it there when opened by itself.
    if (LogoKind(unit->kop.logo) == "svg" && SvgHasScript(*bytes)) {
      diagnostics_->Error(unit->kop.logo_pos,
                          "the SVG logo contains script (<script>, an on...= "
                          "attribute or a javascript: link)",
                          "export the logo again as a plain drawing, or use "
                          "PNG");
      return;
    }
    unit->kop.logo_bytes = std::move(*bytes);
    unit->source_hash = StableHash(unit->source_hash + "\nlogo\n" +
                                   StableHash(unit->kop.logo_bytes));
  }

  // Each entry of `folder` ending in `extension`, with its id checked.
  std::vector<std::string> FilesIn(const Unit& unit, const std::string& folder,
                                   const std::string& extension) {
    std::vector<std::string> names;
    std::string dir = JoinPath(unit.path, folder);
    for (const DirEntry& entry : fs_.ListDir(dir)) {
      std::string path = JoinPath(dir, entry.name);
      if (entry.is_link) ReportLink(path);
      if (entry.is_dir || entry.is_link || entry.name[0] == '.') continue;
      if (!EndsWith(entry.name, extension)) {
        diagnostics_->Warning({Display(path), 0, 0}, "ignored: only " +
                                                         extension +
                                                         " files are read "
                                                         "in " +
                                                         folder + "/");
        continue;
      }
      names.push_back(entry.name);
    }
    return names;
  }

  // Parses each `<folder>/<id>.md` of a unit: splits the front matter and
  // hands its YAML to `parse`. `T` is Jabatan or Keputusan.
  template <typename T, typename Parse>
  void ParseMarkdownFiles(Unit* unit, const std::string& folder,
                          const UnitTexts::Files& files, Parse parse,
                          std::vector<std::unique_ptr<T>>* out) {
    for (const auto& [name, text] : files) {
      if (!text) continue;
      std::string path = JoinPath(JoinPath(unit->path, folder), name);
      auto item = std::make_unique<T>();
      item->id = Stem(name);
      item->path = Display(path);
      item->unit = unit;
      item->pos = {Display(path), 1, 1};
      std::optional<FrontMatter> fm =
          SplitFrontMatter(Display(path), *text, diagnostics_);
      if (!fm) continue;
      item->body = fm->body;
      item->body_line = fm->body_line;
      YamlSource source{Display(path), fm->yaml_line_offset, diagnostics_};
      if (std::optional<YamlValue> root = YamlValue::Parse(fm->yaml, &source)) {
        parse(*root, item.get());
      }
      out->push_back(std::move(item));
    }
  }

  // Parses each `<folder>/<tahun>.yaml` of a unit. `T` is Realisasi or
  // Perjanjian.
  template <typename T, typename Parse>
  void ParseYearFiles(Unit* unit, const std::string& folder,
                      const UnitTexts::Files& files, Parse parse,
                      std::vector<std::unique_ptr<T>>* out) {
    for (const auto& [name, text] : files) {
      if (!text) continue;
      std::string path = JoinPath(JoinPath(unit->path, folder), name);
      auto item = std::make_unique<T>();
      item->tahun = std::stoi(Stem(name));
      item->path = Display(path);
      item->unit = unit;
      YamlSource source;
      if (std::optional<YamlValue> root = ReadYaml(path, *text, &source)) {
        parse(*root, item.get());
      }
      out->push_back(std::move(item));
    }
  }

  const FileSystem& fs_;
  const LoadOptions& options_;
  Diagnostics* diagnostics_;
  UnitCache cache_;
  std::set<std::string> version_dirs_;
  std::set<std::string> reported_links_;
  // While a unit (or site.yaml) is read: the paths and hashes of its files.
  std::string* digest_ = nullptr;
  FileHashes* hashes_ = nullptr;  // with the cache only
  bool skip_reading_ = false;
};

}  // namespace

Model LoadContent(const FileSystem& fs, const LoadOptions& options,
                  Diagnostics* diagnostics) {
  return Loader(fs, options, diagnostics).Load();
}

}  // namespace sakip
