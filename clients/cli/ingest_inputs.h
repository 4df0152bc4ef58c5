// Which documents `kg ingest PATH...` sends. gRPC-free.
#ifndef KG_CLIENTS_CLI_INGEST_INPUTS_H_
#define KG_CLIENTS_CLI_INGEST_INPUTS_H_

#include <string>
#include <vector>

namespace kg::cli {

struct IngestInput {
  std::string path;  // "-" for standard input
  std::string id;    // document id
};

// Expands the paths in order: a file as itself (whatever its extension), a
// directory recursively to its .txt/.html/.md files sorted by path, "-" to
// standard input with id `stdin_id`. Missing or unreadable paths are appended
// to `errors` ("PATH: no such file or directory") and skipped.
std::vector<IngestInput> CollectInputs(const std::vector<std::string>& paths,
                                       const std::string& stdin_id,
                                       std::vector<std::string>* errors);

// The file name without its extension: "a/b/met_news.txt" -> "met_news".
std::string DocumentIdFor(const std::string& path);

// The first non-empty line, trimmed, when it is valid UTF-8 (press releases
// lead with their title); otherwise "".
std::string TitleOf(const std::string& text);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_INGEST_INPUTS_H_
