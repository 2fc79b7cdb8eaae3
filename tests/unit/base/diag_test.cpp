#include "kb/base/diag.h"

#include <doctest/doctest.h>

TEST_SUITE("diag") {
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
