#include "parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace sakip {
namespace {

TEST_CASE("ParallelFor calls each item once, on at most the threads asked") {
  for (int threads : {1, 2, 5}) {
    std::vector<std::atomic<int>> calls(1000);
    std::mutex mutex;
    std::set<std::thread::id> seen;
    ParallelFor(10, 1000, threads, [&](size_t i) {
      ++calls[i];
      std::lock_guard<std::mutex> lock(mutex);
      seen.insert(std::this_thread::get_id());
    });
    for (size_t i = 0; i < calls.size(); ++i) {
      INFO(i);
      CHECK(calls[i] == (i < 10 ? 0 : 1));
    }
    CHECK(seen.size() <= static_cast<size_t>(threads));
  }
}

TEST_CASE(
    "one thread runs on the caller's thread, and an empty range runs nothing") {
  std::thread::id caller = std::this_thread::get_id();
  bool same = false;
  RunOnThreads(
      1, [&](int t) { same = t == 0 && std::this_thread::get_id() == caller; });
  CHECK(same);
  int calls = 0;
  ParallelFor(5, 5, 4, [&](size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("the thread count is --jobs when given, else at least one") {
  CHECK(ThreadCount(3) == 3);
  CHECK(ThreadCount(0) >= 1);
  CHECK(ThreadCount(-1) >= 1);
}

}  // namespace
}  // namespace sakip
