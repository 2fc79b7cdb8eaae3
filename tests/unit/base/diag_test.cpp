#include "kb/base/diag.h"

#include <atomic>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

TEST_SUITE("diag") {
  TEST_CASE("SharedPath: copies share one string that lives while any copy does") {
    using kb::SharedPath;
    SharedPath empty;
    CHECK(empty.empty());
    CHECK(empty.str().empty());
    CHECK(SharedPath("").empty());
    std::vector<SharedPath> copies;
    {
      SharedPath a(std::string("meetings/2024/a-long-enough-path-for-the-heap.md"));
      for (int i = 0; i < 100; ++i) copies.push_back(a);
      CHECK(&copies.front().str() == &a.str());  // one string, not a hundred
      SharedPath moved(std::move(a));
      CHECK(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from path is empty
      CHECK(moved == copies.back());
      moved = moved;  // NOLINT: self-assignment keeps it
      CHECK(moved.str() == "meetings/2024/a-long-enough-path-for-the-heap.md");
      moved = SharedPath("other.md");
      CHECK(moved == "other.md");
    }
    copies.resize(1);
    CHECK(copies[0].str() == "meetings/2024/a-long-enough-path-for-the-heap.md");
    // Copied and dropped on several threads at once (ASan and TSan builds see a bad count).
    std::vector<std::thread> threads;
    std::atomic<int> seen{0};
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        for (int i = 0; i < 10000; ++i) {
          SharedPath c = copies[0];
          seen += c.str().size() == copies[0].str().size();
        }
      });
    for (auto& th : threads) th.join();
    CHECK(seen == 40000);
    CHECK(copies[0] == SharedPath("meetings/2024/a-long-enough-path-for-the-heap.md"));
  }

  TEST_CASE("StringPool: one shared string per distinct text, living on after the pool") {
    kb::SharedString first, again, other, moved_in;
    {
      kb::StringPool pool;
      first = pool.get(std::string_view("United Nations Educational"));
      again = pool.get(std::string("United Nations Educational"));
      other = pool.get(std::string_view("United Nations"));
      std::string text = "United Nations";
      moved_in = pool.get(std::move(text));
      CHECK(pool.get(std::string_view()).empty());  // the empty text is no string at all
      CHECK(pool.get(std::string()).empty());
      CHECK(pool.size() == 2);
    }
    CHECK(first.same(again));
    CHECK(other.same(moved_in));
    CHECK_FALSE(first.same(other));
    CHECK(first == "United Nations Educational");
    CHECK(other.view() == "United Nations");
    CHECK(other.size() == 14);
    kb::SharedString equal("United Nations");  // made apart: equal, not the same
    CHECK(equal == other);
    CHECK_FALSE(equal.same(other));
    equal.clear();
    CHECK(equal.empty());
  }

  TEST_CASE("to_string prints path:line:col: severity: message") {
    CHECK(kb::to_string({kb::Severity::error, {"a.md", 3, 7}, "bad"}) == "a.md:3:7: error: bad");
    CHECK(kb::to_string({kb::Severity::warning, {"a.md", 3, 0}, "w"}) == "a.md:3: warning: w");
    CHECK(kb::to_string({kb::Severity::error, {"a.md", 0, 0}, "x"}) == "a.md: error: x");
    CHECK(kb::to_string({kb::Severity::error, {}, "x"}) == "error: x");
  }

  TEST_CASE("sort orders by location and drops duplicates") {
    kb::DiagSink s;
    s.warning({"b.md", 1, 1}, "w");
    s.error({"a.md", 9, 1}, "e2");
    s.error({"a.md", 2, 5}, "e1");
    s.error({"a.md", 2, 5}, "e1");
    s.sort();
    REQUIRE(s.all().size() == 3);
    CHECK(s.all()[0].message == "e1");
    CHECK(s.all()[1].message == "e2");
    CHECK(s.all()[2].message == "w");
    CHECK(s.error_count() == 2);
    CHECK(s.warning_count() == 1);
  }
}
