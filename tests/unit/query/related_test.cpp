#include "kb/query/related.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;
using test::named;

namespace {

std::vector<std::string> names(const KnowledgeBase& kb, const std::vector<RelatedTie>& ties) {
  std::vector<std::string> out;
  for (const auto& t : ties) out.push_back(kb.at(t.id).name + "=" + std::to_string(t.strength));
  return out;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("related: tie strength is the number of shared meetings, strongest first") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    Related rel = find_related(kb, named(kb, "Hao Home", RecordType::person), 0, /*with_home=*/true);
    CHECK(names(kb, rel.people) == std::vector<std::string>{"Ana Mover=2", "Francesc Pedro=1"});
    // Organizations: listed ones and the attendees' organizations on the date; equal ties go
    // by the most recent shared meeting.
    CHECK(names(kb, rel.organizations) ==
          std::vector<std::string>{"Home Org=3", "Future Team=1", "UNESCO-IESALC=1", "Other Org=1"});
    CHECK(names(kb, rel.topics) == std::vector<std::string>{"AI Framework=1"});
    // The meetings behind a tie, newest first.
    REQUIRE(rel.people[0].meetings.size() == 2);
    CHECK(kb.at(rel.people[0].meetings[0]).rid == "meetings/2024/2024-09-04-ana");
    CHECK(kb.at(rel.people[0].meetings[1]).rid == "meetings/2024/2024-05-01-ana");
  }

  TEST_CASE("related: an organization leaves out itself and its sub-organizations; limit applies per kind") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    Related rel = find_related(kb, named(kb, "UNESCO", RecordType::organization), 1, /*with_home=*/true);
    CHECK(names(kb, rel.organizations) == std::vector<std::string>{"Home Org=2"});
    CHECK(rel.people.size() == 1);
  }

  TEST_CASE("related: the home side (kb.yaml home, its people on the date) is left out unless asked") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    Related rel = find_related(kb, named(kb, "Ana Mover", RecordType::person));
    CHECK(rel.people.empty());  // Hao Home only
    CHECK(names(kb, rel.organizations) == std::vector<std::string>{"Future Team=1", "Other Org=1"});
    Related all = find_related(kb, named(kb, "Ana Mover", RecordType::person), 0, true);
    CHECK(names(kb, all.people) == std::vector<std::string>{"Hao Home=2"});
  }
}
