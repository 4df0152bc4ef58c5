// Hostile and broken input against both real servers: every case ends in a
// precise status and message, none in a crash, and the servers keep
// answering. Prints the table `input -> status` (docs/bad_input.md).
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "common/grpc_status.h"
#include "extractor_service/server.h"
#include "graph_service/server.h"
#include "grpcpp/client_context.h"
#include "grpcpp/create_channel.h"
#include "gtest/gtest.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg {
namespace {

constexpr size_t kMaxDocumentBytes = 1 << 20;      // Extractor limit.
constexpr int kGraphMaxMessageBytes = 4 << 20;     // Graph gRPC limit.

struct Case {
  std::string input;
  grpc::StatusCode expected;
  // Must appear in the status message ("" for OK).
  std::string message;
  std::function<grpc::Status()> run;
};

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph::GraphServerOptions graph_options;
    graph_options.db_path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/graph");
    graph_options.grpc.max_receive_message_bytes = kGraphMaxMessageBytes;
    graph_options.limits.default_query_timeout = absl::Seconds(5);
    auto graph = graph::GraphServer::Start(graph_options);
    ASSERT_TRUE(graph.ok()) << graph.status();
    graph_ = graph->release();

    extractor::ExtractorServerOptions extractor_options;
    extractor_options.extractor.data_dir = "extractor_service/data";
    extractor_options.extractor.max_document_bytes = kMaxDocumentBytes;
    extractor_options.grpc.max_receive_message_bytes = 2 * kMaxDocumentBytes;
    extractor_options.graph_address =
        absl::StrCat("127.0.0.1:", graph_->port());
    auto extractor = extractor::ExtractorServer::Start(extractor_options);
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    delete graph_;
  }

  static std::shared_ptr<grpc::Channel> Channel(int port) {
    grpc::ChannelArguments arguments;
    arguments.SetMaxSendMessageSize(-1);
    arguments.SetMaxReceiveMessageSize(-1);
    return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port),
                                     grpc::InsecureChannelCredentials(),
                                     arguments);
  }
  static std::unique_ptr<v1::GraphService::Stub> Graph() {
    return v1::GraphService::NewStub(Channel(graph_->port()));
  }
  static std::unique_ptr<v1::ExtractorService::Stub> Extractor() {
    return v1::ExtractorService::NewStub(Channel(extractor_->port()));
  }

  static graph::GraphServer* graph_;
  static extractor::ExtractorServer* extractor_;
};

graph::GraphServer* BadInputTest::graph_ = nullptr;
extractor::ExtractorServer* BadInputTest::extractor_ = nullptr;

void SetDeadline(grpc::ClientContext& context, absl::Duration timeout) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

grpc::Status ExtractText(v1::ExtractorService::Stub& stub,
                         const std::string& text, bool forward,
                         int* facts = nullptr) {
  grpc::ClientContext context;
  SetDeadline(context, absl::Seconds(60));
  v1::ExtractRequest request;
  request.mutable_document()->set_id("bad-input");
  request.mutable_document()->set_text(text);
  request.set_forward(forward);
  v1::ExtractResponse response;
  grpc::Status status = stub.Extract(&context, request, &response);
  if (facts != nullptr) *facts = response.facts_size();
  return status;
}

grpc::Status RunQuery(v1::GraphService::Stub& stub, const std::string& query,
                      absl::Duration timeout = absl::Seconds(20),
                      int* rows = nullptr) {
  grpc::ClientContext context;
  SetDeadline(context, timeout);
  v1::QueryRequest request;
  request.set_query(query);
  auto reader = stub.Query(&context, request);
  v1::QueryRow row;
  int count = 0;
  while (reader->Read(&row)) ++count;
  if (rows != nullptr) *rows = count;
  return reader->Finish();
}

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// "Operations Alder 1, Alder 2, ... and Alder N were led by ...": one
// sentence naming N operations.
std::string LongListSentence(int n) {
  std::vector<std::string> names;
  for (int i = 1; i < n; ++i) names.push_back(absl::StrCat("Kestrel ", i));
  return absl::StrCat("Operations ", absl::StrJoin(names, ", "), " and Kestrel ",
                      n, " were led by Chief Inspector Wren Hollis of "
                      "Northshire Police.");
}

