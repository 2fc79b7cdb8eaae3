#include "kb/render/search.h"

#include <doctest/doctest.h>

namespace kb {

TEST_SUITE("render") {
  TEST_CASE("snippet: marks become « » or colour, whitespace one space") {
    CHECK(render_snippet("the \x01" "concept\x02 \x01note\x02\n\nand", SnippetStyle::data) == "the «concept» «note» and");
    CHECK(render_snippet("the \x01note\x02", SnippetStyle::color) == "the \x1b[1;33mnote\x1b[0m");
    CHECK(render_snippet("  \x01open", SnippetStyle::terminal) == "«open»");
    CHECK(render_snippet("\x02stray\x02 close", SnippetStyle::data) == "stray close");
  }

  TEST_CASE("snippet: control and bidi characters are escaped for a terminal, not for data") {
    CHECK(render_snippet("a\x1b[31m \x01red\x02", SnippetStyle::terminal) == "a\\x1B[31m «red»");
    CHECK(render_snippet("a\x1b[31m \x01red\x02", SnippetStyle::color) == "a\\x1B[31m \x1b[1;33mred\x1b[0m");
    CHECK(render_snippet("x\xe2\x80\xaey", SnippetStyle::terminal) == "x<U+202E>y");
    CHECK(render_snippet("x\xe2\x80\xaey", SnippetStyle::data) == "x\xe2\x80\xaey");
  }
}

}  // namespace kb
