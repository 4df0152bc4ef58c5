#include "clients/cli/args.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "clients/cli/suggest.h"

namespace kg::cli {
namespace {

const OptionSpec* FindOption(const std::vector<OptionSpec>& options,
                             const std::string& name, char short_name) {
  for (const OptionSpec& option : options) {
    if (short_name != 0 ? option.short_name == short_name
                        : option.name == name) {
      return &option;
    }
  }
  return nullptr;
}

// " (did you mean --max_hops?)" for the closest names, or "".
std::string DidYouMean(const std::string& name,
                       const std::vector<std::string>& candidates,
                       const std::string& prefix) {
  std::vector<std::string> close = CloseMatches(name, candidates, 3);
  if (close.empty()) return "";
  for (std::string& c : close) c = prefix + c;
  return absl::StrCat(" (did you mean ", absl::StrJoin(close, " or "), "?)");
}

std::vector<std::string> OptionNames(const CommandSpec* command) {
  std::vector<std::string> names;
  for (const OptionSpec& o : GlobalOptions()) names.push_back(o.name);
  if (command != nullptr) {
    for (const OptionSpec& o : command->options) names.push_back(o.name);
  }
  return names;
}

// The spec of option `name` (or `-c`) for `command` (may be null), global
// options included.
const OptionSpec* LookUp(const CommandSpec* command, const std::string& name,
                         char short_name) {
  if (const OptionSpec* global = FindOption(GlobalOptions(), name, short_name)) {
    return global;
  }
  return command == nullptr ? nullptr
                            : FindOption(command->options, name, short_name);
}

absl::Status CheckArgCount(const CommandSpec& command, const ParsedArgs& parsed) {
  const int count = static_cast<int>(parsed.args.size());
  if (count >= command.min_args &&
      (command.max_args < 0 || count <= command.max_args)) {
    return absl::OkStatus();
  }
  std::string expected =
      command.min_args == command.max_args
          ? absl::StrCat(command.min_args)
          : command.max_args < 0 ? absl::StrCat("at least ", command.min_args)
                                 : absl::StrCat(command.min_args, " to ",
                                                command.max_args);
  return absl::InvalidArgumentError(
      absl::StrCat("kg ", command.name, " takes ", expected, " argument",
                   expected == "1" ? "" : "s", ", got ", count));
}

void AppendOptions(std::string& out, const std::vector<OptionSpec>& options) {
  for (const OptionSpec& option : options) {
    std::string flag = option.short_name != 0
                           ? absl::StrFormat("-%c, --%s", option.short_name,
                                             option.name)
                           : absl::StrCat("    --", option.name);
    if (option.takes_value) absl::StrAppend(&flag, "=V");
    absl::StrAppendFormat(&out, "  %-24s %s\n", flag, option.help);
  }
}

// Parses the option at argv[*i] (advancing *i past a separate value).
absl::Status ParseOption(const std::vector<std::string>& argv,
                         const CommandSpec* command, size_t* i,
                         ParsedArgs* parsed) {
  const std::string& arg = argv[*i];
  const bool is_long = absl::StartsWith(arg, "--");
  std::string name = arg.substr(is_long ? 2 : 1);
  std::string value;
  const size_t equals = name.find('=');
  const bool has_value = equals != std::string::npos;
  if (has_value) {
    value = name.substr(equals + 1);
    name.resize(equals);
  }
  // --max-hops and --max_hops are the same option.
  std::replace(name.begin(), name.end(), '-', '_');
  const char short_name = !is_long && name.size() == 1 ? name[0] : 0;
  const OptionSpec* spec = LookUp(command, name, short_name);
  if (spec == nullptr || (!is_long && short_name == 0)) {
    const std::string for_command =
        command == nullptr ? "" : absl::StrCat(" for kg ", command->name);
    const std::string hint =
        is_long ? DidYouMean(name, OptionNames(command), "--") : "";
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown option ", arg, for_command,
        hint.empty() ? absl::StrCat(" (see kg ",
                                    command == nullptr ? "" : command->name + " ",
                                    "--help)")
                     : hint));
  }
  if (spec->name == "help") {
    parsed->help = true;
    return absl::OkStatus();
  }
  if (spec->takes_value && !has_value) {
    if (*i + 1 >= argv.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", spec->name, " needs a value"));
    }
    value = argv[++*i];
  } else if (!spec->takes_value && !has_value) {
    value = "true";
  }
  parsed->options[spec->name] = value;
  return absl::OkStatus();
}

}  // namespace

