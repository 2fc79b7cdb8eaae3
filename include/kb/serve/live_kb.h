#pragma once
// A KB kept loaded while the files change under it (kb serve): one load at start, then, after
// each change on disk, a load through the index cache, which takes the graph snapshot and
// patches the changed notes into it (docs/performance.md) exactly as the next CLI command
// would. Readers hold the graph they started with (a shared_ptr) while a newer one replaces it.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "kb/model/load.h"
#include "kb/query/search.h"

namespace kb {
class SqliteCache;
class TreeWatcher;
}

namespace kb::serve {

struct LiveOptions {
  std::string root;           ///< the KB folder
  bool use_cache = true;      ///< load through `<root>/.kb/cache.sqlite`
  std::string cache_version;  ///< what identifies this build's cache entries (Session::cache_version)
  /// The audience every load is for (LoadOptions::audience: "" takes kb.yaml's `audience:`).
  std::string audience;
};

class LiveKb {
 public:
  explicit LiveKb(LiveOptions o);
  ~LiveKb();

  /// Loads the KB now (minutes, actions, links and text: every page and filter can be served) and
  /// makes it current(); the readers of the old one keep it until they let it go. Returns the
  /// load's problems in a line such as "2 files have problems" ("" when none).
  std::string reload();
  /// The KB last loaded. REQUIRES: reload() was called once.
  std::shared_ptr<const LoadResult> current() const;
  /// find_hits() over the full-text index (kb search's, in the cache), which every reload
  /// brings up to date; `kb` is a graph this LiveKb loaded (a hit for a note it lacks is left
  /// out). std::nullopt when there is no index: the KB is served to an audience (the index
  /// holds every line) or it could not be made.
  std::optional<std::vector<SearchHit>> search(const KnowledgeBase& kb, const SearchRequest& request,
                                               std::size_t* total = nullptr);
  /// How many loads have been made (the pages' event stream says when it moves).
  std::uint64_t generation() const { return generation_.load(); }
  /// Waits until generation() is not `seen`, `timeout` passes or stop() is called; returns
  /// generation().
  std::uint64_t wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;
  /// Reloads after each change `watcher` reports, until stop(). Runs on the caller's thread.
  void follow(TreeWatcher& watcher);
  /// Ends follow() and wakes every wait_for_change().
  void stop();
  bool stopped() const { return stopped_.load(); }
  const std::string& root() const { return options_.root; }
  /// Held while the server writes a note, so that two edits of one note cannot interleave.
  std::mutex& write_mutex() { return write_mutex_; }

 private:
  /// Brings the index up to date with `loaded` and the notes its load walked.
  void sync_index(const LoadResult& loaded, const std::vector<FileInfo>& walk);

  LiveOptions options_;
  std::mutex index_mutex_;  ///< one SQLite connection: one search or sync at a time
  std::unique_ptr<SqliteCache> index_cache_;
  std::unique_ptr<TextIndex> index_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const LoadResult> current_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<bool> stopped_{false};
  TreeWatcher* watcher_ = nullptr;
  std::mutex write_mutex_;
};

}  // namespace kb::serve
