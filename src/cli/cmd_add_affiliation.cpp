// kb add affiliation PERSON --org ORG [--role R] --since DATE: a person changes jobs. Closes
// each open affiliation (`until:` the day before DATE) and appends the new one, in one atomic
// edit of the person's front matter (store/front_edit).
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/base/text.h"
#include "kb/parse/front_matter.h"
#include "kb/store/front_edit.h"
#include "kb/store/real_fs.h"
#include "session.h"
#include "writing.h"

namespace kb::cli {
namespace {

struct AffiliationOptions {
  std::string person, org, role, since;
};

std::string item_org(const Value& item) {
  const Value* o = item.find("org");
  if (!o) o = item.find("organization");
  return o && o->is_scalar() ? std::string(trim(o->text)) : std::string("?");
}

// Closes the open affiliations of `list` in `text` (their indices go to `closed`); std::nullopt
// when one cannot be edited safely, and an error when one starts after `until`.
std::optional<std::string> close_open(Session& s, const std::string& path, std::string text, const std::string& key,
                                      const Value& list, const Date& until, std::vector<std::size_t>& closed,
                                      bool& refused) {
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const Value& item = list.items[i];
    if (!item.is_mapping() || item.find("until")) continue;
    const Value* since = item.find("since");
    auto start = since && since->is_scalar() ? parse_date(trim(since->text)) : std::nullopt;
    if (start && until < *start) {
      s.error(fmt::format("the affiliation with '{}' in '{}' starts on {}, after --since; edit it by hand",
                          item_org(item), path, to_string(*start)));
      refused = true;
      return std::nullopt;
    }
    auto next = add_item_key(path, text, key, i, "until", YamlOut::date(to_string(until)));
    if (!next) return std::nullopt;
    text = std::move(*next);
    closed.push_back(i);
  }
  return text;
}

ExitCode run_add_affiliation(Session& s, const AffiliationOptions& o) {
  for (const auto& [flag, value] : {std::pair{"--org", &o.org}, std::pair{"--role", &o.role}})
    if (!one_line(s, flag, *value)) return ExitCode::usage;
  auto since = s.date_arg("--since", o.since);
  if (!since) return ExitCode::usage;
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);
  if (!kb) return ExitCode::failure;
  auto id = resolve_one(s, *kb, o.person, RecordType::person);
  if (!id) return ExitCode::failure;
  const Record& r = kb->at(*id);
  if (!r.defined || r.path.empty()) {
    s.error(fmt::format("'{}' is a name no record defines; add it with 'kb add person'", o.person));
    return ExitCode::failure;
  }
  std::vector<GivenName> orgs;
  if (!resolve_for_write(s, *kb, {o.org}, RecordType::organization, false, orgs) || orgs.empty()) {
    if (orgs.empty() && trim(o.org).empty()) s.error("--org is empty");
    return ExitCode::failure;
  }

  const std::string path = r.path.str();
  RealFileSystem fs(s.root());
  auto note = read_note_to_edit(s, fs, path);
  if (!note) return ExitCode::failure;
  const std::string& text = note->text;
  const auto& fm = note->front;
  std::optional<std::string> next;
  std::vector<std::size_t> closed;
  const Value* list = nullptr;
  if (fm) {
    const std::string key = key_in_note(*kb, fm->fields, "affiliations");
    list = fm->fields.find(key);
    if (!list && (fm->fields.find(key_in_note(*kb, fm->fields, "org")) || fm->fields.find_property("organization"))) {
      s.error(fmt::format("'{}' gives its organization as a top-level 'org:'; move it into an 'affiliations:' "
                          "list by hand",
                          path));
      return ExitCode::failure;
    }
    bool refused = false;
    next = list && list->is_sequence() ? close_open(s, path, text, key, *list, add_days(*since, -1), closed, refused)
                                       : std::optional<std::string>(text);
    if (refused) return ExitCode::failure;
    YamlOut aff = YamlOut::map();
    aff.add("org", YamlOut::str(orgs.front().written));
    if (!trim(o.role).empty()) aff.add("role", YamlOut::str(std::string(trim(o.role))));
    aff.add("since", YamlOut::date(to_string(*since)));
    if (next) next = append_list_item(path, *next, key, aff);
  }
  if (!write_front_edit(s, fs, path, text, next)) return ExitCode::failure;
  for (std::size_t i : closed)
    s.out << path << ": closed '" << item_org(list->items[i]) << "' (until " << to_string(add_days(*since, -1)) << ")\n";
  s.out << path << ": added '" << orgs.front().written << "' (since " << to_string(*since) << ")\n";
  return ExitCode::ok;
}

}  // namespace

void add_add_affiliation_command(CLI::App& add, Invocation& inv) {
  auto o = std::make_shared<AffiliationOptions>();
  CLI::App* sub = add.add_subcommand(
      "affiliation", "A new affiliation; closes the open ones first");
  sub->add_option("person", o->person, "The person: a name, alias or record id")->required();
  sub->add_option("--org", o->org, "The organization (name or alias)")->required();
  sub->add_option("--role", o->role, "Their role there");
  sub->add_option("--since", o->since, "The first DATE of the new affiliation (2024-09-02, today)")->required();
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_add_affiliation(s, *o); }; });
}

}  // namespace kb::cli
