#include "kb/query/meetings.h"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"

namespace kb {
namespace {

std::string haystack(const KnowledgeBase& kb, const Record& m) {
  std::string text = m.name + "\n" + m.location + "\n" + m.minutes->summary + "\n" + without_generated(m.text->body) + "\n";
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
    if (const Value* n = v.find_property("name")) return value_matches(*n, want);
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


void sort_meetings(const KnowledgeBase& kb, std::vector<NodeId>& ids, bool newest_first) {
  std::sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
    const Record& ra = kb.at(a);
    const Record& rb = kb.at(b);
    auto ka = std::tie(ra.date, ra.time, ra.rid);
    auto kb2 = std::tie(rb.date, rb.time, rb.rid);
    return newest_first ? kb2 < ka : ka < kb2;
  });
}

namespace {

// Why a meeting matched: each matcher adds its lines, built only when they are asked for.
class Reasons {
 public:
  explicit Reasons(bool wanted) : wanted_(wanted) {}
  template <class Why>
  void add(Why&& why) {
    if (wanted_) lines_.push_back(why());
  }
  std::vector<std::string> take() { return std::move(lines_); }

 private:
  bool wanted_;
  std::vector<std::string> lines_;
};

// One criterion of a MeetingFilter: whether a meeting passes it, giving its reasons.
using Matcher = std::function<bool(const Record& m, Reasons& why)>;

std::string name_of(const KnowledgeBase& kb, NodeId id) { return kb.lookup(id) ? kb.at(id).name : std::string("?"); }

// Each wanted node with its subtree (sub-organizations, sub-topics), or alone.
std::vector<std::pair<NodeId, std::set<NodeId>>> with_subtrees(const KnowledgeBase& kb, const std::vector<NodeId>& want,
                                                               bool exact) {
  std::vector<std::pair<NodeId, std::set<NodeId>>> sets;
  for (NodeId o : want) {
    std::set<NodeId> s;
    if (exact) s.insert(o);
    else for (NodeId d : kb.subtree(o)) s.insert(d);
    sets.emplace_back(o, std::move(s));
  }
  return sets;
}

// --org: a meeting naming the organization (or one below it), or, unless exact, attended by
// someone of it on the meeting's date.
Matcher org_matcher(const KnowledgeBase& kb, const MeetingFilter& f) {
  return [&kb, &f, sets = with_subtrees(kb, f.orgs, f.exact_org)](const Record& m, Reasons& why) {
    bool any = false;
    for (const auto& [want, set] : sets) {
      auto below = [&, want = want](NodeId o) {
        return o != want ? fmt::format(", a sub-organization of '{}'", name_of(kb, want)) : std::string();
      };
      for (const auto& o : m.organizations) {
        if (!set.count(o.target)) continue;
        any = true;
        why.add([&] {
          std::string line = fmt::format("organization '{}'{}", name_of(kb, o.target), below(o.target));
          if (o.text != name_of(kb, o.target)) line += fmt::format(" (written '{}')", o.text.str());
          return line;
        });
      }
      if (f.exact_org) continue;
      for (const auto& a : m.attendees) {
        if (!a.org.valid() || !set.count(a.org)) continue;
        if (std::any_of(m.organizations.begin(), m.organizations.end(),
                        [&](const NameRef& o) { return o.target == a.org; }))
          continue;  // said above
        any = true;
        why.add([&] {
          return fmt::format(
              "attendee '{}' of '{}'{}{}", name_of(kb, a.person.target), name_of(kb, a.org),
              a.org_given ? " (given in the meeting)" : fmt::format(" (affiliation on {})", to_string(*m.date)),
              below(a.org));
        });
      }
    }
    return any;
  };
}

Matcher person_matcher(const KnowledgeBase& kb, const MeetingFilter& f) {
  return [&kb, &f](const Record& m, Reasons& why) {
    bool any = false;
    for (NodeId p : f.people)
      for (const auto& a : m.attendees) {
        if (a.person.target != p) continue;
        any = true;
        why.add([&] {
          std::string line = fmt::format("attendee '{}'", name_of(kb, p));
          if (a.person.text != name_of(kb, p)) line += fmt::format(" (written '{}')", a.person.text.str());
          return line;
        });
      }
    return any;
  };
}

Matcher topic_matcher(const KnowledgeBase& kb, const MeetingFilter& f) {
  return [&kb, sets = with_subtrees(kb, f.topics, false)](const Record& m, Reasons& why) {
    bool any = false;
    for (const auto& [want, set] : sets)
      for (const auto& t : m.topics) {
        if (!set.count(t.target)) continue;
        any = true;
        why.add([&, want = want] {
          std::string line = fmt::format("topic '{}'", name_of(kb, t.target));
          if (t.target != want) line += fmt::format(", a sub-topic of '{}'", name_of(kb, want));
          return line;
        });
      }
    return any;
  };
}

// A nested tag rolls up, as in Obsidian: `meeting` matches `meeting/one-on-one` (not `meetings`).
bool tag_within(std::string_view tag, std::string_view want) {
  return tag.substr(0, want.size()) == want && (tag.size() == want.size() || tag[want.size()] == '/');
}

Matcher tag_matcher(const MeetingFilter& f) {
  std::vector<std::string> want;
  for (const auto& t : f.tags) {
    std::string w = fold(t[0] == '#' ? t.substr(1) : t);
    while (!w.empty() && w.back() == '/') w.pop_back();
    want.push_back(std::move(w));
  }
  return [want = std::move(want)](const Record& m, Reasons& why) {
    bool any = false;
    for (const auto& t : m.tags) {
      const std::string tag = fold(t);
      if (std::none_of(want.begin(), want.end(), [&](const std::string& w) { return tag_within(tag, w); })) continue;
      any = true;
      why.add([&] { return fmt::format("tag '{}'", t.str()); });
    }
    return any;
  };
}

Matcher event_matcher(const KnowledgeBase& kb, const MeetingFilter& f) {
  return [&kb, event = *f.event](const Record& m, Reasons& why) {
    if (m.event.target != event) return false;
    why.add([&] { return fmt::format("event '{}'", name_of(kb, event)); });
    return true;
  };
}

Matcher series_matcher(const MeetingFilter& f) {
  std::vector<std::string> keys;
  for (const auto& name : f.series) keys.push_back(name_key(link_target(name)));
  return [keys = std::move(keys)](const Record& m, Reasons& why) {
    if (m.series.empty()) return false;
    if (std::find(keys.begin(), keys.end(), name_key(m.series.view())) == keys.end()) return false;
    why.add([&] { return fmt::format("series '{}'", m.series.str()); });
    return true;
  };
}

Matcher date_matcher(const MeetingFilter& f) {
  return [since = f.since, until = f.until](const Record& m, Reasons& why) {
    if ((since && *m.date < *since) || (until && *until < *m.date)) return false;
    why.add([&] { return fmt::format("date {}", to_string(*m.date)); });
    return true;
  };
}

// --where KEY=VALUE, each: the field (front matter, else a Dataview inline field) holds the value.
Matcher where_matcher(const MeetingFilter& f) {
  return [&f](const Record& m, Reasons& why) {
    Value inline_value;
    for (const auto& [key, value] : f.where) {
      const Value* v = find_field(*m.text, key, inline_value);
      if (!v || !value_matches(*v, where_text(value))) return false;
      why.add([&] { return fmt::format("{} = '{}'", key, value); });
    }
    return true;
  };
}

// --has KEY, each: the field (front matter, else a Dataview inline field) is there, not empty.
Matcher has_matcher(const MeetingFilter& f) {
  return [&f](const Record& m, Reasons& why) {
    Value inline_value;
    for (const auto& key : f.has) {
      if (!has_value(find_field(*m.text, key, inline_value))) return false;
      why.add([&] { return fmt::format("has '{}'", key); });
    }
    return true;
  };
}

// --text: every group has one of its words, and none of the excluded words is there.
Matcher text_matcher(const KnowledgeBase& kb, const MeetingFilter& f) {
  return [&kb, &f](const Record& m, Reasons& why) {
    const std::string hay = haystack(kb, m);
    auto in = [&](const std::string& w) { return hay.find(w) != std::string::npos; };
    for (const auto& alts : f.text.all_of) {
      auto hit = std::find_if(alts.begin(), alts.end(), in);
      if (hit == alts.end()) return false;
      why.add([&] { return fmt::format("text '{}'", *hit); });
    }
    return std::none_of(f.text.none_of.begin(), f.text.none_of.end(), in);
  };
}

// The criteria `f` sets, in the order their reasons are given.
std::vector<Matcher> matchers_for(const KnowledgeBase& kb, const MeetingFilter& f) {
  std::vector<Matcher> out;
  if (!f.orgs.empty()) out.push_back(org_matcher(kb, f));
  if (!f.people.empty()) out.push_back(person_matcher(kb, f));
  if (!f.topics.empty()) out.push_back(topic_matcher(kb, f));
  if (!f.tags.empty()) out.push_back(tag_matcher(f));
  if (f.event) out.push_back(event_matcher(kb, f));
  if (!f.series.empty()) out.push_back(series_matcher(f));
  if (f.since || f.until) out.push_back(date_matcher(f));
  if (!f.where.empty()) out.push_back(where_matcher(f));
  if (!f.has.empty()) out.push_back(has_matcher(f));
  if (!f.text.empty()) out.push_back(text_matcher(kb, f));
  return out;
}

// Calls `found(meeting, reasons)` for each dated meeting that matches `f`, in id order.
template <typename Found>
void scan_meetings(const KnowledgeBase& kb, const MeetingFilter& f, Found&& found) {
  if (f.reads_text() && !kb.has_text) throw std::logic_error("find_meetings: a text filter on a KB loaded without text");
  if (f.reads_text()) kb.require_minutes("find_meetings");  // the text searched includes the summary
  const std::vector<Matcher> matchers = matchers_for(kb, f);
  for (const auto& m : kb.records()) {
    if (m.type != RecordType::meeting || !m.defined || !m.date) continue;
    Reasons why(f.explain);
    if (std::all_of(matchers.begin(), matchers.end(), [&](const Matcher& match) { return match(m, why); }))
      found(m, why);
  }
}

}  // namespace

std::vector<MeetingMatch> find_meetings(const KnowledgeBase& kb, const MeetingFilter& f) {
  std::vector<MeetingMatch> out;
  scan_meetings(kb, f, [&](const Record& m, Reasons& why) { out.push_back({m.id, why.take()}); });
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

std::vector<bool> meeting_set(const KnowledgeBase& kb, const MeetingFilter& f) {
  std::vector<bool> in(kb.records().size());
  MeetingFilter unexplained = f;
  unexplained.explain = false;
  scan_meetings(kb, unexplained, [&](const Record& m, Reasons&) { in[m.id.value] = true; });
  return in;
}

}  // namespace kb