// Facts about `n` officers of `units` units: a store large enough for
// cartesian products to hurt.
grpc::Status IngestFacts(v1::GraphService::Stub& stub, int n, int units) {
  grpc::ClientContext context;
  SetDeadline(context, absl::Seconds(60));
  auto stream = stub.Ingest(&context);
  v1::IngestRequest request;
  for (int i = 0; i < n; ++i) {
    v1::Fact* fact = request.add_facts();
    fact->set_subject(absl::StrCat("Officer ", i));
    fact->set_predicate("member_of");
    fact->mutable_value()->set_entity(absl::StrCat("Unit ", i % units));
    v1::Evidence* evidence = fact->add_evidence();
    evidence->set_document_id("bulk");
    evidence->set_sentence("Officers joined units.");
    evidence->set_end(22);
    evidence->set_byte_end(22);
    evidence->set_rule("test");
    evidence->set_confidence(1.0);
  }
  stream->Write(request);
  stream->WritesDone();
  v1::IngestResponse response;
  stream->Read(&response);
  return stream->Finish();
}

std::string NestedFilter(int depth) {
  return "?a member_of ?b FILTER(" + Repeat("(", depth) + "?a = ?b" +
         Repeat(")", depth) + ")";
}

std::string Row(const std::string& input, const grpc::Status& status) {
  std::string message = status.error_message().substr(0, 90);
  for (char& c : message) {
    if (c == '\n' || c == '|') c = ' ';
  }
  return absl::StrCat("| ", input, " | ", GrpcCodeName(status.error_code()),
                      " | ", message, " |");
}

