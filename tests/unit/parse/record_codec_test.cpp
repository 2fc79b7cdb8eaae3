#include "kb/parse/record_codec.h"

#include <doctest/doctest.h>

using namespace kb;

namespace {

// Field-by-field comparisons. Each binds every member, so a member added to a parsed struct
// stops this test from compiling until it is compared (and, in the codec, encoded) too.
void check_eq(const SourceLoc& a, const SourceLoc& b) {
  const auto& [path, line, column] = a;
  CHECK(path == b.path);
  CHECK(line == b.line);
  CHECK(column == b.column);
}

void check_eq(const Value& a, const Value& b) {
  const auto& [kind, text, items, entries, loc] = a;
  CHECK(kind == b.kind);
  CHECK(text == b.text);
  check_eq(loc, b.loc);
  REQUIRE(items.size() == b.items.size());
  for (std::size_t i = 0; i < items.size(); ++i) check_eq(items[i], b.items[i]);
  REQUIRE(entries.size() == b.entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(entries[i].first == b.entries[i].first);
    check_eq(entries[i].second, b.entries[i].second);
  }
}

void check_eq(const WikiLink& a, const WikiLink& b) {
  const auto& [target, heading, display, loc, block, embed, markdown] = a;
  CHECK(target == b.target);
  CHECK(heading == b.heading);
  CHECK(display == b.display);
  check_eq(loc, b.loc);
  CHECK(block == b.block);
  CHECK(embed == b.embed);
  CHECK(markdown == b.markdown);
}

void check_eq(const std::vector<WikiLink>& a, const std::vector<WikiLink>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) check_eq(a[i], b[i]);
}

void check_eq(const TaskItem& a, const TaskItem& b) {
  const auto& [text, done, due, done_on, links, loc, cancelled, scheduled, start, created, cancelled_on, priority] = a;
  CHECK(text == b.text);
  CHECK(done == b.done);
  CHECK(due == b.due);
  CHECK(done_on == b.done_on);
  check_eq(links, b.links);
  check_eq(loc, b.loc);
  CHECK(cancelled == b.cancelled);
  CHECK(scheduled == b.scheduled);
  CHECK(start == b.start);
  CHECK(created == b.created);
  CHECK(cancelled_on == b.cancelled_on);
  CHECK(priority == b.priority);
}

void check_eq(const RawRecord& a, const RawRecord& b) {
  const auto& [path, front, body, facts, body_parsed] = a;
  CHECK(path == b.path);
  const auto& [present, fields, body_offset, body_line, broken] = front;
  CHECK(present == b.front.present);
  CHECK(broken == b.front.broken);
  check_eq(fields, b.front.fields);
  CHECK(body_offset == b.front.body_offset);
  CHECK(body_line == b.front.body_line);
  CHECK(body == b.body);
  CHECK(body_parsed == b.body_parsed);
  const auto& [summary, decisions, tasks, links, tags] = facts;
  CHECK(summary == b.facts.summary);
  REQUIRE(decisions.size() == b.facts.decisions.size());
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const auto& [text, dlinks, loc] = decisions[i];
    CHECK(text == b.facts.decisions[i].text);
    check_eq(dlinks, b.facts.decisions[i].links);
    check_eq(loc, b.facts.decisions[i].loc);
  }
  REQUIRE(tasks.size() == b.facts.tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) check_eq(tasks[i], b.facts.tasks[i]);
  check_eq(links, b.facts.links);
  CHECK(tags == b.facts.tags);
}

Value scalar(std::string text, int line) {
  Value v;
  v.kind = Value::Kind::scalar;
  v.text = std::move(text);
  v.loc = {"meetings/m.md", line, 7};
  return v;
}

WikiLink link(std::string target, int line) {
  return {std::move(target), "Heading", "shown", {"meetings/m.md", line, 3}, "blk1", true, true};
}

// A record with every field set to something other than its default.
RawRecord full_record() {
  RawRecord r;
  r.path = "meetings/m.md";
  r.front.present = true;
  r.front.fields.kind = Value::Kind::mapping;
  r.front.fields.loc = {"meetings/m.md", 2, 1};
  r.front.fields.entries.emplace_back("title", scalar("A title: with ünïcode ✅", 2));
  Value seq;
  seq.kind = Value::Kind::sequence;
  seq.loc = {"meetings/m.md", 3, 16};
  seq.items.push_back(scalar("IESALC", 3));
  Value nested;
  nested.kind = Value::Kind::mapping;
  nested.loc = {"other/place.md", 4, 5};  // a location in another file keeps its path
  nested.entries.emplace_back("name", scalar("Francesc Pedro", 4));
  nested.entries.emplace_back("empty", Value{});
  seq.items.push_back(nested);
  r.front.fields.entries.emplace_back("attendees", seq);
  r.front.body_offset = 123;
  r.front.body_line = 9;
  r.body = std::string("## Summary\nText with a NUL-free body\r\n- [ ] task\n", 49);
  r.body_parsed = true;
  r.facts.summary = "The summary";
  r.facts.decisions.push_back({"Decide it", {link("Ana", 12)}, {"meetings/m.md", 12, 3}});
  TaskItem t;
  t.text = "Send [[Ana]] due:2024-10-15";
  t.done = true;
  t.due = Date{2024, 10, 15};
  t.done_on = Date{2024, 10, 16};
  t.links = {link("Ana", 14), link("Bo", 14)};
  t.loc = {"meetings/m.md", 14, 1};
  t.cancelled = true;
  t.scheduled = Date{2024, 10, 1};
  t.start = Date{2024, 9, 30};
  t.created = Date{2024, 9, 2};
  t.cancelled_on = Date{2024, 10, 20};
  t.priority = TaskPriority::highest;
  r.facts.tasks.push_back(t);
  r.facts.tasks.push_back(TaskItem{});  // and one with every field at its default
  r.facts.links = {link("Ana", 12), link("Ana", 14)};
  r.facts.tags = {"bilateral", "ai/ethics"};
  return r;
}

}  // namespace

