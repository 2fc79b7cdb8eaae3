#include "kb/base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
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

  TEST_CASE("Channel: every item once and in order, however many producers") {
    kb::Channel<int> ch(4);
    std::vector<std::thread> producers;
    for (int p = 0; p < 3; ++p)
      producers.emplace_back([&, p] {
        for (int i = 0; i < 1000; ++i) ch.push(p * 1000 + i);
      });
    std::thread closer([&] {
      for (auto& t : producers) t.join();
      ch.close();
    });
    std::vector<int> last(3, -1);
    int got = 0;
    while (auto item = ch.pop()) {
      const int p = *item / 1000;
      CHECK(*item % 1000 == last[p] + 1);  // each producer's items in the order pushed
      last[p] = *item % 1000;
      ++got;
    }
    closer.join();
    CHECK(got == 3000);
    CHECK_FALSE(ch.pop());  // closed and drained: nothing, at once
  }

  TEST_CASE("Channel: a push waits while the channel is full") {
    kb::Channel<std::string> ch(2);
    ch.push("a");
    ch.push("b");
    std::atomic<bool> pushed{false};
    std::thread third([&] {
      ch.push("c");
      pushed = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK_FALSE(pushed.load());  // still waiting for room
    CHECK(ch.pop() == std::optional<std::string>("a"));
    third.join();
    CHECK(pushed.load());
    ch.close();
    CHECK(ch.pop() == std::optional<std::string>("b"));
    CHECK(ch.pop() == std::optional<std::string>("c"));
    CHECK_FALSE(ch.pop());
  }

  TEST_CASE("Channel: a batch waits for as many items as asked, or for the close") {
    kb::Channel<int> ch(8);
    std::vector<int> batch;
    std::thread producer([&] {
      for (int i = 0; i < 10; ++i) ch.push(i);
      ch.close();
    });
    std::vector<int> got;
    std::vector<std::size_t> sizes;
    while (ch.pop_batch(batch, 4)) {
      sizes.push_back(batch.size());
      got.insert(got.end(), batch.begin(), batch.end());
    }
    producer.join();
    CHECK(got == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    // Every batch but the last after the close holds at least four (and at most the capacity).
    for (std::size_t k = 0; k + 1 < sizes.size(); ++k) CHECK((sizes[k] >= 4 && sizes[k] <= 8));
    CHECK(batch.empty());
  }
}
