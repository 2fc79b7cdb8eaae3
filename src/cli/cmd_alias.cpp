// kb alias add NAME ALIAS: adds ALIAS to the aliases of the record NAME resolves to, editing
// its front matter in place (store/front_edit) and writing it back atomically.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/front_matter.h"
#include "kb/store/front_edit.h"
#include "kb/store/real_fs.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct AliasOptions {
  std::string name;
  std::string alias;
};

ExitCode run_alias_add(Session& s, const AliasOptions& o) {
  if (!one_line(s, "the alias", o.alias)) return ExitCode::usage;
  const std::string alias(trim(o.alias));
  if (alias.empty()) {
    s.error("the alias is empty");
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  auto id = resolve_any_one(s, *kb, o.name);
  if (!id) return ExitCode::failure;
  const Record& r = kb->at(*id);
  if (r.type == RecordType::meeting) {
    s.error(fmt::format("'{}' is a meeting; aliases are for people, organizations, topics and events", r.name));
    return ExitCode::failure;
  }
  if (!r.defined || r.path.empty()) {
    s.error(fmt::format("'{}' is a name no record defines; add one with 'kb add {}'", o.name,
                        r.type == RecordType::organization ? std::string("org") : type_noun(r.type)));
    return ExitCode::failure;
  }
  const std::string path = r.path.str();
  for (NodeId other : kb->find_by_name(alias, r.type)) {
    const Record& taken = kb->at(other);
    if (other == r.id) {
      s.note(fmt::format("'{}' already names '{}' ({}); nothing to do", alias, r.name, path));
      return ExitCode::ok;
    }
    if (!taken.defined) continue;
    s.error(fmt::format("'{}' already names another {}: '{}' ({})", alias, type_noun(r.type), taken.name,
                        taken.path.view()));
    return ExitCode::failure;
  }

  RealFileSystem fs(s.root());
  auto note = read_note_to_edit(s, fs, path);
  if (!note) return ExitCode::failure;
  std::optional<std::string> next;
  if (note->front)
    next = append_list_item(path, note->text, key_in_note(*kb, note->front->fields, "aliases"), YamlOut::str(alias));
  if (!write_front_edit(s, fs, path, note->text, next)) return ExitCode::failure;
  s.out << path << ": alias '" << alias << "' added to '" << r.name << "'\n";
  return ExitCode::ok;
}

}  // namespace

void add_alias_command(CLI::App& app, Invocation& inv) {
  CLI::App* alias = app.add_subcommand("alias", "Manage a record's aliases (its other names)");
  alias->require_subcommand(1);
  auto o = std::make_shared<AliasOptions>();
  CLI::App* sub = alias->add_subcommand("add", "Add another name to a person, org, topic or event");
  sub->add_option("name", o->name, "The record: a name, alias or record id")->required();
  sub->add_option("alias", o->alias, "The new alias")->required();
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_alias_add(s, *o); }; });
}

}  // namespace kb::cli
