#include "kb/model/graph_codec.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <unordered_set>

#include "kb/base/binary.h"
#include "kb/base/memory.h"
#include "kb/base/parallel.h"
#include "kb/base/text.h"
#include "kb/parse/codec_parts.h"

namespace kb {

// Layout, in the order it is written: the chunks of records, each chunk's five parts one after
// the other: typed, minutes (a meeting's summary and decisions), actions (its action items,
// apart: a report reads every meeting's actions and a few meetings' minutes), links (the
// body's wikilinks, resolved: the front matter as written and the body are not kept here but in
// each note's cache entry, so the snapshot does not hold the notes' text a second time) and
// reads (what resolving each record looked up, for a patch: model/reads.h). Then every
// diagnostic of the notes; then the head; last the trailer: "KBGS" magic, u32 format version,
// u64 key, u64 head length, u64 checksum64 of the head. Written so, the parts go to the file as
// they are encoded (a first run never holds the whole snapshot), and a reader finds the head
// from the file's end. Most commands read only the typed parts, and a load touches no byte of
// a part it does not decode. The head holds the notes (path and stamps, in walk order),
// `skipped`, the notes' errors, the table of shared texts (each distinct name, role, tag, time,
// time zone, place and series once; records give its numbers), the record count, the chunk
// count, each part's length and checksum in file order, and the indexes (names, meetings,
// sub-organizations, members, record ids). A chunk holds kChunk records in id order. All
// varints, as in record_codec.
struct GraphCodec {
  static constexpr char kMagic[4] = {'K', 'B', 'G', 'S'};
  static constexpr std::size_t kTrailerSize = 4 + 4 + 8 + 8 + 8;
  static constexpr std::size_t kChunk = 256;
  static constexpr std::size_t kParts = 5;  // typed, minutes, actions, links, reads

  // Node ids: written as value + 1 so that the invalid id is 0; read back only when in range.
  static void put(BinaryWriter& w, NodeId id) { w.u(id.valid() ? std::uint64_t{id.value} + 1 : 0); }
  static void get(BinaryReader& r, NodeId& id, std::size_t nodes) {
    std::uint64_t v = r.u();
    if (v > nodes) r.fail();
    id = v == 0 || v > nodes ? NodeId{} : NodeId{static_cast<std::uint32_t>(v - 1)};
  }
  static void put(BinaryWriter& w, const std::vector<NodeId>& ids) {
    w.u(ids.size());
    for (NodeId id : ids) put(w, id);
  }
  static void get(BinaryReader& r, std::vector<NodeId>& ids, std::size_t nodes) {
    ids.resize(r.count());
    for (auto& id : ids) {
      get(r, id, nodes);
      if (!id.valid()) r.fail();  // index lists hold real nodes only
    }
  }

  // Shared texts (names, roles, tags, a meeting's time, time zone and place): written once in
  // the head's table, by number everywhere else; 0 is the empty text. A graph loaded from the
  // snapshot then holds each distinct text once.
  struct TextTable {
    std::unordered_map<std::string_view, std::uint64_t> number;  // encode: 1 + index in `texts`
    std::vector<std::string_view> texts;
    void add(const SharedString& s) {
      if (!s.empty() && number.emplace(s.view(), texts.size() + 1).second) texts.push_back(s.view());
    }
    void add(const NameRef& n) { add(n.text); }
  };
  using Texts = std::vector<SharedString>;  // decode: the table, [0] empty

  static void put(BinaryWriter& w, const SharedString& s, const TextTable& t) {
    w.u(s.empty() ? 0 : t.number.at(s.view()));
  }
  static void get(BinaryReader& r, SharedString& s, const Texts& t) {
    std::uint64_t i = r.u();
    if (i >= t.size()) {
      r.fail();
      return;
    }
    s = t[static_cast<std::size_t>(i)];
  }

  static void put(BinaryWriter& w, const NameRef& n, std::string_view rp, const TextTable& t) {
    const auto& [text, loc, target] = n;
    put(w, text, t);
    kb::put(w, loc, rp);
    put(w, target);
  }
  static void get(BinaryReader& r, NameRef& n, const SharedPath& rp, std::size_t nodes, const Texts& t) {
    auto& [text, loc, target] = n;
    get(r, text, t);
    kb::get(r, loc, rp);
    get(r, target, nodes);
  }
  static void put(BinaryWriter& w, const std::vector<NameRef>& v, std::string_view rp, const TextTable& t) {
    w.u(v.size());
    for (const auto& n : v) put(w, n, rp, t);
  }
  static void get(BinaryReader& r, std::vector<NameRef>& v, const SharedPath& rp, std::size_t nodes, const Texts& t) {
    v.resize(r.count());
    for (auto& n : v) get(r, n, rp, nodes, t);
  }

  static void put(BinaryWriter& w, const Attendee& a, std::string_view rp, const TextTable& t) {
    const auto& [person, org, org_given, role_given, role] = a;
    put(w, person, rp, t);
    put(w, org);
    w.b(org_given);
    w.b(role_given);
    put(w, role, t);
  }
  static void get(BinaryReader& r, Attendee& a, const SharedPath& rp, std::size_t nodes, const Texts& t) {
    auto& [person, org, org_given, role_given, role] = a;
    get(r, person, rp, nodes, t);
    get(r, org, nodes);
    org_given = r.b();
    role_given = r.b();
    get(r, role, t);
  }

  static void put(BinaryWriter& w, const Affiliation& a, std::string_view rp, const TextTable& t) {
    const auto& [org, role, since, until] = a;
    put(w, org, rp, t);
    put(w, role, t);
    kb::put(w, since);
    kb::put(w, until);
  }
  static void get(BinaryReader& r, Affiliation& a, const SharedPath& rp, std::size_t nodes, const Texts& t) {
    auto& [org, role, since, until] = a;
    get(r, org, rp, nodes, t);
    get(r, role, t);
    kb::get(r, since);
    kb::get(r, until);
  }

  // The shared texts of a record, in the order put() writes them (the table's order, and so
  // the snapshot's bytes, follow the graph alone).
  static void add_texts(TextTable& t, const Record& rec) {
    for (const auto& tag : rec.tags) t.add(tag);
    t.add(rec.time);
    t.add(rec.timezone);
    t.add(rec.end_time);
    t.add(rec.location);
    t.add(rec.series);
    t.add(rec.event);
    for (const auto& n : rec.organizations) t.add(n);
    for (const auto& a : rec.attendees) {
      t.add(a.person);
      t.add(a.role);
    }
    for (const auto& n : rec.topics) t.add(n);
    for (const auto& a : rec.entity->affiliations) {
      t.add(a.org);
      t.add(a.role);
    }
    t.add(rec.entity->parent);
  }

  static void put(BinaryWriter& w, const Action& a, std::string_view rp) {
    const auto& [text, done, due, done_on, owner, loc, cancelled, scheduled, start, created, cancelled_on, priority] = a;
    w.s(text);
    w.b(done);
    kb::put(w, due);
    kb::put(w, done_on);
    put(w, owner);
    kb::put(w, loc, rp);
    w.b(cancelled);
    kb::put(w, scheduled);
    kb::put(w, start);
    kb::put(w, created);
    kb::put(w, cancelled_on);
    w.i(priority);
  }
  static void get(BinaryReader& r, Action& a, const SharedPath& rp, std::size_t nodes) {
    auto& [text, done, due, done_on, owner, loc, cancelled, scheduled, start, created, cancelled_on, priority] = a;
    r.s(text);
    done = r.b();
    kb::get(r, due);
    kb::get(r, done_on);
    get(r, owner, nodes);
    kb::get(r, loc, rp);
    cancelled = r.b();
    kb::get(r, scheduled);
    kb::get(r, start);
    kb::get(r, created);
    kb::get(r, cancelled_on);
    priority = r.i32();
  }

  static void put(BinaryWriter& w, const DecisionItem& d, std::string_view rp) {
    const auto& [text, loc] = d;
    w.s(text);
    kb::put(w, loc, rp);
  }
  static void get(BinaryReader& r, DecisionItem& d, const SharedPath& rp) {
    auto& [text, loc] = d;
    r.s(text);
    kb::get(r, loc, rp);
  }

