#include "kb/model/load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "kb/base/binary.h"
#include "kb/base/memory.h"
#include "kb/base/parallel.h"
#include "kb/base/text.h"
#include "kb/model/graph_codec.h"
#include "kb/model/names.h"
#include "kb/model/record_builder.h"
#include "kb/model/vault_settings.h"
#include "kb/parse/record.h"
#include "kb/parse/record_codec.h"
#include "graph_patch.h"
#include "resolver.h"

namespace kb {
namespace {

/// One file's way through the pipeline.
struct Parsed {
  bool parsed = false;           ///< the file parsed (its record may still fail to build)
  bool unreadable = false;       ///< the file could not be read (a permission may change)
  bool typed = false;            ///< the typed record could be built (its slot holds it)
  std::vector<std::string> keys;  ///< the record's name keys (KnowledgeBase::name_keys)
  RecordSides sides;  ///< what typing gave beside the record, for building the graph
  DiagSink diags;
  std::string blob;            ///< the matching cache entry (kept until typed), or a fresh parse to store
  std::uint64_t hash = 0;      ///< content hash of the cached or freshly read text
  bool cached = false;         ///< `blob` came from the cache
  bool racy = false;           ///< the cached entry must also match the content hash
  bool store = false;          ///< `blob` is a fresh parse: its entry is stored (store_entry)
  bool had_entry = false;      ///< the cache held an entry for this path (matching or not)
  bool withheld = false;       ///< left out for the audience (LoadOptions::audience)
  std::size_t withheld_lines = 0;  ///< lines of it left out for the audience
};

// File indexes handed from the thread that reads the cache to the workers. `push` waits while
// `max_pending` are queued, so cache entries are decoded about as fast as they are read and
// only a few undecoded entries are held at once. Every other file is handed over at once by
// `finish`, which the workers then take in batches without waiting on the feeder.
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t max_pending) : max_pending_(max_pending) {}

  void push(std::size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < max_pending_; });
    queue_.push_back(i);
    not_empty_.notify_one();
  }
  /// Ends the pushes: `rest` are the last files to hand out.
  void finish(std::vector<std::size_t> rest) {
    std::lock_guard<std::mutex> lock(mu_);
    rest_ = std::move(rest);
    closed_ = true;
    not_empty_.notify_all();
  }
  /// Up to `n` indexes into `batch`; false once every file has been handed out.
  bool pop(std::vector<std::size_t>& batch, std::size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    batch.clear();
    if (!queue_.empty()) {
      while (!queue_.empty() && batch.size() < n) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
      not_full_.notify_all();
    }
    while (batch.size() < n && next_rest_ < rest_.size()) batch.push_back(rest_[next_rest_++]);
    return !batch.empty();
  }

 private:
  std::size_t max_pending_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::size_t> queue_;
  std::vector<std::size_t> rest_;
  std::size_t next_rest_ = 0;
  bool closed_ = false;
};

// Reads the cache: each entry whose stamps match the walk goes into its file's slot and its
// index is passed to `ready`; entries of files that are gone are listed in `remove`.
void read_cache(IndexCache& cache, const std::vector<FileInfo>& files, std::vector<Parsed>& parsed,
                std::vector<std::string>& remove, const std::function<void(std::size_t)>& ready) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) index.emplace(files[i].path, i);
  cache.scan([&](CacheEntry&& e) {
    auto it = index.find(e.file.path);
    if (it == index.end()) {
      remove.push_back(std::move(e.file.path));
      return;
    }
    Parsed& p = parsed[it->second];
    p.had_entry = true;
    if (!e.file.same_stamps(files[it->second]) || e.data.empty()) return;  // changed: parse again
    p.blob = std::move(e.data);
    p.hash = e.content_hash;
    p.cached = true;
    p.racy = e.file.mtime_ns >= e.stored_ns - kRacyWindowNs;
    ready(it->second);
  });
}

// A note's cache entry: its parse (record_codec), then the note as typed (graph_codec's typed
// note), which an entry written by a load for an audience, or for a note that could not be
// typed, lacks. Both empty when the entry does not start with a parse of this format.
struct EntryParts {
  std::string_view parse, typed;
};
EntryParts split_entry(std::string_view entry) {
  const std::size_t n = encoded_record_size(entry);
  if (n == 0) return {};
  return {entry.substr(0, n), entry.substr(n)};
}

// The cache entry is not used: the note is read and parsed.
void drop_entry(Parsed& p) {
  p.cached = false;
  std::string().swap(p.blob);
}

// Whether a cache entry whose stamps matched the file's can be believed: one written within the
// racy window of the file's mtime only when the file's text (then read into `text`, and
// `have_text` set) has the entry's hash.
bool entry_believed(FileSystem& fs, const FileInfo& file, const Parsed& p, std::string& text, bool& have_text) {
  if (!p.racy) return true;
  std::string err;
  have_text = fs.read(file.path, text, err);
  return have_text && content_hash(text) == p.hash;
}

