// extractor_server: serves kg.v1.ExtractorService.
//
//   extractor_server --port=50052 --graph_address=127.0.0.1:50051
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/time/time.h"
#include "extractor_service/pipeline/data_dir.h"
#include "extractor_service/server.h"
#include "common/flag_files.h"
#include "common/grpc_server.h"
#include "common/malloc_tuning.h"
#include "common/version.h"
#include "common/security/graph_client_flags.h"
#include "common/security/server_flags.h"

ABSL_FLAG(std::string, host, "127.0.0.1", "Interface to listen on.");
ABSL_FLAG(int, port, 50052, "Port to listen on; 0 picks a free one.");
ABSL_FLAG(std::string, graph_address, "",
          "host:port of the graph service; empty disables forwarding.");
ABSL_FLAG(std::string, data_dir, "",
          "Gazetteer folder; defaults to the one shipped with the binary.");
ABSL_FLAG(std::string, rules, "",
          "Relation rules file; defaults to the relations.rules shipped with "
          "the binary (<data_dir>/../rules/relations.rules).");
ABSL_FLAG(int, max_document_mb, 16, "Largest document accepted, MiB.");
ABSL_FLAG(absl::Duration, forward_timeout, absl::Seconds(30),
          "Longest a forward to the graph may take, retries included.");
ABSL_FLAG(int, max_pending_forwards, 64,
          "Documents that may wait for the graph service at once; more are "
          "refused with RESOURCE_EXHAUSTED.");
ABSL_FLAG(int, max_response_mb, 64,
          "Largest answer (facts with evidence) Extract sends, MiB; a "
          "document whose facts come to more is refused with "
          "RESOURCE_EXHAUSTED.");
ABSL_FLAG(int, graph_max_message_mb, 64,
          "Largest message the graph accepts (its --max_message_mb); a "
          "document whose facts come to more is refused before forwarding.");
ABSL_FLAG(int, max_threads, 256,
          "Threads the server may run calls on; an open call holds one, and "
          "past the cap a new call gets RESOURCE_EXHAUSTED at once (0: no "
          "cap; else at least 4).");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "Time in-flight calls get to finish after SIGTERM.");

int main(int argc, char** argv) {
  kg::LimitMallocRetention();  // Before any thread starts.
  kg::BlockTerminationSignals();
  absl::SetProgramUsageMessage(
      "Extracts facts from documents (kg.v1.ExtractorService).");
  absl::FlagsUsageConfig usage;
  usage.version_string = [] {
    return std::string("extractor_server ") + kg::kVersion + "\n";
  };
  absl::SetFlagsUsageConfig(usage);
  absl::ParseCommandLine(argc, argv);

  std::vector<kg::FlagPath> paths = kg::security::SecurityFlagPaths();
  for (kg::FlagPath& p : kg::security::GraphClientFlagPaths()) {
    paths.push_back(std::move(p));
  }
  paths.push_back({"data_dir", absl::GetFlag(FLAGS_data_dir),
                   kg::FlagPath::Kind::kDirectory});
  paths.push_back({"rules", absl::GetFlag(FLAGS_rules)});
  if (absl::Status checked = kg::CheckFlagPaths(paths); !checked.ok()) {
    std::fprintf(stderr, "extractor_server: %s\n",
                 std::string(checked.message()).c_str());
    return kg::kExitUsage;
  }

  kg::extractor::ExtractorServerOptions options;
  options.grpc.host = absl::GetFlag(FLAGS_host);
  options.grpc.port = absl::GetFlag(FLAGS_port);
  options.grpc.max_threads = absl::GetFlag(FLAGS_max_threads);
  if (absl::Status threads = kg::CheckMaxThreads(options.grpc.max_threads);
      !threads.ok()) {
    std::fprintf(stderr, "extractor_server: %s\n", std::string(threads.message()).c_str());
    return kg::kExitUsage;
  }
  const size_t max_document_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_document_mb)) * 1024 * 1024;
  options.extractor.max_document_bytes = max_document_bytes;
  // Room for the document plus its envelope.
  options.grpc.max_receive_message_bytes =
      static_cast<int>(max_document_bytes + 1024 * 1024);
  options.extractor.data_dir = absl::GetFlag(FLAGS_data_dir);
  if (options.extractor.data_dir.empty()) {
    options.extractor.data_dir = kg::extractor::DefaultDataDir(argv[0]);
  }
  options.extractor.rules_file = absl::GetFlag(FLAGS_rules);
  options.graph_address = absl::GetFlag(FLAGS_graph_address);
  options.forward_timeout = absl::GetFlag(FLAGS_forward_timeout);
  options.max_pending_forwards =
      std::max(1, absl::GetFlag(FLAGS_max_pending_forwards));
  if (absl::GetFlag(FLAGS_max_response_mb) < 1 ||
      absl::GetFlag(FLAGS_graph_max_message_mb) < 1) {
    std::fprintf(stderr, "extractor_server: --max_response_mb and "
                         "--graph_max_message_mb must be at least 1\n");
    return kg::kExitUsage;
  }
  options.answer_limits.max_response_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_max_response_mb)) << 20;
  options.answer_limits.max_forward_bytes =
      static_cast<size_t>(absl::GetFlag(FLAGS_graph_max_message_mb)) << 20;
  if (absl::Status security = kg::security::ApplySecurityFlags(&options.grpc);
      !security.ok()) {
    std::fprintf(stderr, "extractor_server: %s\n",
                 std::string(security.message()).c_str());
    return kg::kExitUsage;
  }
  absl::StatusOr<kg::security::ClientSecurityOptions> graph_security =
      kg::security::GraphClientSecurityFromFlags();
  if (!graph_security.ok()) {
    std::fprintf(stderr, "extractor_server: %s\n",
                 std::string(graph_security.status().message()).c_str());
    return kg::kExitUsage;
  }
  options.graph_security = *std::move(graph_security);

  auto server = kg::extractor::ExtractorServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "extractor_server: %s\n",
                 server.status().ToString().c_str());
    return EXIT_FAILURE;
  }
  std::printf("extractor_server listening on %s:%d, forwarding to %s (%s)\n",
              options.grpc.host.c_str(), (*server)->port(),
              options.graph_address.empty() ? "(nowhere)"
                                            : options.graph_address.c_str(),
              kg::security::DescribeSecurity(options.grpc.security).c_str());
  std::fflush(stdout);
  const int signal_number = kg::WaitForTerminationSignal();
  std::printf("extractor_server: signal %d, shutting down\n", signal_number);
  std::fflush(stdout);
  (*server)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  return EXIT_SUCCESS;
}