  static void put(BinaryWriter& w, const Record& rec, const TextTable& tt) {
    const auto& [id, type, defined, rid, path, name, aliases, tags, text, mentions, date, time, timezone, end_time,
                 location, series, event, organizations, attendees, topics, minutes, actions, entity, reads] = rec;
    const auto& [honorific, affiliations, parent, kind, start, end] = *entity;
    (void)id;  // the record's place in the graph
    const std::string_view rp = path.str();
    w.u(static_cast<std::uint64_t>(type));
    w.b(defined);
    w.s(rid);
    w.s(path.str());
    w.s(name);
    kb::put(w, aliases);
    (void)text;      // in the note's cache entry (load_kb's fill_text)
    (void)mentions;  // in the links part: put_links()
    w.u(tags.size());
    for (const auto& t : tags) put(w, t, tt);
    kb::put(w, date);
    put(w, time, tt);
    put(w, timezone, tt);
    put(w, end_time, tt);
    put(w, location, tt);
    put(w, series, tt);
    put(w, event, rp, tt);
    put(w, organizations, rp, tt);
    w.u(attendees.size());
    for (const auto& a : attendees) put(w, a, rp, tt);
    put(w, topics, rp, tt);
    (void)minutes;  // in the minutes part: put_minutes()
    (void)actions;  // in the actions part: put_actions()
    (void)reads;    // in the reads part: put_reads()
    w.s(honorific);
    w.u(affiliations.size());
    for (const auto& a : affiliations) put(w, a, rp, tt);
    put(w, parent, rp, tt);
    w.s(kind);
    kb::put(w, start);
    kb::put(w, end);
  }
  static void get(BinaryReader& r, Record& rec, std::uint32_t index, std::size_t nodes, const Texts& tt) {
    auto& [id, type, defined, rid, path, name, aliases, tags, text, mentions, date, time, timezone, end_time,
           location, series, event, organizations, attendees, topics, minutes, actions, entity, reads] = rec;
    EntityFields fields;  // a part of people, organizations, topics and events, as build_record() gives
    auto& [honorific, affiliations, parent, kind, start, end] = fields;
    id = NodeId{index};
    std::uint64_t t = r.u();
    if (t > static_cast<std::uint64_t>(RecordType::event)) r.fail();
    type = static_cast<RecordType>(t);
    defined = r.b();
    r.s(rid);
    std::string file;
    r.s(file);
    path = std::move(file);
    const SharedPath& rp = path;  // one string for the record and every location in it
    r.s(name);
    kb::get(r, aliases);
    (void)text;  // in the text part: get_links()
    tags.resize(r.count());
    for (auto& t : tags) {
      get(r, t, tt);
      if (t.empty()) r.fail();  // a tag is never empty
    }
    kb::get(r, date);
    get(r, time, tt);
    get(r, timezone, tt);
    get(r, end_time, tt);
    get(r, location, tt);
    get(r, series, tt);
    get(r, event, rp, nodes, tt);
    get(r, organizations, rp, nodes, tt);
    attendees.resize(r.count());
    for (auto& a : attendees) get(r, a, rp, nodes, tt);
    get(r, topics, rp, nodes, tt);
    (void)minutes;  // in the minutes part: get_minutes()
    (void)actions;  // in the actions part: get_actions()
    (void)reads;    // in the reads part: get_reads()
    r.s(honorific);
    affiliations.resize(r.count());
    for (auto& a : affiliations) get(r, a, rp, nodes, tt);
    get(r, parent, rp, nodes, tt);
    r.s(kind);
    kb::get(r, start);
    kb::get(r, end);
    if (type != RecordType::meeting && type != RecordType::note) entity.edit() = std::move(fields);
  }

  // A record's minutes part: a meeting's summary and decisions; its actions part: its action
  // items. An empty one stays absent from the record (as in a record of another type).
  static bool has_minutes(const Record& rec) {
    return rec.minutes.present() && !(rec.minutes->summary.empty() && rec.minutes->decisions.empty());
  }
  static void put_minutes(BinaryWriter& w, const Record& rec) {
    const auto& [summary, decisions] = *rec.minutes;
    w.s(summary);
    w.u(decisions.size());
    for (const auto& d : decisions) put(w, d, rec.path.str());
  }
  static void get_minutes(BinaryReader& r, Record& rec) {
    Minutes m;
    auto& [summary, decisions] = m;
    r.s(summary);
    decisions.resize(r.count());
    for (auto& d : decisions) get(r, d, rec.path);
    if (!summary.empty() || !decisions.empty()) rec.minutes.edit() = std::move(m);
  }
  static bool has_actions(const Record& rec) { return rec.actions.present() && !rec.actions->empty(); }
  static void put_actions(BinaryWriter& w, const Record& rec) {
    w.u(rec.actions->size());
    for (const auto& a : *rec.actions) put(w, a, rec.path.str());
  }
  static void get_actions(BinaryReader& r, Record& rec, std::size_t nodes) {
    std::vector<Action> actions(r.count());
    for (auto& a : actions) get(r, a, rec.path, nodes);
    if (!actions.empty()) rec.actions.edit() = std::move(actions);
  }

  // A record's links part: the body's wikilinks, resolved. Its front matter as written and
  // its body are in the note's cache entry, which a load with text reads them from (load_kb).
  static void put_links(BinaryWriter& w, const Record& rec, const TextTable& tt) {
    put(w, *rec.mentions, rec.path.str(), tt);
  }
  static void get_links(BinaryReader& r, Record& rec, std::size_t nodes, const Texts& tt) {
    std::vector<NameRef> mentions;
    get(r, mentions, rec.path, nodes, tt);
    if (!mentions.empty()) rec.mentions.edit() = std::move(mentions);
  }

  // A record's reads part: what resolving it looked up (model/reads.h), for a patch. Sorted,
  // so each as its distance from the one before. A graph loaded without them (not a whole
  // load's) has none to write.
  static void put_reads(BinaryWriter& w, const Record& rec) {
    static const std::vector<std::uint32_t> none;
    const std::vector<std::uint32_t>& reads = rec.reads.loaded() ? *rec.reads : none;
    w.u(reads.size());
    std::uint32_t previous = 0;
    for (std::uint32_t p : reads) w.u(p - std::exchange(previous, p));
  }
  static void get_reads(BinaryReader& r, Record& rec) {
    std::vector<std::uint32_t>& reads = rec.reads.edit();
    reads.resize(r.count());
    std::uint64_t at = 0;
    for (auto& p : reads) {
      at += r.u();
      if (at > UINT32_MAX) r.fail();
      p = static_cast<std::uint32_t>(at);
    }
  }

