// Typed literals of the query language: turning string and number tokens
// into kg.v1.Value, with the checks each type requires.
#ifndef KG_GRAPH_SERVICE_QUERY_QUERY_LITERALS_H_
#define KG_GRAPH_SERVICE_QUERY_QUERY_LITERALS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph_service/query/query_lexer.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// True for YYYY-MM-DD naming a real calendar day.
bool IsValidDate(absl::string_view s);

// Optional '-', digits, and when `allow_fraction` an optional '.' followed
// by digits.
bool IsPlainNumber(absl::string_view s, bool allow_fraction);

// Sets `value` to the integer spelled by `token.text`; InvalidArgument at
// the token for anything outside int64 or not plain digits.
absl::Status SetInteger(const Token& token, kg::v1::Value* value);

// The value of a string token, honouring its ^^type (text when none).
// InvalidArgument at the token (or its type) for an unknown type or a
// lexical form the type rejects.
absl::Status TypedStringValue(const Token& token, kg::v1::Value* value);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_QUERY_QUERY_LITERALS_H_
