// `kb show`: one record with everything kb knows about it.
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "json_values.h"
#include "text_writer.h"
#include "kb/base/text.h"
#include "kb/render/output.h"
#include "kb/parse/markdown.h"
#include "kb/render/table.h"

namespace kb {
namespace {

using nlohmann::json;

// Keys shown in their own sections; any other front-matter key is listed under "Fields".
bool is_known_key(RecordType t, const std::string& k) {
  static const std::vector<std::string> common = {"type", "name", "title", "aliases", "alias", "tags", "tag"};
  if (std::find(common.begin(), common.end(), k) != common.end()) return true;
  switch (t) {
    case RecordType::meeting:
      return k == "date" || k == "time" || k == "end" || k == "duration" || k == "timezone" || k == "location" ||
             k == "event" || k == "series" ||
             k == "organizations" || k == "attendees" || k == "topics";
    case RecordType::person: return k == "honorific" || k == "affiliations";
    case RecordType::organization: return k == "parent" || k == "kind";
    case RecordType::topic: return k == "parent";
    case RecordType::event: return k == "start" || k == "end" || k == "location";
    default: return false;
  }
}

std::string value_text(const Value& v) {
  switch (v.kind) {
    case Value::Kind::null: return "";
    case Value::Kind::scalar: return v.text;
    case Value::Kind::sequence: {
      std::string out;
      for (const auto& i : v.items) out += (out.empty() ? "" : ", ") + value_text(i);
      return out;
    }
    case Value::Kind::mapping: {
      std::string out;
      for (const auto& [k, i] : v.entries)
        fmt::format_to(std::back_inserter(out), "{}{}: {}", out.empty() ? "" : ", ", k, value_text(i));
      return "{" + out + "}";
    }
  }
  return "";
}

std::string affiliation_text(const KnowledgeBase& kb, const Affiliation& a) {
  const std::string org = json_values::name_of(kb, a.org);
  std::string s = a.role.empty() ? org : fmt::format("{}, {}", a.role.view(), org);
  if (a.since || a.until)
    fmt::format_to(std::back_inserter(s), " ({} to {})", a.since ? to_string(*a.since) : "?",
                   a.until ? to_string(*a.until) : "now");
  return s;
}

// A meeting's `HH:MM–HH:MM zone`, each part only when given.
std::string time_text(const Record& r) {
  std::string s = r.time;
  if (!r.end_time.empty()) fmt::format_to(std::back_inserter(s), "–{}", r.end_time.view());
  if (!r.timezone.empty()) fmt::format_to(std::back_inserter(s), " {}", r.timezone.view());
  return s;
}


}  // namespace

void render_profile(std::ostream& out, const KnowledgeBase& kb, const Profile& p, const RenderOptions& o) {
  const Record& r = kb.at(p.id);
  if (is_json(o.format)) {
    json j = r.type == RecordType::meeting ? json_values::meeting(kb, p.id) : json_values::entity(kb, p.id);
    j["type"] = std::string(to_string(r.type));
    j["fields"] = json_values::value(r.text->fields);
    if (Value inline_ = inline_fields(*r.text); !inline_.entries.empty())
      j["inline_fields"] = json_values::value(inline_);  // Dataview's `key:: value` in the body
    if (r.type != RecordType::meeting) {
      auto ms = json::array();
      for (NodeId m : p.meetings) ms.push_back(json_values::meeting(kb, m));
      j["meeting_list"] = ms;
      auto ties = [&](const std::vector<Tie>& list) {
        auto arr = json::array();
        for (const auto& t : list) arr.push_back({{"name", kb.at(t.id).name}, {"id", kb.at(t.id).defined ? json(kb.at(t.id).rid) : json(nullptr)}, {"meetings", t.count}});
        return arr;
      };
      j["people"] = ties(p.people);
      j["organizations"] = ties(p.organizations);
      j["topics"] = ties(p.topics);
      j["last_met"] = p.last_met ? json(to_string(*p.last_met)) : json(nullptr);
      j["next"] = p.next.valid() ? json_values::meeting_ref(kb, p.next) : json(nullptr);
      auto subs = json::array();
      for (NodeId c : kb.children_of(p.id)) subs.push_back(kb.at(c).name);
      j["children"] = subs;
      auto members = json::array();
      for (NodeId m : kb.members_of(p.id)) members.push_back(kb.at(m).name);
      if (r.type == RecordType::organization) j["members"] = members;
      auto acts = json::array();
      for (const auto& a : p.open_actions) acts.push_back(json_values::action(kb, a));
      j["open_actions"] = acts;
    }
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    return;
  }
  if (o.format == OutputFormat::ids) {
    out << r.rid << '\n';
    return;
  }
  TextWriter w(out, o.format == OutputFormat::md, o.color);
  std::string sub = fmt::format("{} · {}", to_string(r.type), r.defined ? r.rid : "no record (only named in notes)");
  w.title(r.name, sub);
  if (!r.aliases.empty()) w.field("Aliases", [&] { std::string s; for (const auto& a : r.aliases) s += (s.empty() ? "" : ", ") + a; return s; }());
  switch (r.type) {
    case RecordType::meeting: {
      w.field("Date", r.date ? long_date(*r.date) : "");
      w.field("Time", time_text(r));
      w.field("Location", r.location);
      w.field("Event", r.event.text.empty() ? "" : json_values::name_of(kb, r.event));
      w.field("Series", r.series);
      std::string orgs;
      for (const auto& ref : r.organizations) orgs += (orgs.empty() ? "" : ", ") + json_values::name_of(kb, ref);
      w.field("Organizations", orgs);
      std::string topics;
      for (const auto& ref : r.topics) topics += (topics.empty() ? "" : ", ") + json_values::name_of(kb, ref);
      w.field("Topics", topics);
      break;
    }
    case RecordType::person:
      w.field("Honorific", r.entity->honorific);
      break;
    case RecordType::organization:
      w.field("Kind", r.entity->kind);
      w.field("Parent", r.entity->parent.text.empty() ? "" : json_values::name_of(kb, r.entity->parent));
      break;
    case RecordType::topic:
      w.field("Parent", r.entity->parent.text.empty() ? "" : json_values::name_of(kb, r.entity->parent));
      break;
    case RecordType::event:
      w.field("Dates", (r.entity->start ? to_string(*r.entity->start) : "") + (r.entity->end ? " to " + to_string(*r.entity->end) : ""));
      w.field("Location", r.location);
      break;
    default:
      break;
  }
  if (!r.tags.empty()) w.field("Tags", [&] { std::string s; for (const auto& t : r.tags) s += (s.empty() ? "" : ", ") + t; return s; }());
  for (const auto& [k, v] : r.text->fields.entries)
    if (!is_known_key(r.type, k)) w.field(k, value_text(v));
  for (const auto& [k, v] : inline_fields(*r.text).entries)  // Dataview's `key:: value` in the body
    if (!r.text->fields.find_property(k)) w.field(k, value_text(v));
  if (p.last_met && r.type != RecordType::meeting) w.field("Last met", long_date(*p.last_met));
  if (const Record* next = kb.lookup(p.next); next && r.type != RecordType::meeting)
    w.field("Next", fmt::format("{}  {}  {}", long_date(*next->date), next->name, next->rid));

  if (r.type == RecordType::meeting) {
    if (!r.attendees.empty()) {
      w.section("Attendees");
      for (const auto& a : r.attendees) {
        std::string s = json_values::name_of(kb, a.person);
        std::string detail = a.role;
        if (const Record* org = kb.lookup(a.org)) detail += (detail.empty() ? "" : ", ") + org->name;
        if (!detail.empty()) s += fmt::format(" ({})", detail);
        w.item(s);
      }
    }
    if (!r.minutes->summary.empty()) {
      w.section("Summary");
      w.para(r.minutes->summary);
    }
    if (!r.minutes->decisions.empty()) {
      w.section("Decisions");
      for (const auto& d : r.minutes->decisions) w.item(plain_text(d.text));
    }
    if (!r.actions->empty()) {
      w.section("Actions");
      for (std::size_t i = 0; i < r.actions->size(); ++i) w.item(action_text(kb, {p.id, i}));
    }
    return;
  }
  if (r.type == RecordType::person && !r.entity->affiliations.empty()) {
    w.section("Affiliations");
    for (const auto& a : r.entity->affiliations) w.item(affiliation_text(kb, a));
  }
  if (r.type == RecordType::organization || r.type == RecordType::topic) {
    const auto& kids = kb.children_of(p.id);
    if (!kids.empty()) {
      w.section(r.type == RecordType::organization ? "Sub-organizations" : "Sub-topics");
      for (NodeId c : kids) w.item(kb.at(c).name);
    }
    const auto& members = kb.members_of(p.id);
    if (!members.empty()) {
      w.section("People");
      for (NodeId m : members) {
        std::string s = kb.at(m).name;
        for (const auto& a : kb.at(m).entity->affiliations)
          if (a.org.target == p.id && !a.role.empty()) s += fmt::format(" ({})", a.role.view());
        w.item(s);
      }
    }
  }
  w.section(fmt::format("Meetings ({})", p.meetings.size()));
  if (p.meetings.empty()) w.item("none yet");
  for (NodeId m : p.meetings) {
    const Record& mr = kb.at(m);
    w.item(fmt::format("{}  {}  {}", mr.date ? to_string(*mr.date) : "", mr.name, mr.rid));
  }
  auto ties = [&](const std::string& name, const std::vector<Tie>& list) {
    if (list.empty()) return;
    w.section(name);
    for (const auto& t : list)
      w.item(fmt::format("{} ({} {})", kb.at(t.id).name, t.count, t.count == 1 ? "meeting" : "meetings"));
  };
  ties(r.type == RecordType::person ? "Frequent co-attendees" : "People met", p.people);
  ties("Organizations", p.organizations);
  ties("Topics", p.topics);
  if (!p.open_actions.empty()) {
    w.section("Open actions");
    for (const auto& a : p.open_actions) w.item(action_text(kb, a));
  }
}

}  // namespace kb
