#pragma once
// `kb graph`: the KB (or the part of it around a set of meetings) as typed nodes and typed,
// weighted edges, written as Graphviz DOT, JSON, GraphML or a Mermaid flowchart. Every label
// is escaped for its format. Choosing the meetings is query/'s job; this module only builds
// the graph around them and writes it.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/graph.h"

namespace kb {

enum class GraphFormat { dot, json, graphml, mermaid };
/// "dot", "json", "graphml", "mermaid"; std::nullopt otherwise.
std::optional<GraphFormat> parse_graph_format(std::string_view text);

enum class EdgeType {
  attended,      ///< person -> meeting
  organization,  ///< meeting -> organization it lists
  topic,         ///< meeting -> topic
  event,         ///< meeting -> event
  affiliated,    ///< person -> organization (label: the role)
  part_of,       ///< organization -> parent organization, topic -> broader topic
  mentions,      ///< record -> record named by a [[wikilink]] (weight: how many links)
  met,           ///< person -> person, symmetric (weight: meetings attended together)
};
std::string_view to_string(EdgeType t);

struct GraphEdge {
  NodeId from;
  NodeId to;
  EdgeType type = EdgeType::attended;
  std::size_t weight = 1;
  std::string label;
};

struct GraphData {
  std::vector<NodeId> nodes;  ///< meetings (by date), then people, organizations, topics, events, notes (by name)
  std::vector<GraphEdge> edges;
};

/// What build_graph takes in.
struct GraphScope {
  /// std::nullopt: every record of the KB. Otherwise these meetings and the records they name
  /// (attendees and their organizations on the date, listed organizations, topics, event).
  std::optional<std::vector<NodeId>> meetings;
  bool listed_orgs = true;  ///< meeting -> organization edges (and those organizations)
  bool topics = true;
  bool events = true;
  bool parents = true;
  /// Only where no other edge joins the two records already. Needs a KB loaded with its links
  /// (KnowledgeBase::has_links); build_graph throws std::logic_error otherwise.
  bool mentions = true;
  /// Person -> person edges between every two attendees of a meeting (`kb graph --met`). Off
  /// by default: a meeting of n attendees gives n(n-1)/2 of them, so one meeting of 10,000
  /// people would give 50 million edges; without them the graph is linear in the KB.
  bool met = false;
};

GraphData build_graph(const KnowledgeBase& kb, const GraphScope& scope);

struct GraphRenderOptions {
  GraphFormat format = GraphFormat::dot;
  bool picture = false;  ///< dot: left to right, no edge labels (the weekly report's picture)
};

void render_graph(std::ostream& out, const KnowledgeBase& kb, const GraphData& g, const GraphRenderOptions& o);

/// A string as a DOT double-quoted string, quotes included: `"`, `\` and newlines escaped.
std::string dot_quote(std::string_view s);
/// Text for XML character data and attribute values: & < > " ' escaped, characters XML 1.0
/// forbids dropped.
std::string xml_escape(std::string_view s);
/// A Mermaid label, quotes included: `"`, `#`, `<`, `>`, `&` and backquote as entity codes.
std::string mermaid_quote(std::string_view s);

}  // namespace kb
