#include "kb/base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

TEST_SUITE("base") {
  TEST_CASE("parallel_for: every number once, on the threads asked for at most") {
    for (unsigned threads : {0u, 1u, 2u, 3u, 8u})
      for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{1000}}) {
        INFO(threads << " threads, " << n << " pieces");
        std::vector<std::atomic<int>> runs(n);
        kb::parallel_for(n, threads, [&](std::size_t i) { runs[i].fetch_add(1); });
        for (const auto& r : runs) CHECK(r.load() == 1);
      }
    // One thread (or fewer pieces than two): all on the calling thread.
    const auto caller = std::this_thread::get_id();
    bool elsewhere = false;
    kb::parallel_for(50, 1, [&](std::size_t) { elsewhere = elsewhere || std::this_thread::get_id() != caller; });
    CHECK_FALSE(elsewhere);
  }
}
