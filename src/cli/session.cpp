#include "session.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string_view>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kb/base/parallel.h"
#include "kb/base/text.h"
#include "kb/store/cache.h"
#include "kb/store/locate.h"
#include "kb/store/real_fs.h"
#include "terminal.h"

namespace kb::cli {

Session::Session(GlobalOptions g, std::ostream& o, std::ostream& e) : globals(std::move(g)), out(o), err(e) {
  const char* no_color = std::getenv("NO_COLOR");
  if (globals.color == "always") color_ = err_color_ = true;
  else if (globals.color == "never") color_ = err_color_ = false;
  else {
    const char* term = std::getenv("TERM");
    color_ = ::isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
    err_color_ = ::isatty(STDERR_FILENO) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
  }
  width_ = terminal_size(STDOUT_FILENO).columns;
}

Session::~Session() {
#if !defined(__SANITIZE_ADDRESS__)
  // A Session lives until the process exits, and freeing a loaded graph of 100,000 notes one
  // allocation at a time costs a noticeable share of a query; the OS takes it back at once.
  (void)load_.release();
#endif
}

namespace {

// Messages may quote names and paths from notes: control characters are escaped
// (terminal_safe), line by line, so a message kb writes on several lines keeps them. Lines
// end at LF only (not split_lines' rules): a CR from a note stays escaped, never a line end.
std::string safe_lines(const std::string& message) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = message.find('\n', start)) != std::string::npos; start = nl + 1)
    out += terminal_safe(std::string_view(message).substr(start, nl - start)) + '\n';
  return out + terminal_safe(std::string_view(message).substr(start));
}

}  // namespace

// "error:" in bold red and "warning:" in yellow, when stderr is a terminal (or --color always).
std::string Session::label(Severity s) const {
  const char* word = s == Severity::error ? "error:" : "warning:";
  if (!err_color_) return word;
  return std::string(s == Severity::error ? "\x1b[1;31m" : "\x1b[33m") + word + "\x1b[0m";
}

void Session::error(const std::string& message) { err << "kb: " << label(Severity::error) << ' ' << safe_lines(message) << '\n'; }

void Session::warning(const std::string& message) {
  if (!globals.quiet) err << "kb: " << label(Severity::warning) << ' ' << safe_lines(message) << '\n';
}

void Session::note(const std::string& message) {
  if (!globals.quiet) err << "kb: " << safe_lines(message) << '\n';
}

void Session::print(const DiagSink& diags, bool warnings_too) {
  for (const auto& d : diags.all())
    if (warnings_too || d.severity == Severity::error) err << painted(d) << '\n';
}

std::optional<Date> Session::date_arg(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto d = parse_date_phrase(text, today());
  if (!d) {
    error(fmt::format("invalid date '{}' for {} (expected {})", text, flag, kDatePhrases));
    return std::nullopt;
  }
  return d;
}

std::optional<Date> Session::today_arg(const std::string& given) {
  return given.empty() ? std::optional<Date>(today()) : date_arg("--today", given);
}

Date Session::today() const {
  const char* fixed = std::getenv("KB_TODAY");
  if (fixed && *fixed)
    if (auto d = parse_date(fixed)) return *d;
  return today_local();
}

const Record& Session::with_text(NodeId id) {
  Record& r = load_->kb.mutable_at(id);
  if (!r.text.loaded()) {
    RealFileSystem fs(root_);
    read_note_text(fs, r);  // a name without a note, or a note unreadable now, shows no fields
  }
  return r;
}

void Session::with_minutes(const std::vector<NodeId>& ids) {
  RealFileSystem fs(root_);
  parallel_for(ids.size(), std::thread::hardware_concurrency(), [&](std::size_t i) {
    Record& r = load_->kb.mutable_at(ids[i]);
    // A name without a note, or a note unreadable now, shows none.
    if (!r.minutes.loaded()) read_note_minutes(fs, load_->kb.config, r);
  });
}

