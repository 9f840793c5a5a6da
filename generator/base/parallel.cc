#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace sakip {

int ThreadCount(int jobs) {
  if (jobs > 0) return jobs;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void RunOnThreads(int threads, const std::function<void(int)>& work) {
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& worker : workers) worker.join();
}

void ParallelFor(size_t begin, size_t end, int threads,
                 const std::function<void(size_t)>& each) {
  if (end <= begin) return;
  std::atomic<size_t> next{begin};
  int used = static_cast<int>(
      std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), end - begin));
  RunOnThreads(used, [&](int) {
    for (size_t i; (i = next++) < end;) each(i);
  });
}

}  // namespace sakip
