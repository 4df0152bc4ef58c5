// Keeps a server's file paths out of the messages its clients see: RocksDB
// and the store name their files ("Corruption: block checksum mismatch in
// /var/lib/kg/graph/000123.sst"), which tells a reader-role client where the
// server keeps its data. The services log the full message and send the
// redacted one.
#ifndef KG_COMMON_PATH_REDACTOR_H_
#define KG_COMMON_PATH_REDACTOR_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg {

class PathRedactor {
 public:
  // (path, label) pairs, e.g. ("/var/lib/kg/graph", "<store>"). Empty paths
  // are ignored; a relative path is also matched in its absolute form.
  explicit PathRedactor(
      const std::vector<std::pair<std::string, std::string>>& paths);

  // `message` with every occurrence of a path replaced by its label (the
  // longest path first, so that one inside another is replaced whole).
  std::string Redact(absl::string_view message) const;

 private:
  std::vector<std::pair<std::string, std::string>> paths_;  // longest first
};

}  // namespace kg

#endif  // KG_COMMON_PATH_REDACTOR_H_
