#include "kb/query/meetings.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"

namespace kb {
namespace {

std::string haystack(const KnowledgeBase& kb, const Record& m) {
  std::string text = m.name + "\n" + m.location + "\n" + m.outcomes->summary + "\n" + m.text->body + "\n";
  for (const auto& o : m.organizations) text += o.text + "\n";
  for (const auto& a : m.attendees) text += a.person.text + "\n";
  for (const auto& t : m.topics) text += t.text + "\n";
  for (const auto& t : m.tags) text += t + "\n";
  auto add_name = [&](NodeId id) {
    if (const Record* r = kb.lookup(id)) text += r->name + "\n";
  };
  for (const auto& o : m.organizations) add_name(o.target);
  for (const auto& a : m.attendees) add_name(a.person.target);
  for (const auto& t : m.topics) add_name(t.target);
  return fold(text);
}

// A field value or a `--where` value as a user means it: `[[Target|shown]]` and `[[Target#h]]`
// mean Target, `#tag` means tag.
std::string_view where_text(std::string_view text) {
  text = link_target(text);
  if (text.size() > 1 && text[0] == '#') text = trim(text.substr(1));
  return text;
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool scalar_matches(std::string_view raw, std::string_view want) {
  std::string_view text = where_text(raw);
  if (fold(text) == fold(want)) return true;
  // A date asked for matches a date-time on that day (`2024-09-02T10:00`, `2024-09-02 10:00`).
  if (is_iso_date(want) && text.size() > 10 && text.substr(0, 10) == want &&
      (text[10] == 'T' || text[10] == ' '))
    return true;
  std::string key = name_key(want);
  if (!key.empty() && name_key(text) == key) return true;
  // `tags: ai, policy` written as one string: any of its comma-separated parts.
  if (raw.find(',') != std::string_view::npos && raw.find("[[") == std::string_view::npos) {
    std::size_t start = 0;
    while (start <= raw.size()) {
      std::size_t end = std::min(raw.find(',', start), raw.size());
      std::string_view part = where_text(raw.substr(start, end - start));
      if (!part.empty() && fold(part) == fold(want)) return true;
      start = end + 1;
    }
  }
  return false;
}

bool value_matches(const Value& v, std::string_view want) {
  if (v.is_scalar()) return scalar_matches(v.text, want);
  if (v.is_sequence())
    return std::any_of(v.items.begin(), v.items.end(), [&](const Value& i) { return value_matches(i, want); });
  if (v.is_mapping())
    if (const Value* n = v.find("name")) return value_matches(*n, want);
  return false;
}

bool has_value(const Value* v) {
  if (!v || v->is_null()) return false;
  if (v->is_scalar()) return !trim(v->text).empty();
  if (v->is_sequence()) return !v->items.empty();
  return !v->entries.empty();
}

}  // namespace

TextQuery parse_text_query(const std::vector<std::string>& args) {
  // Re-join the arguments so that a quoted phrase may span several of them.
  std::string joined;
  for (const auto& a : args) joined += (joined.empty() ? "" : " ") + a;
  std::vector<std::pair<std::string, bool>> tokens;  // text, quoted
  std::size_t i = 0;
  while (i < joined.size()) {
    if (joined[i] == ' ') {
      ++i;
      continue;
    }
    bool neg = false;
    if (joined[i] == '-' && i + 1 < joined.size() && joined[i + 1] != ' ') {
      neg = true;
      ++i;
    }
    std::string tok;
    bool quoted = false;
    if (joined[i] == '"') {
      std::size_t close = joined.find('"', i + 1);
      if (close == std::string::npos) close = joined.size();
      tok = joined.substr(i + 1, close - i - 1);
      i = close + 1;
      quoted = true;
    } else {
      std::size_t end = joined.find(' ', i);
      if (end == std::string::npos) end = joined.size();
      tok = joined.substr(i, end - i);
      i = end;
    }
    tokens.emplace_back((neg ? "-" : "") + tok, quoted);
  }
  TextQuery q;
  bool join_next = false;
  for (auto& [tok, quoted] : tokens) {
    if (!quoted && tok == "OR") {
      join_next = !q.all_of.empty();
      continue;
    }
    if (tok.size() > 1 && tok[0] == '-') {
      q.none_of.push_back(fold(tok.substr(1)));
      join_next = false;
      continue;
    }
    std::string term = fold(tok);
    if (term.empty()) continue;
    if (join_next) q.all_of.back().push_back(term);
    else q.all_of.push_back({term});
    join_next = false;
  }
  return q;
}

NodeId attendee_org(const Attendee& a) { return a.org; }

void sort_meetings(const KnowledgeBase& kb, std::vector<NodeId>& ids, bool newest_first) {
  std::sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
    const Record& ra = kb.at(a);
    const Record& rb = kb.at(b);
    auto ka = std::tie(ra.date, ra.time, ra.rid);
    auto kb2 = std::tie(rb.date, rb.time, rb.rid);
    return newest_first ? kb2 < ka : ka < kb2;
  });
}

