#include "kb/query/path.h"

#include <doctest/doctest.h>

#include "support/kb_fixture.h"

using namespace kb;
using test::named;

namespace {

std::string chain(const KnowledgeBase& kb, const std::vector<PathStep>& steps) {
  std::string out;
  for (const auto& s : steps) {
    if (s.link != PathLink::start) out += " -" + to_string(s.link) + "- ";
    out += kb.at(s.id).name;
  }
  return out;
}

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("path: shortest chain through meetings and people") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId ana = named(kb, "Ana Mover", RecordType::person), pedro = named(kb, "Francesc Pedro", RecordType::person);
    auto p = find_path(kb, ana, pedro, /*via_home=*/true);
    REQUIRE(p);
    // Ana met Hao twice; the newest meeting comes first in the fixed neighbour order.
    CHECK(chain(kb, *p) ==
          "Ana Mover -attended- Team sync -attended- Hao Home -attended- Bilateral with IESALC -attended- Francesc Pedro");
    // Hao Home is on the home side (Home Org): not passed through unless asked.
    CHECK_FALSE(find_path(kb, ana, pedro));
    auto to_hao = find_path(kb, ana, named(kb, "Hao Home", RecordType::person));  // an end point may be
    REQUIRE(to_hao);
    CHECK(chain(kb, *to_hao) == "Ana Mover -attended- Team sync -attended- Hao Home");
  }

  TEST_CASE("path: organizations are end points only, joined by meetings or affiliations") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    auto p = find_path(kb, named(kb, "UNESCO-IESALC", RecordType::organization), named(kb, "Hao Home", RecordType::person));
    REQUIRE(p);
    CHECK(chain(kb, *p) == "UNESCO-IESALC -took part in- Bilateral with IESALC -attended- Hao Home");
    auto q = find_path(kb, named(kb, "Other Org", RecordType::organization), named(kb, "Hao Home", RecordType::person));
    REQUIRE(q);
    // Ana belonged to Other Org on the date of the spring call: that is the shorter chain.
    CHECK(chain(kb, *q) == "Other Org -took part in- Spring call with Ana -attended- Hao Home");
  }

  TEST_CASE("path: no chain, and a chain of one") {
    auto r = test::load_sample();
    const KnowledgeBase& kb = r.kb;
    NodeId hao = named(kb, "Hao Home", RecordType::person);
    CHECK_FALSE(find_path(kb, hao, named(kb, "Nobody Known", RecordType::person)));
    auto self = find_path(kb, hao, hao);
    REQUIRE(self);
    CHECK(self->size() == 1);
  }
}