// Takes one file's parse from its cache entry (which is kept: a new typed part may be stored
// after it) when the entry decodes, its body's facts read again; else parses the file (its
// text in `text` already when `have_text`). `body` says how much of a note's body is parsed
// (all of it when caching: an entry serves every later command).
std::optional<RawRecord> load_one(FileSystem& fs, const FileInfo& file, Parsed& p, bool caching, BodyParse body,
                                  std::string& text, bool have_text) {
  std::string err;
  if (p.cached) {
    RawRecord rec;
    std::vector<Diagnostic> diags;
    if (decode_record(split_entry(p.blob).parse, rec, diags) && rec.path == file.path) {
      for (auto& d : diags) p.diags.report(std::move(d));
      parse_body_again(rec);  // an entry keeps the note as typed, not its body's facts
      return rec;
    }
    drop_entry(p);
  }
  if (!have_text && !fs.read(file.path, text, err)) {
    p.diags.error({file.path, 0, 0}, fmt::format("cannot read file: {}", err));
    p.unreadable = true;
    return std::nullopt;
  }
  std::optional<RawRecord> raw = parse_record(file.path, text, p.diags, body);
  // Files that fail to parse are not cached: their error is reported afresh every time.
  if (caching && raw) {
    p.hash = content_hash(text);
    p.blob = encode_record(*raw, p.diags.all());
    p.store = true;
  }
  return raw;
}

// load_one on a loading thread: memory that runs out (a huge YAML tree) skips this note with an
// error; an exception leaving the thread would end the process.
std::optional<RawRecord> load_guarded(FileSystem& fs, const FileInfo& file, Parsed& p, bool caching, BodyParse body,
                                      std::string& text, bool have_text) {
  try {
    return load_one(fs, file, p, caching, body, text, have_text);
  } catch (const std::bad_alloc&) {
    p.store = false;
    p.diags.error({SharedPath(file.path), 0, 0}, "out of memory while reading this note; skipped");
    return std::nullopt;
  }
}

// Makes `front`'s fields and `body` the note's text as written.
void put_text(Record& r, FrontMatter&& front, std::string&& body) {
  NoteText& text = r.text.edit();
  text.fields = std::move(front.fields);
  text.body = std::move(body);
}

// Puts the front matter as written and the body of `content`, the text of `r`'s note, into
// r.text. False when it does not parse.
bool set_text(std::string_view content, Record& r) {
  DiagSink ignored;  // the load reported this note's diagnostics
  std::optional<RawRecord> raw = parse_record(r.path.str(), content, ignored, BodyParse::none);
  if (!raw) return false;
  put_text(r, std::move(raw->front), std::move(raw->body));
  return true;
}

// Puts the text as written that `p`'s cache entry holds into r.text. False when the entry
// cannot be believed or does not decode (the note is then read).
bool text_from_entry(FileSystem& fs, const FileInfo& file, const Parsed& p, Record& r, std::string& text,
                     bool& have_text) {
  FrontMatter front;
  std::string body;
  if (!entry_believed(fs, file, p, text, have_text) ||
      !decode_record_text(split_entry(p.blob).parse, r.path, front, body))
    return false;
  put_text(r, std::move(front), std::move(body));
  return true;
}

