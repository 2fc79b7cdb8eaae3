#include "kb/query/search.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "kb/base/text.h"
#include "kb/model/record_builder.h"
#include "kb/parse/markdown.h"

namespace kb {
namespace {

bool is_space(char c) { return static_cast<unsigned char>(c) <= 0x20; }

// Whether FTS5's tokenizer finds a word in `text`: an ASCII letter or digit, or any other
// script (a byte of a multi-byte character).
bool has_word(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  });
}

struct Token {
  std::string text;
  bool quoted = false;
  bool negated = false;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    Token t;
    if (s[i] == '-' && i + 1 < s.size() && !is_space(s[i + 1])) {
      t.negated = true;
      ++i;
    }
    if (s[i] == '"') {
      std::size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) close = s.size();
      t.text = std::string(s.substr(i + 1, close - i - 1));
      t.quoted = true;
      i = std::min(close + 1, s.size());
    } else {
      std::size_t end = i;
      while (end < s.size() && !is_space(s[end])) ++end;
      t.text = std::string(s.substr(i, end - i));
      i = end;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  const std::string key = name_key(text);
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    if (end > start) out.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// `a` and `b` differ by at most one inserted, deleted or replaced byte.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

bool word_matches(const std::string& want, const std::string& word) {
  if (word.compare(0, want.size(), want) == 0) return true;
  return want.size() >= 5 && within_one_edit(want, word);
}

// Every word of `term` matches a word of `name`.
bool term_in(const std::vector<std::string>& term, const std::vector<std::string>& name) {
  if (term.empty()) return false;
  return std::all_of(term.begin(), term.end(), [&](const std::string& w) {
    return std::any_of(name.begin(), name.end(), [&](const std::string& n) { return word_matches(w, n); });
  });
}

}  // namespace

SearchTerms parse_search(std::string_view text, bool* truncated) {
  SearchTerms q;
  std::vector<Token> tokens = tokenize(text);
  // The last word typed is also a prefix (search as you type), unless the search ends in a space.
  const bool open_end = !text.empty() && !is_space(text.back());
  bool join_next = false;
  std::size_t count = 0;
  if (truncated) *truncated = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (!t.quoted && !t.negated && t.text == "OR") {
      join_next = !q.all_of.empty();
      continue;
    }
    if (!has_word(t.text)) continue;
    if (++count > kMaxSearchTerms) {
      if (truncated) *truncated = true;
      break;
    }
    SearchTerm term{std::move(t.text), t.quoted, !t.quoted && !t.negated && open_end && i + 1 == tokens.size()};
    if (t.negated) q.none_of.push_back(std::move(term));
    else if (join_next) q.all_of.back().push_back(std::move(term));
    else q.all_of.push_back({std::move(term)});
    join_next = false;
  }
  return q;
}

IndexedNote indexed_note(const Record& r) {
  IndexedNote n;
  n.path = r.path.str();
  n.title = r.name;
  std::set<std::string> keys;
  keys.insert(name_key(r.name));
  for (const auto& a : r.aliases) {
    n.names += a + "\n";
    keys.insert(name_key(a));
  }
  for (const auto& k : keys) n.names += k + "\n";
  n.summary = plain_text(r.minutes->summary);
  for (const auto& d : r.minutes->decisions) n.decisions += plain_text(d.text) + "\n";
  if (r.type == RecordType::meeting)  // another note's tasks are in its body already
    for (const auto& a : *r.actions) n.actions += plain_text(a.text) + "\n";
  n.body = without_generated(r.text->body);
  return n;
}

namespace {

// The documents to write and to drop that bring an index up to date.
struct IndexChanges {
  std::vector<IndexedNote> put;
  std::vector<std::string> remove;
};

class IndexSync {
 public:
  IndexSync(const KnowledgeBase& kb, const std::function<std::optional<Record>(const Record&)>& read)
      : kb_(kb), read_(read), whole_(kb.has_text && kb.has_minutes && kb.has_actions) {}

  // Walks the files and the index's documents (both sorted by path) side by side.
  IndexChanges diff(const std::vector<FileInfo>& files, const std::vector<FileInfo>& indexed) {
    std::size_t i = 0, j = 0;
    while (i < files.size() || j < indexed.size()) {
      if (j == indexed.size() || (i < files.size() && files[i].path < indexed[j].path)) {
        put(files[i++]);
      } else if (i == files.size() || indexed[j].path < files[i].path) {
        out_.remove.push_back(indexed[j++].path);
      } else {
        if (!files[i].same_stamps(indexed[j]) && !put(files[i])) out_.remove.push_back(indexed[j].path);
        ++i, ++j;
      }
    }
    return std::move(out_);
  }

 private:
  // Indexes the note of `file`; false when it is no note of the KB (now).
  bool put(const FileInfo& file) {
    const Record* r = kb_.lookup_rid(record_id(file.path));
    if (!r || !r->defined || r->path.str() != file.path) return false;
    std::optional<Record> full;
    if (!whole_ && !(full = read_(*r))) return false;
    out_.put.push_back(indexed_note(whole_ ? *r : *full));
    out_.put.back().stamps = file;
    return true;
  }

  const KnowledgeBase& kb_;
  const std::function<std::optional<Record>(const Record&)>& read_;
  const bool whole_;
  IndexChanges out_;
};

}  // namespace

std::optional<std::size_t> sync_text_index(TextIndex& index, const KnowledgeBase& kb, const std::vector<FileInfo>& files,
                                           const std::string& key,
                                           const std::function<std::optional<Record>(const Record&)>& read) {
  const std::optional<std::vector<FileInfo>> indexed = index.indexed(key);
  IndexChanges changes = IndexSync(kb, read).diff(files, indexed ? *indexed : std::vector<FileInfo>());
  // An index that holds every note as it is stays untouched (no write, no lock).
  if (indexed && changes.put.empty() && changes.remove.empty()) return 0;
  if (!index.update(changes.put, changes.remove, key)) return std::nullopt;
  return changes.put.size() + changes.remove.size();
}