std::vector<MeetingMatch> find_meetings(const KnowledgeBase& kb, const MeetingFilter& f) {
  if (f.reads_text() && !kb.has_text) throw std::logic_error("find_meetings: a text filter on a KB loaded without text");
  if (f.reads_text()) kb.require_outcomes("find_meetings");  // the text searched includes the summary
  // Organizations: each wanted org with its subtree (unless exact).
  std::vector<std::pair<NodeId, std::set<NodeId>>> org_sets;
  for (NodeId o : f.orgs) {
    std::set<NodeId> s;
    if (f.exact_org) s.insert(o);
    else for (NodeId d : kb.subtree(o)) s.insert(d);
    org_sets.emplace_back(o, std::move(s));
  }
  std::vector<std::pair<NodeId, std::set<NodeId>>> topic_sets;
  for (NodeId t : f.topics) {
    std::set<NodeId> s;
    for (NodeId d : kb.subtree(t)) s.insert(d);
    topic_sets.emplace_back(t, std::move(s));
  }
  std::vector<std::string> want_tags;
  for (const auto& t : f.tags) want_tags.push_back(fold(t[0] == '#' ? t.substr(1) : t));

  std::vector<MeetingMatch> out;
  for (const auto& m : kb.records()) {
    if (m.type != RecordType::meeting || !m.defined || !m.date) continue;
    if (f.since && *m.date < *f.since) continue;
    if (f.until && *f.until < *m.date) continue;
    MeetingMatch match{m.id, {}};
    auto name_of = [&](NodeId id) { return kb.lookup(id) ? kb.at(id).name : std::string("?"); };
    // Records why the meeting matched; `why` builds the line only when reasons are asked for.
    auto because = [&](auto why) {
      if (f.explain) match.reasons.push_back(why());
    };

    if (!org_sets.empty()) {
      bool any = false;
      for (const auto& org_set : org_sets) {
        const NodeId want = org_set.first;
        const std::set<NodeId>& set = org_set.second;
        for (const auto& o : m.organizations) {
          if (!set.count(o.target)) continue;
          any = true;
          because([&] {
            std::string why = "organization '" + name_of(o.target) + "'";
            if (o.target != want) why += ", a sub-organization of '" + name_of(want) + "'";
            if (o.text != name_of(o.target)) why += " (written '" + o.text + "')";
            return why;
          });
        }
        if (f.exact_org) continue;
        for (const auto& a : m.attendees) {
          if (!a.org.valid() || !set.count(a.org)) continue;
          bool listed = std::any_of(m.organizations.begin(), m.organizations.end(),
                                    [&](const NameRef& o) { return o.target == a.org; });
          if (listed) continue;
          any = true;
          because([&] {
            std::string why = "attendee '" + name_of(a.person.target) + "' of '" + name_of(a.org) + "'";
            why += a.org_given ? " (given in the meeting)" : " (affiliation on " + to_string(*m.date) + ")";
            if (a.org != want) why += ", a sub-organization of '" + name_of(want) + "'";
            return why;
          });
        }
      }
      if (!any) continue;
    }
    if (!f.people.empty()) {
      bool any = false;
      for (NodeId p : f.people)
        for (const auto& a : m.attendees)
          if (a.person.target == p) {
            any = true;
            because([&] {
              std::string why = "attendee '" + name_of(p) + "'";
              if (a.person.text != name_of(p)) why += " (written '" + a.person.text + "')";
              return why;
            });
          }
      if (!any) continue;
    }
    if (!topic_sets.empty()) {
      bool any = false;
      for (const auto& topic_set : topic_sets)
        for (const auto& t : m.topics)
          if (topic_set.second.count(t.target)) {
            const NodeId want = topic_set.first;
            any = true;
            because([&] {
              std::string why = "topic '" + name_of(t.target) + "'";
              if (t.target != want) why += ", a sub-topic of '" + name_of(want) + "'";
              return why;
            });
          }
      if (!any) continue;
    }
    if (!want_tags.empty()) {
      bool any = false;
      for (const auto& t : m.tags)
        if (std::find(want_tags.begin(), want_tags.end(), fold(t)) != want_tags.end()) {
          any = true;
          because([&] { return "tag '" + t + "'"; });
        }
      if (!any) continue;
    }
    if (f.event) {
      if (m.event.target != *f.event) continue;
      because([&] { return "event '" + name_of(*f.event) + "'"; });
    }
    if (f.since || f.until) because([&] { return "date " + to_string(*m.date); });
    bool ok = true;
    for (const auto& where : f.where) {
      const std::string& key = where.first;
      const std::string& value = where.second;
      const Value* v = m.text->fields.find(key);
      if (!v || !value_matches(*v, where_text(value))) {
        ok = false;
        break;
      }
      because([&] { return key + " = '" + value + "'"; });
    }
    if (!ok) continue;
    for (const auto& key : f.has) {
      if (!has_value(m.text->fields.find(key))) {
        ok = false;
        break;
      }
      because([&] { return "has '" + key + "'"; });
    }
    if (!ok) continue;
    if (!f.text.empty()) {
      std::string hay = haystack(kb, m);
      for (const auto& alts : f.text.all_of) {
        auto hit = std::find_if(alts.begin(), alts.end(),
                                [&](const std::string& w) { return hay.find(w) != std::string::npos; });
        if (hit == alts.end()) {
          ok = false;
          break;
        }
        because([&] { return "text '" + *hit + "'"; });
      }
      for (const auto& w : f.text.none_of)
        if (hay.find(w) != std::string::npos) ok = false;
      if (!ok) continue;
    }
    out.push_back(std::move(match));
  }
  std::vector<NodeId> ids;
  for (const auto& mm : out) ids.push_back(mm.id);
  sort_meetings(kb, ids, f.newest_first);
  std::vector<std::size_t> slot(kb.records().size());
  for (std::size_t i = 0; i < out.size(); ++i) slot[out[i].id.value] = i;
  std::vector<MeetingMatch> sorted;
  sorted.reserve(ids.size());
  for (NodeId id : ids) sorted.push_back(std::move(out[slot[id.value]]));
  if (f.limit && sorted.size() > f.limit) sorted.resize(f.limit);
  return sorted;
}

}  // namespace kb
