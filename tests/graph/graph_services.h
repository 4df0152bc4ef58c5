// Test fixture support for the graph service's RPCs: a real graph server
// (RocksDB under $TEST_TMPDIR, the shipped default.rules) and an extractor
// forwarding to it, both on loopback port 0, with stubs and small helpers.
#ifndef KG_TESTS_GRAPH_GRAPH_SERVICES_H_
#define KG_TESTS_GRAPH_GRAPH_SERVICES_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "extractor_service/server.h"
#include "graph_service/server.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::testing {

// Runfiles path of a workspace file, e.g. "graph_service/rules/default.rules".
std::string Runfile(const std::string& workspace_relative);

class GraphServices {
 public:
  // Starts both servers; the store lives in $TEST_TMPDIR/`name`. Queries
  // whose caller sets no deadline may run for `query_timeout`. The graph
  // loads the shipped schema of single-valued predicates unless
  // `with_schema` is false.
  static absl::StatusOr<std::unique_ptr<GraphServices>> Start(
      const std::string& name,
      absl::Duration query_timeout = absl::Seconds(30),
      bool with_schema = true);

  kg::v1::GraphService::Stub& graph() { return *graph_stub_; }

  // Extracts `text` as document `id` (published on `published`, when set)
  // and stores it through the extractor.
  absl::Status IngestText(const std::string& id, const std::string& text,
                          const std::string& published = "");
  // Sends one Ingest batch straight to the graph.
  absl::StatusOr<kg::v1::IngestResponse> IngestBatch(
      const kg::v1::IngestRequest& request);
  // Query rows as "a | b" lexical strings, sorted.
  absl::StatusOr<std::vector<std::string>> QueryStrings(const std::string& q);
  // The whole store in `format`.
  absl::StatusOr<std::string> Export(kg::v1::ExportFormat format);
  absl::StatusOr<kg::v1::Derivation> Explain(const kg::v1::Triple& fact);

 private:
  std::unique_ptr<graph::GraphServer> graph_;
  std::unique_ptr<extractor::ExtractorServer> extractor_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_stub_;
  std::unique_ptr<kg::v1::ExtractorService::Stub> extractor_stub_;
};

// An entity-valued triple.
kg::v1::Triple EntityTriple(const std::string& s, const std::string& p,
                            const std::string& o);

// The tree as indented text: one line per fact, then one per evidence
// record ("[document] sentence" or "rule R, confidence C").
std::string FormatDerivation(const kg::v1::Derivation& node, int indent = 0);

}  // namespace kg::testing

#endif  // KG_TESTS_GRAPH_GRAPH_SERVICES_H_
