#include "session.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "kb/store/locate.h"
#include "kb/store/real_fs.h"

namespace kb::cli {

Session::Session(GlobalOptions g, std::ostream& o, std::ostream& e) : globals(std::move(g)), out(o), err(e) {
  const char* no_color = std::getenv("NO_COLOR");
  if (globals.color == "always") color_ = true;
  else if (globals.color == "never") color_ = false;
  else {
    const char* term = std::getenv("TERM");
    color_ = ::isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
  }
}

Session::~Session() = default;

void Session::error(const std::string& message) { err << "kb: error: " << message << '\n'; }

void Session::note(const std::string& message) {
  if (!globals.quiet) err << "kb: " << message << '\n';
}

void Session::print(const DiagSink& diags, bool warnings_too) {
  for (const auto& d : diags.all())
    if (warnings_too || d.severity == Severity::error) err << to_string(d) << '\n';
}

std::optional<Date> Session::date_arg(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto d = parse_date(text);
  if (!d) {
    error("invalid date '" + text + "' for " + flag + " (expected YYYY-MM-DD)");
    return std::nullopt;
  }
  return d;
}

const KnowledgeBase* Session::kb(bool report) {
  if (load_) return &load_->kb;
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
  load_ = std::make_unique<LoadResult>(load_kb(fs));
  load_->kb.root = root_;
  if (report) {
    // Errors only: warnings (unresolved names and the like) are for `kb check`.
    if (!globals.quiet) print(load_->diags, false);
    std::size_t skipped = load_->skipped.size();
    if (skipped > 0)
      note(std::to_string(skipped) + (skipped == 1 ? " file" : " files") + " skipped (run 'kb check')");
    else if (load_->diags.has_errors())
      note(std::to_string(load_->diags.error_count()) +
           (load_->diags.error_count() == 1 ? " problem" : " problems") + " found (run 'kb check')");
  }
  return &load_->kb;
}

std::optional<OutputFormat> Session::format(OutputFormat fallback, const std::vector<OutputFormat>& allowed) {
  if (globals.format.empty()) return fallback;
  auto f = parse_output_format(globals.format);
  if (!f || std::find(allowed.begin(), allowed.end(), *f) == allowed.end()) {
    error("this command does not take --format '" + globals.format + "' (see --help)");
    return std::nullopt;
  }
  return f;
}

RenderOptions Session::render_options(OutputFormat f) const {
  RenderOptions o;
  o.format = f;
  o.color = color_;
  return o;
}

}  // namespace kb::cli
