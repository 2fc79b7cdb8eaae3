// Request parameters -> the query filters of `kb query` and `kb actions`: the same names
// (resolved as the CLI resolves them), dates and weeks as people say them. A bad value is a
// sentence for the page, never an exception.
#include <charconv>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/query/week.h"
#include "pages.h"

namespace kb::serve {

namespace {

std::string first_error(const DiagSink& diags, const std::string& fallback) {
  for (const auto& d : diags.all())
    if (d.severity == Severity::error) return d.message;
  return fallback;
}

bool names_of(const PageContext& c, const std::string& key, RecordType type, std::vector<NodeId>& out, std::string& error) {
  for (std::string name : c.req.params_of(key)) {
    if (type == RecordType::person) name = person_meant(c.kb, name);
    DiagSink diags;
    auto id = resolve_name(c.kb, name, type, diags);
    if (!id) {
      error = first_error(diags, fmt::format("unknown name '{}'", name));
      return false;
    }
    out.push_back(*id);
  }
  return true;
}

bool date_of(const PageContext& c, const std::string& key, std::optional<Date>& out, std::string& error) {
  const std::string text = c.req.param(key);
  if (text.empty()) return true;
  out = parse_date_phrase(text, c.today);
  if (!out) error = fmt::format("invalid date '{}' for {} (expected {})", text, key, kDatePhrases);
  return out.has_value();
}

bool week_of(const PageContext& c, MeetingFilter& f, std::string& error) {
  const std::string text = c.req.param("week");
  if (text.empty()) return true;
  auto w = parse_week_phrase(text, c.today);
  if (!w) {
    error = fmt::format("invalid week '{}' (expected YYYY-Www as 2024-W36, this week, last week, or a date)", text);
    return false;
  }
  DateRange r = week_range(*w);
  if (!f.since || *f.since < r.first) f.since = r.first;
  if (!f.until || r.last < *f.until) f.until = r.last;
  return true;
}

}  // namespace

std::optional<NodeId> record_named(const KnowledgeBase& kb, const std::string& text, std::string& error) {
  if (const Record* r = kb.lookup_rid(text)) return r->id;
  DiagSink diags;
  auto id = resolve_any(kb, text, diags);
  if (!id) error = first_error(diags, fmt::format("no record is named '{}'", text));
  return id;
}

std::optional<MeetingFilter> meeting_filter_of(const PageContext& c, std::string& error) {
  MeetingFilter f;
  f.explain = true;
  f.newest_first = c.req.param("sort") == "-date";
  if (!date_of(c, "since", f.since, error) || !date_of(c, "until", f.until, error)) return std::nullopt;
  if (f.since && f.until && *f.until < *f.since) {
    error = fmt::format("since {} is after until {}", to_string(*f.since), to_string(*f.until));
    return std::nullopt;
  }
  if (!week_of(c, f, error)) return std::nullopt;
  f.tags = c.req.params_of("tag");
  f.exact_org = !c.req.param("exact_org").empty();
  f.text = parse_text_query(c.req.params_of("text"));
  for (const auto& w : c.req.params_of("where")) {
    auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = fmt::format("invalid where '{}' (expected KEY=VALUE)", w);
      return std::nullopt;
    }
    f.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
  }
  f.has = c.req.params_of("has");
  if (!names_of(c, "org", RecordType::organization, f.orgs, error) ||
      !names_of(c, "person", RecordType::person, f.people, error) ||
      !names_of(c, "topic", RecordType::topic, f.topics, error))
    return std::nullopt;
  std::vector<NodeId> events;
  if (!names_of(c, "event", RecordType::event, events, error)) return std::nullopt;
  if (!events.empty()) f.event = events.front();
  return f;
}

std::optional<ActionFilter> action_filter_of(const PageContext& c, std::string& error) {
  ActionFilter f;
  f.today = c.today;
  const std::string state = c.req.param("state");
  if (state == "done") f.state = ActionState::done;
  else if (state == "all") f.state = ActionState::all;
  else if (!state.empty() && state != "open") {
    error = fmt::format("invalid state '{}' (expected open, done or all)", state);
    return std::nullopt;
  }
  f.overdue = !c.req.param("overdue").empty();
  if (!date_of(c, "due_before", f.due_before, error)) return std::nullopt;
  if (!names_of(c, "owner", RecordType::person, f.owners, error) ||
      !names_of(c, "org", RecordType::organization, f.orgs, error))
    return std::nullopt;
  return f;
}

}  // namespace kb::serve
