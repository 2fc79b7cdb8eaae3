#include "args.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/query/week.h"

namespace kb::cli {

bool MeetingFilterArgs::any() const {
  return !orgs.empty() || !people.empty() || !topics.empty() || !tags.empty() || !text.empty() || !where.empty() ||
         !has.empty() || !event.empty() || !since.empty() || !until.empty() || !week.empty() || !series.empty();
}

void add_audience_option(CLI::App* sub, std::string& audience) {
  sub->add_option("--audience", audience,
                  "Leave out what this AUDIENCE may not see: external, a level (public, internal), all, or an "
                  "audience of kb.yaml (default: kb.yaml's audience:, else all)")
      ->type_name("AUDIENCE");
}

void add_meeting_filter_options(CLI::App* sub, MeetingFilterArgs& a) {
  sub->add_option("--org", a.orgs, "An organization (name or alias); also its sub-organizations and people affiliated on the date");
  sub->add_flag("--exact-org", a.exact_org, "--org matches only meetings that list the organization itself");
  sub->add_option("--person", a.people, "A person who attended");
  sub->add_option("--topic", a.topics, "A topic discussed (and its sub-topics)");
  sub->add_option("--tag", a.tags, "A tag");
  sub->add_option("--event", a.event, "The event the meeting was part of");
  sub->add_option("--series", a.series, "A recurring series (the meetings' 'series:' field)");
  sub->add_option("--since", a.since, "On or after this DATE (2024-09-02, yesterday, -7d, last monday)");
  sub->add_option("--until", a.until, "On or before this DATE");
  sub->add_option("--week", a.week, "In this WEEK (2024-W36, this week, last week, or a DATE in it)");
  sub->add_option("--text", a.text, "Words in the note: all must appear; \"a phrase\", OR, -word")->expected(1, -1);
  sub->add_option("--where", a.where, "A front-matter KEY=VALUE (lists match any element)");
  sub->add_option("--has", a.has, "A front-matter KEY that is present and not empty");
}

ExitCode meeting_filter(Session& s, const MeetingFilterArgs& a, MeetingFilter& f, const KnowledgeBase*& kb,
                        Session::Reads reads) {
  if (!since_until_args(s, a.since, a.until, f.since, f.until)) return ExitCode::usage;
  if (!week_arg(s, a.week, f.since, f.until)) return ExitCode::usage;
  for (const auto& w : a.where) {
    auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0) {
      s.error(fmt::format("invalid --where '{}' (expected KEY=VALUE)", w));
      return ExitCode::usage;
    }
    f.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
  }
  f.has = a.has;
  f.tags = a.tags;
  f.text = parse_text_query(a.text);
  f.exact_org = a.exact_org;
  kb = s.kb(true, f.reads_text() ? Session::Reads::text : reads);
  if (!kb) return ExitCode::failure;
  auto orgs = resolve_all(s, *kb, a.orgs, RecordType::organization);
  auto people = resolve_all(s, *kb, a.people, RecordType::person);
  auto topics = resolve_all(s, *kb, a.topics, RecordType::topic);
  if (!orgs || !people || !topics) return ExitCode::failure;
  f.orgs = *orgs;
  f.people = *people;
  f.topics = *topics;
  for (const auto& name : a.series)
    if (!series_arg(s, *kb, name)) return ExitCode::failure;
  f.series = a.series;
  if (!a.event.empty()) {
    auto ev = resolve_one(s, *kb, a.event, RecordType::event);
    if (!ev) return ExitCode::failure;
    f.event = ev;
  }
  return ExitCode::ok;
}

void print_resolution(Session& s, const DiagSink& diags) {
  // The names in these messages come from notes (did-you-mean, candidates): made terminal_safe.
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::error) s.error(terminal_safe(d.message));
    else s.note(fmt::format("note: {}", terminal_safe(d.message)));
  }
}

std::optional<NodeId> resolve_one(Session& s, const KnowledgeBase& kb, const std::string& name, RecordType type) {
  DiagSink diags;
  if (type == RecordType::person && kb.config.me.empty() && to_lower_ascii(trim(name)) == "me" &&
      kb.find_by_name(name, type).empty()) {
    s.error("'me' is the person kb.yaml names with 'me: NAME'; this KB has none");
    return std::nullopt;
  }
  auto id = resolve_name(kb, type == RecordType::person ? person_meant(kb, name) : name, type, diags);
  print_resolution(s, diags);
  if (id) s.problems_of(kb.at(*id));
  return id;
}

