#pragma once
// The one seam to the disk. Core code (model/load) reads a KB through FileSystem; store/ has the
// real implementation and tests/support/mem_fs.h the in-memory twin. Paths are relative to the
// KB root with '/' separators.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/diag.h"
#include "kb/base/ignore.h"

namespace kb {

/// A record file found by a walk, with the stamps a cache needs to tell if it changed.
struct FileInfo {
  std::string path;  ///< relative, e.g. "meetings/2024/2024-09-02-unesco-iesalc.md"
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  /// The inode change time (st_ctim): set by the kernel on every write, rename and utimes(2),
  /// and never settable by a user, so an edit whose mtime was put back (`cp -p`, `rsync -t`,
  /// `touch -r`) or a note recreated on a reused inode still changes the stamps.
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;

  /// True when `o` has the same stamps (size, mtime, ctime, inode, device): the one test of
  /// "unchanged" that the cache entries and the graph snapshot share.
  bool same_stamps(const FileInfo& o) const {
    return size == o.size && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns && inode == o.inode && device == o.device;
  }
};

enum class WriteStatus { ok, exists, changed, error };

struct WriteResult {
  WriteStatus status = WriteStatus::ok;
  std::string message;  ///< set when status is error
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Every `*.md` record file below the root, sorted by path, but those `ignore` skips (a
  /// folder it skips is not walked). Problems met on the way (loops, unreadable folders) go to
  /// `diags`. With `attachments`, also the paths of the other regular files in the folders
  /// walked (what an `![[embed]]` may name), sorted.
  virtual std::vector<FileInfo> list_markdown(const IgnoreRules& ignore, DiagSink& diags,
                                              std::vector<std::string>* attachments) = 0;
  std::vector<FileInfo> list_markdown(const IgnoreRules& ignore, DiagSink& diags) {
    return list_markdown(ignore, diags, nullptr);
  }
  /// list_markdown() with only the rules every KB has: hidden files and folders and the KB's
  /// `templates/` are skipped.
  std::vector<FileInfo> list_markdown(DiagSink& diags) { return list_markdown(IgnoreRules(), diags); }
  /// Reads a whole file. Returns false and sets `error` (a short reason) when it cannot.
  virtual bool read(const std::string& path, std::string& out, std::string& error) = 0;
  virtual bool exists(const std::string& path) = 0;
  /// Creates `path` (and its folders) holding `content`, whole or not at all; never replaces a
  /// file that exists (returns WriteStatus::exists).
  virtual WriteResult write_new(const std::string& path, std::string_view content) = 0;
  /// Atomically replaces `path` with `content` if it still holds `expected`; otherwise
  /// WriteStatus::changed and nothing is written. WriteStatus::error (`message` says why) when
  /// the note cannot be replaced without loss (e.g. it is read-only or has other hard links).
  virtual WriteResult replace(const std::string& path, std::string_view expected,
                              std::string_view content) = 0;
  /// Renames the note `from` to the new path `to` (its folders made) if it still holds
  /// `expected`: WriteStatus::exists when `to` exists (nothing is replaced), changed when the
  /// note changed, error (`message` says why) when it cannot be renamed.
  virtual WriteResult move(const std::string& from, const std::string& to, std::string_view expected) = 0;
  /// Deletes the note `path` if it still holds `expected` (else WriteStatus::changed, and the
  /// note stays).
  virtual WriteResult remove(const std::string& path, std::string_view expected) = 0;
};

}  // namespace kb
