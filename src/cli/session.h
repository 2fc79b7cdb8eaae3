#pragma once
// The CLI's view of one run: global options, the KB (loaded on first use), output streams,
// diagnostics printing and exit codes. Private to src/cli.

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kb/base/date.h"
#include "kb/base/diag.h"
#include "kb/model/load.h"
#include "kb/render/output.h"

namespace CLI {
class App;
}

namespace kb::cli {

enum class ExitCode { ok = 0, failure = 1, usage = 2 };

struct GlobalOptions {
  std::string kb_dir;
  std::string format;   ///< empty: the command's default
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;  ///< every load problem, and which files and cache were used
  bool no_cache = false;
  bool no_pager = false;  ///< long output on a terminal is not paged
  bool bom = false;  ///< CSV starts with a UTF-8 byte-order mark
  std::string fields;  ///< --fields a,b,c: the columns of tables, CSV and Markdown tables
};

class Session {
 public:
  Session(GlobalOptions g, std::ostream& out, std::ostream& err);
  ~Session();

  GlobalOptions globals;
  /// Set by reports, exports, graph and serve before the load: the audience to load for
  /// (LoadOptions::audience; "" takes kb.yaml's `audience:`); std::nullopt loads everything.
  std::optional<std::string> audience;
  /// Set by search before the load: keep the load's walk (LoadResult::walk).
  bool keep_walk = false;
  std::ostream& out;
  std::ostream& err;

  /// What a command reads of the KB (RecordParts): the records' names, dates and links only
  /// (attendees, organizations, topics, affiliations: meeting and record tables, related,
  /// path, stale, check); those and each meeting's actions (kb actions, the weekly report,
  /// which reads its week's minutes with with_minutes()); the typed graph with each meeting's
  /// summary, decisions and actions (decisions, reports, show, add, meetings as JSON); that and
  /// the bodies' wikilinks (graph); or each note's text as well (front matter as written, body:
  /// exports and the text filters).
  enum class Reads { outline, actions, graph, links, text };
  /// The KB, loaded on first call (asking for more after a load without it is a logic error);
  /// with `report`, says the load's problems once: a one-line summary (every problem with
  /// --verbose), and the load may leave out the warnings that only bodies give
  /// (LoadOptions::warnings; `kb check` prints everything itself). nullptr when no KB could be
  /// found or read (the error is printed).
  const KnowledgeBase* kb(bool report = true, Reads reads = Reads::text);
  /// The record `id` of the loaded KB with its note's text (front matter as written, body),
  /// read from the note when the load left the text out (`kb show` reads one note's only).
  /// REQUIRES: kb() returned non-null.
  const Record& with_text(NodeId id);
  /// Gives the records `ids` their summary and decisions, read from their notes (on every
  /// core) when the load left them out: the weekly report reads its week's meetings' only.
  /// REQUIRES: as with_text.
  void with_minutes(const std::vector<NodeId>& ids);
  /// The whole load result (for `kb check`). REQUIRES: kb() returned non-null.
  const LoadResult& load_result() const { return *load_; }
  const std::string& root() const { return root_; }
  /// Where the index cache of the KB at `root` lives (`<root>/.kb/cache.sqlite`).
  static std::string cache_path(const std::string& root);
  /// What identifies this build's cache entries; a cache with another one is rebuilt.
  static std::string cache_version();
  /// True unless --no-cache or a non-empty $KB_NO_CACHE turned the cache off.
  bool cache_enabled() const;

  /// The output format: --format if given (validated against `allowed`), else `fallback`.
  /// Prints a usage error and returns std::nullopt for a format the command does not take.
  std::optional<OutputFormat> format(OutputFormat fallback, const std::vector<OutputFormat>& allowed);
  RenderOptions render_options(OutputFormat f) const;
  bool color() const { return color_; }

  void error(const std::string& message);  ///< "kb: error: message" (never suppressed)
  void warning(const std::string& message);  ///< "kb: warning: message" unless --quiet
  void note(const std::string& message);   ///< "kb: message" unless --quiet
  void print(const DiagSink& diags, bool warnings_too);
  /// Prints the load's errors in `r`'s note, once a run: a record the command was asked about
  /// touches the answer, so its problems are said beside the summary.
  void problems_of(const Record& r);

  /// Parses a user-given date as people say it (parse_date_phrase: `2024-09-02`, `yesterday`,
  /// `-7d`, `last monday`); a malformed one is a usage error (exit 2).
  std::optional<Date> date_arg(const std::string& flag, const std::string& text);
  /// Today: $KB_TODAY when it holds a YYYY-MM-DD date (for scripts and tests), else the
  /// machine's local date.
  Date today() const;
  /// The `--today` a command was given (any date_arg phrase), else today(); std::nullopt
  /// after printing the usage error for a malformed one.
  std::optional<Date> today_arg(const std::string& given);

 private:
  bool color_ = false;      ///< stdout: tables' headers in bold
  std::size_t width_ = 0;   ///< stdout's terminal columns; 0 when piped
  bool err_color_ = false;  ///< stderr: errors red, warnings yellow
  std::string label(Severity s) const;
  std::string painted(const Diagnostic& d) const;
  std::string root_;
  std::unique_ptr<LoadResult> load_;
  bool load_failed_ = false;
  std::vector<std::string> problems_said_;  ///< paths whose errors problems_of() printed

  void report_load(bool with_warnings);
};

/// What main runs after parsing: set by the chosen command's callback.
struct Invocation {
  std::function<ExitCode(Session&)> run;
};

/// Registers every command on `app` (commands.cpp holds the table).
void add_commands(CLI::App& app, Invocation& inv, GlobalOptions& globals);

}  // namespace kb::cli
