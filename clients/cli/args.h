// Command-line parsing for `kg`, without gRPC and without global flags, so
// that every subcommand gets its own options and its own --help, and the
// parser can be unit-tested.
//
//   kg [GLOBAL OPTIONS] COMMAND [OPTIONS] ARGS...
//
// Options may come before or after the command and its arguments:
// `--name=value`, `--name value` (options that take a value), `--flag`
// (boolean), short aliases `-o FILE`, `-f FILE`, `-h`. `-` alone is an
// argument (standard input); `--` ends the options.
#ifndef KG_CLIENTS_CLI_ARGS_H_
#define KG_CLIENTS_CLI_ARGS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kg::cli {

struct OptionSpec {
  std::string name;       // without dashes, e.g. "format"
  bool takes_value;       // false: a boolean flag
  std::string help;       // one line
  char short_name = 0;    // e.g. 'o'
};

struct CommandSpec {
  std::string name;
  std::string usage;      // e.g. "kg path [--max_hops=N] FROM TO"
  std::string summary;    // one line
  std::string details;    // examples etc., may be empty
  std::vector<OptionSpec> options;
  int min_args = 0;
  int max_args = -1;      // -1: unbounded
};

// Every command `kg` knows, in the order `kg help` lists them.
const std::vector<CommandSpec>& Commands();
// nullptr when unknown.
const CommandSpec* FindCommand(const std::string& name);
// Options every command accepts (addresses, timeout, help).
const std::vector<OptionSpec>& GlobalOptions();

struct ParsedArgs {
  std::string command;                        // empty: none given
  std::vector<std::string> args;              // positional, after the command
  std::map<std::string, std::string> options; // booleans hold "true"
  bool help = false;

  bool Has(const std::string& name) const { return options.count(name) > 0; }
  // The option's value or `fallback` when absent.
  std::string Get(const std::string& name, const std::string& fallback) const;
  // InvalidArgument naming the option when the value is not a boolean /
  // a non-negative integer / a duration such as "30s".
  absl::StatusOr<bool> GetBool(const std::string& name, bool fallback) const;
  absl::StatusOr<uint32_t> GetUint(const std::string& name,
                                   uint32_t fallback) const;
  absl::StatusOr<absl::Duration> GetDuration(const std::string& name,
                                             absl::Duration fallback) const;
};

// Parses argv[1..]. InvalidArgument ("unknown command 'x'", "unknown option
// --x for kg query", "--format needs a value", "kg path takes 2 arguments")
// on misuse. With --help/-h/`help CMD` the argument counts are not checked.
absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& argv);

// "usage: ..." plus the command's summary, details and options.
std::string CommandHelp(const CommandSpec& command);
// The list of commands and global options.
std::string GeneralHelp();

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_ARGS_H_
