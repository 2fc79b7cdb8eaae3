#pragma once
// Watching a KB folder for changes (inotify(7)): every folder below the root but hidden ones
// (`.kb`, `.git`, `.obsidian`) is watched, and folders made later join the watch. It only says
// *that* something changed; what changed is the load's business (the index cache's stamps).

#include <memory>
#include <string>

namespace kb {

class TreeWatcher {
 public:
  /// Starts watching `root`. Returns nullptr and sets `error` when inotify cannot be used (the
  /// system's limit on watches or instances reached, a root that is not a folder).
  static std::unique_ptr<TreeWatcher> start(const std::string& root, std::string& error);
  ~TreeWatcher();
  TreeWatcher(const TreeWatcher&) = delete;
  TreeWatcher& operator=(const TreeWatcher&) = delete;

  /// Blocks until a file or folder below the root (hidden ones aside) is made, changed, moved
  /// or removed, then waits for `quiet_ms` without a further change (an editor's save is
  /// several events) and returns true. Returns false after `timeout_ms` without a change, or
  /// at once after stop().
  bool wait(int timeout_ms, int quiet_ms = 100);
  /// Makes wait() return false now and from then on; safe from any thread.
  void stop();

 private:
  TreeWatcher() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb
