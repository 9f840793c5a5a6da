#include "serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "watcher.h"

namespace sakip {

namespace {

constexpr const char* kReloadPath = "/__sakip/reload.js";
constexpr const char* kStatusPath = "/__sakip/status";

// Polls the build number; a new build reloads the page, a failed one shows
// its diagnostics over the page until the next good build.
constexpr const char* kReloadScript = R"JS((() => {
  let seen = null;
  let overlay = null;
  function show(report) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "sakip-galat";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:99999;" +
        "background:rgba(20,20,20,.92);color:#fff;padding:2rem;overflow:auto;" +
        "font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "Pembangunan situs gagal. Perbaiki berkas lalu simpan; " +
      "halaman dimuat ulang otomatis.\n\n" + report;
  }
  async function poll() {
    try {
      const response = await fetch("/__sakip/status", { cache: "no-store" });
      const status = await response.json();
      if (seen !== null && status.build !== seen) {
        location.reload();
        return;
      }
      seen = status.build;
      if (!status.ok) show(status.report);
      else if (overlay) { overlay.remove(); overlay = null; }
    } catch (e) {}
    setTimeout(poll, 400);
  }
  poll();
})();
)JS";

std::string ContentType(const std::string& file) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".csv", "text/csv; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"},
      {".pdf", "application/pdf"},
      {".png", "image/png"},
      {".wasm", "application/wasm"},
  };
  for (const auto& [ext, type] : kTypes) {
    std::string e = ext;
    if (file.size() >= e.size() &&
        file.compare(file.size() - e.size(), e.size(), e) == 0) {
      return type;
    }
  }
  return "application/octet-stream";
}

struct Status {
  std::mutex mutex;
  int build = 0;
  BuildOutcome outcome;
};

}  // namespace

ServedPath ResolveServedPath(const std::string& root,
                             const std::string& request_path) {
  if (request_path.find('\0') != std::string::npos ||
      request_path.find('\\') != std::string::npos) {
    return {ServedPathStatus::kForbidden, ""};
  }
  std::string path = root;
  std::stringstream parts(request_path);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.empty() || part == ".") continue;
    if (part == "..") return {ServedPathStatus::kForbidden, ""};
    path += "/" + part;
    struct stat info;
    if (lstat(path.c_str(), &info) != 0)
      return {ServedPathStatus::kNotFound, ""};
    if (S_ISLNK(info.st_mode)) return {ServedPathStatus::kForbidden, ""};
  }
  struct stat info;
  if (lstat(path.c_str(), &info) != 0) return {ServedPathStatus::kNotFound, ""};
  if (S_ISDIR(info.st_mode)) {
    path += "/index.html";
    if (lstat(path.c_str(), &info) != 0) {
      return {ServedPathStatus::kNotFound, ""};
    }
    if (S_ISLNK(info.st_mode)) return {ServedPathStatus::kForbidden, ""};
  }
  if (!S_ISREG(info.st_mode)) return {ServedPathStatus::kNotFound, ""};
  return {ServedPathStatus::kFile, path};
}

std::string InjectReloadScript(const std::string& html) {
  std::string tag =
      std::string("<script src=\"") + kReloadPath + "\"></script>\n";
  size_t body = html.rfind("</body>");
  if (body == std::string::npos) return html + tag;
  return html.substr(0, body) + tag + html.substr(body);
}

int Serve(const ServeOptions& options) {
  // Signals go to one thread that stops the server; the others block them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Status status;
  status.outcome = options.build();
  status.build = 1;

  httplib::Server server;
  // Idle connections (browsers keep them open) must not delay Ctrl-C.
  server.set_keep_alive_timeout(1);
  server.set_read_timeout(1, 0);
  server.Get(kReloadPath, [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReloadScript, "text/javascript; charset=utf-8");
  });
  server.Get(kStatusPath, [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(status.mutex);
    nlohmann::json body = {{"build", status.build},
                           {"ok", status.outcome.ok},
                           {"report", status.outcome.report}};
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(), "application/json");
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    ServedPath served = ResolveServedPath(options.out_dir, req.path);
    res.set_header("Cache-Control", "no-store");
    if (served.status == ServedPathStatus::kForbidden) {
      res.status = 403;
      res.set_content("403 Terlarang\n", "text/plain; charset=utf-8");
      return;
    }
    if (served.status == ServedPathStatus::kNotFound) {
      res.status = 404;
      ServedPath page = ResolveServedPath(options.out_dir, "/404.html");
      std::ifstream in(page.file, std::ios::binary);
      std::string html(std::istreambuf_iterator<char>(in), {});
      res.set_content(html.empty() ? "404 Tidak ditemukan\n" : html,
                      html.empty() ? "text/plain; charset=utf-8"
                                   : "text/html; charset=utf-8");
      return;
    }
    std::ifstream in(served.file, std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    std::string type = ContentType(served.file);
    if (type.rfind("text/html", 0) == 0) bytes = InjectReloadScript(bytes);
    res.set_content(bytes, type.c_str());
  });

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::fprintf(stderr, "sakip serve: cannot listen on %s:%d\n",
                 options.host.c_str(), options.port);
    return 2;
  }
  std::printf("Serving http://%s:%d/ (Ctrl-C to stop)\n", options.host.c_str(),
              port);
  std::fflush(stdout);

  std::atomic<bool> stopping{false};
  std::thread listener([&] { server.listen_after_bind(); });
  std::thread signals([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    stopping = true;
  });
  FolderWatcher watcher(options.watch);
  if (!watcher.ok()) {
    std::fprintf(stderr,
                 "sakip serve: cannot watch the content folder; "
                 "pages are not rebuilt on change\n");
  }
  while (!stopping) {
    if (!watcher.ok()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      continue;
    }
    if (!watcher.WaitForChange(200)) continue;
    BuildOutcome outcome = options.build();
    std::lock_guard<std::mutex> lock(status.mutex);
    status.outcome = std::move(outcome);
    ++status.build;
  }
  server.stop();
  listener.join();
  signals.join();
  std::printf("sakip serve: stopped\n");
  return 0;
}

}  // namespace sakip
