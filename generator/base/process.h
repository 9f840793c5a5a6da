// Running an external program (the PDF engine) without a shell.
#ifndef SAKIP_PROCESS_H_
#define SAKIP_PROCESS_H_

#include <string>
#include <utility>
#include <vector>

namespace sakip {

struct ProcessResult {
  bool started = false;
  bool timed_out = false;
  int exit_code = -1;
};

// Runs argv[0] (looked up in PATH) with its output discarded; kills it
// after `timeout_seconds`.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         int timeout_seconds);

// Starts argv[0] (looked up in PATH) with its standard streams on
// /dev/null and each pair's first fd (of this process) as the second fd
// of the child; its pid, or -1 when it could not start.
int StartProcess(const std::vector<std::string>& argv,
                 const std::vector<std::pair<int, int>>& child_fds = {});

// The full path of `program` in PATH, or "".
std::string FindProgram(const std::string& program);

}  // namespace sakip

#endif  // SAKIP_PROCESS_H_
