#include "kb/render/graph_out.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kb/base/text.h"
#include "kb/query/meetings.h"

namespace kb {
namespace {

int type_rank(RecordType t) {
  switch (t) {
    case RecordType::meeting: return 0;
    case RecordType::person: return 1;
    case RecordType::organization: return 2;
    case RecordType::topic: return 3;
    case RecordType::event: return 4;
    case RecordType::note: return 5;
  }
  return 6;
}

// A stable, unique key for a node: its record id, or for a name no record defines its type
// and name.
std::string node_key(const Record& r) {
  if (r.defined && !r.rid.empty()) return r.rid;
  return fmt::format("unresolved:{}:{}", to_string(r.type), r.name);
}

std::string node_label(const Record& r) {
  if (r.type == RecordType::meeting && r.date) return fmt::format("{} {}", to_string(*r.date), r.name);
  return r.name;
}

class Builder {
 public:
  explicit Builder(const KnowledgeBase& kb) : kb_(kb) {}

  void add_node(NodeId id) {
    if (id.valid()) nodes_.insert(id);
  }
  bool has(NodeId id) const { return nodes_.count(id) > 0; }
  void add_edge(NodeId from, NodeId to, EdgeType t, std::string label = {}, std::size_t weight = 1) {
    if (!from.valid() || !to.valid() || from == to || !has(from) || !has(to)) return;
    auto key = std::make_tuple(from, to, t);
    auto it = edges_.find(key);
    pairs_.insert(std::minmax(from, to));
    if (it == edges_.end()) edges_.emplace(key, GraphEdge{from, to, t, weight, std::move(label)});
    else if (t == EdgeType::mentions || t == EdgeType::met) it->second.weight += weight;
  }
  bool joined(NodeId a, NodeId b) const { return pairs_.count(std::minmax(a, b)) > 0; }

  GraphData finish() {
    GraphData g;
    g.nodes.assign(nodes_.begin(), nodes_.end());
    std::vector<std::string> folded(kb_.records().size());
    for (NodeId id : g.nodes) folded[id.value] = fold(kb_.at(id).name);
    std::sort(g.nodes.begin(), g.nodes.end(), [&](NodeId a, NodeId b) {
      const Record& ra = kb_.at(a);
      const Record& rb = kb_.at(b);
      if (ra.type != rb.type) return type_rank(ra.type) < type_rank(rb.type);
      if (ra.type == RecordType::meeting)
        return std::tie(ra.date, ra.time, ra.rid) < std::tie(rb.date, rb.time, rb.rid);
      if (folded[a.value] != folded[b.value]) return folded[a.value] < folded[b.value];
      return node_key(ra) < node_key(rb);
    });
    std::vector<std::size_t> pos(kb_.records().size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) pos[g.nodes[i].value] = i;
    for (auto& [k, e] : edges_) g.edges.push_back(e);
    std::sort(g.edges.begin(), g.edges.end(), [&](const GraphEdge& a, const GraphEdge& b) {
      return std::make_tuple(pos[a.from.value], pos[a.to.value], a.type) <
             std::make_tuple(pos[b.from.value], pos[b.to.value], b.type);
    });
    return g;
  }

