// The `kg` subcommands, as functions over an environment so that tests can
// run them in-process against real servers. Each returns the process exit
// code: 0 success, 1 a request failed, 2 bad usage.
#ifndef KG_CLIENTS_CLI_COMMANDS_H_
#define KG_CLIENTS_CLI_COMMANDS_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace kg::cli {

struct CliEnv {
  std::string graph_address = "127.0.0.1:50051";
  std::string extractor_address = "127.0.0.1:50052";
  // Deadline of each RPC.
  absl::Duration timeout = absl::Seconds(30);
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

enum class OutputFormat { kTable, kJson };

struct QueryFlags {
  OutputFormat format = OutputFormat::kTable;
  // Show the sentences behind every row.
  bool why = false;
  uint32_t limit = 0;
};

// Sends each file through the extractor, which stores its facts in the
// graph. The document id is the file name without its extension. Failures
// are reported per file; the others still go.
int RunIngest(const CliEnv& env, const std::vector<std::string>& paths);

// Prints the facts of each file as JSON lines without storing them:
// {"doc","s","p","o","o_is_entity","evidence","begin","end","rule","confidence"}
int RunExtract(const CliEnv& env, const std::vector<std::string>& paths);

int RunQuery(const CliEnv& env, const std::string& query,
             const QueryFlags& flags);

// Every fact about the entity, grouped by predicate, with sources.
int RunEntity(const CliEnv& env, const std::string& name);

int RunStats(const CliEnv& env);

int RunDelete(const CliEnv& env, const std::string& document_id);

// "readable-name" for a path: its file name without the extension.
std::string DocumentIdForPath(const std::string& path);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_COMMANDS_H_
