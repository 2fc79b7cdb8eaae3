// Shared by the commands that write notes: see writing.h.
#include "writing.h"

#include "args.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iostream>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kb/base/fs.h"
#include "kb/base/text.h"
#include "kb/model/names.h"
#include "kb/model/record_builder.h"
#include "kb/parse/front_matter.h"
#include "kb/store/real_fs.h"

extern char** environ;

namespace kb::cli {

std::string key_for(const KnowledgeBase& kb, const std::string& key) { return kb.config.key_for(key); }

std::string key_in_note(const KnowledgeBase& kb, const Value& fields, const std::string& key) {
  return kb.config.key_in(fields, key);
}

bool one_line(Session& s, const std::string& flag, const std::string& value) {
  if (find_invalid_utf8(value) != std::string::npos) {
    s.error(fmt::format("{} is not valid UTF-8", flag));
    return false;
  }
  for (unsigned char c : value)
    if (c < 0x20 || c == 0x7f) {
      s.error(fmt::format("{} must be one line of text without control characters", flag));
      return false;
    }
  return true;
}

namespace {

// "Write 'X' as a new name? [y/N]" on a terminal: yes only when the answer starts with y.
bool ask_new_name(Session& s, const std::string& name, RecordType type) {
  s.err << "Write '" << name << "' as a new " << type_noun(type) << " name? [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  std::string a(trim(answer));
  return !a.empty() && (a[0] == 'y' || a[0] == 'Y');
}

// A name no record has: said once, with "did you mean"; false when it must not be written.
bool unknown_for_write(Session& s, const KnowledgeBase& kb, const std::string& text, RecordType type,
                       bool create_missing, bool ask) {
  DiagSink d;
  resolve_name(kb, text, type, d);
  if (kb.config.strict) {
    for (const auto& m : d.all())
      s.error(fmt::format("{} (kb.yaml has strict: true; add the record first)", m.message));
    return false;
  }
  for (const auto& m : d.all())
    s.warning(fmt::format(
        "{}; {}", m.message,
        create_missing ? "writing a stub record for it" : "written as given (--create-missing writes a stub record)"));
  if (!ask || create_missing || !::isatty(STDIN_FILENO)) return true;
  if (ask_new_name(s, text, type)) return true;
  s.error("nothing written");
  return false;
}

}  // namespace

bool resolve_for_write(Session& s, const KnowledgeBase& kb, const std::vector<std::string>& names, RecordType type,
                       bool create_missing, std::vector<GivenName>& out, bool ask) {
  bool ok = true;
  for (const auto& given : names) {
    std::string text(trim(type == RecordType::person ? person_meant(kb, given) : given));
    if (text.empty()) continue;
    std::vector<NodeId> defined;
    for (NodeId id : kb.find_by_name(text, type))
      if (kb.at(id).defined) defined.push_back(id);
    if (defined.empty())
      if (const Record* r = kb.lookup_rid(text); r && r->type == type) defined.push_back(r->id);
    GivenName g{text, text, {}, type};
    if (defined.size() == 1) {
      g.id = defined.front();
      g.written = kb.at(g.id).name;
    } else if (defined.size() > 1) {
      DiagSink d;
      resolve_name(kb, text, type, d);
      for (const auto& m : d.all()) s.error(m.message);
      ok = false;
      continue;
    } else if (!unknown_for_write(s, kb, text, type, create_missing, ask)) {
      return false;
    }
    bool dup = std::any_of(out.begin(), out.end(), [&](const GivenName& o) {
      return o.type == g.type && name_key(o.written) == name_key(g.written);
    });
    if (!dup) out.push_back(std::move(g));
  }
  return ok;
}

bool run_editor(Session& s, const std::string& file) {
  const char* editor = std::getenv("VISUAL");
  if (!editor || !*editor) editor = std::getenv("EDITOR");
  if (!editor || !*editor) editor = "vi";
  // Through sh, so EDITOR may carry arguments ("code --wait"); the file is passed as $1.
  std::string script = std::string(editor) + " \"$1\"";
  const char* argv[] = {"sh", "-c", script.c_str(), "sh", file.c_str(), nullptr};
  pid_t pid;
  if (::posix_spawnp(&pid, "sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    s.error(fmt::format("cannot start the editor '{}'", editor));
    return false;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    s.warning(fmt::format("the editor '{}' did not exit cleanly; the note is kept", editor));
    return false;
  }
  return true;
}

namespace {

// "Edit again? [Y/n]" on a terminal: yes unless the answer starts with n (or stdin ends).
bool ask_edit_again(Session& s) {
  if (!::isatty(STDIN_FILENO)) return false;
  s.err << "Edit again? [Y/n] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  std::string a(trim(answer));
  return a.empty() || (a[0] != 'n' && a[0] != 'N');
}

}  // namespace

ExitCode edit_until_clean(Session& s, const KnowledgeBase& kb, const std::string& path) {
  RealFileSystem fs(s.root());
  for (;;) {
    run_editor(s, s.root() + "/" + path);
    std::string text, error;
    DiagSink diags;
    bool clean = false;
    if (!fs.read(path, text, error)) s.error(fmt::format("cannot read '{}': {}", path, error));
    else clean = check_note_text(kb.config, path, text, diags);
    s.print(diags, true);
    if (clean) return ExitCode::ok;
    if (!ask_edit_again(s)) {
      s.error(fmt::format("'{0}' does not load cleanly; fix it with 'kb edit {0}'", path));
      return ExitCode::failure;
    }
  }
}

std::optional<NoteToEdit> read_note_to_edit(Session& s, FileSystem& fs, const std::string& path) {
  NoteToEdit note;
  std::string error;
  if (!fs.read(path, note.text, error)) {
    s.error(fmt::format("cannot read '{}': {}", path, error));
    return std::nullopt;
  }
  DiagSink diags;
  note.front = parse_front_matter(path, note.text, diags);
  return note;
}

bool write_front_edit(Session& s, FileSystem& fs, const std::string& path, const std::string& old,
                      const std::optional<std::string>& next) {
  if (!next) {
    s.error(fmt::format("kb cannot edit this front matter safely; edit it by hand: {}", path));
    return false;
  }
  WriteResult w = fs.replace(path, old, *next);
  if (w.status == WriteStatus::changed) {
    s.error(fmt::format("'{}' changed while kb was editing it; nothing written (run the command again)", path));
    return false;
  }
  if (w.status != WriteStatus::ok) {
    s.error(fmt::format("cannot write '{}': {}", path, w.message));
    return false;
  }
  return true;
}

ExitCode carry_out(Session& s, FileSystem& fs, const KbChange& change, const std::vector<std::string>& problems,
                   bool dry_run, const std::string& changed, const std::function<void(const ChangeResult&)>& report) {
  if (!problems.empty()) {
    for (const std::string& p : problems) s.error(p);
    s.error(fmt::format("nothing was {}", changed));
    return ExitCode::failure;
  }
  if (dry_run) {
    s.out << change_diff(change);
    return ExitCode::ok;
  }
  const ChangeResult done = apply_change(fs, change);
  if (done.ok) {
    report(done);
    return ExitCode::ok;
  }
  if (done.status == WriteStatus::changed)
    s.error(fmt::format("'{}' changed while kb was writing; run the command again", done.failed));
  else
    s.error(fmt::format("cannot write '{}': {}", done.failed, done.message));
  if (done.not_restored.empty()) {
    s.error("nothing was changed (the notes written before it were put back)");
  } else {
    for (const std::string& p : done.not_restored)
      s.error(fmt::format("'{}' was written and changed again since, so kb left it as it is: check it by hand", p));
  }
  return ExitCode::failure;
}

}  // namespace kb::cli
