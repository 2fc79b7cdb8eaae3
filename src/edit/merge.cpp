#include "kb/edit/merge.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "kb/base/date.h"
#include "kb/base/diag.h"
#include "kb/base/text.h"
#include "kb/edit/rename.h"
#include "kb/model/record_builder.h"
#include "kb/parse/front_matter.h"
#include "kb/parse/yaml_emit.h"
#include "kb/store/front_edit.h"

namespace kb {
namespace {

YamlOut scalar_out(const std::string& text) {
  return parse_date(text) && text.size() == 10 ? YamlOut::date(text) : YamlOut::str(text);
}

bool scalar_list(const Value& v) {
  return v.is_sequence() && std::all_of(v.items.begin(), v.items.end(), [](const Value& i) { return i.is_scalar(); });
}

std::string inline_text(const Value& v) {
  if (v.is_scalar()) return v.text;
  std::string out;
  for (const Value& i : v.items) out += (out.empty() ? "" : ", ") + inline_text(i);
  for (const ValueEntry& e : v.entries) out += (out.empty() ? "" : ", ") + e.first + ": " + inline_text(e.second);
  return v.is_sequence() ? "[" + out + "]" : v.is_mapping() ? "{" + out + "}" : out;
}

// The kept record's note as it is being edited, and what the plan says of it.
struct Into {
  const KbConfig& config;
  std::string path;
  std::string text;
  std::optional<FrontMatter> front;  // of `text` as read
  MergePlan& plan;
  bool ok = true;

