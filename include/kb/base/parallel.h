#pragma once
// parallel_for(): runs a numbered piece of work on up to `threads` threads, each taking the next
// number from a shared counter (an even spread however costs vary). Callers keep results in
// slots of their own, so the outcome does not depend on which thread ran what.
// Channel: a bounded queue from producer threads to a consumer, for work handed on as it is
// made (so that not all of it is held at once).

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
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

/// A bounded first-in, first-out queue between threads: push() waits while `capacity` items
/// are queued; pop() and pop_batch() wait for items and give nothing once the channel is closed
/// and drained. A consumer much faster than its producers takes batches (pop_batch), so that it
/// is woken once a batch instead of once an item.
template <class T>
class Channel {
 public:
  explicit Channel(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {}

  /// Queues `item`, waiting for room. Must not be called after close().
  void push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    if (items_.size() >= wanted_) not_empty_.notify_one();
  }
  /// No more pushes: the consumer gets what is queued, then nothing.
  void close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  /// The oldest item, waiting for one; std::nullopt once closed and drained.
  std::optional<T> pop() {
    std::vector<T> one;
    if (!take(one, 1, 1)) return std::nullopt;
    return std::move(one.front());
  }
  /// Replaces `out` with every queued item, oldest first, once at least `at_least` (at most
  /// the capacity) are queued or the channel is closed. False once closed and drained.
  bool pop_batch(std::vector<T>& out, std::size_t at_least) {
    return take(out, std::min(std::max<std::size_t>(1, at_least), capacity_), capacity_);
  }

 private:
  bool take(std::vector<T>& out, std::size_t at_least, std::size_t most) {
    out.clear();
    std::unique_lock<std::mutex> lock(mu_);
    wanted_ = at_least;
    not_empty_.wait(lock, [&] { return items_.size() >= at_least || closed_; });
    wanted_ = 1;
    while (!items_.empty() && out.size() < most) {
      out.push_back(std::move(items_.front()));
      items_.pop_front();
    }
    not_full_.notify_all();
    return !out.empty();
  }

  std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  std::size_t wanted_ = 1;  ///< how many items the waiting consumer waits for
  bool closed_ = false;
};

}  // namespace kb
