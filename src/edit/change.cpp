#include "kb/edit/change.h"

#include <fmt/format.h>

#include "kb/base/diff.h"

namespace kb {
namespace {

// Puts back the notes written so far, newest first; those that changed since are listed.
void put_back(FileSystem& fs, const KbChange& change, std::size_t written, ChangeResult& r) {
  for (std::size_t i = written; i-- > 0;) {
    const NoteChange& n = change.notes[i];
    if (fs.replace(n.path, n.after, n.before).status != WriteStatus::ok) r.not_restored.push_back(n.path);
  }
}

}  // namespace

ChangeResult apply_change(FileSystem& fs, const KbChange& change) {
  ChangeResult r;
  for (std::size_t i = 0; i < change.notes.size(); ++i) {
    const NoteChange& n = change.notes[i];
    WriteResult w = fs.replace(n.path, n.before, n.after);
    if (w.status == WriteStatus::ok) continue;
    r = {false, n.path, w.status, w.message, {}, {}};
    put_back(fs, change, i, r);
    return r;
  }
  if (change.move) {
    const NoteChange* moved = nullptr;
    for (const NoteChange& n : change.notes)
      if (n.path == change.move->from) moved = &n;
    WriteResult w = moved ? fs.move(change.move->from, change.move->to, moved->after)
                          : WriteResult{WriteStatus::error, "kb did not read it"};
    if (w.status != WriteStatus::ok)
      r.last_step_failed = fmt::format("kept the file name {} ({})", change.move->from,
                                       w.status == WriteStatus::exists    ? fmt::format("{} exists", change.move->to)
                                       : w.status == WriteStatus::changed ? std::string("it changed meanwhile")
                                                                          : w.message);
  }
  if (change.remove) {
    WriteResult w = fs.remove(change.remove->path, change.remove->before);
    if (w.status != WriteStatus::ok)
      r.last_step_failed =
          fmt::format("kept {} ({})", change.remove->path,
                      w.status == WriteStatus::changed ? std::string("it changed meanwhile") : w.message);
  }
  return r;
}

std::string change_diff(const KbChange& change) {
  std::string out;
  for (const NoteChange& n : change.notes) out += unified_diff("a/" + n.path, "b/" + n.path, n.before, n.after);
  if (change.move) out += fmt::format("rename {} => {}\n", change.move->from, change.move->to);
  if (change.remove) out += fmt::format("delete {}\n", change.remove->path);
  return out;
}

}  // namespace kb
