#include "kb/query/stale.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;

namespace {

std::vector<std::string> rows(const KnowledgeBase& kb, const std::vector<StaleEntry>& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(kb.at(e.id).name + " " + to_string(e.last_met) + " " + std::to_string(e.days_since));
  return out;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("stale: last met N days ago or more, newest contact first, home left out") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    StaleFilter f;
    f.today = *parse_date("2025-03-30");
    CHECK(rows(kb, find_stale(kb, f)) == std::vector<std::string>{
              "Ghost Institute 2024-12-30 90", "Nobody Known 2024-12-30 90", "Ana Mover 2024-09-04 207",
              "Education Sector 2024-09-04 207", "Future Team 2024-09-04 207", "UNESCO 2024-09-04 207",
              "Francesc Pedro 2024-09-02 209", "UNESCO-IESALC 2024-09-02 209", "Other Org 2024-05-01 333"});
    f.days = 91;
    auto list = find_stale(kb, f);
    for (const auto& e : list) CHECK(kb.at(e.id).name != "Ghost Institute");
    for (const auto& e : list) CHECK(kb.at(e.id).name != "Home Org");
    for (const auto& e : list) CHECK(kb.at(e.id).name != "Hao Home");
  }

  TEST_CASE("stale: a planned meeting keeps a contact off the list; --org narrows it") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    StaleFilter f;
    f.today = *parse_date("2024-12-01");
    f.days = 30;
    f.org = kb.find_by_name("UNESCO-IESALC", RecordType::organization).front();
    CHECK(rows(kb, find_stale(kb, f)) ==
          std::vector<std::string>{"Francesc Pedro 2024-09-02 90", "UNESCO-IESALC 2024-09-02 90"});
    f.today = *parse_date("2024-09-01");
    CHECK(find_stale(kb, f).empty());
  }
}
