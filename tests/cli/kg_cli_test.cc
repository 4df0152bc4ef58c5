// End to end: the real kg binary against both real servers on loopback
// ports, one test per command. The graph holds the project's fictional
// example documents (examples/documents).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "extractor_service/server.h"
#include "graph_service/server.h"
#include "gtest/gtest.h"
#include "tests/cli/kg_runner.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string TmpDir() { return std::getenv("TEST_TMPDIR"); }

std::string Runfile(const std::string& path) {
  return absl::StrCat(std::getenv("TEST_SRCDIR"), "/kg/", path);
}

class KgCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph::GraphServerOptions graph_options;
    graph_options.db_path = TmpDir() + "/graph";
    // Small, so that a plain '?s ?p ?o' is cut (TruncatedAnswerSaysSo).
    graph_options.limits.default_row_limit = 50;
    auto graph_server = graph::GraphServer::Start(graph_options);
    ASSERT_TRUE(graph_server.ok()) << graph_server.status();
    graph_ = graph_server->release();
    extractor::ExtractorServerOptions extractor_options;
    extractor_options.extractor.data_dir = Runfile("extractor_service/data");
    extractor_options.graph_address = absl::StrCat("127.0.0.1:", graph_->port());
    auto extractor_server = extractor::ExtractorServer::Start(extractor_options);
    ASSERT_TRUE(extractor_server.ok()) << extractor_server.status();
    extractor_ = extractor_server->release();
    kg_ = new KgRunner(
        Runfile("clients/cli/kg"),
        {absl::StrCat("KG_GRAPH_ADDR=127.0.0.1:", graph_->port()),
         absl::StrCat("KG_EXTRACTOR_ADDR=127.0.0.1:", extractor_->port()),
         "HOME=" + TmpDir()},
        TmpDir());
    const KgResult ingest = kg_->Run({"ingest", Runfile("examples/documents")});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }

  static void TearDownTestSuite() {
    delete kg_;
    extractor_->Shutdown(absl::Seconds(1));
    delete extractor_;
    graph_->Shutdown(absl::Seconds(1));
    delete graph_;
  }

  static KgResult Kg(const std::vector<std::string>& args,
                     const std::string& stdin_text = "") {
    return kg_->Run(args, stdin_text);
  }

  static graph::GraphServer* graph_;
  static extractor::ExtractorServer* extractor_;
  static KgRunner* kg_;
};

graph::GraphServer* KgCliTest::graph_ = nullptr;
extractor::ExtractorServer* KgCliTest::extractor_ = nullptr;
KgRunner* KgCliTest::kg_ = nullptr;

