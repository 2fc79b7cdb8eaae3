#pragma once
// The index cache seam: a store of opaque per-file blobs (what parsing a record file gave),
// each keyed by the file's path and stamped with the size, mtime, ctime, inode and device it had.
// The cache decides nothing about validity: load_kb compares the stamps with the walk, and
// the blob format is the parse module's (record_codec.h). store/cache.h holds the SQLite
// implementation; tests use an in-memory one.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/base/binary.h"
#include "kb/base/fs.h"

namespace kb {

/// A file whose mtime lies this close to (or after) the moment its entry was stored may have
/// changed again within the same timestamp tick (coarse file system clocks, FAT's 2 s), so the
/// entry is trusted only if the content hash matches too (git's "racily clean" entries).
inline constexpr std::int64_t kRacyWindowNs = 3'000'000'000;

/// The wall clock in nanoseconds since the epoch: the unit of `stored_ns`.
inline std::int64_t now_ns() {
  using namespace std::chrono;
  return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

struct CacheEntry {
  FileInfo file;                 ///< path and the stamps the file had when it was parsed
  std::uint64_t content_hash = 0;  ///< hash of the file's text (see record_codec.h)
  std::int64_t stored_ns = 0;    ///< wall clock when the entry was written (set by the cache)
  std::string data;              ///< the encoded parse result
};

/// A write of many entries handed over one at a time as they are made (so that they need not
/// all be held at once), committed or dropped as a whole. Used from one thread at a time.
class CacheWrite {
 public:
  virtual ~CacheWrite() = default;
  /// Stores `entry` (replacing one of the same path) when the write commits. False once the
  /// write has failed (later puts are then ignored, and commit() fails).
  virtual bool put(CacheEntry&& entry) = 0;
  /// Drops the entries of `remove` and makes the whole write visible at once. Returns false,
  /// writing nothing, when the cache could not be written; that is never an error for the
  /// caller. Dropping a write without committing it writes nothing.
  virtual bool commit(const std::vector<std::string>& remove) = 0;
};

/// A graph snapshot being written: bytes appended in order, made the snapshot by commit(),
/// whole or not at all. Dropped without a commit, it writes nothing.
class GraphWrite {
 public:
  virtual ~GraphWrite() = default;
  /// False once the write has failed (later appends are ignored, and commit() fails).
  virtual bool append(std::string_view bytes) = 0;
  virtual bool commit() = 0;
};

class IndexCache {
 public:
  virtual ~IndexCache() = default;
  /// Calls `visit` once for every stored entry, in no particular order. A cache that cannot be
  /// read visits nothing (every file then counts as changed).
  virtual void scan(const std::function<void(CacheEntry&&)>& visit) = 0;
  /// Stores `put` (replacing entries of the same path) and drops the entries of `remove`, all
  /// at once or not at all. Returns false when the cache could not be written; that is never
  /// an error for the caller (the next run parses again).
  virtual bool update(std::vector<CacheEntry>&& put, const std::vector<std::string>& remove) = 0;
  /// Starts a write fed one entry at a time, or returns nullptr when the cache cannot be
  /// written now. This default holds the entries and hands them to update() on commit; a
  /// cache that can store them as they come overrides it.
  virtual std::unique_ptr<CacheWrite> begin_write();

  /// The graph snapshot (model/graph_codec.h): one opaque blob beside the entries. When there
  /// is one written by this cache version, calls `use` with its bytes (readable during the
  /// call only, a range at a time) and the wall clock when it was written, and returns what
  /// `use` returned; else returns false. A cache without snapshots keeps this default.
  virtual bool read_graph(const std::function<bool(const ByteSource& data, std::int64_t stored_ns)>& use) {
    (void)use;
    return false;
  }
  /// Replaces the snapshot with `parts` joined, whole or not at all. Returns false when it
  /// could not be written.
  virtual bool write_graph(const std::vector<std::string>& parts) {
    (void)parts;
    return false;
  }
  /// Starts a snapshot written a part at a time (a first run never holds it whole), or returns
  /// nullptr when none can be written. This default holds the parts and hands them to
  /// write_graph() on commit; a cache that can store them as they come overrides it.
  virtual std::unique_ptr<GraphWrite> begin_graph_write();
};

inline std::unique_ptr<GraphWrite> IndexCache::begin_graph_write() {
  class Held : public GraphWrite {
   public:
    explicit Held(IndexCache& cache) : cache_(cache) {}
    bool append(std::string_view bytes) override {
      parts_.emplace_back(bytes);
      return true;
    }
    bool commit() override { return cache_.write_graph(parts_); }

   private:
    IndexCache& cache_;
    std::vector<std::string> parts_;
  };
  return std::make_unique<Held>(*this);
}

inline std::unique_ptr<CacheWrite> IndexCache::begin_write() {
  class Held : public CacheWrite {
   public:
    explicit Held(IndexCache& cache) : cache_(cache) {}
    bool put(CacheEntry&& entry) override {
      entries_.push_back(std::move(entry));
      return true;
    }
    bool commit(const std::vector<std::string>& remove) override { return cache_.update(std::move(entries_), remove); }

   private:
    IndexCache& cache_;
    std::vector<CacheEntry> entries_;
  };
  return std::make_unique<Held>(*this);
}

}  // namespace kb
