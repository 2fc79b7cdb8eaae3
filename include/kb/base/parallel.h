#pragma once
// parallel_for(): runs a numbered piece of work on up to `threads` threads, each taking the next
// number from a shared counter (an even spread however costs vary). Callers keep results in
// slots of their own, so the outcome does not depend on which thread ran what.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kb {

/// Calls fn(0) ... fn(n - 1), each once, on up to `threads` threads (the calling one among
/// them; all on it when `threads` <= 1 or n <= 1), and returns when all are done.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn fn) {
  const std::size_t pool_size = std::min<std::size_t>(std::max(1u, threads), n);
  if (pool_size <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) fn(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < pool_size; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

}  // namespace kb