  // A list for each node, in node order (empty ones too).
  static void put(BinaryWriter& w, const NodeLists& lists) {
    w.u(lists.size());
    for (std::uint32_t i = 0; i < lists.size(); ++i) put(w, lists.at(NodeId{i}));
  }
  static void get(BinaryReader& r, NodeLists& lists, std::size_t nodes) {
    if (r.count() != nodes) {
      r.fail();
      return;
    }
    lists.assign(nodes);
    std::vector<NodeId> list;
    for (std::uint32_t i = 0; i < nodes && r.ok(); ++i) {
      get(r, list, nodes);
      if (!list.empty()) lists.edit(NodeId{i}) = std::move(list);
      list.clear();
    }
  }

  using Write = std::function<bool(std::string_view part)>;

  static void encode_chunk(const KnowledgeBase& kb, std::size_t c, const TextTable& texts,
                           std::array<std::string, kParts>& out) {
    BinaryWriter typed, minutes, actions, links, reads;
    for (std::size_t i = c * kChunk; i < std::min(kb.records_.size(), (c + 1) * kChunk); ++i) {
      put(typed, kb.records_[i], texts);
      put_minutes(minutes, kb.records_[i]);
      put_actions(actions, kb.records_[i]);
      put_links(links, kb.records_[i], texts);
      put_reads(reads, kb.records_[i]);
    }
    out = {std::move(typed.out), std::move(minutes.out), std::move(actions.out), std::move(links.out),
           std::move(reads.out)};
  }

  // Writes the chunks' parts in order, a batch of chunks at a time (each batch encoded on every
  // core), and notes each part's length and checksum in `table`.
  static bool write_chunks(const KnowledgeBase& kb, const TextTable& texts, unsigned threads, BinaryWriter& table,
                           const Write& write) {
    const std::size_t chunks = (kb.records_.size() + kChunk - 1) / kChunk;
    const std::size_t batch = 4 * std::max(1u, threads);
    std::vector<std::array<std::string, kParts>> encoded(batch);
    for (std::size_t first = 0; first < chunks; first += batch) {
      const std::size_t n = std::min(batch, chunks - first);
      parallel_for(n, threads, [&](std::size_t k) { encode_chunk(kb, first + k, texts, encoded[k]); });
      for (std::size_t k = 0; k < n; ++k)
        for (const std::string& part : encoded[k]) {
          table.u(part.size());
          table.u(checksum64(part));
          if (!write(part)) return false;
        }
    }
    return true;
  }

