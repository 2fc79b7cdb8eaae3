#include "kb/serve/live_kb.h"

#include <set>
#include <string_view>

#include <fmt/format.h>

#include "kb/store/cache.h"
#include "kb/store/real_fs.h"
#include "kb/store/text_index.h"
#include "kb/store/watch.h"

namespace kb::serve {

LiveKb::LiveKb(LiveOptions o) : options_(std::move(o)) {}

LiveKb::~LiveKb() = default;

void LiveKb::sync_index(const LoadResult& loaded, const std::vector<FileInfo>& walk) {
  std::lock_guard<std::mutex> lock(index_mutex_);
  if (loaded.kb.config.audience_max) {  // the index would show withheld lines in its snippets
    index_.reset();
    return;
  }
  if (!index_ && options_.use_cache) {
    std::string warning;
    index_cache_ = open_index_cache(options_.root, options_.cache_version, warning);
    if (index_cache_) index_ = index_cache_->text_index();
  }
  if (!index_) index_ = memory_text_index();
  RealFileSystem fs(options_.root);
  if (index_ && !sync_text_index(*index_, fs, loaded.kb, walk)) index_.reset();
}

std::optional<std::vector<SearchHit>> LiveKb::search(const KnowledgeBase& kb, const SearchRequest& request,
                                                    std::size_t* total) {
  std::lock_guard<std::mutex> lock(index_mutex_);
  if (!index_) return std::nullopt;
  return find_hits(kb, *index_, request, total);
}

std::string LiveKb::reload() {
  RealFileSystem fs(options_.root);
  LoadOptions lo;
  lo.parts = RecordParts{};  // everything: pages show minutes and actions, the graph links, search the text
  lo.warnings = false;       // the pages say the load's errors only, as every command but check does
  std::unique_ptr<SqliteCache> cache;
  if (options_.use_cache) {
    std::string warning;  // a cache that cannot be used only makes the load slower
    cache = open_index_cache(options_.root, options_.cache_version, warning);
  }
  lo.cache = cache.get();
  lo.audience = options_.audience;  // everything served is what the audience may see
  lo.keep_walk = true;               // the index is synced against it, not a second walk
  auto loaded = std::make_shared<LoadResult>(load_kb(fs, lo));
  loaded->kb.root = options_.root;
  const std::vector<FileInfo> walk = std::move(loaded->walk);  // not kept for the pages
  sync_index(*loaded, walk);
  std::set<std::string_view> files;
  for (const auto& d : loaded->diags.all())
    if (d.severity == Severity::error) files.insert(d.loc.path.str());
  for (const auto& path : loaded->skipped) files.insert(path);
  const std::string audience_error = loaded->audience_error;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    current_ = std::move(loaded);
    generation_.fetch_add(1);
  }
  changed_.notify_all();
  if (!audience_error.empty()) return audience_error;
  if (files.empty()) return {};
  return fmt::format("{} {}", files.size(), files.size() == 1 ? "file has problems" : "files have problems");
}

std::shared_ptr<const LoadResult> LiveKb::current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

std::uint64_t LiveKb::wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_.load() || generation_.load() != seen; });
  return generation_.load();
}

void LiveKb::follow(TreeWatcher& watcher) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_.load()) return;
    watcher_ = &watcher;
  }
  while (!stopped_.load())
    if (watcher.wait(1000)) reload();
  std::lock_guard<std::mutex> lock(mutex_);
  watcher_ = nullptr;
}

void LiveKb::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_.store(true);
    if (watcher_) watcher_->stop();
  }
  changed_.notify_all();
}

}  // namespace kb::serve
