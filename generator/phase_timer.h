// Time spent in each build phase, printed to stderr when SAKIP_TIMING is
// set (for bench/ and for finding what is slow; never part of the output).
#ifndef SAKIP_PHASE_TIMER_H_
#define SAKIP_PHASE_TIMER_H_

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace sakip {

class PhaseTimer {
 public:
  PhaseTimer() : enabled_(std::getenv("SAKIP_TIMING") != nullptr) {}

  // Prints the time since the previous mark under `phase`.
  void Mark(const std::string& phase) {
    auto now = std::chrono::steady_clock::now();
    if (enabled_) {
      std::fprintf(
          stderr,
          "sakip timing: %-10s %8.1f ms  (resident %ld MB, peak %ld MB)\n",
          phase.c_str(),
          std::chrono::duration<double, std::milli>(now - last_).count(),
          StatusKb("VmRSS:") / 1024, StatusKb("VmHWM:") / 1024);
    }
    last_ = now;
  }

 private:
  // A line of /proc/self/status, in kB (0 where there is none).
  static long StatusKb(const char* field) {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (status == nullptr) return 0;
    char line[256];
    long kb = 0;
    while (std::fgets(line, sizeof line, status) != nullptr) {
      if (std::strncmp(line, field, std::strlen(field)) == 0) {
        kb = std::atol(line + std::strlen(field));
      }
    }
    std::fclose(status);
    return kb;
  }

  bool enabled_;
  std::chrono::steady_clock::time_point last_ =
      std::chrono::steady_clock::now();
};

}  // namespace sakip

#endif  // SAKIP_PHASE_TIMER_H_