 private:
  const KnowledgeBase& kb_;
  std::set<NodeId> nodes_;
  std::map<std::tuple<NodeId, NodeId, EdgeType>, GraphEdge> edges_;
  std::set<std::pair<NodeId, NodeId>> pairs_;  // joined by any edge, either way
};

// ---- writers ----

std::string node_id(std::size_t i) { return fmt::format("n{}", i); }

const char* dot_shape(RecordType t) {
  switch (t) {
    case RecordType::meeting: return "shape=box, style=\"rounded,filled\", fillcolor=\"#fdf1d6\"";
    case RecordType::person: return "shape=ellipse, style=filled, fillcolor=\"#e3eefc\"";
    case RecordType::organization: return "shape=box, style=filled, fillcolor=\"#e4f4e4\"";
    case RecordType::topic: return "shape=hexagon, style=filled, fillcolor=\"#f3e5f5\"";
    case RecordType::event: return "shape=cds, style=filled, fillcolor=\"#eeeeee\"";
    case RecordType::note: return "shape=note";
  }
  return "shape=plain";
}

// Meeting titles are long: break the label into lines of about `width` bytes at spaces.
std::string wrap(const std::string& s, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  for (const auto& w : split_words(s)) {
    if (line > 0 && line + 1 + w.size() > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += w;
    line += w.size();
  }
  return out;
}

void write_dot(std::ostream& out, const KnowledgeBase& kb, const GraphData& g, bool picture) {
  std::vector<std::size_t> pos(kb.records().size());
  for (std::size_t i = 0; i < g.nodes.size(); ++i) pos[g.nodes[i].value] = i;
  out << "digraph kb {\n";
  out << "  graph [rankdir=LR, fontname=\"Helvetica\", bgcolor=\"transparent\"];\n";
  out << "  node [fontname=\"Helvetica\", fontsize=" << (picture ? 11 : 10) << "];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#777777\"];\n";
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Record& r = kb.at(g.nodes[i]);
    std::string label = r.type == RecordType::meeting ? wrap(node_label(r), 32) : wrap(r.name, 28);
    out << "  " << node_id(i) << " [label=" << dot_quote(label) << ", kind=" << dot_quote(to_string(r.type))
        << ", record=" << dot_quote(node_key(r)) << ", " << dot_shape(r.type) << "];\n";
  }
  for (const auto& e : g.edges) {
    // The picture reads organization - person - meeting from left to right.
    bool flip = picture && e.type == EdgeType::affiliated;
    out << "  " << node_id(pos[(flip ? e.to : e.from).value]) << " -> " << node_id(pos[(flip ? e.from : e.to).value])
        << " [kind=" << dot_quote(to_string(e.type)) << ", weight=" << e.weight;
    if (picture) out << ", dir=none";
    if (e.type == EdgeType::met && !picture) out << ", dir=none, penwidth=" << std::min<std::size_t>(1 + e.weight, 6);
    if (!picture) {
      std::string label(to_string(e.type));
      if (!e.label.empty()) label += fmt::format(": {}", e.label);
      if (e.weight > 1) label += fmt::format(" ({})", e.weight);
      out << ", label=" << dot_quote(label);
    }
    out << "];\n";
  }
  out << "}\n";
}

void write_json(std::ostream& out, const KnowledgeBase& kb, const GraphData& g) {
  using nlohmann::json;
  json nodes = json::array();
  for (NodeId id : g.nodes) {
    const Record& r = kb.at(id);
    json n{{"key", node_key(r)},
           {"id", r.defined ? json(r.rid) : json(nullptr)},
           {"type", std::string(to_string(r.type))},
           {"name", r.name}};
    if (r.type == RecordType::meeting) n["date"] = r.date ? json(to_string(*r.date)) : json(nullptr);
    nodes.push_back(std::move(n));
  }
  json edges = json::array();
  for (const auto& e : g.edges) {
    json j{{"source", node_key(kb.at(e.from))},
           {"target", node_key(kb.at(e.to))},
           {"type", std::string(to_string(e.type))},
           {"weight", e.weight}};
    if (!e.label.empty()) j["label"] = e.label;
    edges.push_back(std::move(j));
  }
  json doc{{"nodes", nodes}, {"edges", edges}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void write_graphml(std::ostream& out, const KnowledgeBase& kb, const GraphData& g) {
  std::vector<std::size_t> pos(kb.records().size());
  for (std::size_t i = 0; i < g.nodes.size(); ++i) pos[g.nodes[i].value] = i;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "  <key id=\"record\" for=\"node\" attr.name=\"record\" attr.type=\"string\"/>\n"
         "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
         "  <key id=\"etype\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
         "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <graph id=\"kb\" edgedefault=\"directed\">\n";
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Record& r = kb.at(g.nodes[i]);
    out << "    <node id=\"" << node_id(i) << "\">"
        << "<data key=\"type\">" << to_string(r.type) << "</data>"
        << "<data key=\"name\">" << xml_escape(r.name) << "</data>"
        << "<data key=\"record\">" << xml_escape(node_key(r)) << "</data>";
    if (r.type == RecordType::meeting && r.date) out << "<data key=\"date\">" << to_string(*r.date) << "</data>";
    out << "</node>\n";
  }
  for (std::size_t i = 0; i < g.edges.size(); ++i) {
    const auto& e = g.edges[i];
    out << "    <edge id=\"e" << i << "\" source=\"" << node_id(pos[e.from.value]) << "\" target=\""
        << node_id(pos[e.to.value]) << "\">"
        << "<data key=\"etype\">" << to_string(e.type) << "</data>"
        << "<data key=\"weight\">" << e.weight << "</data>";
    if (!e.label.empty()) out << "<data key=\"label\">" << xml_escape(e.label) << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void write_mermaid(std::ostream& out, const KnowledgeBase& kb, const GraphData& g) {
  std::vector<std::size_t> pos(kb.records().size());
  for (std::size_t i = 0; i < g.nodes.size(); ++i) pos[g.nodes[i].value] = i;
  out << "flowchart LR\n";
  std::map<RecordType, std::vector<std::string>> by_type;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Record& r = kb.at(g.nodes[i]);
    std::string q = mermaid_quote(node_label(r));
    const char* open = "[";
    const char* close = "]";
    switch (r.type) {
      case RecordType::meeting: open = "["; close = "]"; break;
      case RecordType::person: open = "(["; close = "])"; break;
      case RecordType::organization: open = "[["; close = "]]"; break;
      case RecordType::topic: open = "{{"; close = "}}"; break;
      case RecordType::event: open = "("; close = ")"; break;
      case RecordType::note: open = "["; close = "]"; break;
    }
    out << "  " << node_id(i) << open << q << close << '\n';
    by_type[r.type].push_back(node_id(i));
  }
  for (const auto& e : g.edges) {
    std::string label(to_string(e.type));
    if (e.weight > 1) label += fmt::format(" {}", e.weight);
    out << "  " << node_id(pos[e.from.value]) << (e.type == EdgeType::met ? " ---|" : " -->|") << label << "| "
        << node_id(pos[e.to.value]) << '\n';
  }
  static const std::pair<RecordType, const char*> styles[] = {
      {RecordType::meeting, "fill:#fdf1d6,stroke:#b58900"},  {RecordType::person, "fill:#e3eefc,stroke:#268bd2"},
      {RecordType::organization, "fill:#e4f4e4,stroke:#2e7d32"}, {RecordType::topic, "fill:#f3e5f5,stroke:#6c3483"},
      {RecordType::event, "fill:#eeeeee,stroke:#555555"},     {RecordType::note, "fill:#ffffff,stroke:#999999"}};
  for (const auto& [t, style] : styles) {
    auto it = by_type.find(t);
    if (it == by_type.end()) continue;
    out << "  classDef " << to_string(t) << ' ' << style << '\n';
    out << "  class ";
    for (std::size_t i = 0; i < it->second.size(); ++i) out << (i ? "," : "") << it->second[i];
    out << ' ' << to_string(t) << '\n';
  }
}

}  // namespace

std::optional<GraphFormat> parse_graph_format(std::string_view text) {
  if (text == "dot") return GraphFormat::dot;
  if (text == "json") return GraphFormat::json;
  if (text == "graphml") return GraphFormat::graphml;
  if (text == "mermaid") return GraphFormat::mermaid;
  return std::nullopt;
}

std::string_view to_string(EdgeType t) {
  switch (t) {
    case EdgeType::attended: return "attended";
    case EdgeType::organization: return "organization";
    case EdgeType::topic: return "topic";
    case EdgeType::event: return "event";
    case EdgeType::affiliated: return "affiliated";
    case EdgeType::part_of: return "part_of";
    case EdgeType::mentions: return "mentions";
    case EdgeType::met: return "met";
  }
  return "";
}

GraphData build_graph(const KnowledgeBase& kb, const GraphScope& scope) {
  Builder b(kb);
  std::vector<NodeId> meetings;
  if (scope.meetings) {
    meetings = *scope.meetings;
    for (NodeId mid : meetings) {
      const Record& m = kb.at(mid);
      b.add_node(mid);
      for (const auto& a : m.attendees) {
        b.add_node(a.person.target);
        b.add_node(a.org);
      }
      if (scope.listed_orgs)
        for (const auto& o : m.organizations) b.add_node(o.target);
      if (scope.topics)
        for (const auto& t : m.topics) b.add_node(t.target);
      if (scope.events) b.add_node(m.event.target);
    }
  } else {
    for (const auto& r : kb.records()) {
      if (!scope.topics && r.type == RecordType::topic) continue;
      if (!scope.events && r.type == RecordType::event) continue;
      b.add_node(r.id);
      if (r.type == RecordType::meeting && r.defined) meetings.push_back(r.id);
    }
  }
  sort_meetings(kb, meetings, false);
  for (NodeId mid : meetings) {
    const Record& m = kb.at(mid);
    std::vector<NodeId> people;
    for (const auto& a : m.attendees) {
      b.add_edge(a.person.target, mid, EdgeType::attended);
      if (scope.met && a.person.target.valid()) people.push_back(a.person.target);
    }
    if (scope.listed_orgs)
      for (const auto& o : m.organizations) b.add_edge(mid, o.target, EdgeType::organization);
    if (scope.topics)
      for (const auto& t : m.topics) b.add_edge(mid, t.target, EdgeType::topic);
    if (scope.events) b.add_edge(mid, m.event.target, EdgeType::event);
    // An attendee's organization on the date (given inline, or of a current affiliation).
    for (const auto& a : m.attendees)
      if (a.org.valid()) b.add_edge(a.person.target, a.org, EdgeType::affiliated, a.role);
    if (scope.met) {
      std::sort(people.begin(), people.end());
      people.erase(std::unique(people.begin(), people.end()), people.end());
      for (std::size_t i = 0; i < people.size(); ++i)
        for (std::size_t j = i + 1; j < people.size(); ++j) b.add_edge(people[i], people[j], EdgeType::met);
    }
  }
  for (const auto& r : kb.records()) {
    if (!b.has(r.id)) continue;
    if (r.type == RecordType::person)
      for (const auto& a : r.entity->affiliations) b.add_edge(r.id, a.org.target, EdgeType::affiliated, a.role);
    if (scope.parents && (r.type == RecordType::organization || r.type == RecordType::topic))
      b.add_edge(r.id, r.entity->parent.target, EdgeType::part_of);
  }
  if (scope.mentions) {
    if (!kb.has_links) throw std::logic_error("build_graph: wikilinks asked for on a KB loaded without them");
    std::vector<GraphEdge> pending;
    for (const auto& r : kb.records()) {
      if (!b.has(r.id)) continue;
      for (const auto& m : *r.mentions)
        if (m.target.valid() && m.target != r.id && b.has(m.target) && !b.joined(r.id, m.target))
          pending.push_back({r.id, m.target, EdgeType::mentions, 1, {}});
    }
    for (auto& e : pending) b.add_edge(e.from, e.to, e.type, {}, 1);
  }
  return b.finish();
}

void render_graph(std::ostream& out, const KnowledgeBase& kb, const GraphData& g, const GraphRenderOptions& o) {
  switch (o.format) {
    case GraphFormat::dot: write_dot(out, kb, g, o.picture); break;
    case GraphFormat::json: write_json(out, kb, g); break;
    case GraphFormat::graphml: write_graphml(out, kb, g); break;
    case GraphFormat::mermaid: write_mermaid(out, kb, g); break;
  }
}

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
  }
  return out + "\"";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out += c;
    }
  }
  return out;
}

std::string mermaid_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '`': out += "#96;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out + "\"";
}

}  // namespace kb
