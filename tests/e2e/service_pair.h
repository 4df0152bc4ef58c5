// Test fixture support: both real servers on free loopback ports, the graph
// on a fresh RocksDB directory under $TEST_TMPDIR, and stubs to talk to them.
#ifndef KG_TESTS_E2E_SERVICE_PAIR_H_
#define KG_TESTS_E2E_SERVICE_PAIR_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "extractor_service/server.h"
#include "graph_service/server.h"
#include "kg/v1/extractor.grpc.pb.h"
#include "kg/v1/graph.grpc.pb.h"

namespace kg::testing {

// Runfiles path of a file in this workspace, e.g. "examples/documents".
std::string RunfilePath(const std::string& workspace_relative);

// The contents of a file; fails the test (ADD_FAILURE) and returns "" if
// unreadable.
std::string ReadFileOrDie(const std::string& path);

class ServicePair {
 public:
  // Starts the graph (store in a new directory `name` under $TEST_TMPDIR,
  // with the shipped default rules) and an extractor forwarding to it.
  static absl::StatusOr<std::unique_ptr<ServicePair>> Start(
      const std::string& name);

  std::string graph_address() const;
  std::string extractor_address() const;

  kg::v1::GraphService::Stub& graph() { return *graph_stub_; }
  kg::v1::ExtractorService::Stub& extractor() { return *extractor_stub_; }

  // Extracts and stores one document through the extractor.
  absl::StatusOr<kg::v1::ExtractResponse> Ingest(const std::string& id,
                                                 const std::string& text);

  // Runs a query and returns its rows (with evidence).
  absl::StatusOr<std::vector<kg::v1::QueryRow>> Query(const std::string& query);

  // Rows as "a | b" strings of their values' lexical forms, sorted.
  absl::StatusOr<std::vector<std::string>> QueryStrings(
      const std::string& query);

 private:
  std::unique_ptr<graph::GraphServer> graph_;
  std::unique_ptr<extractor::ExtractorServer> extractor_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_stub_;
  std::unique_ptr<kg::v1::ExtractorService::Stub> extractor_stub_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_E2E_SERVICE_PAIR_H_
