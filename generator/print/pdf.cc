#include "pdf.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "chromium_printer.h"
#include "file_system.h"
#include "output_disk.h"
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
  disk::MakeFolders(target.parent_path(), ec);
  // A new file: an old one may be a hard link to the live site's PDF.
  if (fs::exists(fs::symlink_status(target, ec))) disk::Remove(target, ec);
  return disk::CopyFile(old, target, ec);
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
  std::error_code absolute_error;
  fs::path root = fs::absolute(dir, absolute_error);
  if (absolute_error) root = dir;
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
  std::error_code temp_error;
  fs::path temp = fs::temp_directory_path(temp_error);
  if (temp_error) temp = "/tmp";
  fs::path profiles = temp / ("sakip-pdf-" + std::to_string(::getpid()));
  // Chromium: one browser prints every document, `jobs` at a time in its
  // tabs. What it could not print (or everything, when it does not start)
  // gets a browser per document below, as WeasyPrint documents always do.
  std::vector<std::string> problems(todo.size());
  std::vector<size_t> left;  // indexes into todo
  if (options.engine == "chromium" && !todo.empty()) {
    std::vector<PrintJob> print_jobs;
    for (const auto& [html, key] : todo) {
      fs::path pdf = root / PdfPathOf(html);
      std::error_code ec;
      fs::remove(pdf, ec);  // a new file: the old one may be a hard link
      print_jobs.push_back({root / html, pdf});
    }
    ChromiumPrinter printer(program, profiles / "browser", kTimeoutSeconds,
                            jobs);
    printer.PrintAll(
        print_jobs, [&](size_t i, bool printed, const std::string& problem) {
          std::error_code ec;
          if (printed && fs::file_size(print_jobs[i].pdf, ec) > 0 && !ec) {
            manifest[PdfPathOf(todo[i].first)] = todo[i].second;
            ++report.rendered;
          } else {
            problems[i] = problem;
            left.push_back(i);
          }
        });
    std::sort(left.begin(), left.end());
  } else {
    for (size_t i = 0; i < todo.size(); ++i) left.push_back(i);
  }
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      fs::path profile = profiles / std::to_string(w);
      for (size_t n; (n = next++) < left.size();) {
        const auto& [html, key] = todo[left[n]];
        const std::string& problem = problems[left[n]];
        fs::path pdf = root / PdfPathOf(html);
        std::error_code ec;
        fs::remove(pdf, ec);  // the engine may write into an existing file
        ProcessResult run = RunProcess(
            EngineCommand(options.engine, program, root / html, pdf, profile),
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
  for (std::thread& t : workers) t.join();
  std::error_code ec;
  fs::remove_all(profiles, ec);
  nlohmann::json json(manifest);
  // Never written into (see AdoptSpare): removed and made new.
  if (fs::exists(fs::symlink_status(root / kPdfManifest, ec))) {
    disk::Remove(root / kPdfManifest, ec);
  }
  if (!disk::WriteNewFile(root / kPdfManifest, json.dump(1) + "\n")) {
    diagnostics->Error({(root / kPdfManifest).string(), 0, 0},
                       "cannot write the list of PDFs");
  }
  return report;
}

}  // namespace sakip
