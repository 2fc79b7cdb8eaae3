#pragma once
// Meeting queries: a MeetingFilter (names already resolved, dates parsed) -> the meetings that
// match, each with the reasons it matched (`kb query --explain`). Pure functions over a
// const KnowledgeBase; no argv strings reach this module.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kb/base/date.h"
#include "kb/model/graph.h"

namespace kb {

/// Words, "quoted phrases", OR between alternatives and -excluded words, matched folded
/// (case and diacritics ignored) against a meeting's title, names, summary and body.
struct TextQuery {
  std::vector<std::vector<std::string>> all_of;  ///< each inner list: any of these
  std::vector<std::string> none_of;
  bool empty() const { return all_of.empty() && none_of.empty(); }
};

/// Parses `--text` words. Example: `ai "policy dialogue" OR workshop -draft`.
TextQuery parse_text_query(const std::vector<std::string>& args);

struct MeetingFilter {
  std::vector<NodeId> orgs;  ///< any of (OR); AND with the other kinds
  bool exact_org = false;    ///< no sub-organizations, no attendees' affiliations
  std::vector<NodeId> people;
  std::vector<NodeId> topics;
  std::vector<std::string> tags;
  std::optional<NodeId> event;
  std::vector<std::string> series;  ///< `series:` names, any of (query/series.h same_series)
  std::optional<Date> since;  ///< inclusive
  std::optional<Date> until;  ///< inclusive
  TextQuery text;
  std::vector<std::pair<std::string, std::string>> where;  ///< front matter KEY=VALUE
  std::vector<std::string> has;                            ///< front matter KEY present
  bool newest_first = false;
  std::size_t limit = 0;  ///< 0: no limit
  bool explain = true;    ///< fill MeetingMatch::reasons (else they are left empty)

  /// True when the filter reads the notes' text (--text, --where, --has): the KB must then be
  /// loaded with it (KnowledgeBase::has_text).
  bool reads_text() const { return !text.empty() || !where.empty() || !has.empty(); }
};

struct MeetingMatch {
  NodeId id;
  std::vector<std::string> reasons;  ///< why it matched, one line each
};

/// The meetings matching `f`, sorted by date (then time, then id), newest first if asked.
/// Throws std::logic_error when `f` reads text the KB was loaded without.
std::vector<MeetingMatch> find_meetings(const KnowledgeBase& kb, const MeetingFilter& f);

/// The meetings matching `f` as a set: [id] is true for each (f.limit and f.newest_first
/// aside). No sort, no reasons: for a caller that only asks whether a meeting is in.
std::vector<bool> meeting_set(const KnowledgeBase& kb, const MeetingFilter& f);

/// Sorts meeting ids by date, time and id.
void sort_meetings(const KnowledgeBase& kb, std::vector<NodeId>& ids, bool newest_first);

}  // namespace kb
