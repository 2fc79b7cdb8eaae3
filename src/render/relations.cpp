#include "kb/render/relations.h"

#include <fmt/format.h>

#include "json_values.h"
#include "kb/query/profile.h"
#include "kb/render/table.h"

namespace kb {
namespace {

using nlohmann::json;

json rid_or_null(const Record& r) { return r.defined ? json(r.rid) : json(nullptr); }

void write_json(std::ostream& out, const json& arr, const RenderOptions& o) {
  if (o.format == OutputFormat::jsonl) {
    for (const auto& v : arr) out << v.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  } else {
    out << arr.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

bool is_json(const RenderOptions& o) { return is_json(o.format); }

}  // namespace

void render_related(std::ostream& out, const KnowledgeBase& kb, const Related& r, const RenderOptions& o) {
  const std::pair<const char*, const std::vector<RelatedTie>*> kinds[] = {
      {"person", &r.people}, {"organization", &r.organizations}, {"topic", &r.topics}};
  if (is_json(o)) {
    json arr = json::array();
    for (const auto& [kind, list] : kinds)
      for (const auto& t : *list) {
        const Record& x = kb.at(t.id);
        json ms = json::array();
        for (NodeId m : t.meetings) ms.push_back(json_values::meeting_ref(kb, m));
        const LastAndNext when = last_and_next(kb, t.meetings, o.today);
        arr.push_back({{"type", kind}, {"name", x.name}, {"id", rid_or_null(x)}, {"strength", t.strength},
                       {"last_met", when.last_met ? json(to_string(*when.last_met)) : json(nullptr)},
                       {"next", when.next.valid() ? json_values::meeting_ref(kb, when.next) : json(nullptr)},
                       {"meetings", ms}});
      }
    write_json(out, arr, o);
    return;
  }
  // A table says how strong each tie is and its newest meeting; every meeting's id is in JSON
  // and, for scripts, in CSV.
  const bool all_ids = o.format == OutputFormat::csv || !o.fields.empty();
  Table t;
  t.headers = {"TYPE", "NAME", "STRENGTH", "LAST MET", "LAST MEETING", "NEXT", "MEETINGS"};
  t.flexible = {1, 4, 5, 6};
  t.extra = {6};
  std::vector<std::string> ids;
  for (const auto& [kind, list] : kinds)
    for (const auto& tie : *list) {
      const Record& x = kb.at(tie.id);
      const LastAndNext when = last_and_next(kb, tie.meetings, o.today);
      const Record* last = kb.lookup(when.last);
      const Record* next = kb.lookup(when.next);
      t.rows.push_back({kind, x.name, std::to_string(tie.strength), date_text(when.last_met), last ? last->name : "",
                        next ? fmt::format("{} {}", date_text(next->date), next->name) : ""});
      std::string ms;
      if (all_ids)
        for (NodeId m : tie.meetings) ms += (ms.empty() ? "" : ", ") + kb.at(m).rid;
      t.rows.back().push_back(std::move(ms));
      ids.push_back(x.defined ? x.rid : std::string());
    }
  render_table(out, std::move(t), ids, o);
}

void render_path(std::ostream& out, const KnowledgeBase& kb, const std::vector<PathStep>& steps,
                 const RenderOptions& o) {
  if (is_json(o)) {
    json arr = json::array();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const Record& r = kb.at(steps[i].id);
      std::string link = to_string(steps[i].link);
      arr.push_back({{"step", i},
                     {"link", link.empty() ? json(nullptr) : json(link)},
                     {"type", std::string(to_string(r.type))},
                     {"name", r.name},
                     {"id", rid_or_null(r)},
                     {"date", r.type == RecordType::meeting && r.date ? json(to_string(*r.date)) : json(nullptr)}});
    }
    write_json(out, arr, o);
    return;
  }
  Table t;
  t.headers = {"STEP", "LINK", "TYPE", "NAME", "DATE", "ID"};
  t.flexible = {3};
  t.id_columns = {5};
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Record& r = kb.at(steps[i].id);
    t.rows.push_back({std::to_string(i), to_string(steps[i].link), std::string(to_string(r.type)), r.name,
                      r.type == RecordType::meeting ? date_text(r.date) : std::string(),
                      r.defined ? r.rid : "(no record)"});
    ids.push_back(r.defined ? r.rid : std::string());
  }
  render_table(out, std::move(t), ids, o);
}

void render_stale(std::ostream& out, const KnowledgeBase& kb, const std::vector<StaleEntry>& list,
                  const RenderOptions& o) {
  auto org_text = [&](const Record& r) {
    if (r.type != RecordType::person) return std::string();
    const Affiliation* pick = nullptr;
    for (const auto& a : r.entity->affiliations)
      if (!a.until) pick = pick ? pick : &a;
    if (!pick && !r.entity->affiliations.empty()) pick = &r.entity->affiliations.back();
    return pick ? json_values::name_of(kb, pick->org) : std::string();
  };
  if (is_json(o)) {
    json arr = json::array();
    for (const auto& e : list) {
      json j = json_values::entity(kb, e.id);
      j["last_met"] = to_string(e.last_met);
      j["days_since"] = e.days_since;
      arr.push_back(std::move(j));
    }
    write_json(out, arr, o);
    return;
  }
  Table t;
  t.headers = {"NAME", "TYPE", "ORGANIZATION", "LAST MET", "DAYS", "MEETINGS", "ID"};
  t.flexible = {0, 2};
  t.id_columns = {6};
  std::vector<std::string> ids;
  for (const auto& e : list) {
    const Record& r = kb.at(e.id);
    t.rows.push_back({r.name, std::string(to_string(r.type)), org_text(r), to_string(e.last_met),
                      std::to_string(e.days_since), std::to_string(e.meetings), r.defined ? r.rid : "(no record)"});
    ids.push_back(r.defined ? r.rid : std::string());
  }
  render_table(out, std::move(t), ids, o);
}

}  // namespace kb
