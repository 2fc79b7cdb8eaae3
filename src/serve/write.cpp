// Changes made from a page (with --write): an action marked done, an action added. Each goes
// through the CLI's in-place edits (store/edit.h): one line changed or added, nothing else, and
// nothing written when the note is no longer what the page showed.
#include <charconv>

#include <fmt/format.h>

#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/parse/markdown.h"
#include "kb/parse/record.h"
#include "kb/serve/app.h"
#include "kb/store/edit.h"
#include "kb/store/real_fs.h"
#include "pages.h"

namespace kb::serve {

namespace {

constexpr const char* kStale = "the note changed since this page was shown; nothing was written (look again and retry)";
constexpr std::size_t kMaxItem = 500;

// Back to the page the form was on (a path of this server only), with a message to show.
HttpResponse back_to(const HttpRequest& req, const std::string& key, const std::string& message) {
  std::string back = req.param("back"), query;
  if (const std::size_t q = back.find('?'); q != std::string::npos) {
    query = back.substr(q + 1);
    back.resize(q);
  }
  if (back.empty() || back[0] != '/' || back.rfind("//", 0) == 0 || back.find_first_of("\\\r\n") != std::string::npos)
    back = "/", query.clear();
  // The page's filters as html_page() wrote them (percent-encoded): anything else is dropped.
  static constexpr const char* kQueryChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%=&-_.~";
  if (query.find_first_not_of(kQueryChars) != std::string::npos) query.clear();
  HttpResponse r;
  r.status = 303;
  const std::string filters = query.empty() ? "" : fmt::format("{}&", query);
  r.headers.emplace_back("Location",
                         fmt::format("{}?{}{}={}", url_encode(back, true), filters, key, url_encode(message, false)));
  r.body = message + "\n";
  r.content_type = "text/plain; charset=utf-8";
  return r;
}

std::optional<TaskItem> task_on(const std::string& path, const std::string& text, int line) {
  DiagSink diags;
  auto raw = parse_record(path, text, diags);
  if (!raw) return std::nullopt;
  for (const auto& t : raw->facts.tasks)
    if (t.loc.line == line) return t;
  return std::nullopt;
}

std::optional<std::string> mark_done(const HttpRequest& req, FileSystem& fs, const std::string& path,
                                     const std::string& text, const Date& today) {
  int line = 0;
  const std::string given = req.param("line");
  auto [p, ec] = std::from_chars(given.data(), given.data() + given.size(), line);
  if (ec != std::errc() || p != given.data() + given.size() || line <= 0)
    return fmt::format("invalid line '{}'", given);
  auto task = task_on(path, text, line);
  if (!task || plain_text(task->text) != req.param("expect") || task->done || task->cancelled) return kStale;
  EditResult e = write_action_done(fs, path, text, line, today);
  if (e.status == WriteStatus::changed || e.mark != MarkStatus::ok) return kStale;
  if (e.status != WriteStatus::ok) return fmt::format("cannot write '{}': {}", path, e.message);
  return std::nullopt;
}

std::optional<std::string> add_action(const HttpRequest& req, const KnowledgeBase& kb, FileSystem& fs,
                                      const std::string& path, const std::string& text) {
  std::string item(trim(req.param("text")));
  if (item.empty() || item.size() > kMaxItem || item.find_first_of("\r\n") != std::string::npos)
    return "an action is one line of 1 to 500 characters";
  if (const std::string owner(trim(req.param("owner"))); !owner.empty()) {
    DiagSink diags;
    auto id = resolve_name(kb, owner, RecordType::person, diags);
    if (!id) return diags.all().empty() ? fmt::format("unknown person '{}'", owner) : diags.all().front().message;
    item += fmt::format(" [[{}]]", kb.at(*id).name);
  }
  int line = 0;
  WriteResult w = fs.replace(path, text, add_task(text, item, line));
  if (w.status == WriteStatus::changed) return kStale;
  if (w.status != WriteStatus::ok) return fmt::format("cannot write '{}': {}", path, w.message);
  return std::nullopt;
}

}  // namespace

HttpResponse App::write(const HttpRequest& req) {
  auto load = live_.current();
  const Record* m = load->kb.lookup_rid(req.param("meeting"));
  if (!m || m->type != RecordType::meeting)
    return back_to(req, "refused", fmt::format("no meeting has the id '{}'", req.param("meeting")));
  const std::string path = m->path.str();  // from the loaded KB, never from the request
  RealFileSystem fs(live_.root());
  std::optional<std::string> refused;
  {
    std::lock_guard<std::mutex> lock(live_.write_mutex());
    std::string text, why;
    if (!fs.read(path, text, why)) return back_to(req, "refused", fmt::format("cannot read '{}': {}", path, why));
    if (req.path == "/actions/done") refused = mark_done(req, fs, path, text, options_.today());
    else if (req.path == "/actions/add") refused = add_action(req, load->kb, fs, path, text);
    else return back_to(req, "refused", fmt::format("kb serve cannot do '{}'", req.path));
  }
  if (refused) return back_to(req, "refused", *refused);
  live_.reload();  // the next page shows the change at once, not after the watcher's next turn
  return back_to(
      req, "done",
      req.path == "/actions/done" ? fmt::format("marked done in {}", path) : fmt::format("action added to {}", path));
}

}  // namespace kb::serve
