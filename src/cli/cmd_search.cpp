// kb search: ranked full-text search over every note, with the filters of kb query.
#include <memory>
#include <string_view>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "args.h"
#include "commands.h"
#include "kb/base/text.h"
#include "kb/query/search.h"
#include "kb/render/search.h"
#include "kb/store/cache.h"
#include "kb/store/real_fs.h"
#include "kb/store/text_index.h"
#include "session.h"

namespace kb::cli {
namespace {

struct SearchOptions {
  std::vector<std::string> words;
  MeetingFilterArgs filter;  // --org, --person, --topic, --tag, --since, --until, --week only
  std::vector<std::string> types;
  std::string limit = "20";
};

std::optional<RecordType> type_arg(std::string t) {
  t = to_lower_ascii(t);
  if (t == "people") return RecordType::person;
  if (t == "org" || t == "orgs" || t == "organizations") return RecordType::organization;
  if (t.size() > 1 && t.back() == 's') t.pop_back();  // meetings, topics, events, notes
  return parse_record_type(t);
}

// The index kept in the cache when this run used one and could write it, else one in memory.
// Either way brought up to date with the notes on disk (see docs/search.md).
std::unique_ptr<TextIndex> ready_index(Session& s, const KnowledgeBase& kb, std::unique_ptr<SqliteCache>& cache) {
  RealFileSystem fs(s.root());
  const std::vector<FileInfo>& walk = s.load_result().walk;  // kept by the load (keep_walk)
  if (s.cache_enabled() && s.load_result().cache_updated) {
    std::string warning;
    cache = open_index_cache(s.root(), Session::cache_version(), warning);
    std::unique_ptr<TextIndex> index = cache ? cache->text_index() : nullptr;
    if (auto n = index ? sync_text_index(*index, fs, kb, walk) : std::nullopt) {
      if (s.globals.verbose) s.note(fmt::format("search index: {} notes indexed again", *n));
      return index;
    }
  }
  std::unique_ptr<TextIndex> index = memory_text_index();
  auto n = index ? sync_text_index(*index, fs, kb, walk) : std::nullopt;
  if (!n) return nullptr;
  if (s.globals.verbose) s.note(fmt::format("search index: in memory, {} notes", *n));
  return index;
}

bool request_from(Session& s, const SearchOptions& o, SearchRequest& r) {
  std::string text;
  for (std::string_view w : o.words) {
    // The space search_words_as_values() put before a `-word` has done its work.
    if (w.size() > 1 && w[0] == ' ' && w[1] == '-') w.remove_prefix(1);
    text += (text.empty() ? "" : " ") + std::string(w);
  }
  bool truncated = false;
  r.terms = parse_search(text, &truncated);
  if (r.terms.empty()) {
    const std::string shown = text.size() > 40 ? text.substr(0, 40) + "..." : text;
    s.error(fmt::format("nothing to search for in '{}' (give a word, \"a phrase\", or words joined by OR)", shown));
    return false;
  }
  if (truncated) s.note(fmt::format("only the first {} terms are searched", kMaxSearchTerms));
  for (const auto& t : o.types) {
    auto type = type_arg(t);
    if (!type) {
      s.error(
          fmt::format("unknown --type '{}' (expected meetings, people, organizations, topics, events or notes)", t));
      return false;
    }
    r.types.push_back(*type);
  }
  auto n = count_arg(s, "--limit", o.limit, 1);
  if (!n) return false;
  r.limit = *n;
  return true;
}

ExitCode run_search(Session& s, const SearchOptions& o) {
  auto fmt = s.format(OutputFormat::table, {OutputFormat::table, OutputFormat::json, OutputFormat::jsonl,
                                            OutputFormat::csv, OutputFormat::md, OutputFormat::ids});
  if (!fmt) return ExitCode::usage;
  SearchRequest req;
  if (!request_from(s, o, req)) return ExitCode::usage;
  // With the cache a search reads the outline only (the index holds the text, and the notes
  // that changed are read again); without it, the whole text, to index every note.
  const auto reads = s.cache_enabled() ? Session::Reads::outline : Session::Reads::text;
  const KnowledgeBase* kb = nullptr;
  s.keep_walk = true;
  if (o.filter.any()) {
    MeetingFilter f;
    f.explain = false;
    if (ExitCode rc = meeting_filter(s, o.filter, f, kb, reads); rc != ExitCode::ok) return rc;
    req.meetings = std::move(f);
  } else if (!(kb = s.kb(true, reads))) {
    return ExitCode::failure;
  }
  std::unique_ptr<SqliteCache> cache;
  std::unique_ptr<TextIndex> index = ready_index(s, *kb, cache);
  if (!index) {
    s.error("cannot build the search index (this SQLite has no FTS5)");
    return ExitCode::failure;
  }
  const auto hits = find_hits(*kb, *index, req);
  render_search_hits(s.out, *kb, hits, s.render_options(*fmt));
  if (hits.empty()) s.note("nothing matches");
  return ExitCode::ok;
}

// Whether `arg` names an option of `app` or of a command above it that takes a value (which
// is then the next argument, unless written `--opt=value`).
bool takes_value(const CLI::App& app, const std::string& arg) {
  if (arg.find('=') != std::string::npos) return false;
  for (const CLI::App* at = &app; at; at = at->get_parent())
    if (const CLI::Option* o = at->get_option_no_throw(arg)) return o->get_items_expected_min() > 0;
  return false;
}

bool is_option(const CLI::App& app, const std::string& arg) {
  for (const CLI::App* at = &app; at; at = at->get_parent())
    if (at->get_option_no_throw(arg)) return true;
  return false;
}

// Gives each `-word` from `from` on (the arguments after `kb search`) its leading space.
void protect_dash_words(const CLI::App& search, std::vector<std::string>& args, std::size_t from) {
  for (std::size_t i = from; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return;
    if (takes_value(search, a)) ++i;
    else if (a.size() > 1 && a[0] == '-' && a[1] != '-' && !is_option(search, a)) args[i] = " " + a;
  }
}

}  // namespace

std::vector<std::string> search_words_as_values(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // The command is the first argument that is not a global option or its value.
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (takes_value(app, args[i])) ++i;
    else if (args[i].empty() || args[i][0] != '-') {
      auto named = [&](const CLI::App* sub) { return sub->get_name() == args[i] && sub->get_name() == "search"; };
      for (const CLI::App* cmd : app.get_subcommands(named)) protect_dash_words(*cmd, args, i + 1);
      break;
    }
  }
  return args;
}

