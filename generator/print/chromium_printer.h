// PDFs from one long-lived headless Chromium, driven through the DevTools
// protocol on a pipe (`--remote-debugging-pipe`: the browser reads commands
// on fd 3 and writes replies and events on fd 4, each a JSON text ended by
// a NUL). Starting Chromium takes one to two seconds, far longer than
// printing a document, so one browser prints all documents, several at a
// time in its tabs: on the 2-core development machine one browser with two
// tabs printed 5.1 documents/s, two browsers with one tab each 4.2, a
// browser per document 0.4. A page is printed as `--print-to-pdf` prints
// it (backgrounds, the CSS page size, no header or footer; the same
// pixels, checked with pdftoppm).
#ifndef SAKIP_CHROMIUM_PRINTER_H_
#define SAKIP_CHROMIUM_PRINTER_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sakip {

struct PrintJob {
  std::filesystem::path html;  // a local file
  std::filesystem::path pdf;
};

class ChromiumPrinter {
 public:
  // Starts `program` (Chromium) with its profile in `profile_dir` and
  // `tabs` tabs; check ok() and error(). Each document must print within
  // `timeout_seconds`.
  ChromiumPrinter(const std::string& program,
                  const std::filesystem::path& profile_dir, int timeout_seconds,
                  int tabs = 1);
  ~ChromiumPrinter();  // closes the browser; kills it when it hangs
  ChromiumPrinter(const ChromiumPrinter&) = delete;
  ChromiumPrinter& operator=(const ChromiumPrinter&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  using Done =
      std::function<void(size_t job, bool printed, const std::string& problem)>;
  // Prints the jobs, one per tab at a time: loads the page, waits for its
  // `load` and its fonts, writes the PDF. `done` is called once for every
  // job, in the order they finish. A document that cannot be printed fails
  // alone; when the browser stops or hangs, ok() turns false and every job
  // not yet done fails with error().
  void PrintAll(const std::vector<PrintJob>& jobs, const Done& done);

  // One document; false with `problem` set when it was not printed.
  bool Print(const std::filesystem::path& html,
             const std::filesystem::path& pdf, std::string* problem);

 private:
  struct Tab {
    std::string session;
    enum class Step { kIdle, kNavigating, kLoading, kFonts, kPrinting };
    Step step = Step::kIdle;
    size_t job = 0;
    int command = 0;               // id of the command awaited
    std::string loader;            // of the navigation awaited
    std::set<std::string> loaded;  // loaders that fired `load`
    std::chrono::steady_clock::time_point deadline;
  };

  // Sends a command (to `session`, or to the browser when empty); its id,
  // or 0 after a failure.
  int Send(const std::string& method, nlohmann::json params,
           const std::string& session);
  // Send, then wait for the reply (start-up only: events are dropped).
  std::optional<nlohmann::json> Call(const std::string& method,
                                     nlohmann::json params,
                                     const std::string& session);
  // The next message from the browser, before deadline_.
  std::optional<nlohmann::json> Receive();
  // Moves `tab` on after a reply or event; false when its job is over.
  void Advance(Tab* tab, const nlohmann::json& message,
               const std::vector<PrintJob>& jobs, const Done& done);
  void Finish(Tab* tab, bool printed, const std::string& problem,
              const Done& done);
  void Fail(const std::string& message);

  pid_t pid_ = -1;
  int commands_ = -1;  // our end of the browser's fd 3
  int replies_ = -1;   // our end of the browser's fd 4
  int next_id_ = 0;
  std::vector<Tab> tabs_;
  std::string received_;  // bytes after the last whole message
  int timeout_seconds_;
  std::chrono::steady_clock::time_point deadline_;
  std::string error_;
};

// `program` and the flags of a headless Chromium that prints, with its
// profile in `profile` (the URL and the way to print come after).
std::vector<std::string> ChromiumFlags(const std::string& program,
                                       const std::filesystem::path& profile);

// The bytes of base64 `text` (the protocol's encoding of binary data);
// nullopt when it is not base64.
std::optional<std::string> DecodeBase64(std::string_view text);

// A file:// URL for an absolute path, with every byte that is not
// unreserved in a URL path percent-encoded.
std::string FileUrl(const std::filesystem::path& path);

}  // namespace sakip

#endif  // SAKIP_CHROMIUM_PRINTER_H_
