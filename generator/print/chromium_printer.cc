#include "chromium_printer.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <thread>
#include <vector>

#include "file_system.h"
#include "process.h"

namespace sakip {
namespace {

// An fd of at least 10, close-on-exec, so that the browser's fds 3 and 4
// can be set from it without clobbering another of our ends.
int HighFd(int fd) {
  int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  close(fd);
  return high;
}

}  // namespace

ChromiumPrinter::ChromiumPrinter(const std::string& program,
                                 const std::filesystem::path& profile_dir,
                                 int timeout_seconds, int tabs)
    : timeout_seconds_(timeout_seconds) {
  // A browser that dies would otherwise kill this process with SIGPIPE on
  // the next command; the write fails with EPIPE instead.
  static const bool ignored = (signal(SIGPIPE, SIG_IGN), true);
  (void)ignored;
  deadline_ =
      std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds_);
  int to_browser[2], from_browser[2];
  if (pipe2(to_browser, O_CLOEXEC) != 0) {
    Fail("cannot make a pipe to Chromium");
    return;
  }
  if (pipe2(from_browser, O_CLOEXEC) != 0) {
    close(to_browser[0]);
    close(to_browser[1]);
    Fail("cannot make a pipe from Chromium");
    return;
  }
  int browser_reads = HighFd(to_browser[0]);
  commands_ = HighFd(to_browser[1]);
  replies_ = HighFd(from_browser[0]);
  int browser_writes = HighFd(from_browser[1]);
  std::vector<std::string> argv = ChromiumFlags(program, profile_dir);
  argv.push_back("--remote-debugging-pipe");
  argv.push_back("about:blank");
  pid_ = StartProcess(argv, {{browser_reads, 3}, {browser_writes, 4}});
  close(browser_reads);
  close(browser_writes);
  if (pid_ <= 0) {
    pid_ = -1;
    Fail("cannot start " + program);
    return;
  }
  for (int t = 0; t < std::max(tabs, 1) && ok(); ++t) {
    auto target = Call("Target.createTarget", {{"url", "about:blank"}}, "");
    if (!target) return;
    auto attached =
        Call("Target.attachToTarget",
             {{"targetId", (*target)["targetId"]}, {"flatten", true}}, "");
    if (!attached) return;
    Tab tab;
    tab.session = attached->value("sessionId", "");
    Call("Page.enable", nlohmann::json::object(), tab.session);
    Call("Page.setLifecycleEventsEnabled", {{"enabled", true}}, tab.session);
    tabs_.push_back(std::move(tab));
  }
}

ChromiumPrinter::~ChromiumPrinter() {
  if (pid_ > 0 && ok()) Send("Browser.close", nlohmann::json::object(), "");
  if (commands_ >= 0) close(commands_);
  if (replies_ >= 0) close(replies_);
  if (pid_ <= 0) return;
  // The browser exits once its pipe closes; one that does not is killed.
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > until) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void ChromiumPrinter::Fail(const std::string& message) {
  if (error_.empty()) error_ = message;
}

std::optional<nlohmann::json> ChromiumPrinter::Receive() {
  size_t scanned = 0;
  while (true) {
    size_t end = received_.find('\0', scanned);
    if (end != std::string::npos) {
      nlohmann::json message = nlohmann::json::parse(
          received_.data(), received_.data() + end, nullptr, false);
      received_.erase(0, end + 1);
      if (message.is_discarded() || !message.is_object()) {
        Fail("Chromium sent a message that is not JSON");
        return std::nullopt;
      }
      return message;
    }
    scanned = received_.size();
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline_ - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      Fail("Chromium did not answer within " +
           std::to_string(timeout_seconds_) + " s");
      return std::nullopt;
    }
    pollfd wait{replies_, POLLIN, 0};
    int ready = poll(&wait, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline check above ends it
    char buffer[1 << 16];
    ssize_t n = read(replies_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Fail("Chromium closed the connection (it stopped or crashed)");
      return std::nullopt;
    }
    received_.append(buffer, static_cast<size_t>(n));
  }
}

int ChromiumPrinter::Send(const std::string& method, nlohmann::json params,
                          const std::string& session) {
  if (!ok()) return 0;
  int id = ++next_id_;
  nlohmann::json command = {
      {"id", id}, {"method", method}, {"params", std::move(params)}};
  if (!session.empty()) command["sessionId"] = session;
  if (!WriteAll(commands_, command.dump() + std::string(1, '\0'))) {
    Fail("cannot send `" + method + "` to Chromium");
    return 0;
  }
  return id;
}

std::optional<nlohmann::json> ChromiumPrinter::Call(
    const std::string& method, nlohmann::json params,
    const std::string& session) {
  int id = Send(method, std::move(params), session);
  while (id != 0) {
    std::optional<nlohmann::json> message = Receive();
    if (!message) return std::nullopt;
    if (message->value("id", 0) != id) continue;
    if (message->contains("error")) {
      Fail("Chromium refused `" + method +
           "`: " + (*message)["error"].value("message", "no reason given"));
      return std::nullopt;
    }
    return message->value("result", nlohmann::json::object());
  }
  return std::nullopt;
}

void ChromiumPrinter::Finish(Tab* tab, bool printed, const std::string& problem,
                             const Done& done) {
  tab->step = Tab::Step::kIdle;
  done(tab->job, printed, problem);
}