void add_search_command(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<SearchOptions>();
  CLI::App* sub = app.add_subcommand("search", "Notes ranked by how well they match: words, \"a phrase\", OR, -word");
  sub->add_option("words", o->words, "What to find: words, \"a phrase\", A OR B, -word")
      ->type_name("WORD")
      ->required()
      ->expected(1, -1);
  // One value each, so that words may follow a filter: `kb search budget --org IESALC draft`.
  auto one = [&](const char* name, auto& into, const char* what) {
    return sub->add_option(name, into, what)->allow_extra_args(false);
  };
  one("--org", o->filter.orgs, "Only meetings with this organization")->type_name("ORG");
  one("--person", o->filter.people, "Only meetings this person attended")->type_name("NAME");
  one("--topic", o->filter.topics, "Only meetings on this topic")->type_name("TOPIC");
  one("--tag", o->filter.tags, "Only meetings with this tag")->type_name("TAG");
  one("--since", o->filter.since, "Only meetings on or after this DATE")->type_name("DATE");
  one("--until", o->filter.until, "Only meetings on or before this DATE")->type_name("DATE");
  one("--week", o->filter.week, "Only meetings in this WEEK")->type_name("WEEK");
  one("--type", o->types, "Only records of this TYPE (below)")->type_name("TYPE");
  one("--limit", o->limit, "At most N hits (default 20)")->type_name("N");
  sub->footer(
      "Every word must match, the last one also as the start of a word. A -word\n"
      "anywhere is a word the note must not hold (-h, -q and -v stay options; after\n"
      "-- every argument is a word). --org takes sub-organizations too. TYPE:\n"
      "meetings, people, organizations, topics, events or notes. See docs/search.md.");
  sub->callback([o, &inv] { inv.run = [o](Session& s) { return run_search(s, *o); }; });
}

}  // namespace kb::cli
