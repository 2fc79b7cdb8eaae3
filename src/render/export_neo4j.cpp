// kb export neo4j: CSV files with neo4j-admin import headers (`id:ID`, `:LABEL`, `:START_ID`,
// `:END_ID`, `:TYPE`, typed properties such as `date:date`, arrays as `string[]` with `;`).
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "kb/parse/markdown.h"
#include "kb/render/export.h"

#include "exported_actions.h"

namespace kb {
namespace {

// One CSV field: quoted when it holds a delimiter, a quote or starts with a space; line breaks
// become spaces so the import needs no --multiline-fields.
std::string field(std::string_view s) {
  std::string v;
  for (char c : s) v += (c == '\n' || c == '\r') ? ' ' : c;
  if (v.find_first_of(",\";") == std::string::npos && (v.empty() || v.front() != ' ')) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string row(const std::vector<std::string>& cells) {
  std::vector<std::string> fields;
  for (const auto& c : cells) fields.push_back(field(c));
  return fmt::format("{}\n", fmt::join(fields, ","));
}

// An array property: values joined by neo4j-admin's default array delimiter
// (aliases are strings, tags shared strings).
template <class Text>
std::string array(const std::vector<Text>& items) {
  std::string out;
  for (const auto& i : items) {
    std::string clean;
    for (char c : std::string_view(i)) clean += c == ';' ? ',' : c;
    out += (out.empty() ? "" : ";") + clean;
  }
  return out;
}

std::string date(const std::optional<Date>& d) { return d ? to_string(*d) : std::string(); }
std::string boolean(bool b) { return b ? "true" : "false"; }

std::string label_of(RecordType t) {
  switch (t) {
    case RecordType::meeting: return "Meeting";
    case RecordType::person: return "Person";
    case RecordType::organization: return "Organization";
    case RecordType::topic: return "Topic";
    case RecordType::event: return "Event";
    case RecordType::note: return "Note";
  }
  return "Note";
}

std::string labels(const Record& r) { return label_of(r.type) + (r.defined ? "" : ";Unresolved"); }

std::string action_id(const Record& m, const Action& a) { return fmt::format("{}#L{}", m.rid, a.loc.line); }

}  // namespace

std::vector<std::pair<std::string, std::string>> render_neo4j(const KnowledgeBase& kb) {
  kb.require_minutes("render_neo4j");
  kb.require_actions("render_neo4j");
  std::ostringstream people, orgs, topics, events, meetings, notes, actions, attended, affiliated, rels;
  people << "id:ID,name,aliases:string[],tags:string[],honorific,path,:LABEL\n";
  orgs << "id:ID,name,aliases:string[],tags:string[],kind,path,:LABEL\n";
  topics << "id:ID,name,aliases:string[],tags:string[],path,:LABEL\n";
  events << "id:ID,name,aliases:string[],start:date,end:date,location,path,:LABEL\n";
  meetings << "id:ID,title,date:date,time,timezone,location,summary,tags:string[],path,:LABEL\n";
  notes << "id:ID,name,tags:string[],path,:LABEL\n";
  actions << "id:ID,text,due:date,done:boolean,cancelled:boolean,done_on:date,priority,line:int,:LABEL\n";
  attended << ":START_ID,:END_ID,:TYPE,organization,role\n";
  affiliated << ":START_ID,:END_ID,:TYPE,role,since:date,until:date\n";
  rels << ":START_ID,:END_ID,:TYPE\n";

  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto rel = [&](const std::string& from, NodeId to, const char* type) {
    const Record* target = kb.lookup(to);
    if (!target) return;  // an ambiguous name: no edge
    std::string to_id = export_id(*target);
    if (seen.emplace(from, to_id, type).second) rels << row({from, to_id, type});
  };

  for (const auto& r : kb.records()) {
    std::string id = export_id(r);
    switch (r.type) {
      case RecordType::person:
        people << row({id, r.name, array(r.aliases), array(r.tags), r.entity->honorific, r.path, labels(r)});
        break;
      case RecordType::organization:
        orgs << row({id, r.name, array(r.aliases), array(r.tags), r.entity->kind, r.path, labels(r)});
        break;
      case RecordType::topic:
        topics << row({id, r.name, array(r.aliases), array(r.tags), r.path, labels(r)});
        break;
      case RecordType::event:
        events << row({id, r.name, array(r.aliases), date(r.entity->start), date(r.entity->end), r.location, r.path, labels(r)});
        break;
      case RecordType::meeting:
        meetings << row({id, r.name, date(r.date), r.time, r.timezone, r.location, r.minutes->summary, array(r.tags), r.path,
                         labels(r)});
        break;
      case RecordType::note:
        notes << row({id, r.name, array(r.tags), r.path, labels(r)});
        break;
    }
    for (const auto& a : r.attendees) {
      const Record* person = kb.lookup(a.person.target);
      if (!person) continue;
      const Record* org = kb.lookup(a.org);
      attended << row({export_id(*person), id, "ATTENDED", org ? org->name : std::string(), a.role});
    }
    for (const auto& o : r.organizations) rel(id, o.target, "WITH_ORGANIZATION");
    for (const auto& t : r.topics) rel(id, t.target, "ABOUT");
    rel(id, r.event.target, "PART_OF");
    rel(id, r.entity->parent.target, "PART_OF");
    for (const auto& af : r.entity->affiliations)
      if (const Record* org = kb.lookup(af.org.target))
        affiliated << row({id, export_id(*org), "AFFILIATED_WITH", af.role, date(af.since), date(af.until)});
    for (const auto& m : *r.mentions) rel(id, m.target, "MENTIONS");
    for (const auto& a : exported_actions(r)) {
      std::string aid = action_id(r, a);
      actions << row({aid, a.text, date(a.due), boolean(a.done), boolean(a.cancelled), date(a.done_on),
                      std::string(to_string(static_cast<TaskPriority>(a.priority))), std::to_string(a.loc.line),
                      "Action"});
      if (seen.emplace(id, aid, "HAS_ACTION").second) rels << row({id, aid, "HAS_ACTION"});
      rel(aid, a.owner, "OWNED_BY");
    }
  }
  return {{"people.csv", people.str()},         {"organizations.csv", orgs.str()},
          {"topics.csv", topics.str()},         {"events.csv", events.str()},
          {"meetings.csv", meetings.str()},     {"notes.csv", notes.str()},
          {"actions.csv", actions.str()},       {"attended.csv", attended.str()},
          {"affiliated_with.csv", affiliated.str()}, {"relationships.csv", rels.str()}};
}

}  // namespace kb