const KnowledgeBase* Session::kb(bool report, Reads reads) {
  RecordParts parts;
  parts.actions = reads != Reads::outline;
  parts.minutes = reads != Reads::outline && reads != Reads::actions;
  parts.text = reads == Reads::text;
  parts.links = reads == Reads::text || reads == Reads::links;
  if (load_) {
    // A command loads once; the graph it holds must not be swapped under it.
    if ((parts.text && !load_->kb.has_text) || (parts.links && !load_->kb.has_links) ||
        (parts.minutes && !load_->kb.has_minutes) || (parts.actions && !load_->kb.has_actions))
      throw std::logic_error("Session::kb: more asked for after a load without it");
    return &load_->kb;
  }
  if (load_failed_) return nullptr;
  std::string why;
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  auto loc = locate_kb(globals.kb_dir, std::getenv("KB_DIR"), cwd, why);
  if (!loc) {
    error(why);
    load_failed_ = true;
    return nullptr;
  }
  root_ = loc->root;
  RealFileSystem fs(root_);
  LoadOptions options;
  options.parts = parts;
  options.audience = audience;
  options.keep_walk = keep_walk;
  // A command that reports the load prints its errors only (kb check prints everything itself).
  options.warnings = !report || globals.verbose;
  // The cache is an optimisation only: when it cannot be opened (a read-only KB, a busy or
  // unwritable file) the KB loads without it, silently; when opening it would follow a link
  // out of `.kb` or open something that is no file, without it and with one warning.
  std::unique_ptr<SqliteCache> cache;
  if (cache_enabled()) {
    std::string warning;
    cache = open_index_cache(root_, cache_version(), warning);
    if (!warning.empty() && !globals.quiet) this->warning(fmt::format("{}; running without the cache", warning));
  }
  options.cache = cache.get();
  // A progress line for loads that take more than a second, on a terminal only.
  auto start = std::chrono::steady_clock::now();
  bool progress_shown = false;
  if (!globals.quiet && ::isatty(STDERR_FILENO)) {
    options.progress = [&](std::size_t done, std::size_t total) {
      if (std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
      err << "\rkb: loading notes " << done << "/" << total << std::flush;
      progress_shown = true;
    };
  }
  load_ = std::make_unique<LoadResult>(load_kb(fs, options));
  if (progress_shown) err << "\r\033[K" << std::flush;
  load_->kb.root = root_;
  if (!load_->audience_error.empty()) {
    error(load_->audience_error);
    load_failed_ = true;
    return nullptr;
  }
  if (report) report_load(options.warnings);
  return &load_->kb;
}

// The load's problems, said once: a summary line (SPEC §2), or with --verbose every problem
// and where the notes came from. `with_warnings`: the load kept the warnings bodies give.
void Session::report_load(bool with_warnings) {
  const LoadResult& r = *load_;
  if (globals.verbose) {
    print(r.diags, with_warnings);
    note(fmt::format("{} notes in {}; {}", r.files, root_,
                     !cache_enabled() ? std::string("cache off")
                                      : fmt::format("{} from the cache, {} read", r.cache_hits, r.files - r.cache_hits)));
  }
  if (const std::string withheld = withheld_summary(r); !withheld.empty()) note(withheld);
  std::set<std::string_view> files;
  for (const auto& d : r.diags.all())
    if (d.severity == Severity::error) files.insert(d.loc.path.str());
  for (const auto& path : r.skipped) files.insert(path);
  if (files.empty()) return;
  std::string line = fmt::format("{} {} problems", files.size(), files.size() == 1 ? "file has" : "files have");
  if (!r.skipped.empty()) line += fmt::format(", {} skipped", r.skipped.size());
  note(fmt::format("{} (run 'kb check')", line));
}

std::string Session::painted(const Diagnostic& d) const {
  std::string line = to_string(d);
  if (!err_color_) return line;
  const std::string plain = d.severity == Severity::error ? "error:" : "warning:";
  // The first " error: " after the location (to_string writes "path:line:col: error: ...").
  if (auto at = line.find(" " + plain); at != std::string::npos) line.replace(at + 1, plain.size(), label(d.severity));
  return line;
}

void Session::problems_of(const Record& r) {
  if (!load_ || globals.verbose || r.path.str().empty()) return;
  const std::string& path = r.path.str();
  if (std::find(problems_said_.begin(), problems_said_.end(), path) != problems_said_.end()) return;
  problems_said_.push_back(path);
  for (const auto& d : load_->diags.all())
    if (d.severity == Severity::error && d.loc.path.str() == path) err << painted(d) << '\n';
}

std::string Session::cache_path(const std::string& root) { return index_cache_path(root); }

std::string Session::cache_version() {
  // Besides the entry format, the build of kb itself: a kb whose parser changed must not
  // believe what an older one cached, so the executable's size and mtime are part of it.
  std::string v = "kb " KB_VERSION " format " + std::to_string(cache_format_version());
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0)
    v += " exe " + std::to_string(st.st_size) + "-" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
  return v;
}

bool Session::cache_enabled() const {
  const char* env = std::getenv("KB_NO_CACHE");
  return !globals.no_cache && !(env && *env);
}

std::optional<OutputFormat> Session::format(OutputFormat fallback, const std::vector<OutputFormat>& allowed) {
  if (globals.format.empty()) return fallback;
  auto f = parse_output_format(globals.format);
  if (!f || std::find(allowed.begin(), allowed.end(), *f) == allowed.end()) {
    error(fmt::format("this command does not take --format '{}' (see --help)", globals.format));
    return std::nullopt;
  }
  return f;
}

RenderOptions Session::render_options(OutputFormat f) const {
  RenderOptions o;
  o.format = f;
  o.color = color_;
  o.width = width_;
  o.today = today();
  // --bom, or `csv_bom: true` in kb.yaml: CSV that Excel opens as UTF-8.
  const Value* bom = load_ ? load_->kb.config.raw.find("csv_bom") : nullptr;
  o.bom = globals.bom || (bom && bom->is_scalar() && to_lower_ascii(std::string(trim(bom->text))) == "true");
  for (std::string_view rest = globals.fields; !rest.empty();) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    if (auto f = trim(rest.substr(0, comma)); !f.empty()) o.fields.emplace_back(f);
    rest.remove_prefix(std::min(comma + 1, rest.size()));
  }
  return o;
}

}  // namespace kb::cli