  static void put_head(BinaryWriter& head, const std::vector<FileInfo>& files, const LoadResult& result,
                       const std::vector<Diagnostic>& file_diags, const TextTable& texts, const BinaryWriter& table) {
    const KnowledgeBase& kb = result.kb;
    head.out.reserve(files.size() * 64);
    head.u(files.size());
    for (const auto& [path, size, mtime_ns, ctime_ns, inode, device] : files) {
      head.s(path);
      head.u(size);
      head.i(mtime_ns);
      head.i(ctime_ns);
      head.u(inode);
      head.u(device);
    }
    kb::put(head, result.skipped);
    head.u(std::count_if(file_diags.begin(), file_diags.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    for (const auto& d : file_diags)
      if (d.severity == Severity::error) kb::put(head, d, "");
    head.u(texts.texts.size());
    for (std::string_view t : texts.texts) head.s(t);
    head.u(kb.records_.size());
    head.u((kb.records_.size() + kChunk - 1) / kChunk);
    head.out += table.out;
    // by_key_ in key order, so the same graph always gives the same bytes.
    std::vector<const std::pair<const std::string, std::vector<NodeId>>*> keys;
    keys.reserve(kb.by_key_.size());
    for (const auto& entry : kb.by_key_) keys.push_back(&entry);
    std::sort(keys.begin(), keys.end(), [](auto* a, auto* b) { return a->first < b->first; });
    head.u(keys.size());
    for (const auto* entry : keys) {
      head.s(entry->first);
      put(head, entry->second);
    }
    put(head, kb.meetings_);
    put(head, kb.children_);
    put(head, kb.members_);
    put(head, kb.by_rid_);  // sorted: load_kb() built the indexes
  }

  static bool encode(std::uint64_t key, const std::vector<FileInfo>& files, const LoadResult& result,
                     const std::vector<Diagnostic>& file_diags, unsigned threads, const Write& write) {
    const KnowledgeBase& kb = result.kb;
    TextTable texts;
    for (const Record& r : kb.records_) add_texts(texts, r);
    for (const Record& r : kb.records_)
      for (const auto& m : *r.mentions) texts.add(m);
    BinaryWriter table;  // each part's length and checksum, in file order
    if (!write_chunks(kb, texts, threads, table, write)) return false;
    // Every diagnostic (the head holds the errors again, all that a load without warnings reads).
    BinaryWriter diags;
    diags.u(file_diags.size());
    for (const auto& d : file_diags) kb::put(diags, d, "");
    table.u(diags.out.size());
    table.u(checksum64(diags.out));
    if (!write(diags.out)) return false;
    BinaryWriter head;
    put_head(head, files, result, file_diags, texts, table);
    std::string trailer(kTrailerSize, '\0');
    std::memcpy(trailer.data(), kMagic, 4);
    put_le(trailer, 4, kGraphFormatVersion, 4);
    put_le(trailer, 8, key, 8);
    put_le(trailer, 16, head.out.size(), 8);
    put_le(trailer, 24, checksum64(head.out), 8);
    return write(head.out) && write(trailer);
  }

  // Where a part lies in the file, and its checksum.
  struct Span {
    std::size_t at, size;
    std::uint64_t sum;
  };

  // Every stored diagnostic, from the last part (the head holds only the errors).
  static bool read_all_diags(const ByteSource& data, const Span& part, std::vector<Diagnostic>& diags) {
    std::string buffer;
    std::string_view bytes;
    if (!data.read_into(part.at, part.size, buffer, bytes) || checksum64(bytes) != part.sum) return false;
    BinaryReader r(bytes);
    diags.assign(r.count(), Diagnostic());
    for (auto& d : diags) kb::get(r, d, SharedPath());
    return r.ok() && r.at_end();
  }

  // The trailer, then the head before it, read whole into `buffer` (the table of texts is viewed
  // in it until the workers have their strings); `head_at`: where the head begins.
  static bool read_head(const ByteSource& data, std::uint64_t key, std::string& buffer, std::string_view& head,
                        std::size_t& head_at) {
    std::string_view trailer;
    const std::size_t size = data.size();
    if (size < kTrailerSize || !data.read_into(size - kTrailerSize, kTrailerSize, buffer, trailer)) return false;
    if (std::memcmp(trailer.data(), kMagic, 4) != 0) return false;
    if (get_le(trailer, 4, 4) != kGraphFormatVersion || get_le(trailer, 8, 8) != key) return false;
    const std::uint64_t head_size = get_le(trailer, 16, 8), head_sum = get_le(trailer, 24, 8);
    if (head_size > size - kTrailerSize) return false;
    head_at = size - kTrailerSize - static_cast<std::size_t>(head_size);
    return data.read_into(head_at, static_cast<std::size_t>(head_size), buffer, head) && checksum64(head) == head_sum;
  }

  // The stored notes, compared with the walk as they are read (no copy of 100,000 paths): both
  // lists are in path order, so one pass over each finds the notes changed, added and removed.
  static bool compare_notes(BinaryReader& head, const std::vector<FileInfo>& walk, std::size_t& files,
                            NoteChanges& changes) {
    files = head.count();
    std::size_t w = 0;
    std::string_view previous;
    for (std::size_t i = 0; i < files && head.ok(); ++i) {
      const std::string_view path = head.view();
      FileInfo stored;  // its path stays empty: same_stamps() compares the stamps only
      stored.size = head.u();
      stored.mtime_ns = head.i();
      stored.ctime_ns = head.i();
      stored.inode = head.u();
      stored.device = head.u();
      if (!head.ok() || (i > 0 && !(previous < path))) return false;
      previous = path;
      while (w < walk.size() && walk[w].path < path) changes.added.push_back(w++);
      if (w == walk.size() || walk[w].path != path) {
        changes.removed.emplace_back(path);
        continue;
      }
      if (!stored.same_stamps(walk[w])) changes.changed.push_back(w);
      ++w;
    }
    while (w < walk.size()) changes.added.push_back(w++);
    return head.ok();
  }

  // The parts' places: spans[part * chunks + c] is part `part` of chunk c (in the file, c's four
  // parts are one after the other); the last span is every diagnostic. They fill the file up to
  // the head.
  static bool read_spans(BinaryReader& head, std::size_t chunks, std::size_t head_at, std::vector<Span>& spans) {
    spans.assign(kParts * chunks + 1, Span{});
    std::size_t at = 0;
    auto next = [&](Span& span) {
      const std::uint64_t n = head.u();
      span.sum = head.u();
      if (!head.ok() || n > head_at - at) return false;
      span.at = at;
      span.size = static_cast<std::size_t>(n);
      at += span.size;
      return true;
    };
    for (std::size_t c = 0; c < chunks; ++c)
      for (std::size_t part = 0; part < kParts; ++part)
        if (!next(spans[part * chunks + c])) return false;
    return next(spans.back()) && at == head_at;
  }

  // The name, meeting, sub-organization, member and record-id indexes: the end of the head.
  static bool read_indexes(BinaryReader& head, std::size_t nodes, KnowledgeBase& kb) {
    const std::size_t key_count = head.count();
    kb.by_key_.reserve(key_count);
    for (std::size_t k = 0; k < key_count && head.ok(); ++k) {
      std::string name;
      head.s(name);
      std::vector<NodeId> ids;
      get(head, ids, nodes);
      kb.by_key_.emplace(std::move(name), std::move(ids));
    }
    get(head, kb.meetings_, nodes);
    get(head, kb.children_, nodes);
    get(head, kb.members_, nodes);
    get(head, kb.by_rid_, nodes);
    return head.ok() && head.at_end();
  }

  // Decodes the `nodes` records on every core: each chunk's typed part, and its minutes,
  // actions, links and (`reads`, to patch) reads parts when asked for, each read when decoded.
  static bool decode_records(const ByteSource& data, const std::vector<Span>& spans,
                             const std::vector<std::string_view>& table, std::size_t nodes, RecordParts parts,
                             bool reads, unsigned threads, KnowledgeBase& kb) {
    const std::size_t chunks = (spans.size() - 1) / kParts;
    // The records are the largest block of the graph: its pages are backed on every core
    // before they are written (resize would fault them in one by one on this thread).
    kb.records_.reserve(nodes);
    prefault(kb.records_.data(), nodes * sizeof(Record), threads);
    kb.records_.resize(nodes);
    std::atomic<bool> ok{true};
    auto decode_chunk = [&](std::size_t c, const Texts& texts, std::string& buffer) {
      const std::size_t end = std::min(nodes, (c + 1) * kChunk);
      // Reads part `part` of the chunk into `buffer`, checks it and decodes each record's.
      auto read_part = [&](std::size_t part, auto&& get_one) {
        const Span& span = spans[part * chunks + c];
        std::string_view bytes;
        if (!ok || !data.read_into(span.at, span.size, buffer, bytes) || checksum64(bytes) != span.sum) {
          ok = false;
          return;
        }
        BinaryReader p(bytes);
        for (std::size_t i = c * kChunk; i < end && p.ok(); ++i) get_one(p, i, kb.records_[i]);
        if (!p.ok() || !p.at_end()) ok = false;
      };
      read_part(0, [&](BinaryReader& p, std::size_t i, Record& rec) {
        get(p, rec, static_cast<std::uint32_t>(i), nodes, texts);
      });
      if (parts.minutes) read_part(1, [&](BinaryReader& p, std::size_t, Record& rec) { get_minutes(p, rec); });
      if (parts.actions) read_part(2, [&](BinaryReader& p, std::size_t, Record& rec) { get_actions(p, rec, nodes); });
      if (parts.links) read_part(3, [&](BinaryReader& p, std::size_t, Record& rec) { get_links(p, rec, nodes, texts); });
      if (reads) read_part(4, [&](BinaryReader& p, std::size_t, Record& rec) { get_reads(p, rec); });
    };
    // Each worker makes the table's strings for itself and takes the next chunk while there is
    // one: records share a worker's strings, and a copy counts on that worker's own strings
    // (copies of one string on two cores would fight over the cache line of its count).
    const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, chunks));
    std::atomic<std::size_t> next_chunk{0};
    parallel_for(workers, static_cast<unsigned>(workers), [&](std::size_t) {
      Texts texts(table.size());
      for (std::size_t i = 1; i < table.size(); ++i) texts[i] = SharedString(table[i]);
      std::string buffer;  // each part read in turn, in this worker's memory
      for (std::size_t c; (c = next_chunk.fetch_add(1, std::memory_order_relaxed)) < chunks;)
        decode_chunk(c, texts, buffer);
    });
    kb.has_minutes = parts.minutes;
    kb.has_actions = parts.actions;
    kb.has_links = parts.links;
    kb.has_text = false;  // the notes' text is in the cache entries (load_kb's fill_text)
    return ok;
  }

