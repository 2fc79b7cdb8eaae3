#pragma once
// A small in-memory KB used by model and query tests: an organization tree, people with dated
// affiliations and aliases, and meetings that name them in different spellings.

#include <doctest/doctest.h>

#include "kb/model/load.h"
#include "support/mem_fs.h"

namespace kb::test {

inline MemFileSystem sample_fs() {
  MemFileSystem fs;
  fs.add("kb.yaml", "name: Test KB\nhome: Home Org\n");
  fs.add("orgs/unesco.md", "---\ntype: organization\nname: UNESCO\n---\n");
  fs.add("orgs/iesalc.md", "---\nname: UNESCO-IESALC\naliases: [IESALC]\nparent: UNESCO\n---\n");
  fs.add("orgs/ed.md", "---\nname: Education Sector\nparent: UNESCO\n---\n");
  fs.add("orgs/team.md", "---\nname: Future Team\nparent: Education Sector\n---\n");
  fs.add("orgs/home.md", "---\nname: Home Org\n---\n");
  fs.add("orgs/other.md", "---\nname: Other Org\n---\n");
  fs.add("people/pedro.md",
         "---\nname: Francesc Pedro\naliases: [Francesc Pedró]\nhonorific: Mr.\naffiliations:\n"
         "  - org: IESALC\n    role: Director\n---\n");
  fs.add("people/ana.md",
         "---\nname: Ana Mover\naffiliations:\n"
         "  - org: Other Org\n    role: Analyst\n    until: 2024-06-30\n"
         "  - org: Future Team\n    role: Lead\n    since: 2024-07-01\n---\n");
  fs.add("people/home.md", "---\nname: Hao Home\naffiliations:\n  - {org: Home Org, role: Officer}\n---\n");
  fs.add("topics/ai.md", "---\nname: AI Framework\naliases: [AI competency framework]\n---\n");
  fs.add("meetings/2024/2024-05-01-ana.md",
         "---\ntitle: Spring call with Ana\ndate: 2024-05-01\nattendees: [Ana Mover, Hao Home]\n"
         "organizations: [Home Org]\n---\nWe talked budgets.\n");
  fs.add("meetings/2024/2024-09-02-iesalc.md",
         "---\ntitle: Bilateral with IESALC\ndate: 2024-09-02\ntime: \"14:00\"\n"
         "organizations: [Home Org, unesco iesalc]\nattendees:\n  - Hao Home\n  - name: Mr. Francesc Pedró\n"
         "topics: [AI competency framework]\ntags: [bilateral]\nproject: alpha\n---\n"
         "## Summary\nAgreed on the framework.\n\n## Decisions\n- Hold a workshop\n\n## Actions\n"
         "- [ ] Send agenda [[Francesc Pedro]] due:2024-09-20\n- [x] Share report ✅ 2024-09-03\n");
  fs.add("meetings/2024/2024-09-04-ana.md",
         "---\ntitle: Team sync\ndate: 2024-09-04\nattendees: [Ana Mover, Hao Home]\n"
         "organizations: [Home Org]\n---\n## Summary\nA quick sync on the Policy Dialogue.\n");
  fs.add("meetings/2024/2024-12-30-year-end.md",
         "---\ntitle: Year end\ndate: 2024-12-30\norganizations: [Ghost Institute]\n"
         "attendees: [Nobody Known]\n---\n");
  return fs;
}

/// The one record of type `t` named `name` (the test fails otherwise).
inline NodeId named(const KnowledgeBase& kb, const char* name, RecordType t) {
  auto ids = kb.find_by_name(name, t);
  REQUIRE(ids.size() == 1);
  return ids.front();
}

inline LoadResult load_sample() {
  MemFileSystem fs = sample_fs();
  return load_kb(fs);
}

}  // namespace kb::test
