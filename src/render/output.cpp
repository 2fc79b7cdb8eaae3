#include "kb/parse/markdown.h"
#include "kb/render/output.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "json_values.h"
#include "kb/base/text.h"
#include "kb/render/table.h"

namespace kb {
namespace {

using nlohmann::json;

std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ") {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string names_of(const KnowledgeBase& kb, const std::vector<NameRef>& refs) {
  std::vector<std::string> names;
  for (const auto& r : refs) names.push_back(json_values::name_of(kb, r));
  return join(names);
}

void write_json(std::ostream& out, const json& value, bool lines) {
  if (lines) {
    if (value.is_array())
      for (const auto& v : value) out << v.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    else
      out << value.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  } else {
    out << value.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

std::string org_of_person_now(const KnowledgeBase& kb, const Record& p) {
  // The affiliation without an end, else the latest listed.
  const Affiliation* pick = nullptr;
  for (const auto& a : p.entity->affiliations)
    if (!a.until) {
      pick = &a;
      break;
    }
  if (!pick && !p.entity->affiliations.empty()) pick = &p.entity->affiliations.back();
  if (!pick) return {};
  return json_values::name_of(kb, pick->org);
}

}  // namespace

void render_table(std::ostream& out, Table t, const std::vector<std::string>& ids, const RenderOptions& o) {
  if (o.format == OutputFormat::ids) {
    // One id per line, always: a control character in a file name is shown escaped.
    for (const auto& id : ids)
      if (!id.empty()) out << terminal_safe(id) << '\n';
    return;
  }
  choose_columns(t, o.fields, o.format == OutputFormat::csv);
  switch (o.format) {
    case OutputFormat::csv: render_csv(out, t, o.bom); break;
    case OutputFormat::md: render_markdown_table(out, t); break;
    default:
      // Nothing matched: no header either (the note on stderr says so), as grep tools do.
      if (!t.rows.empty()) render_text_table(out, t, {o.color, o.width});
      break;
  }
}

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "table") return OutputFormat::table;
  if (text == "json") return OutputFormat::json;
  if (text == "jsonl") return OutputFormat::jsonl;
  if (text == "csv") return OutputFormat::csv;
  if (text == "md" || text == "markdown") return OutputFormat::md;
  if (text == "ids") return OutputFormat::ids;
  return std::nullopt;
}

void render_meetings(std::ostream& out, const KnowledgeBase& kb, const std::vector<MeetingMatch>& meetings,
                     const RenderOptions& o) {
  if (is_json(o.format)) {
    json arr = json::array();
    for (const auto& m : meetings) {
      json j = json_values::meeting(kb, m.id);
      if (o.explain) j["reasons"] = m.reasons;
      arr.push_back(std::move(j));
    }
    write_json(out, arr, o.format == OutputFormat::jsonl);
    return;
  }
  // Attendees, topics, location and tags: in CSV (a spreadsheet wants everything) or when
  // --fields names them; a terminal table stays one short line a meeting.
  const bool extra = o.format == OutputFormat::csv || !o.fields.empty();
  Table t;
  t.headers = {"DATE", "TIME", "TITLE", "ORGANIZATIONS", "ID", "ATTENDEES", "TOPICS", "LOCATION", "TAGS"};
  t.flexible = {2, 3, 5, 6, 7};
  t.id_columns = {4};
  t.extra = {5, 6, 7, 8};
  if (o.explain) t.headers.push_back("WHY"), t.flexible.push_back(9);
  std::vector<std::string> ids;
  for (const auto& mm : meetings) {
    const Record& m = kb.at(mm.id);
    ids.push_back(m.rid);
    if (o.format == OutputFormat::ids) continue;  // the ids alone: no row to build
    std::vector<std::string> row{date_text(m.date), m.time, m.name, names_of(kb, m.organizations), m.rid};
    if (extra) {
      std::vector<std::string> people, tags;
      for (const auto& a : m.attendees) people.push_back(json_values::name_of(kb, a.person));
      for (const auto& tag : m.tags) tags.push_back(tag.str());
      row.insert(row.end(), {join(people), names_of(kb, m.topics), m.location, join(tags)});
    } else {
      row.resize(9);
    }
    if (o.explain) row.push_back(join(mm.reasons, "; "));
    t.rows.push_back(std::move(row));
  }
  render_table(out, std::move(t), ids, o);
}