void ChromiumPrinter::Advance(Tab* tab, const nlohmann::json& message,
                              const std::vector<PrintJob>& jobs,
                              const Done& done) {
  using Step = Tab::Step;
  auto wait_for_fonts = [&] {
    // Web fonts can still be loading after the load event.
    tab->step = Step::kFonts;
    tab->command =
        Send("Runtime.evaluate",
             {{"expression", "document.fonts.ready"}, {"awaitPromise", true}},
             tab->session);
  };
  if (message.value("method", "") == "Page.lifecycleEvent") {
    const nlohmann::json& params = message["params"];
    if (params.value("name", "") != "load") return;
    // Only this navigation's loader counts, not an earlier page's.
    tab->loaded.insert(params.value("loaderId", ""));
    if (tab->step == Step::kLoading && tab->loaded.count(tab->loader)) {
      wait_for_fonts();
    }
    return;
  }
  if (message.value("id", 0) != tab->command || tab->command == 0) return;
  if (message.contains("error")) {
    Finish(tab, false,
           "Chromium refused the document: " +
               message["error"].value("message", "no reason given"),
           done);
    return;
  }
  const nlohmann::json& result = message["result"];
  const PrintJob& job = jobs[tab->job];
  switch (tab->step) {
    case Step::kNavigating:
      if (!result.value("errorText", "").empty()) {
        Finish(tab, false,
               "Chromium could not open the document: " +
                   result.value("errorText", ""),
               done);
        return;
      }
      tab->loader = result.value("loaderId", "");
      tab->step = Step::kLoading;
      if (tab->loaded.count(tab->loader)) wait_for_fonts();
      return;
    case Step::kFonts:
      tab->step = Step::kPrinting;
      tab->command = Send("Page.printToPDF",
                          {{"printBackground", true},
                           {"preferCSSPageSize", true},
                           {"displayHeaderFooter", false}},
                          tab->session);
      return;
    case Step::kPrinting: {
      std::optional<std::string> bytes =
          DecodeBase64(result.value("data", std::string()));
      if (!bytes || bytes->empty()) {
        Finish(tab, false, "Chromium sent no PDF", done);
        return;
      }
      std::ofstream out(job.pdf, std::ios::binary | std::ios::trunc);
      out << *bytes;
      out.close();
      Finish(tab, static_cast<bool>(out),
             out ? "" : "cannot write " + job.pdf.string(), done);
      return;
    }
    default:
      return;
  }
}

void ChromiumPrinter::PrintAll(const std::vector<PrintJob>& jobs,
                               const Done& done) {
  using Step = Tab::Step;
  size_t next = 0;
  size_t finished = 0;
  auto counted = [&](size_t job, bool printed, const std::string& problem) {
    ++finished;
    done(job, printed, problem);
  };
  auto start = [&](Tab* tab) {
    if (next >= jobs.size() || !ok()) return;
    tab->job = next++;
    tab->loaded.clear();
    tab->loader.clear();
    tab->deadline = std::chrono::steady_clock::now() +
                    std::chrono::seconds(timeout_seconds_);
    tab->step = Step::kNavigating;
    tab->command = Send("Page.navigate",
                        {{"url", FileUrl(jobs[tab->job].html)}}, tab->session);
  };
  for (Tab& tab : tabs_) start(&tab);
  while (ok() && finished < jobs.size()) {
    // The next message must come before the first busy tab's deadline.
    deadline_ = std::chrono::steady_clock::time_point::max();
    for (const Tab& tab : tabs_) {
      if (tab.step != Step::kIdle)
        deadline_ = std::min(deadline_, tab.deadline);
    }
    std::optional<nlohmann::json> message = Receive();
    if (!message) break;
    // A reply goes to the tab that sent the command, an event to the tab
    // of its session.
    int id = message->value("id", 0);
    std::string session = message->value("sessionId", "");
    for (Tab& tab : tabs_) {
      bool mine = id != 0 ? tab.command == id : tab.session == session;
      if (tab.step == Step::kIdle || !mine) continue;
      Advance(&tab, *message, jobs, counted);
      if (tab.step == Step::kIdle) start(&tab);
    }
  }
  // The browser failed: the jobs it had and those it never got fail.
  for (Tab& tab : tabs_) {
    if (tab.step != Step::kIdle) Finish(&tab, false, error_, counted);
  }
  for (; next < jobs.size(); ++next) counted(next, false, error_);
}

bool ChromiumPrinter::Print(const std::filesystem::path& html,
                            const std::filesystem::path& pdf,
                            std::string* problem) {
  bool printed = false;
  PrintAll({{html, pdf}}, [&](size_t, bool ok, const std::string& why) {
    printed = ok;
    *problem = why;
  });
  if (!printed && problem->empty()) *problem = error_;
  return printed;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  // No Debian library in this project decodes base64, and the rule is
  // short: four characters of six bits make three bytes; `=` pads the last
  // group.
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    size_t padding = 0;
    if (i + 4 == text.size()) {
      if (text[i + 3] == '=') padding = text[i + 2] == '=' ? 2 : 1;
    }
    unsigned bits = 0;
    for (size_t k = 0; k < 4; ++k) {
      int v = k < 4 - padding ? value(text[i + k]) : 0;
      if (v < 0) return std::nullopt;
      bits = (bits << 6) | static_cast<unsigned>(v);
    }
    out += static_cast<char>((bits >> 16) & 0xff);
    if (padding < 2) out += static_cast<char>((bits >> 8) & 0xff);
    if (padding < 1) out += static_cast<char>(bits & 0xff);
  }
  return out;
}

std::string FileUrl(const std::filesystem::path& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path.string()) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                 c == '~' || c == '/';
    if (plain) {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

std::vector<std::string> ChromiumFlags(const std::string& program,
                                       const std::filesystem::path& profile) {
  return {program,
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile.string()};
}

}  // namespace sakip
