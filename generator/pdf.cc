#include "pdf.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "chromium_printer.h"
#include "file_system.h"
#include "process.h"
#include "version.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

constexpr int kTimeoutSeconds = 180;

std::map<std::string, std::string> ReadManifest(const std::string& dir) {
  std::map<std::string, std::string> manifest;
  if (dir.empty()) return manifest;
  std::string text = ReadWholeFile(fs::path(dir) / kPdfManifest);
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return manifest;
  for (auto it = json.begin(); it != json.end(); ++it) {
    if (it.value().is_string()) manifest[it.key()] = it.value();
  }
  return manifest;
}

std::vector<std::string> EngineCommand(const std::string& engine,
                                       const std::string& program,
                                       const fs::path& html,
                                       const fs::path& pdf,
                                       const fs::path& profile) {
  if (engine == "weasyprint") return {program, html.string(), pdf.string()};
  std::vector<std::string> command = ChromiumFlags(program, profile);
  command.push_back("--no-pdf-header-footer");
  command.push_back("--print-to-pdf=" + pdf.string());
  command.push_back("file://" + html.string());
  return command;
}

bool CopyPrevious(const std::string& previous_dir, const std::string& pdf,
                  const fs::path& target) {
  if (previous_dir.empty()) return false;
  std::error_code ec;
  fs::path old = fs::path(previous_dir) / pdf;
  if (!fs::is_regular_file(old, ec)) return false;
  fs::create_directories(target.parent_path(), ec);
  // A new file: an old one may be a hard link to the live site's PDF.
  fs::remove(target, ec);
  return fs::copy_file(old, target, ec);
}

}  // namespace

std::string PdfPathOf(const std::string& html) {
  return html.substr(0, html.size() - 5) + ".pdf";
}

PdfReport RenderPdfs(const std::string& dir,
                     const std::vector<std::string>& html_paths,
                     const std::string& inputs_hash, const PdfOptions& options,
                     Diagnostics* diagnostics) {
  PdfReport report;
  fs::path root = fs::absolute(dir);
  std::map<std::string, std::string> previous =
      ReadManifest(options.previous_dir);
  std::map<std::string, std::string> manifest;
  std::vector<std::pair<std::string, std::string>> todo;  // html, key
  for (const std::string& html : html_paths) {
    std::string key = StableHash(ReadWholeFile(root / html) + inputs_hash +
                                 options.engine + kVersion);
    std::string pdf = PdfPathOf(html);
    auto it = previous.find(pdf);
    if (it != previous.end() && it->second == key &&
        CopyPrevious(options.previous_dir, pdf, root / pdf)) {
      manifest[pdf] = key;
      ++report.reused;
    } else {
      todo.push_back({html, key});
    }
  }
  std::string program = todo.empty() ? "" : FindProgram(options.engine);
  if (!todo.empty() && program.empty()) {
    diagnostics->Error(
        {"--pdf-engine " + options.engine, 0, 0},
        "PDF engine `" + options.engine +
            "` is not installed; the HTML "
            "documents were written, the PDFs were not",
        options.engine == "weasyprint"
            ? "apt-get install weasyprint, or use --pdf-engine chromium"
            : "apt-get install chromium, or use --pdf-engine weasyprint");
    for (const auto& [html, key] : todo) {
      if (CopyPrevious(options.previous_dir, PdfPathOf(html),
                       root / PdfPathOf(html))) {
        ++report.reused;
      }
    }
    report.failed = static_cast<int>(todo.size());
    return report;
  }
  int jobs = options.jobs > 0
                 ? options.jobs
                 : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::vector<std::thread> workers;
  fs::path profiles =
      fs::temp_directory_path() / ("sakip-pdf-" + std::to_string(::getpid()));
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      fs::path profile = profiles / std::to_string(w);
      // Chromium prints every document of this worker in one browser; a
      // document it cannot print gets a browser of its own, as WeasyPrint
      // documents always do.
      std::unique_ptr<ChromiumPrinter> printer;
      bool use_printer = options.engine == "chromium";
      for (size_t i; (i = next++) < todo.size();) {
        const auto& [html, key] = todo[i];
        fs::path pdf = root / PdfPathOf(html);
        std::error_code ec;
        fs::remove(pdf, ec);  // the engine may write into an existing file
        if (use_printer && !printer) {
          printer = std::make_unique<ChromiumPrinter>(program, profile,
                                                      kTimeoutSeconds);
          use_printer = printer->ok();  // else one browser per document
        }
        std::string problem;
        if (printer && printer->ok() &&
            printer->Print(root / html, pdf, &problem) &&
            fs::file_size(pdf, ec) > 0 && !ec) {
          std::lock_guard<std::mutex> lock(mutex);
          manifest[PdfPathOf(html)] = key;
          ++report.rendered;
          continue;
        }
        if (printer && !printer->ok()) printer.reset();  // a new one next
        fs::remove(pdf, ec);
        ProcessResult run = RunProcess(
            EngineCommand(options.engine, program, root / html, pdf,
                          profiles / (std::to_string(w) + "-single")),
            kTimeoutSeconds);
        bool ok = run.exit_code == 0 && fs::file_size(pdf, ec) > 0 && !ec;
        std::lock_guard<std::mutex> lock(mutex);
        if (ok) {
          manifest[PdfPathOf(html)] = key;
          ++report.rendered;
          continue;
        }
        ++report.failed;
        bool kept = CopyPrevious(options.previous_dir, PdfPathOf(html), pdf);
        diagnostics->Error(
            {html, 0, 0},
            std::string("the PDF engine failed") +
                (run.timed_out ? " (timed out)" : "") +
                (problem.empty() ? "" : " (before: " + problem + ")") +
                (kept ? "; the previous PDF was kept" : ""));
      }
    });
  }
  for (std::thread& t : workers) t.join();  // each closes its browser
  std::error_code ec;
  fs::remove_all(profiles, ec);
  nlohmann::json json(manifest);
  fs::remove(root / kPdfManifest, ec);  // never written into: see AdoptSpare
  std::ofstream(root / kPdfManifest) << json.dump(1) << "\n";
  return report;
}

}  // namespace sakip
