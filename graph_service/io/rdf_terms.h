// How kg terms are spelled in N-Triples / N-Quads:
//   entity     <urn:kg:entity:PERCENT-ENCODED-NAME>
//   predicate  <urn:kg:predicate:NAME>
//   document   <urn:kg:document:PERCENT-ENCODED-ID>   (N-Quads graph name)
//   text       "..." (N-Triples string escapes)
//   integer    "42"^^<http://www.w3.org/2001/XMLSchema#integer>
//   decimal    "8.5"^^<http://www.w3.org/2001/XMLSchema#decimal>
//   date       "2021-05-01"^^<http://www.w3.org/2001/XMLSchema#date>
// Percent-encoding keeps A-Z a-z 0-9 - . _ ~ and encodes every other byte
// as %XX (upper-case hex), so any UTF-8 name round-trips.
#ifndef KG_GRAPH_SERVICE_IO_RDF_TERMS_H_
#define KG_GRAPH_SERVICE_IO_RDF_TERMS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph::io {

inline constexpr absl::string_view kEntityIri = "urn:kg:entity:";
inline constexpr absl::string_view kPredicateIri = "urn:kg:predicate:";
inline constexpr absl::string_view kDocumentIri = "urn:kg:document:";
inline constexpr absl::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string PercentEncode(absl::string_view s);
// InvalidArgument on a malformed %XX sequence.
absl::StatusOr<std::string> PercentDecode(absl::string_view s);

// "<urn:kg:entity:...>" etc.
std::string EntityTerm(absl::string_view name);
std::string PredicateTerm(absl::string_view name);
std::string DocumentTerm(absl::string_view id);
// The value as an N-Triples object (IRI or literal).
std::string ValueTerm(const kg::v1::Value& value);
// `s` with N-Triples string escapes, without the quotes.
std::string EscapeString(absl::string_view s);

// One parsed N-Triples / N-Quads line.
struct RdfStatement {
  std::string subject;    // Entity name.
  std::string predicate;  // Predicate name.
  kg::v1::Value value;
  bool has_graph = false;
  std::string graph;  // Document id (decoded urn:kg:document:, else the IRI).
};

// Parses one non-empty, non-comment line. IRIs outside urn:kg:entity: are
// kept whole as entity names; predicates must be urn:kg:predicate: IRIs;
// literals with other datatypes or a language tag become text. Blank nodes
// are not supported. InvalidArgument with the column on a syntax error.
absl::StatusOr<RdfStatement> ParseRdfLine(absl::string_view line);

}  // namespace kg::graph::io

#endif  // KG_GRAPH_SERVICE_IO_RDF_TERMS_H_