  // The record-id index holds each record with an id once, in order of the ids.
  static bool rid_index_ok(const KnowledgeBase& kb) {
    std::vector<bool> seen(kb.records_.size());
    std::size_t with_rid = 0;
    for (const auto& r : kb.records_) with_rid += !r.rid.empty();
    if (kb.by_rid_.size() != with_rid) return false;
    for (std::size_t i = 0; i < kb.by_rid_.size(); ++i) {
      const std::uint32_t id = kb.by_rid_[i].value;
      if (seen[id] || kb.records_[id].rid.empty()) return false;
      seen[id] = true;
      if (i > 0 && kb.records_[id].rid < kb.records_[kb.by_rid_[i - 1].value].rid) return false;
    }
    return true;
  }

  static bool decode(const ByteSource& data, std::uint64_t key, const std::vector<FileInfo>& walk,
                     const AcceptChanged& accept, LoadResult& result, unsigned threads, RecordParts parts,
                     bool warnings) {
    std::string head_buffer;
    std::string_view head_bytes;
    std::size_t head_at = 0, files = 0;
    if (!read_head(data, key, head_buffer, head_bytes, head_at)) return false;
    BinaryReader head(head_bytes);
    NoteChanges changes;
    if (!compare_notes(head, walk, files, changes)) return false;
    if (accept ? !accept(changes) : changes.size() != 0) return false;  // `walk` may be gone now
    std::vector<std::string> skipped;
    kb::get(head, skipped);
    std::vector<Diagnostic> diags(head.count());  // the errors
    for (auto& d : diags) kb::get(head, d, SharedPath());
    std::vector<std::string_view> table(head.count() + 1);  // [0]: the empty text
    for (std::size_t i = 1; i < table.size() && head.ok(); ++i) {
      table[i] = head.view();
      if (table[i].empty()) head.fail();
    }
    const std::uint64_t nodes = head.u();
    const std::size_t chunks = head.count();
    if (!head.ok() || nodes > UINT32_MAX || chunks != (nodes + kChunk - 1) / kChunk) return false;
    std::vector<Span> spans;
    if (!read_spans(head, chunks, head_at, spans)) return false;
    if (warnings && !read_all_diags(data, spans.back(), diags)) return false;
    // Built aside and moved in only when everything decoded, so a failure leaves `result` as it was.
    KnowledgeBase kb;
    if (!read_indexes(head, static_cast<std::size_t>(nodes), kb)) return false;
    if (!decode_records(data, spans, table, static_cast<std::size_t>(nodes), parts, changes.size() > 0, threads, kb))
      return false;
    if (!rid_index_ok(kb)) return false;
    for (std::uint32_t i = 0; i < nodes; ++i) kb.index_file(NodeId{i});
    kb.config = std::move(result.kb.config);
    kb.root = std::move(result.kb.root);
    result.kb = std::move(kb);
    result.files = files;
    result.skipped = std::move(skipped);
    for (auto& d : diags) result.diags.report(std::move(d));
    return true;
  }

