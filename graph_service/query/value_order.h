// How the query language compares values (FILTER and ORDER BY).
//
// Integers and decimals are numbers and compare exactly by numeric value
// across the two types (42 = 42.0, 8.5 = 8.50). Dates compare by calendar
// order, texts and entity names by their UTF-8 bytes (code point order).
// Values of different kinds (other than two numbers) are incomparable.
#ifndef KG_GRAPH_SERVICE_QUERY_VALUE_ORDER_H_
#define KG_GRAPH_SERVICE_QUERY_VALUE_ORDER_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// Compares two numbers in plain notation (optional '-', digits, optional
// '.' and digits) exactly: <0, 0, >0.
int CompareDecimalText(absl::string_view a, absl::string_view b);

// <0, 0 or >0 when `a` and `b` are comparable (see above), nullopt when
// not (different kinds, or either unset).
std::optional<int> CompareValues(const kg::v1::Value& a,
                                 const kg::v1::Value& b);

// The total order of ORDER BY: unset < numbers < dates < texts < entities,
// each kind ordered as CompareValues orders it.
int OrderValues(const kg::v1::Value& a, const kg::v1::Value& b);

// The string CONTAINS / STARTS_WITH / ENDS_WITH look at: an entity's name,
// a text, a date's YYYY-MM-DD, a number as written. Empty when unset.
std::string LexicalForm(const kg::v1::Value& value);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_VALUE_ORDER_H_
