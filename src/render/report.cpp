#include "kb/render/report.h"

#include <algorithm>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"
#include "kb/query/actions.h"
#include "kb/render/graph_out.h"
#include "kb/render/table.h"

namespace kb {
namespace {

std::string name_of(const KnowledgeBase& kb, NodeId id) {
  const Record* r = kb.lookup(id);
  return r ? r->name : std::string();
}

std::string name_of(const KnowledgeBase& kb, const NameRef& ref) {
  const Record* r = kb.lookup(ref.target);
  return r ? r->name : ref.text.str();
}

// A person as a report addresses them: "H.E. Ana Bell" when the record has an honorific that
// the name does not already start with; any other record by its name.
std::string addressed(const KnowledgeBase& kb, NodeId id) {
  const Record* r = kb.lookup(id);
  if (!r) return {};
  if (r->type != RecordType::person || !r->entity.present() || r->entity->honorific.empty()) return r->name;
  const std::string& h = r->entity->honorific;
  if (to_lower_ascii(r->name).rfind(to_lower_ascii(h), 0) == 0) return r->name;  // "Dr. Ana Bell" already
  return fmt::format("{} {}", h, r->name);
}

// The record id of a defined record, "" for an unresolved name (a page links only the former).
std::string rid_of(const KnowledgeBase& kb, NodeId id) {
  const Record* r = kb.lookup(id);
  return r && r->defined ? r->rid : std::string();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ") {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Sets `key` and the flag `has_key`. Every optional value is always set (maybe empty), so a
// missing one never falls through to a key of the same name in an outer context.
void set_text(TemplateData& d, const std::string& key, std::string value) {
  const bool has = !value.empty();
  d.set(key, std::move(value));
  d.set("has_" + key, has);
}

void set_date(TemplateData& d, const std::string& key, const std::optional<Date>& value) {
  set_text(d, key, date_text(value));
}

// Adds `key` (a list) and `has_key` (a flag).
void set_list(TemplateData& d, const std::string& key, TemplateData list) {
  d.set("has_" + key, list.size() != 0);
  d.set(key, std::move(list));
}

void set_list(TemplateData& d, const std::string& key, std::vector<TemplateData> items) {
  set_list(d, key, TemplateData::list(std::move(items)));
}

// Marks the last item of a list so templates can write separators.
std::vector<TemplateData> with_last(std::vector<TemplateData> items) {
  for (std::size_t i = 0; i < items.size(); ++i) items[i].set("last", i + 1 == items.size());
  return items;
}

std::string summary_html(const std::string& summary) { return render_markdown_html(summary); }

void set_summary(TemplateData& d, const std::string& summary, ReportFormat f) {
  set_text(d, "summary", plain_text(summary));
  d.set("summary_html", f == ReportFormat::html && !summary.empty() ? summary_html(summary) : std::string());
}

// A list of actions is read in its order (by due date), its meetings' records all over memory:
// while item i is made, the memory is asked for what the items ahead read (their record, then
// their action, then their texts: each a step further on what the one before brought in).
void prefetch_ahead(const KnowledgeBase& kb, const std::vector<ActionRef>& refs, std::size_t i) {
  if (i + 12 < refs.size()) {
    const Record& m = kb.at(refs[i + 12].meeting);
    __builtin_prefetch(&m.name);
    __builtin_prefetch(&m.date);
    __builtin_prefetch(&m.actions);
  }
  if (i + 9 < refs.size()) __builtin_prefetch(&*kb.at(refs[i + 9].meeting).actions);
  if (i + 6 < refs.size()) {
    const Record& m = kb.at(refs[i + 6].meeting);
    __builtin_prefetch(m.actions->data() + refs[i + 6].index);
    __builtin_prefetch(m.name.data());
  }
  if (i + 3 < refs.size()) {
    const Action& a = action_at(kb, refs[i + 3]);
    __builtin_prefetch(a.text.data());
    if (const Record* owner = kb.lookup(a.owner)) __builtin_prefetch(owner->name.data());
  }
}

// The actions as a made list: an action's data is made when the template reaches it (a
// briefing's overdue actions can run to tens of thousands). `kb` outlives the rendering.
TemplateData actions_data(const KnowledgeBase& kb, std::vector<ActionRef> refs) {
  auto shared = std::make_shared<const std::vector<ActionRef>>(std::move(refs));
  return TemplateData::list(shared->size(), [&kb, shared](std::size_t i) {
    prefetch_ahead(kb, *shared, i);
    return action_data(kb, (*shared)[i]);
  });
}

TemplateData meeting_head(const KnowledgeBase& kb, const Record& m) {
  TemplateData d;
  d.set("id", m.rid);
  d.set("title", m.name);
  set_date(d, "date", m.date);
  set_text(d, "date_long", m.date ? long_date(*m.date) : std::string());
  set_text(d, "time", m.time);
  set_text(d, "timezone", m.timezone);
  set_text(d, "location", m.location);
  set_text(d, "event", m.event.text.empty() ? std::string() : name_of(kb, m.event));
  std::vector<std::string> orgs, topics;
  for (const auto& o : m.organizations) orgs.push_back(name_of(kb, o));
  for (const auto& t : m.topics) topics.push_back(name_of(kb, t));
  set_text(d, "organizations", join(orgs));
  set_text(d, "topics", join(topics));
  // The same names as lists, each with its record id (for pages that link them).
  auto named = [&](const std::vector<NameRef>& refs) {
    std::vector<TemplateData> out;
    for (const auto& ref : refs) {
      TemplateData n;
      n.set("name", name_of(kb, ref));
      set_text(n, "rid", rid_of(kb, ref.target));
      out.push_back(std::move(n));
    }
    return with_last(std::move(out));
  };
  set_list(d, "organization_list", named(m.organizations));
  set_list(d, "topic_list", named(m.topics));
  set_text(d, "event_rid", rid_of(kb, m.event.target));
  return d;
}

std::vector<TemplateData> decisions_data(const Record& m) {
  std::vector<TemplateData> out;
  for (const auto& dec : m.minutes->decisions) {
    TemplateData d;
    d.set("text", plain_text(dec.text));
    out.push_back(std::move(d));
  }
  return out;
}

std::string escape_for(ReportFormat f, const std::string& s) {
  return f == ReportFormat::html ? html_escape(s) : markdown_escape(s);
}

}  // namespace

std::string count_text(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

namespace {

// An action's members as templates read them, each made when asked for: a briefing's line
// reads 6 of the 18, and a briefing can list tens of thousands of actions. `kb` outlives it.
class ActionFields {
 public:
  ActionFields(const KnowledgeBase& kb, const ActionRef& ref) : kb_(&kb), ref_(ref) {}

  std::optional<TemplateData> operator()(std::string_view key) const {
    const Action& a = action_at(*kb_, ref_);
    if (key == "done") return TemplateData(a.done);
    if (key == "cancelled") return TemplateData(a.cancelled);
    // Each text comes with its flag has_KEY, as set_text() gives one.
    if (key.starts_with("has_")) {
      auto value = text(a, key.substr(4));
      return value ? std::optional<TemplateData>(!value->empty()) : std::nullopt;
    }
    auto value = text(a, key);
    return value ? std::optional<TemplateData>(std::move(*value)) : std::nullopt;
  }

 private:
  std::optional<std::string> text(const Action& a, std::string_view key) const {
    const Record& m = kb_->at(ref_.meeting);
    if (key == "text") return shown(a);
    if (key == "owner") {
      // The owner once: not again when the text names them already ("Call [[Ana Bell]]").
      std::string owner = name_of(*kb_, a.owner);
      return shown(a).find(owner) == std::string::npos ? owner : std::string();
    }
    if (key == "owner_name") return name_of(*kb_, a.owner);
    if (key == "owner_rid") return rid_of(*kb_, a.owner);
    if (key == "meeting_id") return m.rid;
    if (key == "line") return std::to_string(a.loc.line);
    if (key == "due") return date_text(a.due);
    if (key == "done_on") return date_text(a.done_on);
    if (key == "meeting") return m.name;
    if (key == "meeting_date") return date_text(m.date);
    if (key == "ref") return fmt::format("{}:{}", m.rid, a.loc.line);
    return std::nullopt;
  }
  // The text as shown, which `text`, `owner` and `has_owner` read: made once.
  const std::string& shown(const Action& a) const {
    if (!shown_) shown_ = plain_text(a.text);
    return *shown_;
  }

  const KnowledgeBase* kb_;
  ActionRef ref_;
  mutable std::optional<std::string> shown_;
};

}  // namespace

TemplateData action_data(const KnowledgeBase& kb, const ActionRef& ref) {
  return TemplateData::object(ActionFields(kb, ref));
}

std::optional<ReportFormat> parse_report_format(std::string_view text) {
  if (text == "md" || text == "markdown") return ReportFormat::md;
  if (text == "html") return ReportFormat::html;
  return std::nullopt;
}

std::string report_template_name(std::string_view kind, ReportFormat f) {
  return std::string(kind) + (f == ReportFormat::html ? ".html.mustache" : ".md.mustache");
}

std::string inline_svg(std::string_view svg) {
  std::string s(svg);
  auto cut = [&](std::string_view open, std::string_view close) {
    std::size_t at;
    while ((at = s.find(open)) != std::string::npos) {
      std::size_t end = s.find(close, at + open.size());
      s.erase(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
    }
  };
  cut("<?xml", "?>");
  cut("<!DOCTYPE", ">");
  cut("<!--", "-->");
  std::string lower = to_lower_ascii(s);
  if (lower.find("<script") != std::string::npos || lower.find("foreignobject") != std::string::npos ||
      lower.find("javascript:") != std::string::npos)
    return {};
  // Event handler attributes (onload=, onclick=, ...).
  for (std::size_t at = lower.find(" on"); at != std::string::npos; at = lower.find(" on", at + 1)) {
    std::size_t i = at + 3;
    while (i < lower.size() && lower[i] >= 'a' && lower[i] <= 'z') ++i;
    if (i < lower.size() && lower[i] == '=' && i > at + 3) return {};
  }
  std::size_t start = s.find("<svg");
  if (start == std::string::npos) return {};
  return s.substr(start);
}

std::string weekly_graph_dot(const KnowledgeBase& kb, const WeeklyBriefing& b) {
  GraphScope scope;
  std::vector<NodeId> ms;
  for (const auto& m : b.meetings) ms.push_back(m.id);
  scope.meetings = ms;
  scope.listed_orgs = false;
  scope.topics = false;
  scope.events = false;
  scope.parents = false;
  scope.mentions = false;
  scope.met = false;
  GraphData g = build_graph(kb, scope);
  // Only the affiliation in force at the meeting draws a line: drop other affiliations.
  std::vector<GraphEdge> kept;
  for (const auto& e : g.edges) {
    if (e.type != EdgeType::affiliated) {
      kept.push_back(e);
      continue;
    }
    bool at_meeting = false;
    for (const auto& m : b.meetings)
      for (const auto& grp : m.groups)
        if (grp.org == e.to)
          for (const auto& p : grp.people) at_meeting = at_meeting || p.person == e.from;
    if (at_meeting) kept.push_back(e);
  }
  g.edges = kept;
  std::ostringstream out;
  GraphRenderOptions o;
  o.format = GraphFormat::dot;
  o.picture = true;
  render_graph(out, kb, g, o);
  return out.str();
}

TemplateData meeting_data(const KnowledgeBase& kb, const WeeklyMeeting& wm, ReportFormat f) {
  const Record& m = kb.at(wm.id);
  TemplateData md = meeting_head(kb, m);
  std::vector<TemplateData> groups;
  for (const auto& g : wm.groups) {
    TemplateData gd;
    gd.set("org", g.org.valid() ? name_of(kb, g.org) : std::string("Organization not recorded"));
    set_text(gd, "org_rid", rid_of(kb, g.org));
    std::vector<TemplateData> people;
    for (const auto& p : g.people) {
      TemplateData pd;
      pd.set("name", addressed(kb, p.person));
      set_text(pd, "rid", rid_of(kb, p.person));
      set_text(pd, "role", p.role);
      people.push_back(std::move(pd));
    }
    gd.set("people", TemplateData::list(with_last(std::move(people))));
    groups.push_back(std::move(gd));
  }
  set_list(md, "groups", std::move(groups));
  set_summary(md, m.minutes->summary, f);
  set_list(md, "decisions", decisions_data(m));
  std::vector<ActionRef> refs;
  for (std::size_t i = 0; i < m.actions->size(); ++i) refs.push_back({wm.id, i});
  set_list(md, "action_items", actions_data(kb, refs));
  return md;
}

TemplateData weekly_data(const KnowledgeBase& kb, const WeeklyBriefing& b, ReportFormat f,
                         const std::optional<std::string>& svg) {
  TemplateData d;
  set_text(d, "kb_name", kb.config.name);
  set_text(d, "home", kb.config.home);
  d.set("week", to_string(b.week));
  d.set("first", to_string(b.range.first));
  d.set("last", to_string(b.range.last));
  d.set("first_long", long_date(b.range.first));
  d.set("last_long", long_date(b.range.last));

  TemplateData figures;
  figures.set("meetings", count_text(b.meetings.size(), "meeting", "meetings"));
  figures.set("organizations", count_text(b.organizations.size(), "organization", "organizations"));
  figures.set("people", count_text(b.people.size(), "person", "people"));
  figures.set("new_contacts", count_text(b.new_contacts.size(), "new contact", "new contacts"));
  d.set("figures", std::move(figures));
  std::vector<std::string> org_names;
  for (NodeId o : b.organizations) org_names.push_back(name_of(kb, o));
  set_text(d, "organizations", join(org_names));

  std::vector<TemplateData> meetings;
  for (const auto& wm : b.meetings) {
    meetings.push_back(meeting_data(kb, wm, f));
  }
  set_list(d, "meetings", std::move(meetings));

  std::vector<TemplateData> topics;
  for (const auto& t : b.topics) {
    TemplateData td;
    td.set("name", name_of(kb, t.topic));
    std::vector<std::string> orgs;
    for (NodeId o : t.orgs) orgs.push_back(name_of(kb, o));
    set_text(td, "organizations", join(orgs));
    td.set("meetings", count_text(t.meetings.size(), "meeting", "meetings"));
    topics.push_back(std::move(td));
  }
  set_list(d, "topics", std::move(topics));

  set_list(d, "opened", actions_data(kb, b.opened));
  set_list(d, "due_soon", actions_data(kb, b.due_soon));
  set_list(d, "overdue", actions_data(kb, b.overdue));
  d.set("has_actions", !b.opened.empty() || !b.due_soon.empty() || !b.overdue.empty());
  d.set("due_soon_until", to_string(add_days(b.range.last, 7)));

  std::vector<TemplateData> contacts;
  for (const auto& c : b.new_contacts) {
    TemplateData cd;
    cd.set("name", addressed(kb, c.person));
    set_text(cd, "org", name_of(kb, c.org));
    set_text(cd, "role", c.role);
    const Record& m = kb.at(c.meeting);
    cd.set("meeting", m.name);
    set_date(cd, "date", m.date);
    contacts.push_back(std::move(cd));
  }
  set_list(d, "new_contacts", std::move(contacts));

  std::vector<TemplateData> next;
  for (NodeId id : b.next_week) next.push_back(meeting_head(kb, kb.at(id)));
  set_list(d, "next_week", std::move(next));
  d.set("next_week_label", to_string(iso_week_of(add_days(b.range.last, 1))));

  std::string pic = f == ReportFormat::html && svg ? inline_svg(*svg) : std::string();
  std::string note;
  if (f == ReportFormat::html && pic.empty() && !b.meetings.empty())
    note = svg ? "The picture of who met whom could not be drawn."
               : "Graphviz (the dot command) is not installed, so the picture of who met whom is left out.";
  d.set("graph_svg", pic);
  d.set("has_graph_svg", !pic.empty());
  set_text(d, "graph_note", note);
  return d;
}

TemplateData brief_data(const KnowledgeBase& kb, const Profile& p, ReportFormat f) {
  const Record& r = kb.at(p.id);
  TemplateData d;
  set_text(d, "kb_name", kb.config.name);
  d.set("name", addressed(kb, p.id));
  d.set("type", std::string(to_string(r.type)));
  set_text(d, "id", r.defined ? r.rid : std::string());
  set_text(d, "aliases", join(r.aliases));
  set_text(d, "honorific", r.entity->honorific);
  set_text(d, "kind", r.entity->kind);
  set_text(d, "parent", r.entity->parent.text.empty() ? std::string() : name_of(kb, r.entity->parent));
  set_text(d, "parent_rid", rid_of(kb, r.entity->parent.target));
  set_date(d, "start", r.entity->start);
  set_date(d, "end", r.entity->end);
  set_text(d, "location", r.type == RecordType::event ? r.location.str() : std::string());
  d.set("is_person", r.type == RecordType::person);
  d.set("is_organization", r.type == RecordType::organization);

  std::vector<TemplateData> affs;
  for (const auto& a : r.entity->affiliations) {
    TemplateData ad;
    ad.set("org", name_of(kb, a.org));
    set_text(ad, "org_rid", rid_of(kb, a.org.target));
    set_text(ad, "role", a.role);
    ad.set("since", a.since ? to_string(*a.since) : std::string("?"));
    ad.set("until", a.until ? to_string(*a.until) : std::string("now"));
    ad.set("dated", a.since.has_value() || a.until.has_value());
    affs.push_back(std::move(ad));
  }
  set_list(d, "affiliations", std::move(affs));
  std::vector<TemplateData> children, members;
  for (NodeId c : kb.children_of(p.id)) {
    TemplateData cd;
    cd.set("name", name_of(kb, c));
    set_text(cd, "rid", rid_of(kb, c));
    children.push_back(std::move(cd));
  }
  set_list(d, "children", std::move(children));
  if (r.type == RecordType::organization)
    for (NodeId m : kb.members_of(p.id)) {
      TemplateData md;
      md.set("name", addressed(kb, m));
      set_text(md, "rid", rid_of(kb, m));
      std::vector<std::string> roles;
      for (const auto& a : kb.at(m).entity->affiliations)
        if (a.org.target == p.id) roles.push_back(a.role);
      set_text(md, "role", join(roles));
      members.push_back(std::move(md));
    }
  set_list(d, "members", std::move(members));

  set_date(d, "last_met", p.last_met);
  set_text(d, "last_met_long", p.last_met ? long_date(*p.last_met) : std::string());
  const Record* next = kb.lookup(p.next);
  d.set("has_next", next != nullptr);
  set_text(d, "next_long", next ? long_date(*next->date) : std::string());
  set_text(d, "next_title", next ? next->name : std::string());
  d.set("meeting_count", count_text(p.meetings.size(), "meeting", "meetings"));
  std::vector<TemplateData> meetings, decisions;
  for (NodeId id : p.meetings) {
    const Record& m = kb.at(id);
    TemplateData md = meeting_head(kb, m);
    set_summary(md, m.minutes->summary, f);
    set_list(md, "decisions", decisions_data(m));
    meetings.push_back(std::move(md));
    for (const auto& dec : m.minutes->decisions) {
      TemplateData dd;
      dd.set("text", plain_text(dec.text));
      set_date(dd, "date", m.date);
      dd.set("meeting", m.name);
      dd.set("meeting_id", m.rid);
      decisions.push_back(std::move(dd));
    }
  }
  set_list(d, "meetings", std::move(meetings));
  set_list(d, "decisions", std::move(decisions));
  auto ties = [&](const std::vector<Tie>& list) {
    std::vector<TemplateData> out;
    for (const auto& t : list) {
      TemplateData td;
      td.set("name", addressed(kb, t.id));
      set_text(td, "rid", rid_of(kb, t.id));
      td.set("meetings", count_text(t.count, "meeting", "meetings"));
      out.push_back(std::move(td));
    }
    return out;
  };
  set_list(d, "people", ties(p.people));
  set_list(d, "organizations", ties(p.organizations));
  set_list(d, "topics", ties(p.topics));
  set_list(d, "open_actions", actions_data(kb, p.open_actions));
  return d;
}

bool render_report(std::ostream& out, std::string_view tpl, const TemplateData& data, ReportFormat f,
                   std::string& error) {
  Escaper esc = [f](const std::string& s) { return escape_for(f, s); };
  BlockText text;
  if (!render_mustache(tpl, data, esc, text, error)) return false;
  std::size_t newlines = 0;  // in a row, across blocks
  for (std::string& block : text.blocks()) {
    if (f == ReportFormat::md) {
      // Sections that are left out leave their blank lines behind: keep at most one in a row.
      std::size_t kept = 0;
      for (char c : block) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) block[kept++] = c;
      }
      block.resize(kept);
    }
    out << block;
  }
  return true;
}

}  // namespace kb
