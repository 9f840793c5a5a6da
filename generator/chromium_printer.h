// PDFs from one long-lived headless Chromium, driven through the DevTools
// protocol on a pipe (`--remote-debugging-pipe`: the browser reads commands
// on fd 3 and writes replies and events on fd 4, each a JSON text ended by
// a NUL). Starting Chromium takes one to two seconds, far longer than
// printing a document, so a printer started once prints many documents:
// the sample's 77 documents took 20 s on one printer against 2.5 s each
// with a browser per document. The page is printed as `--print-to-pdf`
// prints it (backgrounds, the CSS page size, no header or footer; the
// same pixels, checked with pdftoppm).
#ifndef SAKIP_CHROMIUM_PRINTER_H_
#define SAKIP_CHROMIUM_PRINTER_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sakip {

class ChromiumPrinter {
 public:
  // Starts `program` (Chromium) with its profile in `profile_dir`; check
  // ok() and error().
  ChromiumPrinter(const std::string& program,
                  const std::filesystem::path& profile_dir,
                  int timeout_seconds);
  ~ChromiumPrinter();  // closes the browser; kills it when it hangs
  ChromiumPrinter(const ChromiumPrinter&) = delete;
  ChromiumPrinter& operator=(const ChromiumPrinter&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Loads `html` (a local file), waits for its fonts, and writes its PDF
  // to `pdf`. False with `problem` set when it could not; when the browser
  // itself failed or took longer than the timeout, ok() is false too and
  // the printer is done.
  bool Print(const std::filesystem::path& html,
             const std::filesystem::path& pdf, std::string* problem);

 private:
  // Sends a command (to the page's session unless `browser_level`) and
  // waits for its reply; events that arrive meanwhile are noted.
  std::optional<nlohmann::json> Call(const std::string& method,
                                     nlohmann::json params,
                                     bool browser_level = false);
  // The next message from the browser, before the deadline.
  std::optional<nlohmann::json> Receive();
  // Notes a page's `load` (lifecycle events name the navigation's loader).
  void NoteEvent(const nlohmann::json& message);
  void Fail(const std::string& message);

  pid_t pid_ = -1;
  int commands_ = -1;  // our end of the browser's fd 3
  int replies_ = -1;   // our end of the browser's fd 4
  int next_id_ = 0;
  std::string session_;
  std::string received_;          // bytes after the last whole message
  std::set<std::string> loaded_;  // loaders that fired `load`, this print
  int timeout_seconds_;
  std::chrono::steady_clock::time_point deadline_;
  std::string error_;
};

// The bytes of base64 `text` (the protocol's encoding of binary data);
// nullopt when it is not base64.
std::optional<std::string> DecodeBase64(std::string_view text);

// `program` and the flags of a headless Chromium that prints, with its
// profile in `profile` (the URL and the way to print come after).
std::vector<std::string> ChromiumFlags(const std::string& program,
                                       const std::filesystem::path& profile);

// A file:// URL for an absolute path, with every byte that is not
// unreserved in a URL path percent-encoded.
std::string FileUrl(const std::filesystem::path& path);

}  // namespace sakip

#endif  // SAKIP_CHROMIUM_PRINTER_H_
