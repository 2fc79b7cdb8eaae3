// Issue 24: hostile Markdown bodies are read within a budget (markup bytes, parser memory), with
// a warning naming the note, and never take kb down.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <doctest/doctest.h>

#include "support/diag_text.h"

#include "kb/parse/markdown.h"

using namespace kb;

namespace {

using kb::test::diag_text;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// The process's address space in bytes now (the first field of /proc/self/statm, in pages).
std::size_t address_space() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (f) {
    if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  return pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("issue 24: markdown_budget_end stops at the line holding the first markup byte over budget") {
    CHECK(markdown_budget_end("") == 0);
    CHECK(markdown_budget_end("plain prose, no markup at all") == 29);
    const std::string full = repeat("*", kMaxMarkupBytes);  // exactly the budget: all of it
    CHECK(markdown_budget_end(full) == full.size());
    // "a\n" holds one markup byte (its line end): the budget runs out on the last line.
    const std::string lines = "a\nb\n" + repeat("*", kMaxMarkupBytes - 2) + "x\n";
    CHECK(markdown_budget_end(lines) == 4);
    CHECK(markdown_budget_end(repeat("_", kMaxMarkupBytes + 1)) == 0);  // one line: nothing
    CHECK(markdown_budget_end("x\r" + repeat("[", kMaxMarkupBytes)) == 2);  // a lone CR ends a line
  }

  TEST_CASE("issue 24: a body over the markup budget is read up to its line, with a warning") {
    std::string body = "- [ ] First task [[Ana]]\n\n" + repeat("*_", kMaxMarkupBytes) + "\n- [ ] Lost task [[Bo]]\n";
    DiagSink d;
    BodyFacts f = parse_body("big.md", body, 4, d);
    REQUIRE(f.tasks.size() == 1);
    CHECK(f.tasks[0].text == "First task [[Ana]]");
    REQUIRE(f.links.size() == 1);
    CHECK(f.links[0].target == "Ana");
    CHECK(diag_text(d) ==
          "big.md:6:1: warning: Markdown body has more than 200000 markup characters; the rest of it is "
          "not read (split the note)\n");
  }

  TEST_CASE("issue 24: a link reference bomb stops at the parser's memory budget, and frees it all") {
    // One 80 KB destination used 4,000 times: cmark-gfm copies it into every link (320 MB).
    std::string body = "- [ ] A task\n\n[a]: <" + std::string(80'000, 'u') + ">\n\n" + repeat("[a] ", 4000) + "\n";
    DiagSink d;
    BodyFacts f = parse_body("bomb.md", body, 3, d);
    CHECK(f.tasks.empty());
    CHECK(f.links.empty());
    CHECK(diag_text(d) ==
          "bomb.md:3:1: warning: Markdown body needs more than 256 MiB to parse (check for a link reference "
          "used many times); its links, tasks and tags are left out\n");
    // The parser's state was dropped midway; the next parse on this thread is whole.
    DiagSink again;
    BodyFacts g = parse_body("ok.md", "[x]: notes/x.md\n\n- [ ] Ask [[Ana]] about [x]\n", 1, again);
    REQUIRE(g.tasks.size() == 1);
    CHECK(g.links.size() == 2);
    CHECK(again.empty());
    CHECK(render_markdown_html("[a]: <" + std::string(80'000, 'u') + ">\n\n" + repeat("[a] ", 4000)).empty());
    CHECK(render_markdown_html("**bold**") == "<p><strong>bold</strong></p>\n");
  }

  TEST_CASE("issue 24: megabytes of '[[' find the one link they close, in linear time") {
    // Stepping one byte at a time re-scanned to the far ']]' from each '[[' (800 KB: 13 s).
    std::string text = repeat("[[", 1'000'000) + "x]] and [[a [[b]] [[[c]]";
    auto links = find_wikilinks(text, SourceLoc{"m.md", 2, 1});
    REQUIRE(links.size() == 3);
    CHECK(links[0].target == "x");
    CHECK(links[0].loc.column == 1 + 2 * 1'000'000 - 2);
    CHECK(links[1].target == "b");
    CHECK(links[2].target == "c");
    CHECK(links[2].loc.column == static_cast<int>(text.size()) - 4);  // at the second of "[[[c]]"'s three
  }

  TEST_CASE("issue 24: running out of memory in the Markdown parser is an error, never an abort") {
    // ASan reserves terabytes of address space for its shadow: no limit can be set under it.
    if (kAddressSanitizer) return;
    if (std::getenv("KB_TEST_OOM_CHILD")) {
      // In a fresh process (exec'd below; a forked one would reuse the free memory of the tests
      // before) that may grow by 16 MB only: cmark asks about 60 MB for this body, so its
      // calloc returns null (which would abort the process), or the walk's own allocations
      // throw std::bad_alloc.
      const std::string body = "- [ ] A task\n\n" + repeat("a\n", 190'000);
      const rlim_t cap = address_space() + (std::size_t{16} << 20);
      rlimit lim{cap, cap};
      if (::setrlimit(RLIMIT_AS, &lim) != 0) ::_exit(3);
      DiagSink d;
      BodyFacts f = parse_body("oom.md", body, 1, d);
      bool reported = d.error_count() == 1 &&
                      d.all().front().message.rfind("out of memory while reading the Markdown body", 0) == 0;
      ::_exit(reported && f.tasks.empty() ? 0 : 4);
    }
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::setenv("KB_TEST_OOM_CHILD", "1", 1);
      ::execl("/proc/self/exe", "kb_unit_tests", "-tc=issue 24: running out of memory*", static_cast<char*>(nullptr));
      ::_exit(5);
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));  // not killed by abort()
    CHECK(WEXITSTATUS(status) == 0);
  }
}
