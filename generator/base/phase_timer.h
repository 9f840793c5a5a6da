// Time spent in each build phase, printed to stderr when SAKIP_TIMING is
// set (for bench/ and for finding what is slow; never part of the output).
#ifndef SAKIP_PHASE_TIMER_H_
#define SAKIP_PHASE_TIMER_H_

#include <sys/resource.h>

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
    double cpu = CpuMs();
    if (enabled_) {
      std::fprintf(
          stderr,
          "sakip timing: %-10s %8.1f ms, cpu %7.1f ms  (resident %ld "
          "MB, peak %ld MB)\n",
          phase.c_str(),
          std::chrono::duration<double, std::milli>(now - last_).count(),
          cpu - last_cpu_, StatusKb("VmRSS:") / 1024,
          StatusKb("VmHWM:") / 1024);
    }
    last_ = now;
    last_cpu_ = cpu;
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

  // User and system time of the whole process (all threads) so far: with
  // the wall time it shows how much of a phase runs on several cores.
  static double CpuMs() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval& t) {
      return static_cast<double>(t.tv_sec) * 1000 + t.tv_usec / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
  }

  bool enabled_;
  std::chrono::steady_clock::time_point last_ =
      std::chrono::steady_clock::now();
  double last_cpu_ = CpuMs();
};

}  // namespace sakip

#endif  // SAKIP_PHASE_TIMER_H_
