// kg: the knowledge graph from the command line. `kg help` lists commands.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"
#include "clients/cli/args.h"
#include "clients/cli/commands.h"
#include "common/version.h"

// Read by CliChannel (credentials.cc); set here from kg's own parser.
ABSL_DECLARE_FLAG(std::string, tls_ca);
ABSL_DECLARE_FLAG(std::string, tls_cert);
ABSL_DECLARE_FLAG(std::string, tls_key);
ABSL_DECLARE_FLAG(std::string, tls_server_name);
ABSL_DECLARE_FLAG(std::string, token_file);

namespace {

std::string Address(const kg::cli::ParsedArgs& args, const char* flag,
                    const char* env_name, const char* fallback) {
  if (args.Has(flag)) return args.Get(flag, fallback);
  const char* env = std::getenv(env_name);
  return env != nullptr && *env != '\0' ? env : fallback;
}

void ApplyCredentialOptions(const kg::cli::ParsedArgs& args) {
  const std::pair<const char*, absl::Flag<std::string>*> flags[] = {
      {"tls_ca", &FLAGS_tls_ca},
      {"tls_cert", &FLAGS_tls_cert},
      {"tls_key", &FLAGS_tls_key},
      {"tls_server_name", &FLAGS_tls_server_name},
      {"token_file", &FLAGS_token_file},
  };
  for (const auto& [name, flag] : flags) {
    if (args.Has(name)) absl::SetFlag(flag, args.Get(name, ""));
  }
}

int TerminalWidth() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20) {
    return size.ws_col;
  }
  return 80;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> words(argv + 1, argv + argc);
  absl::StatusOr<kg::cli::ParsedArgs> args = kg::cli::ParseArgs(words);
  if (!args.ok()) {
    std::cerr << "kg: " << args.status().message() << "\n";
    return 2;
  }
  if (args->Has("version")) {
    std::cout << "kg " << kg::kVersion << "\n";
    return 0;
  }
  if (args->command.empty()) {
    (args->help ? std::cout : std::cerr) << kg::cli::GeneralHelp();
    return args->help ? 0 : 2;
  }
  absl::StatusOr<absl::Duration> timeout =
      args->GetDuration("timeout", absl::Seconds(30));
  if (!timeout.ok()) {
    std::cerr << "kg: " << timeout.status().message() << "\n";
    return 2;
  }
  ApplyCredentialOptions(*args);
  kg::cli::CliEnv env;
  env.graph_address =
      Address(*args, "graph_addr", "KG_GRAPH_ADDR", "127.0.0.1:50051");
  env.extractor_address = Address(*args, "extractor_addr", "KG_EXTRACTOR_ADDR",
                                  "127.0.0.1:50052");
  env.timeout = *timeout;
  env.out = &std::cout;
  env.err = &std::cerr;
  env.in = &std::cin;
  env.err_is_terminal = isatty(STDERR_FILENO) == 1;
  env.terminal_width = TerminalWidth();
  return kg::cli::RunCommand(env, *args);
}
