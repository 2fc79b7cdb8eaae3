#pragma once
// RealFileSystem: the FileSystem of a KB folder on disk. Walks record files (what IgnoreRules
// skips is not walked, symlinks followed once, loops and files reached twice detected by device
// and inode), reads regular files only without blocking, and writes new files whole without
// ever replacing one (link(2) of a fully written temporary file). Notes are edited in place by
// replace(): a temporary file with the note's owner, mode and extended attributes, renamed over
// it only while the note still holds what kb read.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "kb/base/fs.h"

namespace kb {

class RealFileSystem : public FileSystem {
 public:
  /// REQUIRES: `root` is a directory.
  explicit RealFileSystem(std::string root);
  using FileSystem::list_markdown;
  std::vector<FileInfo> list_markdown(const IgnoreRules& ignore, DiagSink& diags,
                                      std::vector<std::string>* attachments) override;
  bool read(const std::string& path, std::string& out, std::string& error) override;
  bool exists(const std::string& path) override;
  WriteResult write_new(const std::string& path, std::string_view content) override;
  /// Replaces the note `path` with `content` if it still holds `expected` (else
  /// WriteStatus::changed): a temporary file beside the note, with its owner, group, mode and
  /// extended attributes (POSIX ACLs among them), is renamed over it. Another kb waits on a lock;
  /// any other program's write is caught by a last look at the note right before the rename
  /// (stamps and text) and, in the instant after it, by a look at the old file after the rename,
  /// whose version is then put back (WriteStatus::changed). A symbolic link is edited at its
  /// target. Refused (WriteStatus::error, `message` says why) when the note or a folder on its
  /// way leads outside the KB, is read-only, has other hard links, or its owner or an extended
  /// attribute cannot be kept.
  WriteResult replace(const std::string& path, std::string_view expected,
                      std::string_view content) override;
  /// Renames the note: under the same lock and checks as replace(), with renameat2's
  /// RENAME_NOREPLACE (link(2) and unlink(2) where the file system lacks it). A symbolic link
  /// is refused.
  WriteResult move(const std::string& from, const std::string& to, std::string_view expected) override;
  /// Deletes the note: under the same lock and checks as replace(), it is first renamed aside
  /// (a temporary name beside it) and looked at there, then unlinked; a note written in between
  /// goes back. A symbolic link is refused.
  WriteResult remove(const std::string& path, std::string_view expected) override;
  const std::string& root() const { return root_; }

  /// Files larger than this are skipped with a warning.
  static constexpr std::size_t kMaxFileSize = 16u << 20;

  /// Where replace() is: its temporary file is written; its last look found the note unchanged
  /// and the rename comes next.
  enum class ReplaceStep { temp_written, last_checked };
  using ReplaceHook = std::function<void(ReplaceStep)>;
  /// Test seam: `hook` runs at each ReplaceStep, so a test can write the note as another program
  /// would at that moment.
  void set_replace_hook(ReplaceHook hook) { hook_ = std::move(hook); }

 private:
  std::string full(const std::string& path) const;
  bool resolve_note(const std::string& path, std::string& target, std::string& error) const;
  /// Opens and locks the plain file `path` of the KB for move() or remove(), checking that it
  /// holds `expected`; -1 with `result` set otherwise. `target` is its full path.
  int open_unchanged(const std::string& path, std::string_view expected, std::string& target,
                     WriteResult& result) const;
  static WriteResult replace_once(const std::string& target, std::string_view expected, std::string_view content,
                                  std::optional<std::string>& theirs, const ReplaceHook& hook);
  std::string root_;
  ReplaceHook hook_;
};

}  // namespace kb
