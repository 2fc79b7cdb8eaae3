#include "kb/query/path.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "kb/base/text.h"
#include "kb/query/home_side.h"

namespace kb {
namespace {

class PathGraph {
 public:
  PathGraph(const KnowledgeBase& kb, NodeId from, NodeId to, bool via_home)
      : kb_(kb), from_(from), to_(to), home_(kb), via_home_(via_home) {}

  // Neighbours of `u` that a chain may step to: people and meetings, and organizations only
  // when they are an end point.
  std::vector<NodeId> neighbours(NodeId u) const {
    std::vector<NodeId> out;
    const Record& r = kb_.at(u);
    auto add = [&](NodeId v) {
      if (!v.valid() || v == u) return;
      const Record& rv = kb_.at(v);
      const bool end = v == from_ || v == to_;
      if (rv.type == RecordType::organization && !end) return;
      if (!via_home_ && !end && home_.has(v)) return;
      if (rv.type != RecordType::organization && rv.type != RecordType::person && rv.type != RecordType::meeting) return;
      out.push_back(v);
    };
    switch (r.type) {
      case RecordType::person:
        for (NodeId m : kb_.meetings_of(u)) add(m);
        for (const auto& a : r.entity->affiliations) add(a.org.target);
        break;
      case RecordType::organization:
        for (NodeId m : kb_.meetings_of(u)) add(m);
        for (NodeId p : kb_.members_of(u)) add(p);
        break;
      case RecordType::meeting:
        for (const auto& a : r.attendees) add(a.person.target);
        for (const auto& o : r.organizations) add(o.target);
        for (const auto& a : r.attendees) add(a.org);
        break;
      default:
        break;
    }
    std::sort(out.begin(), out.end(), [&](NodeId a, NodeId b) { return before(a, b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // The fixed neighbour order: meetings newest first (then id), then the others by name.
  bool before(NodeId a, NodeId b) const {
    const Record& ra = kb_.at(a);
    const Record& rb = kb_.at(b);
    bool ma = ra.type == RecordType::meeting, mb = rb.type == RecordType::meeting;
    if (ma != mb) return ma;
    if (ma) {
      if (ra.date != rb.date) return rb.date < ra.date;
      if (ra.time != rb.time) return rb.time < ra.time;
      return ra.rid < rb.rid;
    }
    std::string fa = fold(ra.name), fb = fold(rb.name);
    if (fa != fb) return fa < fb;
    if (ra.rid != rb.rid) return ra.rid < rb.rid;
    return a < b;
  }

 private:
  const KnowledgeBase& kb_;
  NodeId from_, to_;
  HomeSide home_;
  bool via_home_;
};

PathLink link_between(const Record& a, const Record& b) {
  auto is = [](const Record& r, RecordType t) { return r.type == t; };
  if (is(a, RecordType::meeting) || is(b, RecordType::meeting)) {
    const Record& other = is(a, RecordType::meeting) ? b : a;
    return is(other, RecordType::person) ? PathLink::attended : PathLink::took_part;
  }
  return PathLink::member_of;
}

}  // namespace

std::string to_string(PathLink l) {
  switch (l) {
    case PathLink::start: return "";
    case PathLink::attended: return "attended";
    case PathLink::took_part: return "took part in";
    case PathLink::member_of: return "member of";
  }
  return "";
}

std::optional<std::vector<PathStep>> find_path(const KnowledgeBase& kb, NodeId from, NodeId to, bool via_home) {
  if (from == to) return std::vector<PathStep>{{from, PathLink::start}};
  PathGraph g(kb, from, to, via_home);
  // Distances to `to` (the graph is undirected), then a walk from `from` that always takes the
  // first neighbour one step closer: the chosen chain is the first shortest one in that order.
  std::unordered_map<std::uint32_t, std::size_t> dist;
  dist[to.value] = 0;
  std::deque<NodeId> queue{to};
  while (!queue.empty() && !dist.count(from.value)) {
    NodeId u = queue.front();
    queue.pop_front();
    const Record& ru = kb.at(u);
    // Organizations are end points only: never walked through.
    if (ru.type == RecordType::organization && u != to) continue;
    for (NodeId v : g.neighbours(u)) {
      if (dist.count(v.value)) continue;
      dist[v.value] = dist[u.value] + 1;
      queue.push_back(v);
    }
  }
  auto it = dist.find(from.value);
  if (it == dist.end()) return std::nullopt;
  std::vector<PathStep> steps{{from, PathLink::start}};
  NodeId cur = from;
  std::size_t d = it->second;
  while (cur != to) {
    NodeId next;
    for (NodeId v : g.neighbours(cur)) {
      auto dv = dist.find(v.value);
      if (dv != dist.end() && dv->second + 1 == d) {
        next = v;
        break;
      }
    }
    if (!next.valid()) return std::nullopt;  // cannot happen: a closer neighbour always exists
    steps.push_back({next, link_between(kb.at(cur), kb.at(next))});
    cur = next;
    --d;
  }
  return steps;
}

}  // namespace kb