  // A typed note (graph_codec.h): "KBTN", u32 format version, u64 key, u64 checksum64 of the
  // rest, which is the note's table of shared texts, the record as a snapshot's chunk holds it
  // (its minutes, actions and links each after a flag saying it has them; no node is resolved yet, so
  // every target is written as none), its front matter's `name:` entry, the sides, the name
  // keys and the diagnostics.
  static constexpr char kNoteMagic[4] = {'K', 'B', 'T', 'N'};
  static constexpr std::size_t kNoteHeader = 4 + 4 + 8 + 8;

  static void add_side_texts(TextTable& tt, const Record& rec, const RecordSides& sides) {
    add_texts(tt, rec);
    if (rec.mentions.present())
      for (const auto& m : *rec.mentions) tt.add(m);
    for (const auto& a : sides.attendees) {
      tt.add(a.org);
      tt.add(a.role);
    }
    for (const auto& n : sides.attachment_embeds) tt.add(n);
  }

  static void put_sides(BinaryWriter& w, const RecordSides& sides, std::string_view rp, const TextTable& tt) {
    const auto& [action_links, attendees, packed_links, embeds, attachment_embeds] = sides;
    (void)packed_links;  // made after typing, by a load that keeps no links (never a cached one)
    w.u(action_links.size());
    for (const auto& links : action_links) kb::put(w, links);
    w.u(attendees.size());
    for (const auto& [attendee, org, role] : attendees) {
      w.u(attendee);
      put(w, org, rp, tt);
      put(w, role, tt);
    }
    w.u(embeds.size());
    for (const auto& [line, column] : embeds) {
      w.i(line);
      w.i(column);
    }
    put(w, attachment_embeds, rp, tt);
  }
  static void get_sides(BinaryReader& r, RecordSides& sides, const Record& rec, const Texts& tt) {
    auto& [action_links, attendees, packed_links, embeds, attachment_embeds] = sides;
    const SharedPath& rp = rec.path;
    packed_links.reset();
    action_links.resize(r.count());
    for (auto& links : action_links) kb::get(r, links);
    attendees.resize(r.count());
    for (auto& [attendee, org, role] : attendees) {
      attendee = static_cast<std::size_t>(r.u());
      if (attendee >= rec.attendees.size()) r.fail();  // one of the meeting's attendees
      get(r, org, rp, 0, tt);
      get(r, role, tt);
    }
    embeds.resize(r.count());
    for (auto& [line, column] : embeds) {
      line = r.i32();
      column = r.i32();
    }
    get(r, attachment_embeds, rp, 0, tt);
  }

