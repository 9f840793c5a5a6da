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
#include <string_view>
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

// A document to render: its print page and cache key.
struct Todo {
  std::string html;
  std::string key;
};

// Renders `todo` with the engine `program`: one Chromium for all (what it
// could not print gets a browser of its own, as WeasyPrint documents always
// do), `jobs` at a time. Adds what was made to `manifest` and `made`.
void RenderDocuments(const fs::path& root, const std::vector<Todo>& todo,
                     const std::string& program, const PdfOptions& options,
                     std::map<std::string, std::string>* manifest,
                     std::vector<std::string>* made, PdfReport* report,
                     Diagnostics* diagnostics) {
  int jobs = options.jobs > 0
                 ? options.jobs
                 : std::max(1u, std::thread::hardware_concurrency());
  std::error_code temp_error;
  fs::path temp = fs::temp_directory_path(temp_error);
  if (temp_error) temp = "/tmp";
  fs::path profiles = temp / ("sakip-pdf-" + std::to_string(::getpid()));
  auto done = [&](const Todo& doc) {
    (*manifest)[PdfPathOf(doc.html)] = doc.key;
    made->push_back(PdfPathOf(doc.html));
    ++report->rendered;
  };
  std::vector<std::string> problems(todo.size());
  std::vector<size_t> left;  // indexes into todo
  if (options.engine == "chromium" && !todo.empty()) {
    std::vector<PrintJob> print_jobs;
    for (const Todo& doc : todo) {
      fs::path pdf = root / PdfPathOf(doc.html);
      std::error_code ec;
      fs::remove(pdf, ec);  // a new file: the old one may be a hard link
      print_jobs.push_back({root / doc.html, pdf});
    }
    ChromiumPrinter printer(program, profiles / "browser", kTimeoutSeconds,
                            jobs);
    printer.PrintAll(
        print_jobs, [&](size_t i, bool printed, const std::string& problem) {
          std::error_code ec;
          if (printed && fs::file_size(print_jobs[i].pdf, ec) > 0 && !ec) {
            done(todo[i]);
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
        const Todo& doc = todo[left[n]];
        const std::string& problem = problems[left[n]];
        fs::path pdf = root / PdfPathOf(doc.html);
        std::error_code ec;
        fs::remove(pdf, ec);  // the engine may write into an existing file
        ProcessResult run =
            RunProcess(EngineCommand(options.engine, program, root / doc.html,
                                     pdf, profile),
                       kTimeoutSeconds);
        bool ok = run.exit_code == 0 && fs::file_size(pdf, ec) > 0 && !ec;
        std::lock_guard<std::mutex> lock(mutex);
        if (ok) {
          done(doc);
          continue;
        }
        ++report->failed;
        bool kept =
            CopyPrevious(options.previous_dir, PdfPathOf(doc.html), pdf);
        diagnostics->Error(
            {doc.html, 0, 0},
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
}

// The dates of MakePdfStable.
bool SetPdfDates(std::string* bytes, const std::string& date) {
  bool set = false;
  for (const char* name : {"/CreationDate (", "/ModDate ("}) {
    std::string_view tag(name);
    for (size_t at = bytes->find(tag); at != std::string::npos;
         at = bytes->find(tag, at + 1)) {
      size_t value = at + tag.size();
      size_t close = bytes->find(')', value);
      if (close == std::string::npos) break;
      // D:YYYYMMDDHHmmSS then Z, +HH'mm' or nothing (Chromium: +00'00').
      std::string_view old(bytes->data() + value, close - value);
      std::string zone = old.size() == 23   ? "+00'00'"
                         : old.size() == 17 ? "Z"
                                            : "";
      std::string fixed = "D:" + date + zone;
      if (old.rfind("D:", 0) != 0 || fixed.size() != old.size()) continue;
      if (old == fixed) continue;
      bytes->replace(value, fixed.size(), fixed);
      set = true;
    }
  }
  return set;
}

constexpr std::string_view kNodeId = "(node";
constexpr size_t kNodeDigits = 8;

// Where each structure id `(nodeNNNNNNNN)` of `bytes` starts its digits.
std::vector<size_t> NodeIdDigits(const std::string& bytes) {
  std::vector<size_t> found;
  for (size_t at = bytes.find(kNodeId); at != std::string::npos;
       at = bytes.find(kNodeId, at + 1)) {
    size_t digits = at + kNodeId.size();
    if (digits + kNodeDigits >= bytes.size() ||
        bytes[digits + kNodeDigits] != ')') {
      continue;
    }
    bool number = true;
    for (size_t i = 0; i < kNodeDigits; ++i) {
      number &= bytes[digits + i] >= '0' && bytes[digits + i] <= '9';
    }
    if (number) found.push_back(digits);
  }
  return found;
}

// The ids of MakePdfStable: each replaced by its rank among them, so that
// their order (and the sorted /IDTree) stays.
bool RenumberNodeIds(std::string* bytes) {
  std::vector<size_t> places = NodeIdDigits(*bytes);
  std::map<std::string, std::string> ranks;
  for (size_t at : places) ranks[bytes->substr(at, kNodeDigits)];
  int rank = 0;
  for (auto& [id, renumbered] : ranks) {
    char text[16];
    std::snprintf(text, sizeof text, "%08d", ++rank);
    renumbered = text;
  }
  bool changed = false;
  for (size_t at : places) {
    const std::string& renumbered = ranks[bytes->substr(at, kNodeDigits)];
    changed |= bytes->compare(at, kNodeDigits, renumbered) != 0;
    bytes->replace(at, kNodeDigits, renumbered);
  }
  return changed;
}

// The shares of a merge (`--pdf-from`), in share order, with their lists
// of PDFs.
struct Shares {
  std::vector<std::string> dirs;
  std::vector<std::map<std::string, std::string>> lists;

  bool empty() const { return dirs.empty(); }

  // Copies `pdf` as made from `key` out of its share to `target`; reports
  // a share that has no such PDF.
  bool Take(const std::string& pdf, const std::string& key,
            const fs::path& target, Diagnostics* diagnostics) const {
    size_t share = PdfShardOf(pdf, static_cast<int>(dirs.size())) - 1;
    auto made = lists[share].find(pdf);
    if (made != lists[share].end() && made->second == key &&
        CopyPrevious(dirs[share], pdf, target)) {
      return true;
    }
    diagnostics->Error({dirs[share], 0, 0},
                       "shard " + std::to_string(share + 1) + "/" +
                           std::to_string(dirs.size()) + " has no PDF `" + pdf +
                           "` made from this content",
                       "make that share again; a shard build that failed "
                       "leaves its PDFs out");
    return false;
  }
};

// What MakePdfStable takes out, out of a new PDF.
void Stabilize(const fs::path& pdf, const std::string& date) {
  std::string bytes = ReadWholeFile(pdf);
  if (!MakePdfStable(&bytes, date)) return;
  std::error_code ec;
  disk::Remove(pdf, ec);  // made new, never written into
  disk::WriteNewFile(pdf, bytes);
}

// Replaces the file `path` (never written into: see AdoptSpare).
bool WriteList(const fs::path& path, const std::string& text) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) disk::Remove(path, ec);
  return disk::WriteNewFile(path, text);
}

}  // namespace

std::string PdfPathOf(const std::string& html) {
  return html.substr(0, html.size() - 5) + ".pdf";
}

bool MakePdfStable(std::string* bytes, const std::string& date) {
  bool dates = !date.empty() && SetPdfDates(bytes, date);
  bool ids = RenumberNodeIds(bytes);
  return dates || ids;
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
  // Every document's key, sorted by its PDF: the shares compare them all.
  std::map<std::string, Todo> documents;  // by PDF path
  for (const std::string& html : html_paths) {
    documents[PdfPathOf(html)] = {
        html, StableHash(ReadWholeFile(root / html) + inputs_hash +
                         options.engine + kVersion)};
  }
  std::vector<std::pair<std::string, std::string>> keys;
  for (const auto& [pdf, doc] : documents) keys.push_back({pdf, doc.key});
  std::string all_inputs = PdfInputsHash(keys);
  Shares shares;
  if (!options.shard_dirs.empty()) {
    shares.dirs = MatchPdfShards(options.shard_dirs, all_inputs, diagnostics);
    if (shares.empty()) {
      report.failed = static_cast<int>(documents.size());
      return report;
    }
    for (const std::string& share : shares.dirs) {
      shares.lists.push_back(ReadManifest(share));
    }
  }
  std::map<std::string, std::string> manifest;
  std::vector<Todo> todo;
  for (const auto& [pdf, doc] : documents) {
    if (!options.shard.all() &&
        PdfShardOf(pdf, options.shard.count) != options.shard.index) {
      continue;  // another machine's
    }
    auto it = previous.find(pdf);
    if (it != previous.end() && it->second == doc.key &&
        CopyPrevious(options.previous_dir, pdf, root / pdf)) {
      manifest[pdf] = doc.key;
      ++report.reused;
      continue;
    }
    if (shares.empty()) {
      todo.push_back(doc);
      continue;
    }
    if (shares.Take(pdf, doc.key, root / pdf, diagnostics)) {
      manifest[pdf] = doc.key;
      ++report.merged;
    } else {
      ++report.failed;
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
    for (const Todo& doc : todo) {
      if (CopyPrevious(options.previous_dir, PdfPathOf(doc.html),
                       root / PdfPathOf(doc.html))) {
        ++report.reused;
      }
    }
    report.failed += static_cast<int>(todo.size());
    return report;
  }
  std::vector<std::string> made;
  RenderDocuments(root, todo, program, options, &manifest, &made, &report,
                  diagnostics);
  for (const std::string& pdf : made) Stabilize(root / pdf, options.date);
  if (!WriteList(root / kPdfManifest,
                 nlohmann::json(manifest).dump(1) + "\n")) {
    diagnostics->Error({(root / kPdfManifest).string(), 0, 0},
                       "cannot write the list of PDFs");
  }
  if (!options.shard.all() &&
      !WriteList(root / kPdfShardFile,
                 FormatPdfShard(options.shard, all_inputs))) {
    diagnostics->Error({(root / kPdfShardFile).string(), 0, 0},
                       "cannot write the shard's description");
  }
  return report;
}

}  // namespace sakip
