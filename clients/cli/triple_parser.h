// Parses one fact written as in a query, for `kg explain`:
//   <Jane Roe> member_of <North Unit>
//   Jane_Roe has_role "Commander"
//   <Operation Kestrel> started_on "2021-05-01"^^date
// Terms: `<...>` or a bare word is an entity, `"..."` text (backslash escapes
// " and itself), an optional ^^date/integer/decimal/text/entity type, a bare
// integer or decimal a number. gRPC-free.
#ifndef KG_CLIENTS_CLI_TRIPLE_PARSER_H_
#define KG_CLIENTS_CLI_TRIPLE_PARSER_H_

#include <string>

#include "absl/status/statusor.h"
#include "kg/v1/fact.pb.h"

namespace kg::cli {

// InvalidArgument "column C: ..." for anything that is not exactly three
// terms with an entity subject and a bare-word predicate.
absl::StatusOr<kg::v1::Triple> ParseTriple(const std::string& text);

// The triple written back in the same syntax.
std::string FormatTriple(const kg::v1::Triple& triple);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_TRIPLE_PARSER_H_
