#include "kb/query/series.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;
using kb::test::MemFileSystem;

namespace {

// A monthly call on the first Monday, written three ways, with a steering committee beside it.
LoadResult load_series() {
  MemFileSystem fs;
  fs.add("kb.yaml", "name: Series test\n");
  auto meeting = [&](const std::string& day, const std::string& series, const std::string& body) {
    fs.add("meetings/" + day + ".md",
           "---\ntitle: Call " + day + "\ndate: " + day + "\nseries: " + series + "\n---\n" + body);
  };
  meeting("2024-09-02", "IESALC monthly call", "## Actions\n- [ ] Send the agenda\n- [x] Share the report\n");
  meeting("2024-10-07", "iesalc-monthly-call", "## Actions\n- [ ] Book a room\n- [-] Cancelled one\n");
  meeting("2024-11-04", "\"[[IESALC Monthly Call]]\"", "## Actions\n- [ ] Draft the note\n");
  meeting("2024-10-01", "Steering committee", "");
  fs.add("meetings/plain.md", "---\ntitle: No series\ndate: 2024-10-02\n---\n");
  return load_kb(fs);
}

std::vector<std::string> rids(const KnowledgeBase& kb, const std::vector<NodeId>& ids) {
  std::vector<std::string> out;
  for (NodeId id : ids) out.push_back(kb.at(id).rid);
  return out;
}

Cadence cadence(std::initializer_list<Date> dates) {
  MemFileSystem fs;
  for (const Date& d : dates)
    fs.add("meetings/" + to_string(d) + ".md", "---\ntitle: X\ndate: " + to_string(d) + "\nseries: S\n---\n");
  LoadResult r = load_kb(fs);
  return find_cadence(r.kb, *find_series(r.kb, "S"));
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("series: one series however its name is written, oldest first, named as the newest writes it") {
    auto r = load_series();
    const KnowledgeBase& kb = r.kb;
    auto s = find_series(kb, "iesalc MONTHLY call");
    REQUIRE(s);
    CHECK(s->name == "IESALC Monthly Call");
    CHECK(rids(kb, s->meetings) ==
          std::vector<std::string>{"meetings/2024-09-02", "meetings/2024-10-07", "meetings/2024-11-04"});
    CHECK(find_series(kb, "[[Steering Committee]]"));
    CHECK_FALSE(find_series(kb, "No series"));
    CHECK_FALSE(find_series(kb, ""));
    auto all = find_all_series(kb);
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "IESALC Monthly Call");
    CHECK(all[1].name == "Steering committee");
    CHECK(suggest_series(kb, "IESALC monthly") == std::vector<std::string>{"IESALC Monthly Call"});
    CHECK(suggest_series(kb, "steering comitee") == std::vector<std::string>{"Steering committee"});
    CHECK(suggest_series(kb, "budget").empty());
  }

  TEST_CASE("series: the open actions carried are those of every earlier meeting, oldest first") {
    auto r = load_series();
    const KnowledgeBase& kb = r.kb;
    auto s = *find_series(kb, "IESALC monthly call");
    std::vector<std::string> texts;
    for (const auto& a : carried_actions(kb, s, Date{2024, 12, 2})) texts.push_back(action_at(kb, a).text);
    CHECK(texts == std::vector<std::string>{"Send the agenda", "Book a room", "Draft the note"});
    CHECK(carried_actions(kb, s, Date{2024, 10, 7}).size() == 1);  // the meeting that day is not earlier
    CHECK(kb.at(previous_meeting(kb, s, Date{2024, 12, 2})).rid == "meetings/2024-11-04");
    CHECK_FALSE(previous_meeting(kb, s, Date{2024, 9, 2}).valid());
  }

  TEST_CASE("series: the history is newest first, with open actions counted and planned ones marked") {
    auto r = load_series();
    const KnowledgeBase& kb = r.kb;
    auto h = series_history(kb, *find_series(kb, "IESALC monthly call"), Date{2024, 10, 15});
    REQUIRE(h.size() == 3);
    CHECK(kb.at(h[0].meeting).rid == "meetings/2024-11-04");
    CHECK(h[0].planned);
    CHECK(h[1].open_actions == 1);  // the cancelled one is not open
    CHECK(h[1].actions == 2);
    CHECK_FALSE(h[1].planned);
    CHECK(h[2].open_actions == 1);
  }

  TEST_CASE("series: the rhythm of the last meetings dates the next one") {
    SUBCASE("the first Monday of each month") {
      Cadence c = cadence({Date{2024, 9, 2}, Date{2024, 10, 7}, Date{2024, 11, 4}});
      CHECK(describe(c) == "monthly on the first Monday");
      CHECK(next_in_cadence(c, Date{2024, 11, 4}) == Date{2024, 12, 2});
    }
    SUBCASE("weekly, and fortnightly") {
      CHECK(describe(cadence({Date{2024, 9, 2}, Date{2024, 9, 9}})) == "weekly");
      Cadence c = cadence({Date{2024, 9, 2}, Date{2024, 9, 16}, Date{2024, 9, 30}});
      CHECK(describe(c) == "every 2 weeks");
      CHECK(next_in_cadence(c, Date{2024, 9, 30}) == Date{2024, 10, 14});
    }
    SUBCASE("one day of the month, the 31st kept within shorter months") {
      Cadence c = cadence({Date{2024, 8, 31}, Date{2024, 10, 31}});
      CHECK(describe(c) == "every 2 months on day 31");
      CHECK(next_in_cadence(c, Date{2024, 10, 31}) == Date{2024, 12, 31});
      CHECK(next_in_cadence(cadence({Date{2024, 12, 31}, Date{2025, 1, 31}}), Date{2025, 1, 31}) == Date{2025, 2, 28});
    }
    SUBCASE("two meetings a month apart are monthly, not every 30 days") {
      CHECK(describe(cadence({Date{2024, 9, 2}, Date{2024, 10, 2}})) == "monthly on day 2");
    }
    SUBCASE("irregular gaps, or one meeting: no rhythm") {
      Cadence c = cadence({Date{2024, 9, 2}, Date{2024, 9, 20}, Date{2024, 11, 4}});
      CHECK(c.kind == Cadence::Kind::none);
      CHECK_FALSE(next_in_cadence(c, Date{2024, 11, 4}));
      CHECK(cadence({Date{2024, 9, 2}}).kind == Cadence::Kind::none);
    }
    SUBCASE("only the last four meetings count") {
      Cadence c = cadence({Date{2024, 1, 3}, Date{2024, 9, 2}, Date{2024, 9, 9}, Date{2024, 9, 16}, Date{2024, 9, 23}});
      CHECK(describe(c) == "weekly");
    }
  }

  TEST_CASE("series: the next title takes the new date where the last one wrote its own") {
    CHECK(next_title("IESALC call 2024-11-04", Date{2024, 11, 4}, Date{2024, 12, 2}) == "IESALC call 2024-12-02");
    CHECK(next_title("IESALC monthly call", Date{2024, 11, 4}, Date{2024, 12, 2}) == "IESALC monthly call");
  }
}
