// The one way the build spreads work over threads. Every phase that runs on
// several threads (load, compute, render, open data, the output manifest)
// takes its thread count from `--jobs` through ThreadCount.
#ifndef SAKIP_PARALLEL_H_
#define SAKIP_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace sakip {

// `jobs` when given (> 0), else one thread per core.
int ThreadCount(int jobs);

// Calls work(t) for t = 0 .. threads-1, each on its own thread (t = 0 on
// the caller's), and returns when all have returned. With one thread no
// thread is started.
void RunOnThreads(int threads, const std::function<void(int)>& work);

// Calls each(i) for every i in [begin, end), on up to `threads` threads;
// items are handed out in order, one at a time, so uneven items balance.
void ParallelFor(size_t begin, size_t end, int threads,
                 const std::function<void(size_t)>& each);

}  // namespace sakip

#endif  // SAKIP_PARALLEL_H_