TEST_F(BadInputTest, EveryCaseEndsInAPreciseStatus) {
  auto graph = Graph();
  auto extractor = Extractor();
  ASSERT_TRUE(IngestFacts(*graph, 3000, 3).ok());
  int facts = 0;
  int long_facts = 0;
  const std::vector<Case> cases = {
      {"Extract: invalid UTF-8 (0xFF inside a sentence)",
       grpc::StatusCode::INVALID_ARGUMENT, "UTF-8",
       [&] { return ExtractText(*extractor, "Officers arrested \xff a man.", false); }},
      {"Extract: truncated UTF-8 sequence at the end",
       grpc::StatusCode::INVALID_ARGUMENT, "UTF-8",
       [&] { return ExtractText(*extractor, "Police said \xe2\x80", false); }},
      {"Extract: empty document", grpc::StatusCode::INVALID_ARGUMENT,
       "document text is empty",
       [&] { return ExtractText(*extractor, "", false, &facts); }},
      {"Extract: 1.5 MB document (limit 1 MiB)",
       grpc::StatusCode::INVALID_ARGUMENT, "",
       [&] { return ExtractText(*extractor, std::string(1500000, 'a'), false); }},
      {"Extract: 100 MB document (over the gRPC message limit)",
       grpc::StatusCode::RESOURCE_EXHAUSTED, "",
       [&] { return ExtractText(*extractor, std::string(100 << 20, 'a'), false); }},
      {"Extract: binary data (NULs, control bytes, 0x80-0xFF)",
       grpc::StatusCode::INVALID_ARGUMENT, "UTF-8", [&] {
         std::string binary;
         for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 37));
         return ExtractText(*extractor, binary, false);
       }},
      {"Extract: NUL bytes in valid UTF-8 text", grpc::StatusCode::OK, "",
       [&] { return ExtractText(*extractor, std::string("Police\0said\0.", 13), false); }},
      {"Extract+forward: one sentence naming 10,000 operations",
       grpc::StatusCode::OK, "",
       [&] {
         return ExtractText(*extractor, LongListSentence(10000), true,
                            &long_facts);
       }},
      {"Extract: one 200 kB 'sentence' without punctuation",
       grpc::StatusCode::OK, "",
       [&] { return ExtractText(*extractor, Repeat("word ", 40000), false); }},
      {"Extract: document missing", grpc::StatusCode::INVALID_ARGUMENT,
       "document is missing", [&] {
         grpc::ClientContext context;
         v1::ExtractResponse response;
         return extractor->Extract(&context, v1::ExtractRequest(), &response);
       }},
      {"Query: malformed ('?x member_of')",
       grpc::StatusCode::INVALID_ARGUMENT, "",
       [&] { return RunQuery(*graph, "?x member_of"); }},
      {"Query: unterminated string", grpc::StatusCode::INVALID_ARGUMENT, "",
       [&] { return RunQuery(*graph, "?x has_role \"Commander"); }},
      {"Query: 10,000 nested braces", grpc::StatusCode::INVALID_ARGUMENT,
       "line 1",
       [&] { return RunQuery(*graph, Repeat("{", 10000) + "?a ?b ?c" + Repeat("}", 10000)); }},
      {"Query: 30 nested parentheses in a FILTER", grpc::StatusCode::OK, "",
       [&] { return RunQuery(*graph, NestedFilter(30)); }},
      {"Query: 100 nested parentheses in a FILTER (cap 64)",
       grpc::StatusCode::INVALID_ARGUMENT, "nested deeper than 64",
       [&] { return RunQuery(*graph, NestedFilter(100)); }},
      {"Query: 100 kB query (limit 64 KiB)", grpc::StatusCode::INVALID_ARGUMENT,
       "", [&] { return RunQuery(*graph, "?x member_of ?y . " + Repeat(" ", 100000)); }},
      {"Query: cartesian product of 3 x 3000 facts, counted (5 s server "
       "timeout)",
       grpc::StatusCode::DEADLINE_EXCEEDED,
       "query deadline exceeded: the server's --query_timeout (5s) ended it",
       [&] {
         return RunQuery(*graph,
                         "SELECT (COUNT(*) AS ?n) WHERE { ?a member_of ?b . "
                         "?c member_of ?d . ?e member_of ?f }");
       }},
      {"Query: cartesian product with a 300 ms deadline",
       grpc::StatusCode::DEADLINE_EXCEEDED, "", [&] {
         return RunQuery(*graph,
                         "SELECT (COUNT(*) AS ?n) WHERE { ?a member_of ?b . "
                         "?c member_of ?d }",
                         absl::Milliseconds(300));
       }},
      {"Query: cartesian product, rows (stops at the row limit)",
       grpc::StatusCode::OK, "",
       [&] { return RunQuery(*graph, "?a member_of ?b . ?c member_of ?d"); }},
      {"Query: unknown predicate", grpc::StatusCode::OK, "",
       [&] { return RunQuery(*graph, "?x flies_to ?y"); }},
      {"Query: unknown entity", grpc::StatusCode::OK, "",
       [&] { return RunQuery(*graph, "<Nobody Atall> ?p ?v"); }},
      {"GetEntity: unknown entity", grpc::StatusCode::NOT_FOUND, "Nobody", [&] {
         grpc::ClientContext context;
         v1::GetEntityRequest request;
         request.set_name("Nobody Atall");
         v1::GetEntityResponse response;
         return graph->GetEntity(&context, request, &response);
       }},
      {"FindPath: max_hops 1,000,000 between unconnected entities",
       grpc::StatusCode::INVALID_ARGUMENT, "above the server's cap", [&] {
         grpc::ClientContext context;
         SetDeadline(context, absl::Seconds(20));
         v1::FindPathRequest request;
         request.set_from("Officer 1");
         request.set_to("Nobody Atall");
         request.set_max_hops(1000000);
         v1::FindPathResponse response;
         return graph->FindPath(&context, request, &response);
       }},
      {"GetNeighbourhood: 1,000 hops", grpc::StatusCode::INVALID_ARGUMENT,
       "above the server's cap", [&] {
         grpc::ClientContext context;
         SetDeadline(context, absl::Seconds(20));
         v1::GetNeighbourhoodRequest request;
         request.set_name("Unit 1");
         request.set_hops(1000);
         v1::GetNeighbourhoodResponse response;
         return graph->GetNeighbourhood(&context, request, &response);
       }},
      {"Ingest: 5 MB message (graph limit 4 MiB)",
       grpc::StatusCode::RESOURCE_EXHAUSTED, "", [&] {
         grpc::ClientContext context;
         SetDeadline(context, absl::Seconds(20));
         auto stream = graph->Ingest(&context);
         v1::IngestRequest request;
         v1::Fact* fact = request.add_facts();
         fact->set_subject(std::string(5 << 20, 'x'));
         stream->Write(request);
         stream->WritesDone();
         v1::IngestResponse response;
         stream->Read(&response);
         return stream->Finish();
       }},
      {"Ingest: fact without evidence", grpc::StatusCode::INVALID_ARGUMENT, "",
       [&] {
         grpc::ClientContext context;
         auto stream = graph->Ingest(&context);
         v1::IngestRequest request;
         v1::Fact* fact = request.add_facts();
         fact->set_subject("A");
         fact->set_predicate("member_of");
         fact->mutable_value()->set_entity("B");
         stream->Write(request);
         stream->WritesDone();
         v1::IngestResponse response;
         stream->Read(&response);
         return stream->Finish();
       }},
      {"Query: client cancels after the first row", grpc::StatusCode::CANCELLED,
       "", [&] {
         grpc::ClientContext context;
         v1::QueryRequest request;
         request.set_query("?a member_of ?b . ?c member_of ?d");
         auto reader = graph->Query(&context, request);
         v1::QueryRow row;
         reader->Read(&row);
         context.TryCancel();
         while (reader->Read(&row)) {
         }
         return reader->Finish();
       }},
      {"Ingest: client cancels mid-stream", grpc::StatusCode::CANCELLED, "",
       [&] {
         grpc::ClientContext context;
         auto stream = graph->Ingest(&context);
         v1::IngestRequest request;
         request.set_document_id("half");
         stream->Write(request);
         context.TryCancel();
         return stream->Finish();
       }},
  };
  std::vector<std::string> table = {"| input | status | message |",
                                    "|---|---|---|"};
  for (const Case& c : cases) {
    const grpc::Status status = c.run();
    table.push_back(Row(c.input, status));
    EXPECT_EQ(status.error_code(), c.expected)
        << c.input << ": " << status.error_message();
    if (!c.message.empty()) {
      EXPECT_NE(status.error_message().find(c.message), std::string::npos)
          << c.input << ": " << status.error_message();
    }
    // The server is still there and answering.
    grpc::ClientContext context;
    v1::GetStatsResponse stats;
    ASSERT_TRUE(graph->GetStats(&context, {}, &stats).ok()) << c.input;
  }
  std::printf("%s\n", absl::StrJoin(table, "\n").c_str());
  std::printf("facts from the 10,000-operation sentence: %d\n", long_facts);
  // The ingest cancelled mid-stream wrote nothing.
  grpc::ClientContext context;
  v1::ListDocumentsResponse documents;
  ASSERT_TRUE(graph->ListDocuments(&context, {}, &documents).ok());
  for (const auto& document : documents.documents()) {
    EXPECT_NE(document.document_id(), "half");
  }
}

// The FILTER expression parser recurses once per parenthesis without a
// depth limit: 10,000 levels overflow the stack of a gRPC thread and kill
// the server (found by this suite). Enable once the parser refuses deep
// nesting with INVALID_ARGUMENT.
TEST_F(BadInputTest, DeeplyNestedFilterIsRefused) {
  auto graph = Graph();
  const grpc::Status status = RunQuery(*graph, NestedFilter(10000));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << status.error_message();
}

}  // namespace
}  // namespace kg
