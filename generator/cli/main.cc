// The `sakip` command line: a thin shell around sakip_core.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>
#ifdef SAKIP_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "content_source.h"
#include "diff.h"
#include "file_system.h"
#include "indonesian_format.h"
#include "output_disk.h"
#include "pipeline.h"
#include "scaffold.h"
#include "serve.h"
#include "sheet_export.h"
#include "sheet_import.h"
#include "version.h"

namespace {

// The time a build stands for: SOURCE_DATE_EPOCH (reproducible builds),
// else the start of today (UTC), so that the builds of one day write the
// same dates on every machine (PDF shards, see pdf_shard.h).
std::tm BuildTime() {
  std::time_t now = std::time(nullptr);
  bool fixed = false;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    fixed = true;
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  if (!fixed) utc.tm_hour = utc.tm_min = utc.tm_sec = 0;
  return utc;
}

// As shown in the footer.
std::string BuildDate() {
  std::tm utc = BuildTime();
  return sakip::FormatTanggal(
      {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday});
}

// As written into new PDFs: YYYYMMDDHHmmSS.
std::string PdfDate() {
  std::tm utc = BuildTime();
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02d%02d%02d%02d",
                utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                utc.tm_min, utc.tm_sec);
  return text;
}

int ReportAndExit(const sakip::Diagnostics& diagnostics, int status,
                  const std::string& verb) {
  std::cerr << diagnostics.Format();
  std::cerr << "sakip " << verb << ": " << diagnostics.error_count()
            << " error(s), " << diagnostics.warning_count() << " warning(s)\n";
  return status;
}

// `--shard` and `--pdf-from` into `options`: 0, or 2 when they are wrong.
int ReadShardOptions(bool pdf, bool shard_given, const std::string& shard,
                     sakip::PipelineOptions* options) {
  std::string error;
  if (shard_given &&
      !sakip::ParsePdfShard(shard, &options->pdf_shard, &error)) {
    std::cerr << "sakip build: --shard " << error << "\n";
    return 2;
  }
  if ((shard_given || !options->pdf_from.empty()) && !pdf) {
    std::cerr << "sakip build: --shard and --pdf-from are for PDFs: add "
                 "--pdf\n";
    return 2;
  }
  if (shard_given && !options->pdf_from.empty()) {
    std::cerr << "sakip build: --shard makes one share, --pdf-from merges "
                 "them: use one of the two\n";
    return 2;
  }
  return 0;
}

}  // namespace

// `sakip diff A B`: loads both sides and prints their semantic difference.
int RunDiff(const std::string& content_dir, const std::string& from,
            const std::string& to, const std::string& format) {
  sakip::Diagnostics diagnostics;
  std::optional<sakip::Model> models[2];
  std::string labels[2];
  const std::string* specs[2] = {&from, &to};
  for (int i = 0; i < 2; ++i) {
    std::string error;
    auto source = sakip::OpenContentSpec(content_dir, *specs[i], &error);
    if (!source) {
      std::cerr << "sakip diff: " << error << "\n";
      return 2;
    }
    labels[i] = *specs[i] == "." ? "working tree" : source->label;
    models[i] =
        sakip::LoadAndResolve(*source->fs, source->display_root, &diagnostics);
  }
  if (diagnostics.has_errors()) {
    return ReportAndExit(diagnostics, 1, "diff");
  }
  sakip::ModelDiff result = sakip::DiffModels(*models[0], *models[1]);
  result.from_label = labels[0];
  result.to_label = labels[1];
  std::cout << (format == "json"       ? sakip::FormatDiffJson(result)
                : format == "markdown" ? sakip::FormatDiffMarkdown(result)
                                       : sakip::FormatDiffText(result));
  return 0;
}

