// kg shell, and the dispatch shared by main.cc and the shell.
#include <cstdlib>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/admin_commands.h"
#include "clients/cli/command_util.h"
#include "clients/cli/credentials.h"
#include "clients/cli/commands.h"
#include "clients/cli/line_editor.h"

namespace kg::cli {
namespace {

using Runner = int (*)(const CliEnv&, const ParsedArgs&);

// The admin commands take their own environment.
template <int (*kRun)(const AdminEnv&, const std::vector<std::string>&)>
int RunAdmin(const CliEnv& env, const ParsedArgs& args) {
  const AdminEnv admin{CliChannel(env.graph_address), env.graph_address,
                       env.timeout, env.out, env.err};
  return kRun(admin, args.args);
}

const std::map<std::string, Runner>& Runners() {
  static const auto* runners = new std::map<std::string, Runner>{
      {"ingest", RunIngest}, {"extract", RunExtract}, {"query", RunQuery},
      {"explain", RunExplain}, {"entity", RunEntity}, {"path", RunPath},
      {"docs", RunDocs},     {"delete", RunDelete},   {"stats", RunStats},
      {"health", RunHealth}, {"viz", RunViz},         {"export", RunExport},
      {"import", RunImport}, {"shell", RunShell},
      {"timeline", RunTimeline}, {"conflicts", RunConflicts},
      {"backup", RunAdmin<RunBackup>},
      {"backups", RunAdmin<RunListBackups>},
      {"restore", RunAdmin<RunRestore>},
  };
  return *runners;
}

// Words of a shell line. For query and explain everything after the
// command word is one argument, so patterns need no extra quoting:
//   query ?p has_role "Commander"
std::vector<std::string> ShellWords(const std::string& line) {
  std::string trimmed(absl::StripAsciiWhitespace(line));
  const size_t space = trimmed.find(' ');
  const std::string first = trimmed.substr(0, space);
  if ((first == "query" || first == "explain") && space != std::string::npos) {
    std::string rest(absl::StripAsciiWhitespace(trimmed.substr(space)));
    if (rest[0] == '-' && rest.rfind("--", 0) != 0) return SplitWords(trimmed);
    // Leading options (--why, --format=csv) still work.
    std::vector<std::string> words = {first};
    while (rest.rfind("--", 0) == 0) {
      const size_t end = rest.find(' ');
      words.push_back(rest.substr(0, end));
      rest = end == std::string::npos
                 ? ""
                 : std::string(absl::StripAsciiWhitespace(rest.substr(end)));
    }
    if (!rest.empty()) words.push_back("--");
    if (!rest.empty()) words.push_back(rest);
    return words;
  }
  return SplitWords(trimmed);
}

}  // namespace

int RunCommand(const CliEnv& env, const ParsedArgs& args) {
  const CommandSpec* command = FindCommand(args.command);
  if (args.help || command == nullptr) {
    *env.out << (command == nullptr ? GeneralHelp() : CommandHelp(*command));
    return command == nullptr && !args.help ? 2 : 0;
  }
  return Runners().at(args.command)(env, args);
}

int RunShell(const CliEnv& env, const ParsedArgs&) {
  const char* home = std::getenv("HOME");
  LineEditor editor(home != nullptr ? absl::StrCat(home, "/.kg_history") : "");
  *env.out << "kg shell: graph " << env.graph_address << ", extractor "
           << env.extractor_address
           << ". Commands as on the command line without `kg` (help, exit).\n";
  env.out->flush();
  int last = 0;
  while (std::optional<std::string> line = editor.ReadLine("kg> ")) {
    std::vector<std::string> words = ShellWords(*line);
    if (words.empty()) continue;
    editor.AddHistory(*line);
    if (words[0] == "exit" || words[0] == "quit") break;
    if (words[0] == "shell") continue;
    absl::StatusOr<ParsedArgs> args = ParseArgs(words);
    last = args.ok() ? RunCommand(env, *args) : ReportError(env, args.status());
    env.out->flush();
    env.err->flush();
  }
  return last;
}

}  // namespace kg::cli