namespace {

bool is_entity(RecordType t) {
  return t == RecordType::person || t == RecordType::organization || t == RecordType::topic || t == RecordType::event;
}

// How near `r`'s nearest name is to the words (lower is nearer): 0 for a name that is the
// words, else 1 + its number of words; std::nullopt when no name or alias holds them all.
std::optional<std::size_t> name_distance(const Record& r, const std::vector<std::vector<std::vector<std::string>>>& groups,
                                         const std::vector<std::vector<std::string>>& excluded) {
  std::optional<std::size_t> best;
  auto consider = [&](const std::string& name) {
    const std::vector<std::string> words = words_of(name);
    for (const auto& alts : groups)
      if (std::none_of(alts.begin(), alts.end(), [&](const auto& t) { return term_in(t, words); })) return;
    for (const auto& t : excluded)
      if (term_in(t, words)) return;
    std::size_t d = words.size() + 1;
    if (groups.size() == 1 && groups[0].size() == 1 && groups[0][0] == words) d = 0;
    if (!best || d < *best) best = d;
  };
  consider(r.name);
  for (const auto& a : r.aliases) consider(a);
  return best;
}

std::vector<SearchHit> name_hits(const KnowledgeBase& kb, const SearchRequest& req,
                                 const std::function<bool(const Record&)>& allowed) {
  std::vector<std::vector<std::vector<std::string>>> groups;
  for (const auto& alts : req.terms.all_of) {
    groups.emplace_back();
    for (const auto& t : alts) groups.back().push_back(words_of(t.text));
  }
  std::vector<std::vector<std::string>> excluded;
  for (const auto& t : req.terms.none_of) excluded.push_back(words_of(t.text));
  std::vector<std::tuple<std::size_t, std::string, NodeId>> found;
  for (const auto& r : kb.records()) {
    if (!r.defined || !is_entity(r.type) || !allowed(r)) continue;
    if (auto d = name_distance(r, groups, excluded)) found.emplace_back(*d, fold(r.name), r.id);
  }
  std::sort(found.begin(), found.end());
  std::vector<SearchHit> out;
  for (const auto& f : found) out.push_back({std::get<2>(f), true, false, 0, {}});
  return out;
}

}  // namespace

namespace {

// `hits` by their notes' date and time, oldest or newest first (undated last; stable).
void sort_by_date(const KnowledgeBase& kb, std::vector<SearchHit>& hits, bool newest) {
  std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    const Record& x = kb.at(a.id);
    const Record& y = kb.at(b.id);
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    if (x.date != y.date) return newest ? *y.date < *x.date : *x.date < *y.date;
    return newest ? y.time < x.time : x.time < y.time;
  });
}

}  // namespace

std::vector<SearchHit> find_hits(const KnowledgeBase& kb, TextIndex& index, const SearchRequest& req,
                                 std::size_t* total) {
  std::vector<SearchHit> out;
  if (req.terms.empty()) return out;
  std::vector<bool> passes;
  if (req.meetings) passes = meeting_set(kb, *req.meetings);
  auto allowed = [&](const Record& r) {
    if (!req.types.empty() && std::find(req.types.begin(), req.types.end(), r.type) == req.types.end()) return false;
    return !req.meetings || (r.id.value < passes.size() && passes[r.id.value]);
  };
  out = name_hits(kb, req, allowed);
  // Every match is needed to filter them, sort them by date or count them.
  const bool every = req.meetings || !req.types.empty() || req.order != SearchOrder::rank || total;
  std::vector<TextHit> text = index.find(req.terms, every || !req.limit ? 0 : req.limit + out.size());
  std::unordered_map<std::uint32_t, std::size_t> at;  // node -> its place in `out`
  for (std::size_t i = 0; i < out.size(); ++i) at[out[i].id.value] = i;
  std::vector<TextHit> shown;  // the text hits kept, for their snippets
  for (auto& t : text) {
    const Record* r = kb.lookup_rid(record_id(t.path));
    if (!r || r->path.str() != t.path || !allowed(*r)) continue;
    if (auto it = at.find(r->id.value); it != at.end()) {
      out[it->second].text_match = true;
      out[it->second].rank = t.rank;
    } else {
      at[r->id.value] = out.size();
      out.push_back({r->id, false, true, t.rank, {}});
    }
  }
  if (req.order != SearchOrder::rank) sort_by_date(kb, out, req.order == SearchOrder::newest);
  if (total) *total = out.size();
  if (req.limit && out.size() > req.limit) out.resize(req.limit);
  for (const auto& h : out)
    if (h.text_match) shown.push_back({kb.at(h.id).path.str(), h.rank, {}});
  index.snippets(req.terms, shown, req.snippet_words);
  std::size_t next = 0;
  for (auto& h : out)
    if (h.text_match) h.snippet = std::move(shown[next++].snippet);
  return out;
}

std::string text_index_key(FileSystem& fs) {
  std::string text, error;
  if (!fs.read("kb.yaml", text, error)) text.clear();
  return std::to_string(std::hash<std::string>{}(text));
}

std::optional<std::size_t> sync_text_index(TextIndex& index, FileSystem& fs, const KnowledgeBase& kb,
                                           const std::vector<FileInfo>& walk) {
  return sync_text_index(index, kb, walk, text_index_key(fs),
                         [&](const Record& r) { return read_whole_note(fs, kb.config, r); });
}

}  // namespace kb
