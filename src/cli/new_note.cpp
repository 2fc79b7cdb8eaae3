// A new note made from its template: see new_note.h.
#include "new_note.h"

#include <algorithm>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/record.h"
#include "kb/query/actions.h"
#include "kb/query/prepare.h"
#include "kb/render/table.h"
#include "kb/render/templates.h"
#include "kb/store/real_fs.h"
#include "writing.h"

namespace kb::cli {
namespace {

std::string template_file(RecordType t) {
  return std::string(t == RecordType::organization ? "org" : to_string(t)) + ".md.mustache";
}

// Does the front matter read back (through kb's own parser) hold exactly what we meant?
bool same_value(const YamlOut& want, const Value& got) {
  switch (want.kind) {
    case YamlOut::Kind::text:
    case YamlOut::Kind::date:
      return got.is_scalar() && got.text == want.text;
    case YamlOut::Kind::sequence:
      if (!got.is_sequence() || got.items.size() != want.items.size()) return false;
      for (std::size_t i = 0; i < want.items.size(); ++i)
        if (!same_value(want.items[i], got.items[i])) return false;
      return true;
    case YamlOut::Kind::mapping:
      for (const auto& [k, v] : want.entries) {
        const Value* g = got.find(k);
        if (!g || !same_value(v, *g)) return false;
      }
      return got.is_mapping();
  }
  return false;
}

// A text copied after `- ` in the new note: one that starts with a bracket (`[ ] x`, `[x] y`)
// would make that line a task of the new meeting, so its bracket is escaped.
std::string list_item_text(const std::string& text) { return !text.empty() && text[0] == '[' ? "\\" + text : text; }

// Actions as the template lists them: the text, and the meeting it lives in as a link.
TemplateData action_list(const KnowledgeBase& kb, const std::vector<ActionRef>& refs) {
  TemplateData actions = TemplateData::list();
  for (const ActionRef& ref : refs) {
    const Record& m = kb.at(ref.meeting);
    TemplateData a;
    a.set("text", list_item_text(action_at(kb, ref).text));
    a.set("meeting_id", m.rid);
    a.set("meeting_title", m.name);
    a.set("meeting_date", m.date ? to_string(*m.date) : std::string());
    actions.push(std::move(a));
  }
  return actions;
}

}  // namespace

FileNames file_names(const KnowledgeBase& kb) { return kb.config.name_files ? FileNames::name : FileNames::slug; }

TemplateData preparation_data(const KnowledgeBase& kb, const std::vector<NodeId>& subjects, const Date& date,
                              const std::string& series, const std::vector<ActionRef>& carried) {
  Preparation p = prepare_meeting(kb, subjects, date);
  // An action the series carries is listed once, there.
  std::erase_if(p.open_actions, [&](const ActionRef& a) {
    return std::any_of(carried.begin(), carried.end(),
                       [&](const ActionRef& c) { return c.meeting == a.meeting && c.index == a.index; });
  });
  TemplateData actions = action_list(kb, p.open_actions);
  TemplateData last = TemplateData::list();
  for (const LastMeeting& l : p.last_meetings) {
    const Record& m = kb.at(l.meeting);
    std::string with;
    for (std::size_t i = 0; i < l.subjects.size(); ++i) {
      if (i > 0) with += i + 1 == l.subjects.size() ? " and " : ", ";
      with += kb.at(l.subjects[i]).name;
    }
    TemplateData decisions = TemplateData::list();
    for (const auto& d : m.minutes->decisions) {
      TemplateData item;
      item.set("text", list_item_text(d.text));
      decisions.push(std::move(item));
    }
    TemplateData entry;
    entry.set("with", with);
    entry.set("date", m.date ? to_string(*m.date) : std::string());
    entry.set("title", m.name);
    entry.set("id", m.rid);
    entry.set("decisions", std::move(decisions));
    last.push(std::move(entry));
  }
  TemplateData out;
  out.set("has_open_actions", !p.open_actions.empty());
  out.set("open_actions", std::move(actions));
  out.set("last_meetings", std::move(last));
  out.set("series", series);
  out.set("has_carried", !carried.empty());
  out.set("carried", action_list(kb, carried));
  out.set("has_before", !p.empty() || !carried.empty());
  return out;
}

// Renders a draft through its template and checks that kb reads back what was meant.
std::optional<std::string> render_note(Session& s, RealFileSystem& fs, Draft& d, const std::string& path) {
  std::string tpl_path = "templates/" + template_file(d.type);
  std::string tpl, read_error;
  if (!fs.exists(tpl_path) || !fs.read(tpl_path, tpl, read_error)) {
    const char* builtin = lookup_embedded_template(template_file(d.type));
    if (!builtin) {
      s.error(fmt::format("no template for {} notes (restore '{}' with 'kb init')", type_noun(d.type), tpl_path));
      return std::nullopt;
    }
    tpl = builtin;
    tpl_path = fmt::format("built-in {}", template_file(d.type));
  }
  if (d.carried && tpl.find("carried") == std::string::npos)
    s.warning(
        fmt::format("template '{}' has no {} section: the {} open actions of the series are not listed (see "
                    "the built-in one: 'kb init' in an empty folder)",
                    tpl_path, "{{#carried}}", d.carried));
  d.data.set("front_matter", emit_yaml(d.front));
  std::string error;
  auto text = render_mustache(tpl, d.data, [](const std::string& v) { return markdown_escape(v); }, error);
  if (!text) {
    s.error(fmt::format("template '{}': {}", tpl_path, error));
    return std::nullopt;
  }
  DiagSink diags;
  auto raw = parse_record(path, *text, diags);
  if (!raw || diags.has_errors() || !raw->front.present || !same_value(d.front, raw->front.fields)) {
    std::string why = diags.all().empty() ? "the front matter does not hold the values given" : to_string(diags.all().front());
    s.error(
        fmt::format("the note made from template '{}' does not read back ({}); the template must start with "
                    "'---', a line holding {}, and '---'",
                    tpl_path, why, "{{{front_matter}}}"));
    return std::nullopt;
  }
  return text;
}

}  // namespace kb::cli