// A load with text from the snapshot: the snapshot keeps each note's wikilinks, and its front
// matter as written and its body are in the note's cache entry. Fills them in for `files`
// (notes whose stamps are the snapshot's): from the entry when its stamps match the file's
// (and, when the entry was written within the racy window of the file's mtime, its content
// hash too), else by reading and parsing the file. The scan feeds the workers as it goes, as
// in a whole load. Returns false when a note cannot be read or parsed any more (a whole load
// then reports it).
bool fill_text(IndexCache& cache, FileSystem& fs, const std::vector<FileInfo>& files, KnowledgeBase& kb,
               unsigned threads) {
  std::vector<NodeId> node(files.size());
  for (std::size_t i = 0; i < files.size(); ++i)
    if (const Record* r = kb.lookup_rid(record_id(files[i].path)); r && r->path == files[i].path) node[i] = r->id;
  std::vector<Parsed> slot(files.size());
  std::atomic<bool> failed{false};
  WorkQueue queue(256);
  auto work = [&] {
    std::string text, err;
    std::vector<std::size_t> batch;
    while (queue.pop(batch, 16)) {
      for (std::size_t i : batch) {
        Parsed& p = slot[i];
        Record& r = kb.mutable_at(node[i]);
        bool have_text = false;
        const bool from_entry = p.cached && text_from_entry(fs, files[i], p, r, text, have_text);
        std::string().swap(p.blob);
        if (from_entry) continue;
        if (!(have_text || fs.read(files[i].path, text, err)) || !set_text(text, r)) failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(work);
  std::vector<std::string> unused;
  std::vector<char> queued(files.size(), 0);
  read_cache(cache, files, slot, unused, [&](std::size_t i) {
    if (!node[i].valid()) return;
    queued[i] = 1;
    queue.push(i);
  });
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (!queued[i] && node[i].valid()) rest.push_back(i);
  queue.finish(std::move(rest));
  for (auto& th : pool) th.join();
  return !failed;
}

// What typing a note reads besides the note (the kb binary is part of the cache's version):
// kb.yaml's text and the Tasks plugin's filter. A typed note stored under another key is typed
// again.
std::uint64_t typing_key(const std::optional<std::string>& config_text, const KbConfig& config) {
  BinaryWriter w;
  w.u(cache_format_version());
  w.b(config_text.has_value());
  w.s(config_text ? *config_text : std::string());
  w.s(config.tasks_filter);
  return checksum64(w.out);
}

// What a loaded graph depends on besides the notes (whose paths and stamps the snapshot keeps
// itself): what typing them does (`typing`), the ignore rules (which the vault's settings files
// may change without touching kb.yaml) and the names of the other files (which embeds name).
// A snapshot stored under another key is not used.
std::uint64_t snapshot_key(std::uint64_t typing, const IgnoreRules& ignore, const std::vector<std::string>& attachments) {
  BinaryWriter w;
  w.u(typing);  // the formats too
  w.s(ignore.key());
  w.u(attachments.size());
  for (const std::string& a : attachments) w.s(a);
  return checksum64(w.out);
}

// The most notes a snapshot is patched with (graph_patch.h); past it, or when a change cannot
// be patched, the whole KB is loaded and a new snapshot written. Each run parses them again,
// so the bound keeps that under a few milliseconds.
constexpr std::size_t kMaxPatched = 64;

// Takes the whole graph from the cache's snapshot when it was stored under `key` for the same
// notes, patching in the few whose stamps changed since when that gives what a whole load
// would. An unchanged note whose mtime lies within the racy window before the snapshot was
// written makes it unusable (an edit in the same timestamp tick would leave its stamps as
// they were). Once the stored notes are found to match, the walk's `files` are let go (all
// but the changed ones, kept aside) before the records are decoded, whose memory can then
// reuse theirs (a few percent of a warm load's peak). `files` is then empty, also when the
// snapshot fails after that.
bool load_snapshot(IndexCache& cache, FileSystem& fs, std::uint64_t key, std::vector<FileInfo>& files,
                   const std::vector<std::string>& attachments, unsigned threads, const LoadOptions& options,
                   LoadResult& result) {
  const RecordParts parts = options.parts;
  LoadResult snap;
  snap.kb.config = result.kb.config;
  snap.kb.root = result.kb.root;
  const std::size_t file_count = files.size();
  NotePatch patch;
  std::size_t notes_read = 0;
  std::vector<FileInfo> unchanged_files;  // for a load with text: whose text to fill in
  const bool read = cache.read_graph([&](const ByteSource& data, std::int64_t stored_ns) {
    auto accept = [&](const NoteChanges& c) {
      if (c.size() > kMaxPatched) return false;
      std::vector<char> differs(files.size(), 0);
      for (std::size_t i : c.changed) differs[i] = 1;
      for (std::size_t i : c.added) differs[i] = 1;
      for (std::size_t i = 0; i < files.size(); ++i)
        if (!differs[i] && files[i].mtime_ns >= stored_ns - kRacyWindowNs) return false;
      for (std::size_t i : c.changed) patch.changed.push_back(files[i]);
      for (std::size_t i : c.added) patch.added.push_back(files[i]);
      patch.removed = c.removed;
      if (parts.text) {
        unchanged_files.reserve(files.size() - c.changed.size() - c.added.size());
        for (std::size_t i = 0; i < files.size(); ++i)
          if (!differs[i]) unchanged_files.push_back(std::move(files[i]));
      }
      std::vector<FileInfo>().swap(files);  // decode_graph() reads it no more
      return true;
    };
    return decode_graph(data, key, files, accept, snap, threads, parts, options.warnings);
  });
  if (!read) return false;
  snap.kb.set_attachments(attachments);
  if (patch.changed.size() + patch.added.size() + patch.removed.size() > 0 &&
      !patch_graph(snap, fs, patch, parts, notes_read))
    return false;
  if (parts.text && !fill_text(cache, fs, unchanged_files, snap.kb, threads)) return false;
  keep_parts(snap.kb, parts);
  result.kb = std::move(snap.kb);
  result.files = file_count;
  result.skipped = std::move(snap.skipped);
  result.diags.merge(std::move(snap.diags));
  result.cache_hits = file_count - notes_read;
  result.cache_updated = true;
  return true;
}

// Drops a front matter but for its `name:` entry (a tree of a few dozen values is most of a
// typed note's memory).
void keep_name_only(Value& fields) {
  Value kept;
  kept.kind = Value::Kind::mapping;
  kept.loc = fields.loc;
  if (std::string_view key = fields.property_name("name"); !key.empty())
    kept.entries.emplace_back(std::string(key), std::move(*fields.find(key)));
  fields = std::move(kept);
}

}  // namespace

void keep_parts(Record& r, RecordParts parts) {
  if (!parts.text) r.text.unload();
  if (!parts.links) r.mentions.unload();
  if (!parts.minutes) r.minutes.unload();
  if (!parts.actions) r.actions.unload();
}

void keep_parts(KnowledgeBase& kb, RecordParts parts) {
  for (std::uint32_t i = 0; i < kb.records().size(); ++i) {
    Record& r = kb.mutable_at(NodeId{i});
    keep_parts(r, parts);
    r.reads.unload();  // for the snapshot and the patch only
  }
  kb.has_text = parts.text;
  kb.has_links = parts.links;
  kb.has_minutes = parts.minutes;
  kb.has_actions = parts.actions;
}

bool read_note_text(FileSystem& fs, Record& r) {
  std::string content, err;
  if (r.defined && fs.read(r.path.str(), content, err) && set_text(content, r)) return true;
  r.text.reset();
  return false;
}

bool read_note_minutes(FileSystem& fs, const KbConfig& config, Record& r) {
  std::optional<Record> whole = r.defined ? read_whole_note(fs, config, r) : std::nullopt;
  if (whole && whole->minutes.present()) r.minutes = std::move(whole->minutes);
  else r.minutes.reset();
  return whole.has_value();
}

namespace {

// `ignore: [Templates, "**/*.excalidraw.md"]` (or one glob as a string): each entry a glob.
std::vector<std::string> parse_ignore_list(const Value& doc, DiagSink& diags) {
  std::vector<std::string> globs;
  const Value* list = doc.find("ignore");
  if (!list || list->is_null()) return globs;
  if (list->is_scalar()) {
    globs.emplace_back(trim(list->text));
  } else if (list->is_sequence()) {
    for (const auto& item : list->items) {
      if (item.is_scalar() && !trim(item.text).empty()) globs.emplace_back(trim(item.text));
      else diags.error(item.loc, "invalid 'ignore' entry (expected a glob such as 'Templates/**')");
    }
  } else {
    diags.error(list->loc, "'ignore' must be a list of globs (such as 'Templates/**')");
  }
  return globs;
}

}  // namespace

namespace {

// `honorifics: [Mr, Ms, H.E.]`: the words a name may start with that name matching drops.
std::vector<std::string> parse_honorifics(const Value& doc, DiagSink& diags) {
  std::vector<std::string> out;
  const Value* list = doc.find("honorifics");
  if (!list || list->is_null()) return out;
  if (!list->is_sequence()) {
    diags.error(list->loc, "'honorifics' must be a list of words (Mr., Dr., H.E.)");
    return out;
  }
  for (const auto& item : list->items) {
    if (item.is_scalar() && !trim(item.text).empty()) out.emplace_back(trim(item.text));
    else diags.error(item.loc, "an honorific must be a word (Mr., Dr., H.E.)");
  }
  return out;
}

}  // namespace

KbConfig parse_config(std::string_view path, std::string_view text, DiagSink& diags) {
  KbConfig config;
  auto doc = parse_yaml_document(path, text, diags);
  if (!doc) return config;
  if (doc->is_null()) return config;
  if (!doc->is_mapping()) {
    diags.error({std::string(path), 1, 1}, "kb.yaml must be a mapping of settings");
    return config;
  }
  config.raw = *doc;
  auto get = [&](std::string_view key) {
    const Value* v = doc->find(key);
    return v && v->is_scalar() ? std::string(trim(v->text)) : std::string();
  };
  config.name = get("name");
  config.home = get("home");
  config.me = get("me");
  config.timezone = get("timezone");
  const std::string strict = to_lower_ascii(get("strict"));
  config.strict = strict == "true" || strict == "yes" || strict == "on";
  config.name_files = to_lower_ascii(get("filenames")) == "name";
  config.tasks_all_notes = get("tasks") == "all-notes";
  config.ignore = parse_ignore_list(*doc, diags);
  config.honorifics = parse_honorifics(*doc, diags);
  config.visibility = parse_visibility(*doc, diags);
  if (const Value* fields = doc->find("fields"); fields && fields->is_mapping())
    for (const auto& [k, v] : fields->entries)
      if (v.is_scalar()) config.field_names[k] = v.text;
  // `types: {meeting: {categories: "[[Meetings]]", folder: Calendar}}`: how a vault marks
  // each type; `folder` is a folder, any other key a front-matter key; a list means any of.
  if (const Value* types = doc->find("types"); types && !types->is_null()) {
    if (!types->is_mapping()) diags.error(types->loc, "'types' must map a type to its markers");
    for (const auto& [name, markers] : types->is_mapping() ? types->entries : decltype(types->entries){}) {
      auto type = parse_record_type(name);
      if (!type || *type == RecordType::note || !markers.is_mapping()) {
        diags.error(markers.loc, fmt::format("invalid 'types' entry '{}' (expected meeting, person, organization, topic "
                                             "or event, each mapping keys to values)",
                                             name));
        continue;
      }
      for (const auto& [key, v] : markers.entries) {
        std::vector<const Value*> values;
        if (v.is_scalar()) values.push_back(&v);
        for (const auto& item : v.items) {
          if (item.is_scalar()) values.push_back(&item);
          // `categories: [[Meetings]]` unquoted: YAML's nested list holds the name.
          if (item.is_sequence() && item.items.size() == 1 && item.items[0].is_scalar())
            values.push_back(&item.items[0]);
        }
        for (const Value* value : values) {
          TypeRule rule;
          rule.type = *type;
          (key == "folder" ? rule.folder : rule.value) = std::string(trim(value->text));
          if (key != "folder") rule.key = key;
          config.type_rules.push_back(std::move(rule));
        }
      }
    }
  }
  return config;
}

// An entry holds a parse and a typed note (graph_codec.h): a change to either format changes it.
std::uint32_t cache_format_version() { return kRecordFormatVersion << 16 | kGraphFormatVersion; }

namespace {

// Reads kb.yaml into kb.config; its text (part of the snapshot's key), or none without one.
std::optional<std::string> read_config(FileSystem& fs, LoadResult& result) {
  set_default_honorifics();  // unless this KB's kb.yaml lists its own
  if (!fs.exists("kb.yaml")) return std::nullopt;
  std::string text, err;
  if (!fs.read("kb.yaml", text, err)) {
    result.diags.error({"kb.yaml", 0, 0}, fmt::format("cannot read: {}", err));
    return std::nullopt;
  }
  result.kb.config = parse_config("kb.yaml", text, result.diags);
  // Name matching drops the KB's honorifics from here on (text.h: a process-wide setting).
  if (!result.kb.config.honorifics.empty()) set_honorifics(result.kb.config.honorifics);
  return text;
}

// Stores fresh cache entries on a thread of its own as they come (so they are not all held at
// once), in one write committed once every file is done. It writes only once the cache's scan
// is over (a store is used from one thread at a time); the rare entry made before that (a
// cached entry that did not decode) waits in `early`. The write ends with the entries to
// remove (notes that no longer parse, files gone).
class CacheWriter {
 public:
  CacheWriter(IndexCache& cache, bool& updated) : cache_(cache), updated_(updated) {
    thread_ = std::thread([this] { run(); });
  }
  ~CacheWriter() { finish(); }  // also when something throws: a joinable thread must not be destroyed

  void push(CacheEntry&& e) { entries_.push(std::move(e)); }
  /// The cache's scan is over: entries may be written.
  void scanned() { scanned_ = true; }
  /// Every entry is pushed: removes `remove` and commits.
  void close(std::vector<std::string> remove) {
    remove_ = std::move(remove);
    entries_.close();
  }
  void finish() {
    if (!thread_.joinable()) return;
    entries_.close();
    thread_.join();
  }

 private:
  void run() {
    std::vector<CacheEntry> early, batch;
    while (entries_.pop_batch(batch, 64)) {  // woken once for many entries, not for each
      if (!scanned_) {
        std::move(batch.begin(), batch.end(), std::back_inserter(early));
        continue;
      }
      for (auto& held : early) store(std::move(held));
      early.clear();
      for (auto& e : batch) store(std::move(e));
    }
    for (auto& held : early) store(std::move(held));
    if (!write_ && ok_ && !remove_.empty()) ok_ = (write_ = cache_.begin_write()) != nullptr;
    updated_ = ok_ && (!write_ || write_->commit(remove_));
  }
  void store(CacheEntry&& e) {
    if (!write_ && ok_) ok_ = (write_ = cache_.begin_write()) != nullptr;
    if (ok_) ok_ = write_->put(std::move(e));
  }

  IndexCache& cache_;
  bool& updated_;
  Channel<CacheEntry> entries_{256};
  std::atomic<bool> scanned_{false};
  std::vector<std::string> remove_;
  std::unique_ptr<CacheWrite> write_;
  bool ok_ = true;
  std::thread thread_;
};

// A load of every note (no usable snapshot): read or take from the cache, parse and type on
// every core, then assemble, resolve and index the graph, and store a new snapshot.
class WholeLoad {
 public:
  WholeLoad(FileSystem& fs, const LoadOptions& options, std::vector<FileInfo>& files, LoadResult& result,
            unsigned threads, std::uint64_t typing_key)
      : fs_(fs), options_(options), cache_(options.cache), files_(files), result_(result), threads_(threads),
        typing_key_(typing_key), parsed_(files.size()) {
    // Each note is typed in place, in a slot of the vector that becomes the graph's own, so the
    // records are never held twice. Room for unresolved names past the notes: memory that is
    // never written is never made resident, and the graph's vector need not move when they come.
    records_.reserve(files.size() + files.size() / 4 + 64);
    prefault(records_.data(), files.size() * sizeof(Record), threads);  // backed on every core
    records_.resize(files.size());
    if (cache_) writer_.emplace(*cache_, result.cache_updated);
    if (const auto& max = result.kb.config.audience_max) audience_.emplace(result.kb.config.visibility, *max);
  }

  // Reads and types every note, on every core. Each file's result lands in its own slot and
  // diagnostics are merged in path order later, so the outcome does not depend on threads or
  // timing. This thread reads the cache and queues each file with a usable entry as it comes,
  // then every other file; the workers take small batches (an even spread however costs vary).
  void read_all() {
    const unsigned workers = std::min<unsigned>(threads_, std::max<std::size_t>(1, files_.size() / 64));
    const bool inline_work = workers <= 1 && !options_.progress;
    WorkQueue queue(inline_work ? files_.size() + 1 : 256);
    std::atomic<std::size_t> done{0};
    auto work = [&] {
      Worker w;
      std::vector<std::size_t> batch;
      while (queue.pop(batch, 16)) {
        for (std::size_t i : batch) read_one(i, w);
        done.fetch_add(batch.size(), std::memory_order_relaxed);
      }
    };
    if (inline_work) {
      feed(queue);
      work();
      return;
    }
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < workers; ++t) pool.emplace_back(work);
    feed(queue);
    if (options_.progress) report_progress(done);
    for (auto& th : pool) th.join();
  }

  // Closes up the typed notes over those that were not typed, in file order, as the graph's
  // first records, and indexes their names; then resolves every reference (reporting duplicate
  // names) and builds the indexes.
  void assemble() {
    finish_cache_entries();
    KnowledgeBase& kb = result_.kb;
    std::vector<RecordSides> sides;  // per node
    std::vector<std::size_t> file_of;  // per node
    sides.reserve(files_.size());
    file_of.reserve(files_.size());
    for (std::size_t i = 0; i < files_.size(); ++i) {
      result_.withheld_lines += parsed_[i].withheld_lines;
      if (parsed_[i].withheld) {  // its problems are not said either: the note is not there
        ++result_.withheld_notes;
        continue;
      }
      result_.diags.merge(std::move(parsed_[i].diags));
      if (!parsed_[i].typed) {
        result_.skipped.push_back(files_[i].path);
        continue;
      }
      if (file_of.size() != i) records_[file_of.size()] = std::move(records_[i]);
      file_of.push_back(i);
      sides.push_back(std::move(parsed_[i].sides));
    }
    records_.resize(file_of.size());
    const std::size_t room = records_.capacity();
    kb.add_all(std::move(records_));
    kb.reserve(room);  // the name and id indexes; the records already have it
    for (std::size_t k = 0; k < file_of.size(); ++k) {
      kb.index_names(NodeId{static_cast<std::uint32_t>(k)}, parsed_[file_of[k]].keys);
      std::vector<std::string>().swap(parsed_[file_of[k]].keys);
    }
    // Unresolved nodes are numbered in path order, whatever the threads; each meeting gets its
    // owners and each attendee the organization on its date.
    kb.index_rids();  // the resolver looks records up by id
    resolve_graph(kb, sides, result_.diags, threads_);
    all_read_ = std::none_of(parsed_.begin(), parsed_.end(), [](const Parsed& p) { return p.unreadable; });
    // What the parse gave beside the records is done with: freed before the indexes are built.
    std::vector<RecordSides>().swap(sides);
    std::vector<Parsed>().swap(parsed_);
    kb.build_indexes();
  }

  // A snapshot of the whole graph for the next run, unless a note could not be read (a
  // permission change moves no stamp, and the note must be read again). `first_file_diag`:
  // the diagnostics before it (kb.yaml's, the walk's) are found afresh on every run.
  void store_snapshot(std::uint64_t key, std::size_t first_file_diag) {
    if (cache_ && all_read_) {
      const auto& all = result_.diags.all();
      std::vector<Diagnostic> file_diags(all.begin() + static_cast<std::ptrdiff_t>(first_file_diag), all.end());
      auto snapshot = cache_->begin_graph_write();
      const bool written = snapshot && encode_graph(key, files_, result_, file_diags, threads_,
                                                    [&](std::string_view part) { return snapshot->append(part); });
      writer_.reset();  // the entries are committed first
      if (written) snapshot->commit();
    }
    writer_.reset();
  }

 private:
  struct Worker {
    std::string text;
    StringPool names;  // a name written in many notes is held once a worker
  };

  // Queues the files with a usable cache entry as the cache's scan finds them, then the rest.
  void feed(WorkQueue& queue) {
    std::vector<char> queued(files_.size(), 0);
    if (cache_)
      read_cache(*cache_, files_, parsed_, remove_, [&](std::size_t i) {
        queued[i] = 1;
        queue.push(i);
      });
    if (writer_) writer_->scanned();
    std::vector<std::size_t> rest;
    rest.reserve(files_.size());
    for (std::size_t i = 0; i < files_.size(); ++i)
      if (!queued[i]) rest.push_back(i);
    queue.finish(std::move(rest));
  }

  // Tells options_.progress how many files are done, every 100 ms until all are.
  void report_progress(const std::atomic<std::size_t>& done) {
    for (;;) {
      const std::size_t now = done.load(std::memory_order_relaxed);
      options_.progress(now, files_.size());
      if (now >= files_.size()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

  // One file into its slot: as typed from its cache entry, else parsed (from the entry or the
  // file) and typed; then its entry stored when it is new or its typed part is.
  void read_one(std::size_t i, Worker& w) {
    Parsed& p = parsed_[i];
    bool have_text = false;
    if (p.cached && !entry_believed(fs_, files_[i], p, w.text, have_text)) drop_entry(p);
    if (p.cached && take_typed(i, w)) return;
    std::optional<RawRecord> raw = load_guarded(fs_, files_[i], p, cache_ != nullptr, body_parse(), w.text, have_text);
    if (raw) {
      p.parsed = true;
      type_one(i, std::move(*raw), w);
    }
    store_entry(i);
  }

  // The note as its entry's typed part holds it, when typed under this load's key: neither
  // parsed nor typed again. Its text (front matter as written, body) from the entry's parse,
  // when asked for or an audience must be shown it: a note it may see only a part of is
  // parsed again without the lines it may not (false), one it may not see is withheld.
  bool take_typed(std::size_t i, Worker& w) {
    Parsed& p = parsed_[i];
    Record& r = records_[i];
    const EntryParts entry = split_entry(p.blob);
    const bool text = options_.parts.text || audience_;
    std::vector<Diagnostic> diags;
    FrontMatter front;
    std::string body;
    bool ok = false;
    try {
      ok = decode_typed_note(entry.typed, typing_key_, r, p.sides, p.keys, diags, w.names) &&
           r.path == files_[i].path && (!text || decode_record_text(entry.parse, r.path, front, body));
    } catch (const std::bad_alloc&) {
      ok = false;  // parsed from the file instead, which reports it
    }
    const auto shown = ok && audience_ ? audience_->shown(front.fields, body) : AudienceFilter::Shown::all;
    if (!ok || shown != AudienceFilter::Shown::all) {
      r = Record();
      p.sides = RecordSides();
      p.keys.clear();
      if (shown != AudienceFilter::Shown::none) return false;
      p.parsed = p.withheld = true;
      std::string().swap(p.blob);
      return true;
    }
    if (options_.parts.text) put_text(r, std::move(front), std::move(body));
    for (auto& d : diags) p.diags.report(std::move(d));
    drop_unasked(r, p.sides);
    p.parsed = p.typed = true;
    std::string().swap(p.blob);
    return true;
  }

  // Hands the cache writer the note's entry when its parse is new, or when its typed part did
  // not serve (another kb.yaml, an entry without one): the parse, then the note as typed,
  // unless the load is for an audience (whose notes lose lines before they are typed).
  void store_entry(std::size_t i) {
    Parsed& p = parsed_[i];
    const bool typed = p.typed && !audience_;
    if (writer_ && (p.store || (p.cached && typed))) {
      std::string entry = p.store ? std::move(p.blob) : std::string(split_entry(p.blob).parse);
      if (typed) entry += encode_typed_note(typing_key_, records_[i], p.sides, p.keys, p.diags.all());
      writer_->push(CacheEntry{files_[i], p.hash, 0, std::move(entry)});
    }
    std::string().swap(p.blob);
  }

  // Types a parsed note into its slot (unless it is withheld from the audience).
  void type_one(std::size_t i, RawRecord&& raw, Worker& w) {
    Parsed& p = parsed_[i];
    if (audience_ && !audience_->apply(raw, p.withheld_lines)) {
      p.withheld = true;
      return;
    }
    Record& r = records_[i];
    // The record's path is the string every location of the note already shares.
    const SharedPath& located = raw.front.fields.loc.path;
    r.path = located == files_[i].path ? located : SharedPath(files_[i].path);
    r.rid = record_id(r.path.str());
    // Typing needs only the record and the config, so it runs here too; the raw record is
    // dropped as soon as it is typed, which keeps the peak down.
    if (!build_record(result_.kb.config, std::move(raw), r, p.sides, p.diags, &w.names,
                      keeps_links() ? &w.names : nullptr)) {
      r = Record();
      return;
    }
    drop_unasked(r, p.sides);
    p.keys = KnowledgeBase::name_keys(r);  // Unicode normalization: here, on every core
    p.typed = true;
  }

  // A body is read whole unless the load takes nothing from it but its tags.
  BodyParse body_parse() const {
    const RecordParts& parts = options_.parts;
    const bool whole = cache_ || parts.minutes || parts.actions || parts.text || options_.warnings;
    return whole ? BodyParse::all : BodyParse::tags;
  }
  // The body's links outlive typing with a cache (for the snapshot) or when asked for.
  bool keeps_links() const { return cache_ || options_.parts.links; }

  // What was not asked for goes as soon as a note is typed: the body and the front-matter tree
  // once their facts are taken (after typing only the duplicate-name check reads the tree, for
  // where `name:` was written); the body's links unless kept, or packed for the warnings they
  // give; without a cache (no snapshot to write), a meeting's minutes and actions too (with the
  // links that find each action's owner).
  void drop_unasked(Record& r, RecordSides& sides) const {
    const RecordParts& parts = options_.parts;
    if (!parts.text) {
      NoteText& text = r.text.edit();
      std::string().swap(text.body);
      keep_name_only(text.fields);
    }
    if (!keeps_links()) {
      if (options_.warnings && r.mentions.present()) {
        sides.packed_links = std::make_unique<RecordSides::PackedLinks>();
        sides.packed_links->pack(r.mentions.edit());
      }
      r.mentions.reset();
      // A meeting or note has no `name:` to point at: without text, the whole part goes.
      if (!parts.text && (r.type == RecordType::meeting || r.type == RecordType::note)) r.text.reset();
    }
    if (!cache_ && !parts.minutes) r.minutes.reset();
    if (!cache_ && !parts.actions) {
      r.actions.reset();
      decltype(sides.action_links)().swap(sides.action_links);
    }
  }

  // Hands the cache writer the entries to remove (notes that no longer parse: a stale one is
  // not kept; files gone); it commits while the graph is built.
  void finish_cache_entries() {
    if (!cache_) return;
    for (std::size_t i = 0; i < files_.size(); ++i) {
      if (parsed_[i].cached) ++result_.cache_hits;
      if (!parsed_[i].parsed && parsed_[i].had_entry) remove_.push_back(files_[i].path);
    }
    writer_->close(std::move(remove_));
  }

  FileSystem& fs_;
  const LoadOptions& options_;
  IndexCache* cache_;
  std::vector<FileInfo>& files_;
  LoadResult& result_;
  const unsigned threads_;
  const std::uint64_t typing_key_;  // under which typed notes are stored and taken (typing_key())
  std::vector<Parsed> parsed_;
  std::vector<Record> records_;
  std::vector<std::string> remove_;  // cache entries of files gone (found by the scan)
  std::optional<CacheWriter> writer_;
  std::optional<AudienceFilter> audience_;  // set for a load for an audience
  bool all_read_ = false;
};

// The last level the load's audience may see, into the config: --audience, else kb.yaml's
// `audience:`. False (with LoadResult::audience_error) for a name that is no audience.
bool choose_audience(const LoadOptions& options, LoadResult& result) {
  if (!options.audience) return true;
  KbConfig& config = result.kb.config;
  const std::string& name = options.audience->empty() ? config.visibility.audience : *options.audience;
  if (name.empty()) return true;
  config.audience_max = audience_level(config.visibility, name, result.audience_error);
  return result.audience_error.empty();
}

}  // namespace

std::string withheld_summary(const LoadResult& r) {
  if (r.withheld_notes + r.withheld_lines == 0) return {};
  return fmt::format("for this audience: {} {} and {} {} left out", r.withheld_notes,
                     r.withheld_notes == 1 ? "note" : "notes", r.withheld_lines, r.withheld_lines == 1 ? "line" : "lines");
}

// The diagnostics in order; only the errors for a load without warnings, whichever way it
// went (a snapshot gives its errors only, a patch or a whole load all it found).
void finish_diags(const LoadOptions& options, LoadResult& result) {
  if (!options.warnings) result.diags.drop_warnings();
  result.diags.sort();
}

LoadResult load_kb(FileSystem& fs, const LoadOptions& options) {
  LoadResult result;
  const std::optional<std::string> config_text = read_config(fs, result);
  const IgnoreRules ignore = load_ignore_rules(fs, result.kb.config, result.diags);
  std::vector<std::string> attachments;
  std::vector<FileInfo> files = fs.list_markdown(ignore, result.diags, &attachments);
  result.kb.set_attachments(attachments);
  if (options.keep_walk) result.walk = files;
  result.files = files.size();
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Diagnostics of kb.yaml and the walk are found afresh on every run; those of the notes
  // (which start here) are what a graph snapshot stores.
  const std::size_t first_file_diag = result.diags.all().size();
  result.kb.config.tasks_filter = load_tasks_filter(fs, result.diags);
  if (!choose_audience(options, result)) return result;
  // The snapshot holds the whole KB: a load for an audience takes the notes from their cache
  // entries (as typed, or parsed again when it may not see all of one) and stores no snapshot.
  const bool snapshot = options.cache && !result.kb.config.audience_max;
  const std::uint64_t typing = typing_key(config_text, result.kb.config);
  const std::uint64_t key = snapshot ? snapshot_key(typing, ignore, attachments) : 0;
  if (snapshot && load_snapshot(*options.cache, fs, key, files, attachments, threads, options, result)) {
    finish_diags(options, result);
    return result;
  }
  if (files.size() != result.files) {
    // The snapshot let the walk go and then failed (a damaged chunk): walk again (its
    // diagnostics are in already).
    DiagSink again;
    files = fs.list_markdown(ignore, again);
    result.files = files.size();
  }
  WholeLoad load(fs, options, files, result, threads, typing);
  load.read_all();
  load.assemble();
  if (snapshot) load.store_snapshot(key, first_file_diag);
  // The same graph as a load from the snapshot gives: only the parts asked for.
  keep_parts(result.kb, options.parts);
  finish_diags(options, result);
  return result;
}

}  // namespace kb
