#include "clients/cli/graph_drawing.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/value_format.h"

namespace kg::cli {
namespace {

bool IsEntity(const kg::v1::Value& value) {
  return value.kind_case() == kg::v1::Value::kEntity;
}

const char* KindOf(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity: return "entity";
    case kg::v1::Value::kText: return "text";
    case kg::v1::Value::kInteger: return "integer";
    case kg::v1::Value::kDecimal: return "decimal";
    case kg::v1::Value::kDate: return "date";
    default: return "unknown";
  }
}

// Node key of a value: entities by name, literals by kind and form.
std::string NodeKey(const kg::v1::Value& value) {
  return IsEntity(value) ? value.entity()
                         : absl::StrCat("\x01", KindOf(value), ":",
                                        ValueLexicalForm(value));
}

std::string EntityNode(const std::string& name,
                       const std::map<std::string, std::string>& classes,
                       const std::string& center) {
  auto it = classes.find(name);
  const std::string entity_class = it == classes.end() ? "" : it->second;
  const ClassStyle style = StyleOfClass(entity_class);
  std::string node = absl::StrCat("  ", DotQuote(name), " [shape=", style.shape,
                                  ", fillcolor=\"", style.color, "\"");
  if (name == center) absl::StrAppend(&node, ", penwidth=3, fontsize=16");
  return node + "];\n";
}

std::string Legend(const std::set<std::string>& used_classes) {
  std::string legend =
      "  subgraph cluster_legend {\n    label=\"classes\"; fontsize=10; "
      "color=\"#999999\";\n";
  for (const std::string& entity_class : used_classes) {
    const ClassStyle style = StyleOfClass(entity_class);
    absl::StrAppend(&legend, "    ", DotQuote("legend:" + entity_class),
                    " [label=", DotQuote(entity_class), ", shape=", style.shape,
                    ", fillcolor=\"", style.color, "\", fontsize=9];\n");
  }
  return legend + "  }\n";
}

}  // namespace

std::map<std::string, std::string> ClassesOf(
    const std::vector<kg::v1::Fact>& facts) {
  std::map<std::string, std::string> classes;
  for (const kg::v1::Fact& fact : facts) {
    if (fact.predicate() == "type" && IsEntity(fact.value())) {
      classes.emplace(fact.subject(), fact.value().entity());
    }
  }
  return classes;
}

ClassStyle StyleOfClass(absl::string_view entity_class) {
  static const auto* styles = new std::map<std::string, ClassStyle, std::less<>>{
      {"Person", {"ellipse", "#cfe2f3"}},
      {"Organization", {"box", "#f4cccc"}},
      {"Unit", {"box", "#fce5cd"}},
      {"Operation", {"hexagon", "#d9ead3"}},
      {"Campaign", {"hexagon", "#d0e0e3"}},
      {"Programme", {"component", "#d0e0e3"}},
      {"Place", {"house", "#fff2cc"}},
      {"CrimeType", {"octagon", "#ead1dc"}},
  };
  auto it = styles->find(entity_class);
  return it == styles->end() ? ClassStyle{"ellipse", "#eeeeee"} : it->second;
}

std::string DotQuote(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

std::string FactsToDot(const std::vector<kg::v1::Fact>& facts,
                       const std::map<std::string, std::string>& classes,
                       const DotOptions& options) {
  std::string nodes, edges;
  std::set<std::string> drawn, used_classes;
  auto draw_entity = [&](const std::string& name) {
    if (!drawn.insert(name).second) return;
    nodes += EntityNode(name, classes, options.center);
    auto it = classes.find(name);
    used_classes.insert(it == classes.end() ? "unknown" : it->second);
  };
  for (const kg::v1::Fact& fact : facts) {
    const bool entity = IsEntity(fact.value());
    if (fact.predicate() == "type" || (!entity && !options.literals)) continue;
    draw_entity(fact.subject());
    const std::string target = NodeKey(fact.value());
    if (entity) {
      draw_entity(target);
    } else if (drawn.insert(target).second) {
      absl::StrAppend(&nodes, "  ", DotQuote(target), " [label=",
                      DotQuote(FormatValue(fact.value()).substr(0, 60)),
                      ", shape=note, fontsize=9];\n");
    }
    absl::StrAppend(&edges, "  ", DotQuote(fact.subject()), " -> ",
                    DotQuote(target), " [label=", DotQuote(fact.predicate()),
                    "];\n");
  }
  return absl::StrCat(
      "digraph kg {\n  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n"
      "  node [style=filled, fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\"];\n",
      nodes, edges, used_classes.empty() ? "" : Legend(used_classes), "}\n");
}

std::string XmlEscape(absl::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

void WriteGraphMl(const std::vector<kg::v1::Fact>& facts, std::ostream& out) {
  const std::map<std::string, std::string> classes = ClassesOf(facts);
  std::map<std::string, std::string> ids;  // node key -> "nN"
  std::string nodes, edges;
  auto node_id = [&](const std::string& key, const kg::v1::Value& value) {
    auto [it, added] = ids.emplace(key, absl::StrCat("n", ids.size()));
    if (!added) return it->second;
    auto cls = classes.find(key);
    absl::StrAppend(&nodes, "    <node id=\"", it->second, "\"><data key=\"label\">",
                    XmlEscape(ValueLexicalForm(value)),
                    "</data><data key=\"kind\">", KindOf(value), "</data>",
                    cls == classes.end() ? "" : absl::StrCat(
                        "<data key=\"class\">", XmlEscape(cls->second), "</data>"),
                    "</node>\n");
    return it->second;
  };
  for (size_t i = 0; i < facts.size(); ++i) {
    const kg::v1::Fact& fact = facts[i];
    kg::v1::Value subject;
    subject.set_entity(fact.subject());
    const std::string source = node_id(fact.subject(), subject);
    const std::string target = node_id(NodeKey(fact.value()), fact.value());
    std::set<std::string> documents;
    for (const kg::v1::Evidence& e : fact.evidence()) documents.insert(e.document_id());
    absl::StrAppend(&edges, "    <edge id=\"e", i, "\" source=\"", source,
                    "\" target=\"", target, "\"><data key=\"predicate\">",
                    XmlEscape(fact.predicate()), "</data><data key=\"evidence\">",
                    fact.evidence_size(), "</data><data key=\"documents\">",
                    XmlEscape(absl::StrJoin(documents, " ")), "</data></edge>\n");
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"class\" for=\"node\" attr.name=\"class\" attr.type=\"string\"/>\n"
         "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
         "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"int\"/>\n"
         "  <key id=\"documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"string\"/>\n"
         "  <graph id=\"kg\" edgedefault=\"directed\">\n"
      << nodes << edges << "  </graph>\n</graphml>\n";
}

}  // namespace kg::cli