TEST_F(KgCliTest, HelpForEveryCommand) {
  for (const char* command : {"ingest", "extract", "query", "entity", "path",
                              "explain", "docs", "delete", "stats", "health",
                              "viz", "export", "import", "shell"}) {
    const KgResult help = Kg({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_THAT(help.out, StartsWith(absl::StrCat("usage: kg ", command)));
  }
  const KgResult general = Kg({"--help"});
  EXPECT_EQ(general.exit_code, 0);
  EXPECT_THAT(general.out, HasSubstr("viz"));
  const KgResult bad = Kg({"path", "only-one"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("kg path takes 2 arguments"));
}

TEST_F(KgCliTest, IngestReportsPerFileErrorsAndKeepsGoing) {
  const std::string dir = TmpDir() + "/more";
  std::filesystem::create_directories(dir + "/nested");
  std::ofstream(dir + "/nested/vale_note.md")
      << "Vale Constabulary update\n\nInspector Mara Quill of the Vale "
         "Constabulary said the station would reopen on Monday.\n";
  std::ofstream(dir + "/broken.txt") << "bad \xff byte";
  std::ofstream(dir + "/ignored.pdf") << "not a document";
  const KgResult result = Kg({"ingest", dir, "/no/such/file.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("ingested 1 of 3 documents"));
  EXPECT_THAT(result.out, HasSubstr("2 errors"));
  EXPECT_THAT(result.err, HasSubstr("broken.txt: INVALID_ARGUMENT"));
  EXPECT_THAT(result.err, HasSubstr("/no/such/file.txt: no such file"));
  // Not a terminal: a summary, no progress bar.
  EXPECT_THAT(result.err, Not(HasSubstr("docs/s")));
}

TEST_F(KgCliTest, IngestFromStdinAndReingestIsUnchanged) {
  const std::string text =
      "Harbour Watch launch\n\nSergeant Ivo Brandt of the Harbour Unit "
      "said patrols would double.\n";
  KgResult result = Kg({"ingest", "--id=harbour_note", "-"}, text);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  result = Kg({"ingest", "--id=harbour_note", "-"}, text);
  EXPECT_THAT(result.out, HasSubstr("1 unchanged"));
  EXPECT_THAT(Kg({"docs"}).out, HasSubstr("harbour_note"));
}

TEST_F(KgCliTest, QueryFormats) {
  const std::string query = "?p leads ?op . ?op type Operation";
  KgResult table = Kg({"query", query});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, StartsWith("?p "));
  EXPECT_THAT(table.out, HasSubstr("Priya Nandakumar  Operation Larkspur"));
  EXPECT_THAT(Kg({"query", "--format=csv", query}).out, StartsWith("p,op\r\n"));
  EXPECT_THAT(Kg({"query", "--format", "tsv", query}).out, StartsWith("p\top\n"));
  EXPECT_THAT(Kg({"query", "--format=json", query}).out, StartsWith("[{\"p\":"));
  EXPECT_THAT(Kg({"query", "--json", query}).out, StartsWith("{\"p\":"));
  const KgResult why = Kg({"query", "--why", "?p leads <Operation Halyard>"});
  EXPECT_THAT(why.out, HasSubstr("who leads Operations Larkspur and Halyard"));
  const std::string file = TmpDir() + "/q.kgq";
  std::ofstream(file) << "# commanders\n?p has_role \"Commander\"\n";
  EXPECT_THAT(Kg({"query", "-f", file}).out, HasSubstr("Priya Nandakumar"));
}

TEST_F(KgCliTest, QueryErrorsPointAtTheColumn) {
  const KgResult result = Kg({"query", "?p has_role"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("line 1, column 12"));
  EXPECT_THAT(result.err, HasSubstr("  ?p has_role\n             ^\n"));
  EXPECT_EQ(Kg({"query", "--format=xml", "?a b ?c"}).exit_code, 2);
}

TEST_F(KgCliTest, QueryExplainShowsThePlan) {
  const KgResult result =
      Kg({"query", "--explain", "?p leads ?op . ?op type Operation"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("index"));
  EXPECT_THAT(result.out, HasSubstr("?p leads ?op"));
}

// Cut by the server's default row limit: the rows shown, then a line on
// stderr saying so; --strict makes it exit status 3; LIMIT in the query
// reaches past the default.
TEST_F(KgCliTest, TruncatedAnswerSaysSo) {
  const KgResult cut = Kg({"query", "--format=tsv", "?s ?p ?o"});
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_EQ(std::count(cut.out.begin(), cut.out.end(), '\n'), 51);  // + header
  EXPECT_THAT(cut.err, HasSubstr("cut at the server's row limit after 50 rows"));
  EXPECT_EQ(Kg({"query", "--strict", "?s ?p ?o"}).exit_code, 3);
  const KgResult more = Kg({"query", "--format=tsv", "?s ?p ?o LIMIT 60"});
  EXPECT_EQ(more.exit_code, 0) << more.err;
  EXPECT_EQ(std::count(more.out.begin(), more.out.end(), '\n'), 61);
  EXPECT_THAT(more.err, Not(HasSubstr("row limit")));
  const KgResult flag = Kg({"query", "--format=tsv", "--limit=70", "?s ?p ?o"});
  EXPECT_EQ(std::count(flag.out.begin(), flag.out.end(), '\n'), 71);
  EXPECT_THAT(flag.err, Not(HasSubstr("row limit")));
}

// A predicate no fact uses gives no rows: a note names it and the closest
// predicates (the query itself is valid, so the exit status stays 0).
TEST_F(KgCliTest, EmptyAnswerNamesAnUnknownPredicate) {
  const KgResult typo = Kg({"query", "?p lead ?op"});
  EXPECT_EQ(typo.exit_code, 0) << typo.err;
  EXPECT_THAT(typo.err, HasSubstr("kg: note: no facts use predicate 'lead' "
                                  "(did you mean leads?)"));
  const KgResult fine = Kg({"query", "?p leads ?op"});
  EXPECT_THAT(fine.err, Not(HasSubstr("note:")));
  const KgResult command = Kg({"qurey", "?p leads ?op"});
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_THAT(command.err, HasSubstr("did you mean kg query?"));
}

TEST_F(KgCliTest, EntityGroupsAndSuggests) {
  const KgResult entity = Kg({"entity", "Priya Nandakumar"});
  EXPECT_EQ(entity.exit_code, 0) << entity.err;
  EXPECT_THAT(entity.out, HasSubstr("  class:   Person"));
  EXPECT_THAT(entity.out, HasSubstr("  aliases: "));
  EXPECT_THAT(entity.out, HasSubstr("  leads\n"));
  EXPECT_THAT(entity.out, HasSubstr("\n    Operation Larkspur\n"));
  EXPECT_THAT(entity.out, HasSubstr("\xE2\x86\xB3 [gmp_knife_crime_crackdown]"));
  const KgResult unknown = Kg({"entity", "Priya Nandakumr"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("NOT_FOUND: no entity named 'Priya Nandakumr'"));
  EXPECT_THAT(unknown.err, HasSubstr("did you mean: Priya Nandakumar"));
}

TEST_F(KgCliTest, PathOneLinePerHop) {
  const KgResult result = Kg({"path", "Sam Okafor", "knife crime"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, StartsWith("1. "));
  EXPECT_THAT(result.out, HasSubstr("\xE2\x86\xB3 ["));
  const KgResult unknown = Kg({"path", "Sam Okafr", "knife crime"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("did you mean: Sam Okafor"));
}

TEST_F(KgCliTest, ExplainPrintsTheTree) {
  const KgResult result =
      Kg({"explain", "<Priya Nandakumar> leads <Operation Halyard>"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, StartsWith("<Priya Nandakumar> leads <Operation Halyard>\n"));
  EXPECT_THAT(result.out, HasSubstr("[gmp_knife_crime_crackdown]"));
  EXPECT_EQ(Kg({"explain", "<Priya> leads"}).exit_code, 2);
}

TEST_F(KgCliTest, StatsHealthDocs) {
  EXPECT_THAT(Kg({"stats"}).out, HasSubstr("documents "));
  const KgResult health = Kg({"health"});
  EXPECT_EQ(health.exit_code, 0);
  EXPECT_THAT(health.out, HasSubstr("graph service at 127.0.0.1:"));
  EXPECT_THAT(health.out, HasSubstr(": SERVING"));
  EXPECT_THAT(Kg({"docs"}).out, HasSubstr("gmp_knife_crime_crackdown"));
}

TEST_F(KgCliTest, VizWritesDotAndPictures) {
  const KgResult dot = Kg({"viz", "Priya Nandakumar", "--hops=2", "-o", "-"});
  EXPECT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_THAT(dot.out, StartsWith("digraph kg {"));
  EXPECT_THAT(dot.out, HasSubstr("\"Priya Nandakumar\" [shape=ellipse"));
  EXPECT_THAT(dot.out, HasSubstr("[label=\"leads\"]"));
  EXPECT_EQ(Kg({"viz", "Priya Nandakumar", "-o", "x.gif"}).exit_code, 2);
  if (system("command -v dot >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "Graphviz dot is not installed";
  }
  const std::string svg = TmpDir() + "/priya.svg";
  const KgResult picture = Kg({"viz", "Priya Nandakumar", "-o", svg});
  EXPECT_EQ(picture.exit_code, 0) << picture.err;
  std::ifstream file(svg);
  std::string head((std::istreambuf_iterator<char>(file)), {});
  EXPECT_THAT(head, HasSubstr("<svg"));
}

TEST_F(KgCliTest, ExportAndImportRoundTrip) {
  const KgResult nt = Kg({"export"});
  EXPECT_EQ(nt.exit_code, 0) << nt.err;
  EXPECT_THAT(nt.out, HasSubstr("<urn:kg:entity:"));
  const KgResult graphml = Kg({"export", "--format=graphml"});
  EXPECT_EQ(graphml.exit_code, 0) << graphml.err;
  EXPECT_THAT(graphml.out, HasSubstr("<graphml"));
  EXPECT_THAT(graphml.out, HasSubstr("Priya Nandakumar"));
  const std::string file = TmpDir() + "/all.jsonl";
  EXPECT_EQ(Kg({"export", "--format=jsonl", "-o", file}).exit_code, 0);
  const KgResult imported = Kg({"import", file});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr(" 0 new"));  // everything was there
}

TEST_F(KgCliTest, DeleteRetracts) {
  const std::string text =
      "Tidewater note\n\nDetective Inspector Nell Ashdown, who leads "
      "Operation Tidewater, said arrests were expected.\n";
  ASSERT_EQ(Kg({"ingest", "--id=tidewater", "-"}, text).exit_code, 0);
  const KgResult result = Kg({"delete", "tidewater"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("deleted tidewater"));
  EXPECT_THAT(Kg({"delete", "tidewater"}).err, HasSubstr("NOT_FOUND"));
}

TEST_F(KgCliTest, ShellRunsCommandsFromInput) {
  const KgResult result = Kg(
      {"shell"},
      "stats\nquery ?p has_role \"Commander\"\nentity 'Priya Nandakumar'\n"
      "query ?p has_role\nexit\n");
  EXPECT_EQ(result.exit_code, 1);  // the last command failed
  EXPECT_THAT(result.out, HasSubstr("facts "));
  EXPECT_THAT(result.out, HasSubstr("Priya Nandakumar\n  class:"));
  EXPECT_THAT(result.err, HasSubstr("line 1, column 12"));
}

TEST_F(KgCliTest, ClearErrors) {
  const KgResult down = Kg({"--graph_addr=127.0.0.1:1", "--timeout=2s", "stats"});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_THAT(down.err, HasSubstr("cannot reach the graph service at 127.0.0.1:1"));
  EXPECT_EQ(Kg({"--timeout=soon", "stats"}).exit_code, 2);
  EXPECT_THAT(Kg({"frobnicate"}).err, HasSubstr("unknown command 'frobnicate'"));
}

}  // namespace
}  // namespace kg::testing
