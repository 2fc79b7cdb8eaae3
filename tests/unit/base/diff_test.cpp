#include "kb/base/diff.h"

#include <doctest/doctest.h>

using namespace kb;

TEST_SUITE("base") {
  TEST_CASE("unified diff: equal texts give nothing; hunks keep three lines of context") {
    CHECK(unified_diff("a", "b", "x\ny\n", "x\ny\n").empty());
    std::string a, b;
    for (int i = 1; i <= 20; ++i) {
      a += std::to_string(i) + "\n";
      b += (i == 2 ? std::string("two") : i == 18 ? std::string("eighteen") : std::to_string(i)) + "\n";
    }
    CHECK(unified_diff("a/f", "b/f", a, b) ==
          "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
          "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n");
  }

  TEST_CASE("unified diff: added and removed lines, close changes in one hunk, CRLF") {
    CHECK(unified_diff("a", "b", "a\nb\n", "a\nnew\nb\n") == "--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+new\n b\n");
    CHECK(unified_diff("a", "b", "a\nb\nc\n", "a\nc\n") == "--- a\n+++ b\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
    CHECK(unified_diff("a", "b", "", "x\n") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n");
    CHECK(unified_diff("a", "b", "1\n2\n3\n4\n", "x\n2\n3\ny\n") ==
          "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n-4\n+y\n");
    CHECK(unified_diff("a", "b", "x\r\n", "x\n") == "--- a\n+++ b\n(only line endings differ)\n");
  }
}