std::optional<NodeId> resolve_any_one(Session& s, const KnowledgeBase& kb, const std::string& name) {
  DiagSink diags;
  auto id = resolve_any(kb, name, diags);
  print_resolution(s, diags);
  if (id) s.problems_of(kb.at(*id));
  return id;
}

std::optional<Series> series_arg(Session& s, const KnowledgeBase& kb, const std::string& name) {
  if (auto found = find_series(kb, name)) return found;
  auto quoted = [](const std::vector<std::string>& names, const std::string& last_sep) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
      out += fmt::format("{}'{}'", i == 0 ? "" : i + 1 == names.size() ? last_sep : ", ", names[i]);
    return out;
  };
  std::string msg = fmt::format("unknown series '{}'", name);
  if (auto near = suggest_series(kb, name); !near.empty()) {
    msg += fmt::format(" (did you mean {}?)", quoted(near, " or "));
  } else {
    std::vector<std::string> all;
    for (const auto& x : find_all_series(kb)) all.push_back(x.name);
    if (all.empty()) msg += " (no meeting names a 'series:' yet)";
    else if (all.size() <= 5) msg += fmt::format(" (the series are {})", quoted(all, " and "));
    else msg += fmt::format(" ('kb list series' lists the {})", all.size());
  }
  s.error(terminal_safe(msg));
  return std::nullopt;
}

std::optional<std::vector<NodeId>> resolve_all(Session& s, const KnowledgeBase& kb,
                                               const std::vector<std::string>& names, RecordType type) {
  std::vector<NodeId> out;
  bool ok = true;
  for (const auto& n : names) {
    auto id = resolve_one(s, kb, n, type);
    if (id) out.push_back(*id);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::size_t> count_arg(Session& s, const std::string& flag, const std::string& text, std::size_t min) {
  std::size_t n = 0;
  const char* end = text.data() + text.size();
  bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (digits && ec == std::errc() && ptr == end && n >= min && n <= kMaxCount) return n;
  s.error(fmt::format("{} must be a whole number from {} to {}, not '{}'", flag, min, kMaxCount, text));
  return std::nullopt;
}

std::string format_of_file(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  const std::string ext = to_lower_ascii(path.substr(dot + 1));
  static const std::pair<const char*, const char*> kByExtension[] = {
      {"html", "html"}, {"htm", "html"},  {"md", "md"},       {"markdown", "md"}, {"json", "json"},
      {"jsonl", "jsonl"}, {"csv", "csv"}, {"dot", "dot"},     {"gv", "dot"},      {"graphml", "graphml"},
      {"mmd", "mermaid"}, {"svg", "svg"}};
  for (const auto& [e, format] : kByExtension)
    if (ext == e) return format;
  return "";
}

std::optional<IsoWeek> week_phrase_arg(Session& s, const std::string& text) {
  auto w = parse_week_phrase(text, s.today());
  if (!w)
    s.error(fmt::format("invalid week '{}' (expected YYYY-Www as 2024-W36, this week, last week, next week, or a date)",
                        text));
  return w;
}

bool since_until_args(Session& s, const std::string& since, const std::string& until, std::optional<Date>& from,
                      std::optional<Date>& to) {
  if (!since.empty() && !(from = s.date_arg("--since", since))) return false;
  if (!until.empty() && !(to = s.date_arg("--until", until))) return false;
  if (from && to && *to < *from) {
    s.error(fmt::format("--since {} is after --until {}", to_string(*from), to_string(*to)));
    return false;
  }
  return true;
}

bool week_arg(Session& s, const std::string& text, std::optional<Date>& since, std::optional<Date>& until) {
  if (text.empty()) return true;
  auto w = week_phrase_arg(s, text);
  if (!w) return false;
  DateRange r = week_range(*w);
  if (!since || *since < r.first) since = r.first;
  if (!until || r.last < *until) until = r.last;
  return true;
}

}  // namespace kb::cli