// `sakip new KIND ...`: writes one starting file into the content folder.
int RunNew(const std::string& content_dir, const std::string& kind,
           const std::vector<std::string>& args) {
  sakip::RealFileSystem content(content_dir);
  if (!content.IsDir("")) {
    std::cerr << "sakip new: content folder `" << content_dir
              << "` does not exist (use --content DIR)\n";
    return 2;
  }
  // Problems elsewhere in the content do not stop scaffolding.
  sakip::Diagnostics ignored;
  sakip::Model model = sakip::LoadAndResolve(content, content_dir, &ignored);
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  sakip::NewFile file =
      kind == "unit"      ? sakip::NewUnit(model, args[0])
      : kind == "jabatan" ? sakip::NewJabatan(model, args[0], args[1])
      : kind == "perjanjian"
          ? sakip::NewPerjanjian(
                model, args[0], args[1],
                {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday})
          : sakip::NewKeputusan(
                model, args[0], args[1],
                {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
  if (!file.error.empty()) {
    std::cerr << "sakip new: " << file.error << "\n";
    return 1;
  }
  std::string path = content_dir + "/" + file.path;
  std::string error;
  if (!sakip::WriteNewFile(path, file.text, &error)) {
    std::cerr << "sakip new: " << error << "\n";
    return 1;
  }
  std::cout << "wrote " << path << "\n";
  return 0;
}

// `sakip sheet UNIT TAHUN`: the realisasi workbook to fill.
int RunSheet(const std::string& content_dir, const std::string& unit_path,
             int tahun, std::string out, bool sub_units) {
  sakip::RealFileSystem content(content_dir);
  sakip::Diagnostics diagnostics;
  sakip::Model model =
      sakip::LoadAndResolve(content, content_dir, &diagnostics);
  if (diagnostics.has_errors()) return ReportAndExit(diagnostics, 1, "sheet");
  const sakip::Unit* unit = model.FindUnit(unit_path);
  if (!unit) {
    std::cerr << "sakip sheet: no unit `" << unit_path << "` in " << content_dir
              << "\n";
    return 2;
  }
  if (out.empty()) {
    out = "realisasi-" + unit->id + "-" + std::to_string(tahun) + ".xlsx";
  }
  std::string error;
  if (!sakip::WriteRealisasiSheet(*unit, {tahun, sub_units}, out, &error)) {
    std::cerr << "sakip sheet: " << error << "\n";
    return 1;
  }
  std::cout << "wrote " << out << "\n";
  return 0;
}

// `sakip import FILE`: the figures of a filled sheet into the content.
int RunImport(const std::string& content_dir, const std::string& file) {
  sakip::SheetTable table;
  std::string error;
  if (!sakip::ReadSheetFile(file, &table, &error)) {
    std::cerr << file << ": error: " << error << "\n"
              << "  hint: import the .xlsx file `sakip sheet` made (or a "
                 ".csv saved from its sheet \"Realisasi\")\n";
    return 1;
  }
  sakip::RealFileSystem content(content_dir);
  sakip::Diagnostics diagnostics;
  sakip::Model model =
      sakip::LoadAndResolve(content, content_dir, &diagnostics);
  if (diagnostics.has_errors()) return ReportAndExit(diagnostics, 1, "import");
  sakip::ImportPlan plan =
      sakip::PlanImport(file, table, model, content, &diagnostics);
  if (diagnostics.has_errors()) {
    ReportAndExit(diagnostics, 1, "import");
    std::cerr << "sakip import: nothing written\n";
    return 1;
  }
  plan.diff.from_label = content_dir;
  plan.diff.to_label = file;
  std::cout << sakip::FormatDiffText(plan.diff);
  for (const sakip::ImportedFile& f : plan.files) {
    std::filesystem::path path = std::filesystem::path(content_dir) / f.path;
    std::error_code ec;
    sakip::disk::MakeFolders(path.parent_path(), ec);
    if (!sakip::disk::ReplaceFile(path, f.after)) {
      std::cerr << "sakip import: cannot write " << path.string() << "\n";
      return 1;
    }
    std::cout << "wrote " << path.string() << "\n";
  }
  return 0;
}

int main(int argc, char** argv) {
  // Test-only fault injection and counting (docs/architecture.md).
  sakip::disk::ConfigureFromEnvironment();
#ifdef SAKIP_WITH_MIMALLOC
  // The heap in 2 MB pages where the kernel allows (transparent huge
  // pages): a large build touches hundreds of MB once, and on virtual
  // machines each 4 kB page fault is costly (a quarter of a build's time,
  // see docs/decisions.md).
  mi_option_enable(mi_option_large_os_pages);
#endif
  CLI::App app{
      "sakip: static site and print documents for SAKIP "
      "performance indicators"};
  app.set_version_flag("--version", std::string("sakip ") + sakip::kVersion);
  app.require_subcommand(1);

  std::string content_dir = "content";
  std::string out_dir = "site";
  bool strict = false;

  CLI::App* check = app.add_subcommand(
      "check", "Validate the content and report every problem");
  check->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();
  check->add_flag("--strict", strict, "Treat warnings as errors");

  CLI::App* build =
      app.add_subcommand("build", "Validate the content and build the site");
  build->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();
  build->add_option("--out", out_dir, "Output folder")->capture_default_str();
  build->add_flag("--strict", strict, "Treat warnings as errors");
  bool pdf = false;
  std::string pdf_engine = "chromium";
  int pdf_jobs = 0;
  build->add_flag("--pdf", pdf,
                  "Also make PDFs of the printable documents (cetak/)");
  build->add_option("--pdf-engine", pdf_engine, "PDF engine")
      ->check(CLI::IsMember({"chromium", "weasyprint"}))
      ->capture_default_str();
  build->add_option("--jobs", pdf_jobs,
                    "Threads rendering pages and PDFs (0: one per core)");
  std::vector<std::string> pdf_only;
  build->add_option(
      "--pdf-only", pdf_only,
      "Only documents whose path contains this text (repeatable)");
  std::string shard;
  CLI::Option* shard_option =
      build->add_option("--shard", shard,
                        "With --pdf: make only share I of N of the PDFs (I/N, "
                        "e.g. 2/3), for `--pdf-from` to merge");
  std::vector<std::string> pdf_from;
  build->add_option("--pdf-from", pdf_from,
                    "With --pdf: take the PDFs from these outputs of "
                    "`--shard` builds, one per share, instead of making them");
  bool search = false;
  std::string pagefind;
  build->add_flag("--search", search,
                  "Make a search index with Pagefind, when it is installed");
  build->add_option("--pagefind", pagefind,
                    "The Pagefind program (default: pagefind in PATH or "
                    "node_modules/.bin)");
  std::string theme_dir;
  build->add_option("--theme", theme_dir,
                    "Theme folder (templates/, static/); default: the "
                    "built-in copy of themes/default");

  CLI::App* diff = app.add_subcommand(
      "diff", "Show what changed in units, jabatan and indicators from A to B");
  std::string from, to, format = "text";
  diff->add_option("A", from, "Git ref, folder, or . (the working tree)")
      ->required();
  diff->add_option("B", to, "Git ref, folder, or . (the working tree)")
      ->required();
  diff->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();
  diff->add_option("--format", format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();

  CLI::App* make = app.add_subcommand(
      "new", "Write a commented starting file that sakip check accepts");
  make->require_subcommand(1);
  make->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();
  std::string unit_path, new_id;
  CLI::App* new_unit = make->add_subcommand("unit", "A unit folder");
  new_unit->add_option("PATH", unit_path, "Folder below the content folder")
      ->required();
  CLI::App* new_jabatan = make->add_subcommand("jabatan", "A jabatan file");
  CLI::App* new_keputusan =
      make->add_subcommand("keputusan", "A keputusan file");
  for (CLI::App* sub : {new_jabatan, new_keputusan}) {
    sub->add_option("UNIT", unit_path, "The unit's folder")->required();
    sub->add_option("ID", new_id, "The new file's id")->required();
  }
  CLI::App* new_perjanjian = make->add_subcommand(
      "perjanjian", "A Perjanjian Kinerja of a year, from the unit's IKI");
  new_perjanjian->add_option("UNIT", unit_path, "The unit's folder")
      ->required();
  new_perjanjian->add_option("TAHUN", new_id, "The year, e.g. 2025")
      ->required();

  std::string sheet_unit, sheet_out, import_file;
  int sheet_tahun = 0;
  bool sub_units = false;
  CLI::App* sheet = app.add_subcommand(
      "sheet", "Write a unit's realisasi workbook (XLSX) to fill");
  sheet->add_option("UNIT", sheet_unit, "The unit's path, e.g. pemda/dinas")
      ->required();
  sheet->add_option("TAHUN", sheet_tahun, "The year, e.g. 2025")->required();
  sheet->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();
  sheet->add_option("--out", sheet_out,
                    "The workbook (default realisasi-<unit>-<tahun>.xlsx)");
  sheet->add_flag("--sub-units", sub_units, "Also the units below it");
  CLI::App* import = app.add_subcommand(
      "import", "Read a filled realisasi sheet into realisasi/<tahun>.yaml");
  import->add_option("FILE", import_file, "The .xlsx (or .csv) file")
      ->required();
  import->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();

  CLI::App* serve = app.add_subcommand(
      "serve",
      "Build, serve the site on 127.0.0.1 and rebuild when files change");
  int port = 8080;
  serve->add_option("--content", content_dir, "Content folder")
      ->capture_default_str();
  serve->add_option("--out", out_dir, "Output folder")->capture_default_str();
  serve->add_option("--port", port, "Port (0: any free port)")
      ->capture_default_str();
  serve->add_option("--theme", theme_dir, "Theme folder");
  serve->add_flag("--search", search, "Also make the search index");

  CLI11_PARSE(app, argc, argv);

  if (*make) {
    std::string kind = *new_unit         ? "unit"
                       : *new_jabatan    ? "jabatan"
                       : *new_perjanjian ? "perjanjian"
                                         : "keputusan";
    return RunNew(content_dir, kind, {unit_path, new_id});
  }

  if (*diff) return RunDiff(content_dir, from, to, format);
  if (*sheet) {
    return RunSheet(content_dir, sheet_unit, sheet_tahun, sheet_out, sub_units);
  }
  if (*import) return RunImport(content_dir, import_file);

  sakip::RealFileSystem content(content_dir);
  if (!content.IsDir("")) {
    std::cerr << "sakip: content folder `" << content_dir
              << "` does not exist (use --content DIR)\n";
    return 2;
  }
  sakip::Diagnostics diagnostics;
  sakip::PipelineOptions options;
  options.display_root =
      (content_dir == "." || content_dir == "./") ? "" : content_dir;
  options.strict = strict;
  if (*build) {
    options.out_dir = out_dir;
    options.content_dir = content_dir;
    options.theme_dir = theme_dir;
    options.dibangun = BuildDate();
    options.pdf = pdf;
    options.pdf_engine = pdf_engine;
    options.pdf_jobs = pdf_jobs;
    options.jobs = pdf_jobs;
    options.pdf_only = pdf_only;
    options.pdf_date = PdfDate();
    options.pdf_from = pdf_from;
    if (int status =
            ReadShardOptions(pdf, shard_option->count() > 0, shard, &options))
      return status;
    options.search = search;
    options.pagefind = pagefind;
    options.exit_after = true;
  }
  if (*serve) {
    options.out_dir = out_dir;
    options.content_dir = content_dir;
    options.theme_dir = theme_dir;
    options.search = search;
    sakip::ServeOptions serving;
    serving.port = port;
    serving.out_dir = out_dir;
    serving.watch = {content_dir};
    if (!theme_dir.empty()) serving.watch.push_back(theme_dir);
    serving.build = [&]() {
      sakip::Diagnostics run;
      options.dibangun = BuildDate();
      int status = sakip::RunPipeline(content, options, &run);
      std::string report = run.Format();
      ReportAndExit(run, status, "build");
      return sakip::BuildOutcome{status == 0, report};
    };
    return sakip::Serve(serving);
  }
  int status = sakip::RunPipeline(content, options, &diagnostics);
  return ReportAndExit(diagnostics, status, *build ? "build" : "check");
}
