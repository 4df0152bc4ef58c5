// Facts as graphs: Graphviz DOT for `kg viz` and GraphML for
// `kg export --format=graphml`. Pure functions over kg.v1.Fact, no I/O.
//
// Nodes are entities (and, when asked, literal values); edges are facts
// labelled with their predicate. `type` facts do not become edges: they give
// the node its class, drawn as a shape and colour.
#ifndef KG_CLIENTS_CLI_GRAPH_DRAWING_H_
#define KG_CLIENTS_CLI_GRAPH_DRAWING_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/v1/fact.pb.h"

namespace kg::cli {

// Entity name -> class, from the `type` facts among `facts` (the first one
// wins when an entity has several).
std::map<std::string, std::string> ClassesOf(
    const std::vector<kg::v1::Fact>& facts);

struct DotOptions {
  // Drawn bold and larger; may be empty.
  std::string center;
  // Draw text/number/date values as small note nodes too.
  bool literals = false;
};

// A DOT digraph with a legend of the classes present. `classes` names the
// class of entities (those missing are drawn as "unknown").
std::string FactsToDot(const std::vector<kg::v1::Fact>& facts,
                       const std::map<std::string, std::string>& classes,
                       const DotOptions& options);

// Graphviz shape and fill colour for a class ("box", "#cfe2f3").
struct ClassStyle {
  const char* shape;
  const char* color;
};
ClassStyle StyleOfClass(absl::string_view entity_class);

// A DOT double-quoted string literal.
std::string DotQuote(absl::string_view text);

// A GraphML document: node data "label", "kind" (entity, text, integer,
// decimal, date) and "class"; edge data "predicate", "evidence" (count) and
// "documents" (space-separated ids). Every value is a node.
void WriteGraphMl(const std::vector<kg::v1::Fact>& facts, std::ostream& out);

// Text with &, <, >, " escaped for XML.
std::string XmlEscape(absl::string_view text);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_GRAPH_DRAWING_H_