TEST_SUITE("parse") {
  TEST_CASE("record codec: a record with every field set round-trips exactly") {
    RawRecord r = full_record();
    std::vector<Diagnostic> diags(2);
    diags[0].severity = Severity::warning;
    diags[0].loc.path = "meetings/m.md";
    diags[0].loc.line = 14;
    diags[0].loc.column = 20;
    diags[0].message = "invalid date '2024-13-01'";
    diags[1].message = "no location";
    std::string blob = encode_record(r, diags);
    RawRecord back;
    std::vector<Diagnostic> diags_back;
    REQUIRE(decode_record(blob, back, diags_back));
    // The body's facts are not kept: read again from the body (parse_body_again).
    CHECK_FALSE(back.body_parsed);
    CHECK(back.facts.tasks.empty());
    CHECK(back.facts.summary.empty());
    back.facts = r.facts;
    back.body_parsed = r.body_parsed;
    check_eq(back, r);
    REQUIRE(diags_back.size() == 2);
    CHECK(to_string(diags_back[0]) == to_string(diags[0]));
    CHECK(diags_back[0].severity == Severity::warning);
    CHECK(to_string(diags_back[1]) == to_string(diags[1]));
    CHECK(diags_back[1].severity == Severity::error);
    CHECK(encode_record(back, diags_back) == blob);
  }

  TEST_CASE("record codec: a parsed note round-trips") {
    DiagSink d;
    std::string text =
        "---\ntitle: Call\ndate: 2024-09-02\nattendees:\n  - name: Ana\n    org: X\n---\n"
        "## Summary\nWe met [[Ana|her]].\n## Actions\n- [ ] Send it [[Ana]] due:2024-13-01\n";
    auto r = parse_record("meetings/c.md", text, d, kb::BodyParse::all);
    REQUIRE(r);
    std::string blob = encode_record(*r, d.all());
    RawRecord back;
    std::vector<Diagnostic> diags;
    REQUIRE(decode_record(blob, back, diags));
    parse_body_again(back);  // the same facts, and no diagnostic said twice
    check_eq(back, *r);
    REQUIRE(diags.size() == d.all().size());
    for (std::size_t i = 0; i < diags.size(); ++i) CHECK(to_string(diags[i]) == to_string(d.all()[i]));
  }

  TEST_CASE("issue 23: a note whose front matter does not parse round-trips as one") {
    DiagSink d;
    auto r = parse_record("notes/b.md", "---\ntitle: [x\n---\nSee [[Ana]].\n", d, kb::BodyParse::all);
    REQUIRE(r);
    REQUIRE(r->front.broken);
    std::string blob = encode_record(*r, d.all());
    RawRecord back;
    std::vector<Diagnostic> diags;
    REQUIRE(decode_record(blob, back, diags));
    parse_body_again(back);
    check_eq(back, *r);
    REQUIRE(diags.size() == 1);
    CHECK(to_string(diags[0]) == "notes/b.md:3:1: error: invalid YAML: end of sequence flow not found");
  }

  TEST_CASE("record codec: truncated, corrupt and foreign-version data is rejected") {
    std::string blob = encode_record(full_record());
    RawRecord out;
    std::vector<Diagnostic> diags;
    SUBCASE("every truncation") {
      for (std::size_t n = 0; n < blob.size(); ++n) CHECK_FALSE(decode_record(blob.substr(0, n), out, diags));
    }
    SUBCASE("every single flipped byte") {
      for (std::size_t i = 0; i < blob.size(); ++i) {
        std::string bad = blob;
        bad[i] = static_cast<char>(bad[i] ^ 0x5A);
        CHECK_FALSE(decode_record(bad, out, diags));
      }
    }
    SUBCASE("another format version") {
      std::string bad = blob;
      bad[4] = static_cast<char>(kRecordFormatVersion + 1);
      CHECK_FALSE(decode_record(bad, out, diags));
    }
    SUBCASE("trailing bytes") { CHECK_FALSE(decode_record(blob + "x", out, diags)); }
    SUBCASE("garbage") { CHECK_FALSE(decode_record("SQLite format 3\0garbage", out, diags)); }
    CHECK(diags.empty());
  }

  TEST_CASE("record codec: content hash tells texts apart") {
    CHECK(content_hash("a") != content_hash("b"));
    CHECK(content_hash("") == content_hash(""));
    CHECK(content_hash("title: x\n") == content_hash(std::string("title: x\n")));
  }
}
