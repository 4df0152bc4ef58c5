// The commands of `kg`: usage, options and argument counts. Part of the
// :args library; the behaviour lives in the *_commands.cc files.
#include "clients/cli/args.h"

namespace kg::cli {
namespace {

OptionSpec Format(const std::string& choices) {
  return {"format", true, "output format: " + choices, 0};
}

std::vector<CommandSpec> BuildCommands() {
  return {
      {"ingest", "kg ingest [--jobs=N] PATH...",
       "Extract facts from files, directories (.txt/.html/.md, recursive) "
       "or - (stdin) and store them.",
       "  The document id is the file name without its extension; "
       "re-ingesting replaces.\n  A progress bar on a terminal, a one-line "
       "summary otherwise; exit 1 if any\n  document failed.\n  e.g. kg "
       "ingest examples/documents/\n      cat note.txt | kg ingest --id=note "
       "-\n",
       {{"jobs", true, "documents in flight at once (default 4)", 'j'},
        {"id", true, "document id for - (default: stdin)", 0},
        {"published", true,
         "publication date of the documents, YYYY-MM-DD (default: a "
         "dateline in the text, if any)", 0},
        {"verbose", false, "one line per document", 'v'}},
       1, -1},
      {"extract", "kg extract PATH...",
       "Print each file's facts as JSON lines without storing them.", "", {},
       1, -1},
      {"query", "kg query [OPTIONS] 'PATTERN' | -f FILE",
       "Answer a pattern query (see docs/query-language.md).",
       "  e.g. kg query --why '?p has_role \"Commander\" . ?p leads ?op'\n"
       "       kg query --format=csv '?op targets ?crime' > targets.csv\n",
       {Format("table (default), json, jsonl, csv, tsv"),
        {"json", false, "same as --format=jsonl", 0},
        {"why", false, "the sentences behind every row", 0},
        {"explain", false, "print the plan instead of running the query", 0},
        {"limit", true, "at most N rows (0: the query's LIMIT, else the "
                        "server default, 10000)", 'n'},
        {"strict", false, "exit 3 when a server row limit cut the answer",
         0},
        {"file", true, "read the query from FILE (- for stdin)", 'f'}},
       0, -1},
      {"entity", "kg entity NAME",
       "Every fact about NAME, grouped by predicate, with sources and "
       "aliases.",
       "  An unknown name gets NOT_FOUND and the closest known names.\n",
       {}, 1, -1},
      {"path", "kg path [--max_hops=N] FROM TO",
       "The shortest connection between two entities, one hop per line.",
       "  e.g. kg path 'Priya Nandakumar' 'Operation Halyard'\n",
       {{"max_hops", true, "longest path searched (0: server default, 6)", 0},
        {"predicates", true, "only follow these, comma-separated", 0}},
       2, 2},
      {"timeline", "kg timeline NAME",
       "NAME's facts by the date they were reported, with sentences.",
       "  Dates come from each document's publication date (kg ingest\n"
       "  --published, or a dateline in the text); undated facts come last.\n"
       "  e.g. kg timeline 'Priya Nandakumar'\n",
       {}, 1, -1},
      {"conflicts", "kg conflicts [--limit=N] [NAME]",
       "Competing values of single-valued predicates (a rank, an "
       "operation's leader): succession or contradiction.",
       "  The server's schema says which predicates hold one value at a\n"
       "  time (graph_server --schema). A succession was reported one value\n"
       "  after the other; a contradiction in overlapping periods.\n"
       "  e.g. kg conflicts 'Priya Nandakumar'\n",
       {{"limit", true, "at most N conflicts (0: server default, 100)", 'n'}},
       0, -1},
      {"explain", "kg explain 'SUBJECT PREDICATE VALUE'",
       "The derivation tree of a fact, down to the sentences it rests on.",
       "  Terms as in queries: kg explain '<Jane Roe> member_of <Met Police>'\n",
       {}, 1, -1},
      {"docs", "kg docs", "The documents in the graph.",
       "", {Format("table (default), jsonl")}, 0, 0},
      {"delete", "kg delete DOC_ID...",
       "Retract what each document alone supported.", "", {}, 1, -1},
      {"stats", "kg stats", "Counts of facts, evidence, documents, predicates.",
       "", {}, 0, 0},
      {"health", "kg health",
       "Ask both services whether they are serving (grpc.health.v1).", "",
       {}, 0, 0},
      {"viz", "kg viz NAME [--hops=2] -o graph.svg|png|dot",
       "Draw the neighbourhood of an entity with Graphviz.",
       "  Classes are shapes and colours, edges carry predicates; needs `dot`\n"
       "  (Debian package graphviz) except for .dot output.\n",
       {{"hops", true, "how far from NAME (default 2)", 0},
        {"limit", true, "at most N facts (default 300)", 'n'},
        {"output", true, "FILE.svg, FILE.png or FILE.dot; - for DOT on stdout",
         'o'},
        {"literals", false, "also draw text/number values", 0}},
       1, -1},
      {"export", "kg export [--format=F] [-o FILE]",
       "Stream the whole graph: ntriples, nquads, jsonl or graphml.", "",
       {Format("ntriples (default), nquads, jsonl, graphml"),
        {"output", true, "write to FILE instead of stdout", 'o'}},
       0, 0},
      {"import", "kg import [--format=F] [--bulk] FILE",
       "Load facts from N-Triples, N-Quads or JSON Lines (- for stdin).",
       "  The format defaults from the extension: .nt, .nq, .jsonl.\n"
       "  --bulk writes large chunks (the server's --bulk_chunk_facts) as "
       "table files:\n  faster for big files, same result.\n",
       {Format("ntriples, nquads, jsonl"),
        {"bulk", false, "the bulk write path (docs/api.md)", 0}},
       1, 1},
      {"shell", "kg shell",
       "Interactive mode with history: type commands without `kg`.", "", {},
       0, 0},
      {"backup", "kg backup [NAME]",
       "Online snapshot of the graph store into the server's --backup_dir "
       "(role admin).",
       "", {}, 0, 1},
      {"backups", "kg backups", "List the backups on the graph server (role "
       "admin).", "", {}, 0, 0},
      {"restore", "kg restore BACKUP_DIR NEW_DB_PATH",
       "Copy a backup into a fresh store directory (offline, on the server's "
       "machine).",
       "  Then start graph_server --db_path=NEW_DB_PATH.\n", {}, 2, 2},
  };
}

}  // namespace

const std::vector<CommandSpec>& Commands() {
  static const auto* commands = new std::vector<CommandSpec>(BuildCommands());
  return *commands;
}

const CommandSpec* FindCommand(const std::string& name) {
  for (const CommandSpec& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

const std::vector<OptionSpec>& GlobalOptions() {
  static const auto* options = new std::vector<OptionSpec>{
      {"graph_addr", true, "graph service (default $KG_GRAPH_ADDR or "
                           "127.0.0.1:50051)", 0},
      {"extractor_addr", true, "extractor service (default "
                               "$KG_EXTRACTOR_ADDR or 127.0.0.1:50052)", 0},
      {"timeout", true, "deadline of each call (default 30s)", 0},
      {"tls_ca", true, "TLS: verify servers with this CA file ($KG_TLS_CA)",
       0},
      {"tls_cert", true, "mutual TLS: client certificate ($KG_TLS_CERT)", 0},
      {"tls_key", true, "mutual TLS: client key ($KG_TLS_KEY)", 0},
      {"tls_server_name", true,
       "name to verify in server certificates ($KG_TLS_SERVER_NAME)", 0},
      {"token_file", true,
       "bearer token from the file's first line ($KG_TOKEN_FILE; or "
       "$KG_TOKEN)", 0},
      {"help", false, "describe the command", 'h'},
      {"version", false, "print kg's version and exit", 0},
  };
  return *options;
}

}  // namespace kg::cli
