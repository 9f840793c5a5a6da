// `sakip serve`: a preview server on the loopback interface that rebuilds
// the site when the content or theme changes and reloads open pages.
#ifndef SAKIP_SERVE_H_
#define SAKIP_SERVE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sakip {

struct BuildOutcome {
  bool ok = false;
  std::string report;  // the diagnostics as printed, for the page overlay
};

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string out_dir;
  std::vector<std::string> watch;  // folders whose changes trigger a build
  std::function<BuildOutcome()> build;
};

// Builds once, serves until SIGINT/SIGTERM; the exit status.
int Serve(const ServeOptions& options);

enum class ServedPathStatus { kFile, kForbidden, kNotFound };

struct ServedPath {
  ServedPathStatus status;
  std::string file;  // when kFile
};

// Maps a decoded request path to a file below `root`: folders give their
// index.html; `..`, NUL, backslashes and any symbolic link on the way are
// refused, so nothing outside `root` is ever served.
ServedPath ResolveServedPath(const std::string& root,
                             const std::string& request_path);

// The page with the live-reload script added before </body>.
std::string InjectReloadScript(const std::string& html);

}  // namespace sakip

#endif  // SAKIP_SERVE_H_