void render_records(std::ostream& out, const KnowledgeBase& kb, const std::vector<NodeId>& ids,
                    const RenderOptions& o) {
  if (is_json(o.format)) {
    json arr = json::array();
    for (NodeId id : ids) {
      json j = json_values::entity(kb, id);
      const LastAndNext when = last_and_next(kb, meetings_for(kb, id), o.today);
      j["last_met"] = when.last_met ? json(to_string(*when.last_met)) : json(nullptr);
      j["next"] = when.next.valid() ? json_values::meeting_ref(kb, when.next) : json(nullptr);
      arr.push_back(std::move(j));
    }
    write_json(out, arr, o.format == OutputFormat::jsonl);
    return;
  }
  Table t;
  bool people = !ids.empty() && kb.at(ids.front()).type == RecordType::person;
  bool meetings = !ids.empty() && kb.at(ids.front()).type == RecordType::meeting;
  if (meetings) {
    std::vector<MeetingMatch> ms;
    for (NodeId id : ids) ms.push_back({id, {}});
    render_meetings(out, kb, ms, o);
    return;
  }
  t.headers = {"NAME", people ? "ORGANIZATION" : "PARENT", "MEETINGS", "LAST MET", "NEXT", "ID"};
  t.flexible = {0, 1};
  t.id_columns = {5};
  std::vector<std::string> rids;
  for (NodeId id : ids) {
    const Record& r = kb.at(id);
    auto ms = meetings_for(kb, id);
    const LastAndNext when = last_and_next(kb, ms, o.today);
    std::string second = people ? org_of_person_now(kb, r)
                                : (r.entity->parent.text.empty() ? "" : json_values::name_of(kb, r.entity->parent));
    t.rows.push_back({r.name, second, std::to_string(ms.size()), date_text(when.last_met),
                      when.next.valid() ? date_text(kb.at(when.next).date) : "", r.defined ? r.rid : "(no record)"});
    rids.push_back(r.rid);
  }
  render_table(out, std::move(t), rids, o);
}

void render_actions(std::ostream& out, const KnowledgeBase& kb, const std::vector<ActionRef>& actions,
                    const RenderOptions& o) {
  if (is_json(o.format)) {
    json arr = json::array();
    for (const auto& a : actions) arr.push_back(json_values::action(kb, a));
    write_json(out, arr, o.format == OutputFormat::jsonl);
    return;
  }
  Table t;
  // Tasks of notes other than meetings (--all-notes): the column names the note.
  const bool notes = std::any_of(actions.begin(), actions.end(),
                                 [&](const ActionRef& a) { return kb.at(a.meeting).type != RecordType::meeting; });
  t.headers = {"DUE", "DONE", "OWNER", "ACTION", notes ? "NOTE" : "MEETING", "LINE"};
  t.flexible = {3};
  t.id_columns = {4, 5};  // the meeting and line name the action
  std::vector<std::string> ids;
  for (const auto& ref : actions) {
    const Action& a = action_at(kb, ref);
    const Record& m = kb.at(ref.meeting);
    const Record* owner = kb.lookup(a.owner);
    t.rows.push_back({date_text(a.due), a.done        ? (a.done_on ? date_text(a.done_on) : "yes")
                      : a.cancelled ? "cancelled"
                                    : "",
                      owner ? owner->name : "", plain_text(a.text), m.rid, std::to_string(a.loc.line)});
    ids.push_back(fmt::format("{}:{}", m.rid, a.loc.line));
    // On a terminal: a closed action dimmed, an open one past its due date with the date red.
    if (!a.is_open()) t.paint.emplace_back(t.headers.size(), Paint::dim);
    else if (a.due && *a.due < o.today) t.paint.push_back({Paint::red});
    else t.paint.emplace_back();
  }
  render_table(out, std::move(t), ids, o);
}

void render_decisions(std::ostream& out, const KnowledgeBase& kb, const std::vector<DecisionRef>& decisions,
                      const RenderOptions& o) {
  if (is_json(o.format)) {
    json arr = json::array();
    for (const auto& d : decisions) {
      const Record& m = kb.at(d.meeting);
      arr.push_back({{"meeting", m.rid}, {"date", date_text(m.date)}, {"title", m.name},
                     {"text", plain_text(m.minutes->decisions[d.index].text)}, {"markdown", m.minutes->decisions[d.index].text}, {"line", m.minutes->decisions[d.index].loc.line}});
    }
    write_json(out, arr, o.format == OutputFormat::jsonl);
    return;
  }
  Table t;
  t.headers = {"DATE", "DECISION", "MEETING"};
  t.flexible = {1};
  t.id_columns = {2};
  std::vector<std::string> ids;
  for (const auto& d : decisions) {
    const Record& m = kb.at(d.meeting);
    t.rows.push_back({date_text(m.date), plain_text(m.minutes->decisions[d.index].text), m.rid});
    ids.push_back(fmt::format("{}:{}", m.rid, m.minutes->decisions[d.index].loc.line));
  }
  render_table(out, std::move(t), ids, o);
}

void render_diagnostics_json(std::ostream& out, const std::vector<Diagnostic>& diags, bool lines) {
  json arr = json::array();
  for (const auto& d : diags)
    arr.push_back({{"path", d.loc.path.empty() ? json(nullptr) : json(d.loc.path)},
                   {"line", d.loc.line},
                   {"column", d.loc.column},
                   {"severity", d.severity == Severity::error ? "error" : "warning"},
                   {"message", d.message}});
  write_json(out, arr, lines);
}

std::string json_library_version() {
  return fmt::format("nlohmann-json {}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                     NLOHMANN_JSON_VERSION_PATCH);
}

}  // namespace kb
