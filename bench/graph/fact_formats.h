// Text encodings of generated facts for the systems we compare against:
// N-Triples for Oxigraph and CSV rows for Kùzu's COPY. Pure functions.
//
// Terms map as the graph service's own export does: an entity is the IRI
// urn:kg:entity:<percent-encoded name>, a predicate urn:kg:predicate:<name>,
// text a plain literal, integers and dates xsd-typed literals. In the Kùzu
// CSV every term is one node whose key is a kind prefix and the lexical
// form: "e:Jane Kalo", "t:Commander", "i:42", "d:2021-05-01", "x:8.5".
#ifndef KG_BENCH_GRAPH_FACT_FORMATS_H_
#define KG_BENCH_GRAPH_FACT_FORMATS_H_

#include <string>

#include "kg/v1/fact.pb.h"

namespace kg::bench {

// "<urn:kg:entity:Jane%20Kalo>".
std::string EntityIri(const std::string& name);

// One N-Triples line for the fact, ending in " .\n".
std::string NTriplesLine(const kg::v1::Fact& fact);

// The Kùzu node key of a value (see above).
std::string TermKey(const kg::v1::Value& value);

}  // namespace kg::bench

#endif  // KG_BENCH_GRAPH_FACT_FORMATS_H_
