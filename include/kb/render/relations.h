#pragma once
// Output of `kb related`, `kb path` and `kb stale` in the list formats of SPEC §2 (table,
// json, jsonl, csv, md, ids).

#include <ostream>
#include <vector>

#include "kb/model/graph.h"
#include "kb/query/path.h"
#include "kb/query/related.h"
#include "kb/query/stale.h"
#include "kb/render/output.h"

namespace kb {

/// One row per tie: kind, name, strength, last shared meeting, the meetings behind it.
/// JSON: an array of {type, name, id, strength, last_met, meetings: [{id, date, title}]}.
void render_related(std::ostream& out, const KnowledgeBase& kb, const Related& r, const RenderOptions& o);

/// One row per step: step number, how it is linked to the one before, type, name, date, id.
/// JSON: an array of {step, link, type, name, id, date}.
void render_path(std::ostream& out, const KnowledgeBase& kb, const std::vector<PathStep>& steps,
                 const RenderOptions& o);

/// One row per record: name, type, organization (people), last met, days since, meetings, id.
void render_stale(std::ostream& out, const KnowledgeBase& kb, const std::vector<StaleEntry>& list,
                  const RenderOptions& o);

}  // namespace kb
