// The `sakip` command line: a thin shell around sakip_core.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "file_system.h"
#include "pipeline.h"
#include "version.h"

namespace {

int ReportAndExit(const sakip::Diagnostics& diagnostics, int status,
                  const std::string& verb) {
  std::cerr << diagnostics.Format();
  std::cerr << "sakip " << verb << ": " << diagnostics.error_count()
            << " error(s), " << diagnostics.warning_count() << " warning(s)\n";
  return status;
}

}  // namespace

int main(int argc, char** argv) {
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

  CLI11_PARSE(app, argc, argv);

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
  if (*build) options.out_dir = out_dir;
  int status = sakip::RunPipeline(content, options, &diagnostics);
  return ReportAndExit(diagnostics, status, *build ? "build" : "check");
}
