// kg: the knowledge graph from the command line. `kg help` lists commands.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "clients/cli/commands.h"

ABSL_FLAG(std::string, graph_addr, "",
          "Graph service host:port (default $KG_GRAPH_ADDR or 127.0.0.1:50051).");
ABSL_FLAG(std::string, extractor_addr, "",
          "Extractor service host:port (default $KG_EXTRACTOR_ADDR or "
          "127.0.0.1:50052).");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(30), "Deadline of each call.");
ABSL_FLAG(bool, json, false, "query: one JSON object per row.");
ABSL_FLAG(bool, why, false, "query: show the source sentences of every row.");
ABSL_FLAG(int, limit, 0, "query: at most this many rows (0: server default).");

namespace {

const std::map<std::string, std::string>& CommandHelp() {
  static const auto* help = new std::map<std::string, std::string>{
      {"ingest",
       "kg ingest FILE...\n  Extract facts from each file and store them in "
       "the graph.\n  The document id is the file name without extension; "
       "re-ingesting replaces.\n"},
      {"extract",
       "kg extract FILE...\n  Print each file's facts as JSON lines without "
       "storing them.\n"},
      {"query",
       "kg query [--why] [--json] [--limit=N] 'PATTERN'\n  e.g. kg query --why "
       "'?p has_role \"Commander\" . ?p member_of ?org'\n  See "
       "docs/query-language.md.\n"},
      {"entity", "kg entity NAME\n  Every fact about NAME with its sources.\n"},
      {"stats", "kg stats\n  Counts of facts, evidence, documents, predicates.\n"},
      {"delete",
       "kg delete DOC_ID\n  Retract what the document alone supported.\n"},
  };
  return *help;
}

void PrintUsage(std::ostream& out) {
  out << "usage: kg [--graph_addr=H:P] [--extractor_addr=H:P] [--timeout=30s] "
         "COMMAND ARGS\n\ncommands:\n";
  for (const auto& [name, help] : CommandHelp()) out << "\n" << help;
  out << "\nkg COMMAND --help shows one command.\n";
}

std::string AddressFlag(const std::string& flag_value, const char* env_name,
                        const char* fallback) {
  if (!flag_value.empty()) return flag_value;
  const char* env = std::getenv(env_name);
  return env != nullptr && *env != '\0' ? env : fallback;
}

// Handles --help / -h / `kg help [CMD]` before absl sees them, so every
// subcommand gets its own help rather than the list of every flag.
bool MaybePrintHelp(int argc, char** argv) {
  std::string command;
  bool wants_help = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "help") {
      wants_help = true;
    } else if (arg[0] != '-' && command.empty()) {
      command = arg;
    }
  }
  if (!wants_help) return false;
  auto help = CommandHelp().find(command);
  if (help == CommandHelp().end()) {
    PrintUsage(std::cout);
  } else {
    std::cout << help->second;
  }
  return true;
}

int Dispatch(const kg::cli::CliEnv& env, const std::string& command,
             const std::vector<std::string>& args) {
  using namespace kg::cli;
  if ((command == "ingest" || command == "extract") && !args.empty()) {
    return command == "ingest" ? RunIngest(env, args) : RunExtract(env, args);
  }
  if (command == "query" && !args.empty()) {
    QueryFlags flags;
    flags.format = absl::GetFlag(FLAGS_json) ? OutputFormat::kJson
                                             : OutputFormat::kTable;
    flags.why = absl::GetFlag(FLAGS_why);
    flags.limit = static_cast<uint32_t>(std::max(0, absl::GetFlag(FLAGS_limit)));
    return RunQuery(env, absl::StrJoin(args, " "), flags);
  }
  if (command == "entity" && !args.empty()) {
    return RunEntity(env, absl::StrJoin(args, " "));
  }
  if (command == "delete" && args.size() == 1) return RunDelete(env, args[0]);
  if (command == "stats" && args.empty()) return RunStats(env);
  auto help = CommandHelp().find(command);
  std::cerr << (help == CommandHelp().end()
                    ? "kg: unknown command '" + command + "'\n"
                    : "usage: " + help->second);
  if (help == CommandHelp().end()) PrintUsage(std::cerr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (MaybePrintHelp(argc, argv)) return 0;
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  kg::cli::CliEnv env;
  env.graph_address = AddressFlag(absl::GetFlag(FLAGS_graph_addr),
                                  "KG_GRAPH_ADDR", "127.0.0.1:50051");
  env.extractor_address = AddressFlag(absl::GetFlag(FLAGS_extractor_addr),
                                      "KG_EXTRACTOR_ADDR", "127.0.0.1:50052");
  env.timeout = absl::GetFlag(FLAGS_timeout);
  env.out = &std::cout;
  env.err = &std::cerr;
  const std::vector<std::string> args(positional.begin() + 2, positional.end());
  return Dispatch(env, positional[1], args);
}
