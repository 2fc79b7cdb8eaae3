#pragma once
// What resolving a note looked up (private to model/): each lookup in the graph's indexes is a
// probe, a 32-bit hash of the index and the key asked for. A record keeps the probes its
// resolution made (Record::reads); a record added, removed or renamed answers some probes
// (offers()). A patch does again exactly the notes that made a probe whose answer changed:
// that is the whole rule (graph_patch.h). A hash shared by two keys only makes a patch do a
// note again that it need not.

#include <cstdint>
#include <string_view>
#include <vector>

#include "kb/model/graph.h"

namespace kb {

/// The index a probe looks in: names (name_key, any type), record ids, file names (a link's last
/// part, lower-cased: KnowledgeBase::file_key), and the affiliations of the people of a name
/// (which of them `NAME (ORGANIZATION)` is).
enum class Probe : char { name = 'n', rid = 'r', file = 'f', affiliations = 'a' };

std::uint32_t probe(Probe index, std::string_view key);

/// The probes whose answer `r` is part of: its name keys, its record id and its file name.
std::vector<std::uint32_t> offers(const Record& r);

/// The probes a person's affiliations answer (Probe::affiliations of each of its names).
std::vector<std::uint32_t> affiliation_offers(const Record& r);

/// Sorts `reads` and keeps each probe once.
void settle_reads(std::vector<std::uint32_t>& reads);

}  // namespace kb
