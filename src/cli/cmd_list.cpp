// kb list: the records of one type.
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/query/profile.h"
#include "kb/query/series.h"
#include "kb/render/series.h"
#include "session.h"

namespace kb::cli {
namespace {

struct ListOptions {
  std::string what;
  std::vector<std::string> orgs;
};

// kb list series: the series of recurring meetings (the meetings' `series:`).
ExitCode list_series(Session& s, const ListOptions& o, OutputFormat fmt) {
  if (!o.orgs.empty()) {
    s.error("--org does not apply to series (try 'kb query --org X --has series')");
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);  // names and dates only
  if (!kb) return ExitCode::failure;
  const std::vector<Series> all = find_all_series(*kb);
  render_series_list(s.out, *kb, all, s.render_options(fmt));
  if (all.empty()) s.note("no meeting names a 'series:' yet");
  return ExitCode::ok;
}

ExitCode run_list(Session& s, const ListOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  if (o.what == "series") return list_series(s, o, *fmt);
  auto type = parse_record_type(o.what);
  if (!type || *type == RecordType::note) {
    s.error(fmt::format("cannot list '{}' (choose people, orgs, topics, events, meetings or series)", o.what));
    return ExitCode::usage;
  }
  const KnowledgeBase* kb = s.kb(true, Session::Reads::outline);  // names, counts and dates only
  if (!kb) return ExitCode::failure;
  auto orgs = resolve_all(s, *kb, o.orgs, RecordType::organization);
  if (!orgs) return ExitCode::failure;
  std::vector<NodeId> ids = kb->all_of(*type);
  // Names used in notes but defined nowhere are listed too (marked "(no record)").
  for (const auto& r : kb->records())
    if (!r.defined && r.type == *type) ids.push_back(r.id);
  if (!orgs->empty()) {
    std::vector<NodeId> keep;
    for (NodeId id : ids) {
      const Record& r = kb->at(id);
      bool match = false;
      for (NodeId org : *orgs) {
        auto tree = kb->subtree(org);
        auto in_tree = [&](NodeId x) { return std::find(tree.begin(), tree.end(), x) != tree.end(); };
        if (r.type == RecordType::person)
          for (const auto& a : r.entity->affiliations) match = match || in_tree(a.org.target);
        else if (r.type == RecordType::organization)
          match = match || in_tree(id);
        else
          for (NodeId m : kb->meetings_of_org(org, false)) {
            auto ms = meetings_for(*kb, id);
            match = match || std::find(ms.begin(), ms.end(), m) != ms.end();
          }
      }
      if (match) keep.push_back(id);
    }
    ids = std::move(keep);
  }
  render_records(s.out, *kb, ids, s.render_options(*fmt));
  if (ids.empty()) s.note("nothing to list");
  return ExitCode::ok;
}

}  // namespace

void add_list_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<ListOptions>();
  CLI::App* sub = app.add_subcommand("list", "Records of one type, with their meeting counts and last meeting date");
  sub->add_option("what", o->what, "people, orgs, topics, events, meetings or series")->required();
  sub->add_option("--org", o->orgs, "Only those tied to this organization (or its sub-organizations)");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_list(s, *o); }; });
}

}  // namespace kb::cli
