// kb edit NAME: opens the record's note in $VISUAL or $EDITOR, then checks it as visudo does
// (writing.h edit_until_clean).
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/store/real_fs.h"
#include "kb/store/writer.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct EditOptions {
  std::string name;
};

ExitCode run_edit(Session& s, const EditOptions& o) {
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  // A note that does not load has no name to resolve: its path (as kb prints it) opens it.
  std::string error;
  if (o.name.size() > 3 && o.name.compare(o.name.size() - 3, 3, ".md") == 0 &&
      check_inside_root(s.root(), o.name, error) && RealFileSystem(s.root()).exists(o.name))
    return edit_until_clean(s, *kb, o.name);
  auto id = resolve_any_one(s, *kb, o.name);
  if (!id) return ExitCode::failure;
  const Record& r = kb->at(*id);
  if (!r.defined || r.path.empty()) {
    s.error(fmt::format("'{}' is a name no record defines; there is no note to edit", o.name));
    return ExitCode::failure;
  }
  return edit_until_clean(s, *kb, r.path.str());
}

}  // namespace

void add_edit_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<EditOptions>();
  CLI::App* sub = app.add_subcommand(
      "edit", "Open a note in $EDITOR, then check that it loads");
  sub->add_option("name", o->name, "A name, alias, record id or path (people/ana.md)")->required();
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_edit(s, *o); }; });
}

}  // namespace kb::cli
