#include "clients/cli/graph_drawing.h"

#include <sstream>

#include <algorithm>

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

kg::v1::Fact Fact(const std::string& s, const std::string& p,
                  const std::string& o, bool entity = true) {
  kg::v1::Fact fact;
  fact.set_subject(s);
  fact.set_predicate(p);
  if (entity) {
    fact.mutable_value()->set_entity(o);
  } else {
    fact.mutable_value()->set_text(o);
  }
  kg::v1::Evidence* e = fact.add_evidence();
  e->set_document_id("doc&1");
  return fact;
}

std::vector<kg::v1::Fact> Sample() {
  return {Fact("Ann Lee", "type", "Person"),
          Fact("North Unit", "type", "Unit"),
          Fact("Ann Lee", "member_of", "North Unit"),
          Fact("Ann Lee", "has_role", "Sergeant \"Acting\"", false),
          Fact("North Unit", "part_of", "Vale Police")};
}

TEST(GraphDrawingTest, ClassesFromTypeFacts) {
  const auto classes = ClassesOf(Sample());
  EXPECT_EQ(classes.size(), 2u);
  EXPECT_EQ(classes.at("North Unit"), "Unit");
}

TEST(GraphDrawingTest, DotShapesEdgesAndLegend) {
  DotOptions options;
  options.center = "Ann Lee";
  const std::string dot = FactsToDot(Sample(), ClassesOf(Sample()), options);
  EXPECT_EQ(dot.rfind("digraph kg {", 0), 0u);
  EXPECT_NE(dot.find("\"Ann Lee\" [shape=ellipse, fillcolor=\"#cfe2f3\", "
                     "penwidth=3"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"North Unit\" [shape=box, fillcolor=\"#fce5cd\"]"),
            std::string::npos);
  EXPECT_NE(dot.find("\"Vale Police\" [shape=ellipse, fillcolor=\"#eeeeee\"]"),
            std::string::npos);
  EXPECT_NE(dot.find("\"Ann Lee\" -> \"North Unit\" [label=\"member_of\"]"),
            std::string::npos);
  EXPECT_EQ(dot.find("label=\"type\""), std::string::npos);  // classes, not edges
  EXPECT_EQ(dot.find("Sergeant"), std::string::npos);       // literals off
  EXPECT_NE(dot.find("\"legend:Unit\""), std::string::npos);
  EXPECT_NE(dot.find("\"legend:unknown\""), std::string::npos);
}

TEST(GraphDrawingTest, DotLiteralsEscaped) {
  DotOptions options;
  options.literals = true;
  const std::string dot = FactsToDot(Sample(), {}, options);
  EXPECT_NE(dot.find("[label=\"\\\"Sergeant \\\"Acting\\\"\\\"\", shape=note"),
            std::string::npos) << dot;
}

TEST(GraphDrawingTest, GraphMl) {
  std::ostringstream out;
  WriteGraphMl(Sample(), out);
  const std::string xml = out.str();
  EXPECT_EQ(xml.rfind("<?xml", 0), 0u);
  EXPECT_NE(xml.find("<node id=\"n0\"><data key=\"label\">Ann Lee</data><data "
                     "key=\"kind\">entity</data><data key=\"class\">Person"
                     "</data></node>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<data key=\"label\">Sergeant &quot;Acting&quot;</data>"
                     "<data key=\"kind\">text</data>"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"predicate\">member_of</data><data "
                     "key=\"evidence\">1</data><data key=\"documents\">"
                     "doc&amp;1</data>"), std::string::npos);
  EXPECT_EQ(std::count(xml.begin(), xml.end(), '\n'), 9 + 6 + 5 + 2);
}

TEST(GraphDrawingTest, Escaping) {
  EXPECT_EQ(DotQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(XmlEscape("<a&b>"), "&lt;a&amp;b&gt;");
}

}  // namespace
}  // namespace kg::cli
