// Time spent in each build phase, printed to stderr when SAKIP_TIMING is
// set (for bench/ and for finding what is slow; never part of the output).
#ifndef SAKIP_PHASE_TIMER_H_
#define SAKIP_PHASE_TIMER_H_

#include <chrono>
#include <cstdio>
#include <cstdlib>
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
          stderr, "sakip timing: %-10s %8.1f ms\n", phase.c_str(),
          std::chrono::duration<double, std::milli>(now - last_).count());
    }
    last_ = now;
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_ =
      std::chrono::steady_clock::now();
};

}  // namespace sakip

#endif  // SAKIP_PHASE_TIMER_H_