  void edit(std::optional<std::string> next) {
    if (next) text = std::move(*next);
    else ok = false;
  }
  const Value& fields() const { return front->fields; }
};

void move_names(const Record& dup, const Record& into, Into& n) {
  std::set<std::string> keys;
  keys.insert(name_key(into.name));
  for (const std::string& a : into.aliases) keys.insert(name_key(a));
  std::vector<std::string> names{dup.name};
  names.insert(names.end(), dup.aliases.begin(), dup.aliases.end());
  const std::string key = n.config.key_in(n.fields(), "aliases");
  for (const std::string& name : names) {
    if (!keys.insert(name_key(name)).second) continue;
    n.edit(append_list_item(n.path, n.text, key, YamlOut::str(name)));
    n.plan.moved.push_back(fmt::format("alias '{}'", name));
  }
}

YamlOut affiliation_out(const Affiliation& a) {
  YamlOut m = YamlOut::map();
  m.add("org", YamlOut::str(std::string(a.org.text.view())));
  if (!a.role.empty()) m.add("role", YamlOut::str(std::string(a.role.view())));
  if (a.since) m.add("since", YamlOut::date(to_string(*a.since)));
  if (a.until) m.add("until", YamlOut::date(to_string(*a.until)));
  return m;
}

void move_affiliations(const Record& dup, const Record& into, Into& n) {
  if (!dup.entity.present()) return;
  const auto& have = into.entity.present() ? into.entity->affiliations : std::vector<Affiliation>{};
  const std::string key = n.config.key_in(n.fields(), "affiliations");
  for (const Affiliation& a : dup.entity->affiliations) {
    auto same = [&](const Affiliation& b) {
      return name_key(b.org.text.view()) == name_key(a.org.text.view()) && b.role.view() == a.role.view();
    };
    if (std::any_of(have.begin(), have.end(), same)) continue;
    n.edit(append_list_item(n.path, n.text, key, affiliation_out(a)));
    n.plan.moved.push_back(fmt::format("affiliation '{}'{}", a.org.text.view(),
                                       a.role.empty() ? "" : fmt::format(" ({})", a.role.view())));
  }
}

// One field of the duplicate that is not a name or an affiliation.
void move_field(const std::string& key, const Value& theirs, Into& n) {
  const Value* ours = n.fields().find(key);
  if (ours && same_value(*ours, theirs)) return;
  if (!ours && theirs.is_scalar()) {
    n.edit(set_scalar(n.path, n.text, key, scalar_out(theirs.text)));
  } else if ((!ours || scalar_list(*ours)) && scalar_list(theirs)) {
    for (const Value& item : theirs.items) {
      bool held = ours && std::any_of(ours->items.begin(), ours->items.end(),
                                      [&](const Value& o) { return o.text == item.text; });
      if (!held) n.edit(append_list_item(n.path, n.text, key, scalar_out(item.text)));
    }
  } else if (!theirs.is_null()) {
    n.plan.conflicts.push_back(
        fmt::format("{}: {}{}", key, inline_text(theirs),
                    ours ? fmt::format(" (kept: {})", inline_text(*ours)) : " (kb cannot move it)"));
    return;
  }
  n.plan.moved.push_back(fmt::format("field '{}'", key));
}

void move_fields(const Value& dup_fields, Into& n) {
  std::set<std::string> skip{"type", "name", "title", "aliases", "alias", "affiliations"};
  for (const char* k : {"name", "title", "aliases", "affiliations"}) skip.insert(to_lower_ascii(n.config.key_for(k)));
  for (const ValueEntry& e : dup_fields.entries)  // property names match in any case (`Aliases:`)
    if (!skip.count(to_lower_ascii(e.first))) move_field(e.first, e.second, n);
}

// The duplicate's body and the fields that could not move, under a heading of their own.
void keep_the_rest(const Record& dup, std::string_view dup_body, Into& n) {
  const std::string body(trim(dup_body));
  if (body.empty() && n.plan.conflicts.empty()) return;
  const std::string eol = n.text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::string section = eol + "## Merged from " + dup.name + eol + eol;
  for (const std::string& c : n.plan.conflicts) section += "- " + c + eol;
  if (!n.plan.conflicts.empty() && !body.empty()) section += eol;
  if (!body.empty()) section += body + eol;
  if (!n.text.empty() && n.text.back() != '\n' && n.text.back() != '\r') n.text += eol;
  n.text += section;
}

}  // namespace

MergePlan plan_merge(const KnowledgeBase& kb, FileSystem& fs, NodeId duplicate, NodeId into_id) {
  const Record& dup = kb.at(duplicate);
  const Record& into = kb.at(into_id);
  UsesRenamed uses = rename_uses(kb, fs, duplicate, into.name, into.rid);
  MergePlan plan{{}, {}, {}, uses.by_alias, std::move(uses.problems)};
  const std::string dup_path = dup.path.str(), into_path = into.path.str();
  std::string dup_text, into_disk, error;
  if (!fs.read(dup_path, dup_text, error))
    plan.problems.push_back(fmt::format("{}: cannot read it ({})", dup_path, error));
  if (!fs.read(into_path, into_disk, error))
    plan.problems.push_back(fmt::format("{}: cannot read it ({})", into_path, error));
  if (!plan.problems.empty()) return plan;
  std::string into_text = into_disk;
  for (NoteChange& c : uses.notes) {
    if (c.path == into_path) into_text = c.after;  // the kept note named the duplicate too
    if (c.path != into_path && c.path != dup_path) plan.change.notes.push_back(std::move(c));
  }
  DiagSink diags;
  auto dup_front = parse_front_matter(dup_path, dup_text, diags);
  Into n{kb.config, into_path, into_text, parse_front_matter(into_path, into_text, diags), plan};
  if (!dup_front || !n.front || !n.front->present) {
    plan.problems.push_back(fmt::format("{}: its front matter does not parse", dup_front ? into_path : dup_path));
    return plan;
  }
  move_names(dup, into, n);
  move_affiliations(dup, into, n);
  move_fields(dup_front->fields, n);
  keep_the_rest(dup, std::string_view(dup_text).substr(dup_front->body_offset), n);
  if (!n.ok)
    plan.problems.push_back(fmt::format("{}: kb cannot edit its front matter safely; edit it by hand", into_path));
  plan.change.notes.push_back({into_path, std::move(into_disk), std::move(n.text), 0});
  plan.change.remove = NoteChange{dup_path, std::move(dup_text), {}, 0};
  return plan;
}

}  // namespace kb
