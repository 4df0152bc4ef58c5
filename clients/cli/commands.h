// The `kg` subcommands, as functions over an environment so that tests can
// run them in-process against real servers. Each returns the process exit
// code: 0 success, 1 a request (or, for ingest, any document) failed, 2 bad
// usage. Messages for people go to env.err, results to env.out.
#ifndef KG_CLIENTS_CLI_COMMANDS_H_
#define KG_CLIENTS_CLI_COMMANDS_H_

#include <istream>
#include <ostream>
#include <string>

#include "absl/time/time.h"
#include "clients/cli/args.h"

namespace kg::cli {

struct CliEnv {
  std::string graph_address = "127.0.0.1:50051";
  std::string extractor_address = "127.0.0.1:50052";
  // Deadline of each RPC (of the whole stream for streaming calls).
  absl::Duration timeout = absl::Seconds(30);
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  // Standard input, for `-` arguments and the shell.
  std::istream* in = nullptr;
  // env.err is a terminal: draw progress bars there.
  bool err_is_terminal = false;
  int terminal_width = 80;
};

// Runs `args.command` (already parsed; `args.help` prints its help).
int RunCommand(const CliEnv& env, const ParsedArgs& args);

int RunIngest(const CliEnv& env, const ParsedArgs& args);
int RunExtract(const CliEnv& env, const ParsedArgs& args);
int RunQuery(const CliEnv& env, const ParsedArgs& args);
int RunExplain(const CliEnv& env, const ParsedArgs& args);
int RunEntity(const CliEnv& env, const ParsedArgs& args);
int RunPath(const CliEnv& env, const ParsedArgs& args);
int RunTimeline(const CliEnv& env, const ParsedArgs& args);
int RunConflicts(const CliEnv& env, const ParsedArgs& args);
int RunDocs(const CliEnv& env, const ParsedArgs& args);
int RunDelete(const CliEnv& env, const ParsedArgs& args);
int RunStats(const CliEnv& env, const ParsedArgs& args);
int RunHealth(const CliEnv& env, const ParsedArgs& args);
int RunViz(const CliEnv& env, const ParsedArgs& args);
int RunExport(const CliEnv& env, const ParsedArgs& args);
int RunImport(const CliEnv& env, const ParsedArgs& args);
// Reads commands from env.in (with line editing and history in
// ~/.kg_history when standard input is a terminal) until `exit` or EOF.
int RunShell(const CliEnv& env, const ParsedArgs& args);

// "readable-name" for a path: its file name without the extension.
std::string DocumentIdForPath(const std::string& path);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_COMMANDS_H_