std::string ParsedArgs::Get(const std::string& name,
                            const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

absl::StatusOr<bool> ParsedArgs::GetBool(const std::string& name,
                                         bool fallback) const {
  if (!Has(name)) return fallback;
  bool value;
  if (!absl::SimpleAtob(Get(name, ""), &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " must be true or false"));
  }
  return value;
}

absl::StatusOr<uint32_t> ParsedArgs::GetUint(const std::string& name,
                                             uint32_t fallback) const {
  if (!Has(name)) return fallback;
  uint32_t value;
  if (!absl::SimpleAtoi(Get(name, ""), &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " must be a non-negative integer, not '",
                     Get(name, ""), "'"));
  }
  return value;
}

absl::StatusOr<absl::Duration> ParsedArgs::GetDuration(
    const std::string& name, absl::Duration fallback) const {
  if (!Has(name)) return fallback;
  absl::Duration value;
  if (!absl::ParseDuration(Get(name, ""), &value) ||
      value <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", name, " must be a positive duration such as 30s or 500ms, not '",
        Get(name, ""), "'"));
  }
  return value;
}

absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& argv) {
  ParsedArgs parsed;
  const CommandSpec* command = nullptr;
  bool options_ended = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!options_ended && arg == "--") {
      options_ended = true;
    } else if (!options_ended && arg.size() > 1 && arg[0] == '-') {
      if (absl::Status status = ParseOption(argv, command, &i, &parsed);
          !status.ok()) {
        return status;
      }
    } else if (!parsed.command.empty()) {
      parsed.args.push_back(arg);
    } else if (arg == "help") {
      parsed.help = true;
    } else if ((command = FindCommand(arg)) != nullptr) {
      parsed.command = arg;
    } else {
      std::vector<std::string> names;
      for (const CommandSpec& c : Commands()) names.push_back(c.name);
      const std::string hint = DidYouMean(arg, names, "kg ");
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown command '", arg, "'",
          hint.empty() ? " (kg help lists them)" : hint));
    }
  }
  if (!parsed.help && command != nullptr) {
    if (absl::Status status = CheckArgCount(*command, parsed); !status.ok()) {
      return status;
    }
  }
  return parsed;
}

std::string CommandHelp(const CommandSpec& command) {
  std::string out = absl::StrCat("usage: ", command.usage, "\n  ",
                                 command.summary, "\n");
  if (!command.details.empty()) absl::StrAppend(&out, "\n", command.details);
  if (!command.options.empty()) {
    absl::StrAppend(&out, "\noptions:\n");
    AppendOptions(out, command.options);
  }
  absl::StrAppend(&out, "\nglobal options:\n");
  AppendOptions(out, GlobalOptions());
  return out;
}

std::string GeneralHelp() {
  std::string out =
      "usage: kg [GLOBAL OPTIONS] COMMAND [OPTIONS] ARGS...\n\ncommands:\n";
  for (const CommandSpec& command : Commands()) {
    absl::StrAppendFormat(&out, "  %-9s %s\n", command.name, command.summary);
  }
  absl::StrAppend(&out, "\nglobal options:\n");
  AppendOptions(out, GlobalOptions());
  absl::StrAppend(&out, "\n`kg COMMAND --help` describes one command.\n");
  return out;
}

}  // namespace kg::cli
