// The HTML pages: each fills a template from src/serve/assets with the report module's data
// (the same as the briefing and the dossier), so a page says what `kb report` would.
#include <algorithm>
#include <iterator>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "assets.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/markdown.h"
#include "kb/query/home_side.h"
#include "kb/query/profile.h"
#include "kb/query/stale.h"
#include "kb/query/weekly.h"
#include "kb/render/report.h"
#include "kb/render/table.h"
#include "kb/render/templates.h"
#include "kb/store/graphviz.h"
#include "pages.h"

namespace kb::serve {

namespace {

constexpr std::size_t kMaxResults = 200;  // results a page lists (the count says how many matched)
constexpr std::size_t kHomeStale = 10;
constexpr std::size_t kHomeActions = 20;  // of each list on the home page (a link leads to all)
constexpr std::size_t kRecordList = 50;   // of each list on a record's page (likewise)

// Action rows as the report module gives them, with the page's flags: overdue, writable.
std::vector<TemplateData> action_rows(const PageContext& c, const std::vector<ActionRef>& refs) {
  std::vector<TemplateData> rows;
  for (const auto& ref : refs) {
    const Action& a = action_at(c.kb, ref);
    TemplateData d = action_data(c.kb, ref);
    d.set("overdue", a.is_open() && a.due && *a.due < c.today);
    rows.push_back(std::move(d));
  }
  return rows;
}

std::string summary_snippet(const Record& m, const TextQuery& q) {
  std::string text = m.text.present() ? plain_text(m.text->body) : std::string();
  if (m.minutes.present() && !m.minutes->summary.empty() && q.empty()) text = plain_text(m.minutes->summary);
  std::size_t at = 0;
  if (!q.empty() && !q.all_of.empty() && !q.all_of.front().empty()) {
    const std::string folded = to_lower_ascii(text), word = to_lower_ascii(q.all_of.front().front());
    std::size_t hit = folded.find(word);
    if (hit != std::string::npos && hit > 80) at = hit - 80;
  }
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  std::size_t len = std::min<std::size_t>(240, text.size() - at);
  while (at + len < text.size() && (static_cast<unsigned char>(text[at + len]) & 0xC0) == 0x80) --len;
  std::string out = text.substr(at, len);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return fmt::format("{}{}{}", at > 0 ? "…" : "", out, at + len < text.size() ? "…" : "");
}

std::string form_query(const HttpRequest& req) {
  std::string q;
  for (const auto& [k, v] : req.params)
    fmt::format_to(std::back_inserter(q), "{}{}={}", q.empty() ? "" : "&", url_encode(k, false), url_encode(v, false));
  return q;
}

// Links from a record's page to all its meetings (the search page) and open actions (the
// actions page, which filters by owner and organization: a topic's or event's list gets none).
// The record is named by its name where that names only it, else by its id.
void link_whole_lists(const KnowledgeBase& kb, const Record& r, bool more_meetings, bool more_actions, TemplateData& d) {
  DiagSink ignored;
  const auto named = resolve_name(kb, r.name, r.type, ignored);
  const std::string name = url_encode(named && *named == r.id ? r.name : r.rid, false);
  const char* param = r.type == RecordType::person         ? "person"
                      : r.type == RecordType::organization ? "org"
                      : r.type == RecordType::topic        ? "topic"
                                                           : "event";
  d.set("meetings_more", more_meetings);
  d.set("meetings_link", fmt::format("/search?{}={}", param, name));
  d.set("actions_more", more_actions);
  d.set("actions_linked", r.type == RecordType::person || r.type == RecordType::organization);
  d.set("actions_link", fmt::format("/actions?{}={}", r.type == RecordType::person ? "owner" : "org", name));
}

// The line of links at the top of a briefing: kb's home, the week before and the week after.
std::string week_nav(const DateRange& range) {
  return fmt::format(
      "\n<nav class=\"kb-serve\"><a href=\"/\">kb</a> · <a href=\"/week?week={}\">previous week</a> · "
      "<a href=\"/week?week={}\">next week</a></nav><script src=\"/assets/kb.js\" defer></script>",
      to_string(iso_week_of(add_days(range.first, -7))), to_string(iso_week_of(add_days(range.last, 1))));
}

}  // namespace

HttpResponse page_home(const PageContext& c) {
  IsoWeek week = iso_week_of(c.today);
  WeeklyBriefing b = build_weekly(c.kb, week);
  // The page lists my own actions below, a screen of each; the briefing's lists of everyone's
  // (every overdue action of a large KB) would only be made into template data and dropped.
  b.opened.clear();
  b.due_soon.clear();
  b.overdue.clear();
  TemplateData d = weekly_data(c.kb, b, ReportFormat::html, std::nullopt);
  ActionFilter af;
  af.today = c.today;
  const bool no_me = c.kb.config.me.empty();
  const NodeId me = HomeSide(c.kb).me();
  if (me.valid()) af.owners.push_back(me);
  std::vector<ActionRef> open, overdue;
  for (const auto& ref : find_actions(c.kb, af)) {
    const Action& a = action_at(c.kb, ref);
    (a.due && *a.due < c.today ? overdue : open).push_back(ref);
  }
  d.set("actions_heading", no_me ? "Open actions" : "My actions");
  d.set("no_me", no_me);
  // Each list as far as one screen goes; "all N" leads to the actions page with the same owner.
  const std::string owner = me.valid() ? fmt::format("owner={}", url_encode(c.kb.at(me).name, false)) : "";
  // `total`: what the link's page lists (the open actions' page lists the overdue ones too).
  auto set_list = [&](const char* key, std::vector<ActionRef>& refs, std::size_t total, const std::string& query) {
    const bool more = refs.size() > kHomeActions;
    if (more) refs.resize(kHomeActions);
    d.set(fmt::format("{}_mine", key), TemplateData::list(action_rows(c, refs)));
    d.set(fmt::format("has_{}_mine", key), !refs.empty());
    d.set(fmt::format("{}_more", key), more);
    d.set(fmt::format("{}_total", key), std::to_string(total));
    d.set(fmt::format("{}_link", key), query.empty() ? "/actions" : fmt::format("/actions?{}", query));
  };
  const std::size_t all_open = open.size() + overdue.size();
  set_list("overdue", overdue, overdue.size(), owner.empty() ? "overdue=1" : fmt::format("overdue=1&{}", owner));
  set_list("open", open, all_open, owner);
  StaleFilter sf;
  sf.today = c.today;
  std::vector<TemplateData> stale;
  for (const auto& e : find_stale(c.kb, sf)) {
    if (stale.size() == kHomeStale) break;
    TemplateData s;
    s.set("name", c.kb.at(e.id).name);
    s.set("rid", c.kb.at(e.id).rid);
    s.set("last_met", to_string(e.last_met));
    s.set("days", std::to_string(e.days_since));
    stale.push_back(std::move(s));
  }
  d.set("has_stale", !stale.empty());
  d.set("stale", TemplateData::list(std::move(stale)));
  d.set("stale_days", std::to_string(sf.days));
  return html_page(c, 200, "This week", "home.html.mustache", d);
}

HttpResponse page_record(const PageContext& c, const std::string& rid) {
  const Record* r = c.kb.lookup_rid(rid);
  if (!r) return error_page(c, 404, "Not found", fmt::format("no record has the id '{}' (search for it by name)", rid));
  if (r->type == RecordType::meeting) {
    TemplateData d = meeting_data(c.kb, group_attendees(c.kb, r->id), ReportFormat::html);
    std::vector<ActionRef> refs;
    for (std::size_t i = 0; i < r->actions->size(); ++i) refs.push_back({r->id, i});
    d.set("action_items", TemplateData::list(action_rows(c, refs)));
    return html_page(c, 200, r->name, "meeting.html.mustache", d);
  }
  if (!r->entity.present()) {
    TemplateData d;
    d.set("heading", r->name);
    d.set("message", fmt::format("a note ({}); kb shows meetings, people, organizations, topics and events", r->rid));
    return html_page(c, 200, r->name, "error.html.mustache", d);
  }
  Profile p = build_profile(c.kb, r->id, c.today);
  const std::size_t meetings = p.meetings.size(), actions = p.open_actions.size();
  // A screen of each list (an organization in 45,000 meetings made a 24 MB page); the counts
  // are of all, and links lead to every meeting and action.
  auto cap = [](auto& list) {
    if (list.size() > kRecordList) list.resize(kRecordList);
  };
  cap(p.meetings);
  cap(p.people);
  cap(p.organizations);
  cap(p.topics);
  cap(p.open_actions);
  TemplateData d = brief_data(c.kb, p, ReportFormat::html);
  d.set("meeting_count", count_text(meetings, "meeting", "meetings"));  // all, not those shown
  d.set("open_actions", TemplateData::list(action_rows(c, p.open_actions)));
  link_whole_lists(c.kb, *r, meetings > p.meetings.size(), actions > p.open_actions.size(), d);
  d.set("meetings_total", std::to_string(meetings));
  d.set("actions_total", std::to_string(actions));
  return html_page(c, 200, r->name, "record.html.mustache", d);
}

HttpResponse page_week(const PageContext& c) {
  IsoWeek week = iso_week_of(c.today);
  if (const std::string text = c.req.param("week"); !text.empty()) {
    auto w = parse_week_phrase(text, c.today);
    if (!w)
      return error_page(c, 400, "Bad week",
                        fmt::format("invalid week '{}' (expected YYYY-Www as 2024-W36, or a date)", text));
    week = *w;
  }
  WeeklyBriefing b = build_weekly(c.kb, week);
  std::optional<std::string> svg;
  if (!b.meetings.empty()) svg = render_svg_with_dot(weekly_graph_dot(c.kb, b), 5000);
  TemplateData d = weekly_data(c.kb, b, ReportFormat::html, svg ? std::optional<std::string>(inline_svg(*svg)) : std::nullopt);
  std::ostringstream out;
  std::string error;
  if (!render_report(out, lookup_embedded_template("weekly.html.mustache"), std::move(d), ReportFormat::html, error))
    return error_page(c, 500, "Template error", error);
  // The briefing is the printable report itself: its one inline style block is allowed by a
  // nonce of this response, and a line of links leads back.
  std::string html = out.str(), nonce = make_nonce();
  if (auto at = html.find("<style>"); at != std::string::npos)
    html.replace(at, 7, fmt::format("<style nonce=\"{}\">", nonce));
  if (auto at = html.find("<body>"); at != std::string::npos) html.insert(at + 6, week_nav(b.range));
  HttpResponse r;
  r.body = std::move(html);
  r.headers.emplace_back("Content-Security-Policy", content_security_policy(nonce));
  return r;
}

namespace {

// A result's link, date and organizations.
TemplateData meeting_row(const PageContext& c, const Record& r) {
  TemplateData row;
  row.set("id", r.rid);
  row.set("title", r.name);
  row.set("date", r.date ? to_string(*r.date) : std::string());
  std::string orgs;
  for (const auto& o : r.organizations) orgs += (orgs.empty() ? "" : ", ") + (o.target.valid() ? c.kb.at(o.target).name : o.text.str());
  row.set("organizations", orgs);
  row.set("has_organizations", !orgs.empty());
  return row;
}

// An index snippet as parts to show, the matched words marked (each part escaped by the page).
std::vector<TemplateData> snippet_parts(const std::string& snippet) {
  std::vector<TemplateData> parts;
  std::string text;
  bool marked = false;
  auto flush = [&] {
    if (text.empty()) return;
    TemplateData part;
    part.set("text", text);
    part.set("marked", marked);
    parts.push_back(std::move(part));
    text.clear();
  };
  for (char ch : snippet) {
    if (ch == kSnippetOpen || ch == kSnippetClose) {
      flush();
      marked = ch == kSnippetOpen;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

// The rows of the meetings kb query's filters find (by date), with why each matched.
std::vector<TemplateData> filtered_rows(const PageContext& c, const MeetingFilter& f, std::size_t& total) {
  auto matches = find_meetings(c.kb, f);
  total = matches.size();
  std::vector<TemplateData> rows;
  for (const auto& m : matches) {
    if (rows.size() == kMaxResults) break;
    const Record& r = c.kb.at(m.id);
    TemplateData row = meeting_row(c, r);
    std::string snippet = summary_snippet(r, f.text), reasons;
    for (const auto& why : m.reasons) reasons += (reasons.empty() ? "" : "; ") + why;
    row.set("snippet_parts", TemplateData::list(snippet_parts(snippet)));
    row.set("has_snippet", !snippet.empty());
    row.set("reasons", reasons);
    row.set("has_reasons", !reasons.empty());
    rows.push_back(std::move(row));
  }
  return rows;
}

// The rows of the index's hits, in the order asked for.
std::vector<TemplateData> ranked_rows(const PageContext& c, const std::vector<SearchHit>& hits) {
  std::vector<TemplateData> rows;
  for (const SearchHit& h : hits) {
    TemplateData row = meeting_row(c, c.kb.at(h.id));
    row.set("snippet_parts", TemplateData::list(snippet_parts(h.snippet)));
    row.set("has_snippet", !h.snippet.empty());
    row.set("has_reasons", false);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

HttpResponse page_search(const PageContext& c) {
  TemplateData d;
  for (const char* key : {"text", "org", "person", "topic", "tag", "event", "since", "until", "week"})
    d.set(fmt::format("f_{}", key), c.req.param(key));
  d.set("by_date", c.req.param("sort") == "date");
  d.set("newest", c.req.param("sort") == "-date");
  std::string error;
  auto f = meeting_filter_of(c, error);
  d.set("error", error);
  d.set("has_error", !error.empty());
  const bool searched = f && !c.req.params.empty();
  d.set("searched", searched);
  if (!searched) return html_page(c, error.empty() ? 200 : 400, "Search", "search.html.mustache", d);
  std::size_t total = 0;
  std::vector<TemplateData> rows;
  auto hits = ranked_meetings(c, error, kMaxResults, &total);
  d.set("ranked", hits.has_value());
  if (hits) rows = ranked_rows(c, *hits);
  else rows = filtered_rows(c, *f, total);
  d.set("count", count_text(total, "meeting", "meetings"));
  d.set("more", total > rows.size());
  d.set("shown", std::to_string(rows.size()));
  d.set("results", TemplateData::list(std::move(rows)));
  d.set("query", form_query(c.req));
  return html_page(c, 200, "Search", "search.html.mustache", d);
}

HttpResponse page_actions(const PageContext& c) {
  TemplateData d;
  for (const char* key : {"owner", "org", "due_before"}) d.set(fmt::format("f_{}", key), c.req.param(key));
  d.set("s_done", c.req.param("state") == "done");
  d.set("s_all", c.req.param("state") == "all");
  d.set("overdue_only", !c.req.param("overdue").empty());
  std::string error;
  auto f = action_filter_of(c, error);
  d.set("error", error);
  d.set("has_error", !error.empty());
  std::vector<ActionRef> refs = f ? find_actions(c.kb, *f) : std::vector<ActionRef>{};
  const std::size_t total = refs.size();
  if (refs.size() > kMaxResults) refs.resize(kMaxResults);
  std::string count = count_text(total, "action", "actions");
  if (total > refs.size()) count += fmt::format(" (the first {} shown)", refs.size());
  d.set("count", count);
  d.set("actions", TemplateData::list(action_rows(c, refs)));
  d.set("query", form_query(c.req));
  return html_page(c, error.empty() ? 200 : 400, "Actions", "actions.html.mustache", d);
}

HttpResponse page_graph(const PageContext& c) {
  TemplateData d;
  const std::string around = c.req.param("around");
  d.set("around", around);
  std::string error;
  std::optional<NodeId> center;
  if (!around.empty()) center = record_named(c.kb, around, error);
  d.set("error", error);
  d.set("has_error", !error.empty());
  d.set("has_center", center.has_value());
  if (center) {
    const Record& r = c.kb.at(*center);
    d.set("name", r.name);
    d.set("has_name", true);
    d.set("center", r.rid);
    d.set("center_url", url_encode(r.rid, false));
    GraphData g = neighbourhood(c.kb, *center);
    std::vector<TemplateData> ns;
    for (NodeId id : g.nodes) {
      if (id == *center || ns.size() == kMaxResults) continue;
      const Record& n = c.kb.at(id);
      TemplateData nd;
      const bool dated = n.type == RecordType::meeting && n.date;
      nd.set("name", dated ? fmt::format("{} {}", to_string(*n.date), n.name) : n.name);
      nd.set("rid", n.defined ? n.rid : std::string());
      nd.set("has_rid", n.defined);
      nd.set("type", std::string(to_string(n.type)));
      ns.push_back(std::move(nd));
    }
    d.set("neighbours", TemplateData::list(std::move(ns)));
  }
  return html_page(c, error.empty() ? 200 : 404, "Graph", "graph.html.mustache", d);
}

}  // namespace kb::serve
