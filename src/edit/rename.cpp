#include "kb/edit/rename.h"

#include <algorithm>

#include <fmt/format.h>

#include "kb/base/diag.h"
#include "kb/base/text.h"
#include "kb/model/record_builder.h"
#include "kb/model/references.h"
#include "kb/parse/front_matter.h"
#include "kb/store/front_edit.h"
#include "kb/store/name_edit.h"
#include "kb/store/writer.h"

namespace kb {
namespace {

std::string folder_of(std::string_view rid) {
  std::size_t slash = rid.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(rid.substr(0, slash));
}

bool by_alias(const Record& t, const NameUse& use) {
  const std::string key = name_key(use.text);
  return use.type.value_or(t.type) == t.type &&
         std::any_of(t.aliases.begin(), t.aliases.end(), [&](const std::string& a) { return name_key(a) == key; });
}

bool loads_clean(const KbConfig& config, const std::string& path, std::string_view text) {
  DiagSink diags;
  return check_note_text(config, path, text, diags);
}

// The edit of one note that names `target`: each use by its name or id renamed.
void rename_in_note(const KnowledgeBase& kb, const std::string& path, std::string text, NodeId target,
                    std::string_view name, std::string_view rid, UsesRenamed& out) {
  const Record& t = kb.at(target);
  std::vector<NameChange> changes;
  for (const NameUse& use : name_uses(kb.config, path, text)) {
    if (!names_by_name(kb, use, target)) {
      if (by_alias(t, use)) ++out.by_alias;
      continue;
    }
    const std::string to(use.text == t.rid ? rid : name);
    if (to != use.text) changes.push_back({use.loc.line, use.loc.column, use.body, use.text, to});
  }
  if (changes.empty()) return;
  auto after = rename_names(path, text, changes);
  if (!after) {
    out.problems.push_back(fmt::format("{}: kb cannot rewrite its names safely; edit it by hand", path));
    return;
  }
  if (loads_clean(kb.config, path, text) && !loads_clean(kb.config, path, *after)) {
    out.problems.push_back(fmt::format("{}: it would no longer load after the edit", path));
    return;
  }
  out.notes.push_back({path, std::move(text), std::move(*after), changes.size()});
}

// The record's own note: its name, and the old name among its aliases.
std::optional<std::string> rename_own(const KnowledgeBase& kb, const Record& r, const std::string& text,
                                      std::string_view new_name, const RenameOptions& options) {
  const std::string path = r.path.str();
  DiagSink diags;
  auto fm = parse_front_matter(path, text, diags);
  if (!fm || !fm->present) return std::nullopt;
  auto next = set_scalar(path, text, name_key_of(kb.config, r, fm->fields), YamlOut::str(std::string(new_name)));
  const bool same_name = name_key(r.name) == name_key(new_name);
  const bool has_alias = std::any_of(r.aliases.begin(), r.aliases.end(),
                                     [&](const std::string& a) { return name_key(a) == name_key(r.name); });
  if (!next || !options.keep_alias || same_name || has_alias || r.type == RecordType::meeting) return next;
  return append_list_item(path, *next, kb.config.key_in(fm->fields, "aliases"), YamlOut::str(r.name));
}

}  // namespace

std::string name_key_of(const KbConfig& config, const Record& r, const Value& fields) {
  if (r.type == RecordType::meeting || r.type == RecordType::note) return config.key_in(fields, "title");
  if (!fields.find(config.key_for("name")) && !fields.find("name") && fields.find(config.key_for("title")))
    return config.key_for("title");
  return config.key_in(fields, "name");
}

std::string renamed_rid(const KbConfig& config, const Record& r, std::string_view name) {
  const std::string folder = folder_of(r.rid);
  for (FileNames rule : {FileNames::slug, FileNames::name}) {
    if (nfc(note_base_path(folder, "", r.name, rule)) != r.rid) continue;
    return note_base_path(folder, "", name, config.name_files ? FileNames::name : FileNames::slug);
  }
  return r.rid;
}

UsesRenamed rename_uses(const KnowledgeBase& kb, FileSystem& fs, NodeId target, std::string_view name,
                        std::string_view rid) {
  UsesRenamed out;
  for (NodeId id : notes_naming(kb, target)) {
    const std::string path = kb.at(id).path.str();
    std::string text, error;
    if (!fs.read(path, text, error)) {
      out.problems.push_back(fmt::format("{}: cannot read it ({})", path, error));
      continue;
    }
    rename_in_note(kb, path, std::move(text), target, name, rid, out);
  }
  return out;
}

RenamePlan plan_rename(const KnowledgeBase& kb, FileSystem& fs, NodeId record, std::string_view new_name,
                       const RenameOptions& options) {
  const Record& r = kb.at(record);
  const std::string path = r.path.str();
  std::string rid = renamed_rid(kb.config, r, new_name);
  if (rid != r.rid && fs.exists(rid + ".md")) {
    const std::string free = first_free_path(fs, rid);
    rid = free.substr(0, free.size() - 3);
  }
  UsesRenamed uses = rename_uses(kb, fs, record, new_name, rid);
  RenamePlan plan{{}, uses.by_alias, std::move(uses.problems)};
  auto own = std::find_if(uses.notes.begin(), uses.notes.end(), [&](const NoteChange& n) { return n.path == path; });
  NoteChange self{path, {}, {}, 0};
  if (own != uses.notes.end()) {
    self = std::move(*own);
    uses.notes.erase(own);
  } else if (std::string error; !fs.read(path, self.before, error)) {
    plan.problems.push_back(fmt::format("{}: cannot read it ({})", path, error));
    return plan;
  } else {
    self.after = self.before;
  }
  auto renamed = rename_own(kb, r, self.after, new_name, options);
  if (!renamed)
    plan.problems.push_back(fmt::format("{}: kb cannot edit its front matter safely; edit it by hand", path));
  else
    self.after = std::move(*renamed);
  // The record's own note first: from then on the old name is an alias, so each note after it
  // names the record whether it is written yet or not (a kill -9 between two leaves a KB that
  // reads the same).
  plan.change.notes.push_back(std::move(self));
  for (NoteChange& n : uses.notes) plan.change.notes.push_back(std::move(n));
  if (rid != r.rid) plan.change.move = KbChange::Move{path, rid + ".md"};
  return plan;
}

}  // namespace kb