  // Of a note's text, a typed note keeps what a load without text keeps: its front matter's
  // `name:` entry (where a duplicate name was written), after a flag saying it has a text.
  static void put_name_field(BinaryWriter& w, const Record& rec) {
    w.b(rec.text.present());
    Value kept;
    kept.kind = Value::Kind::mapping;
    if (rec.text.present()) {
      const Value& fields = rec.text->fields;
      kept.loc = fields.loc;
      if (std::string_view key = fields.property_name("name"); !key.empty())
        kept.entries.emplace_back(std::string(key), *fields.find(key));
    }
    kb::put(w, kept, rec.path.str());
  }
  static void get_name_field(BinaryReader& r, Record& rec) {
    const bool has_text = r.b();
    Value kept;
    kb::get(r, kept, rec.path);
    if (!kept.is_mapping() || kept.entries.size() > 1) r.fail();
    if (has_text) rec.text.edit().fields = std::move(kept);
  }

  static std::string encode_note(std::uint64_t key, const Record& rec, const RecordSides& sides,
                                 const std::vector<std::string>& keys, const std::vector<Diagnostic>& diags) {
    TextTable tt;
    add_side_texts(tt, rec, sides);
    const std::string_view rp = rec.path.str();
    BinaryWriter w;
    w.out.resize(kNoteHeader);
    w.u(tt.texts.size());
    for (std::string_view t : tt.texts) w.s(t);
    put(w, rec, tt);
    // An empty part is written as none, as a snapshot's chunk reads it back.
    w.b(has_minutes(rec));
    if (has_minutes(rec)) put_minutes(w, rec);
    w.b(has_actions(rec));
    if (has_actions(rec)) put_actions(w, rec);
    const bool links = rec.mentions.present() && !rec.mentions->empty();
    w.b(links);
    if (links) put_links(w, rec, tt);
    put_name_field(w, rec);
    put_sides(w, sides, rp, tt);
    kb::put(w, keys);
    w.u(diags.size());
    for (const auto& d : diags) kb::put(w, d, rp);
    std::memcpy(w.out.data(), kNoteMagic, 4);
    put_le(w.out, 4, kGraphFormatVersion, 4);
    put_le(w.out, 8, key, 8);
    put_le(w.out, 16, checksum64(std::string_view(w.out).substr(kNoteHeader)), 8);
    return std::move(w.out);
  }

  static bool decode_note(std::string_view data, std::uint64_t key, Record& rec, RecordSides& sides,
                          std::vector<std::string>& keys, std::vector<Diagnostic>& diags, StringPool& pool) {
    if (data.size() < kNoteHeader || std::memcmp(data.data(), kNoteMagic, 4) != 0) return false;
    if (get_le(data, 4, 4) != kGraphFormatVersion || get_le(data, 8, 8) != key) return false;
    const std::string_view payload = data.substr(kNoteHeader);
    if (get_le(data, 16, 8) != checksum64(payload)) return false;
    BinaryReader r(payload);
    Texts tt(r.count() + 1);  // [0]: the empty text
    for (std::size_t i = 1; i < tt.size() && r.ok(); ++i) {
      tt[i] = pool.get(r.view());
      if (tt[i].empty()) r.fail();
    }
    get(r, rec, 0, 0, tt);
    rec.id = NodeId{};  // given when the graph is assembled
    if (r.b()) get_minutes(r, rec);
    if (r.b()) get_actions(r, rec, 0);
    if (r.b()) get_links(r, rec, 0, tt);
    get_name_field(r, rec);
    get_sides(r, sides, rec, tt);
    kb::get(r, keys);
    diags.resize(r.count());
    for (auto& d : diags) kb::get(r, d, rec.path);
    return r.ok() && r.at_end();
  }
};

bool encode_graph(std::uint64_t key, const std::vector<FileInfo>& files, const LoadResult& result,
                  const std::vector<Diagnostic>& file_diags, unsigned threads,
                  const std::function<bool(std::string_view part)>& write) {
  return GraphCodec::encode(key, files, result, file_diags, threads, write);
}

std::vector<std::string> encode_graph(std::uint64_t key, const std::vector<FileInfo>& files, const LoadResult& result,
                                      const std::vector<Diagnostic>& file_diags, unsigned threads) {
  std::vector<std::string> parts;
  GraphCodec::encode(key, files, result, file_diags, threads, [&](std::string_view part) {
    parts.emplace_back(part);
    return true;
  });
  return parts;
}

bool decode_graph(const ByteSource& data, std::uint64_t key, const std::vector<FileInfo>& files,
                  const AcceptChanged& accept, LoadResult& result, unsigned threads, RecordParts parts,
                  bool warnings) {
  return GraphCodec::decode(data, key, files, accept, result, threads, parts, warnings);
}

std::string encode_typed_note(std::uint64_t key, const Record& record, const RecordSides& sides,
                              const std::vector<std::string>& keys, const std::vector<Diagnostic>& diags) {
  return GraphCodec::encode_note(key, record, sides, keys, diags);
}

bool decode_typed_note(std::string_view data, std::uint64_t key, Record& record, RecordSides& sides,
                       std::vector<std::string>& keys, std::vector<Diagnostic>& diags, StringPool& pool) {
  return GraphCodec::decode_note(data, key, record, sides, keys, diags, pool);
}

}  // namespace kb
