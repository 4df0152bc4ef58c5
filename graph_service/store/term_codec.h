// Term codec: typed terms <-> the byte strings the dictionary stores.
//
// Every encoding starts with one tag byte naming the term's type, so the
// entity "London", the text "London" and the predicate "london" are three
// different byte strings and can never share a dictionary id. After the tag:
//   entity, text, decimal, date, predicate: the UTF-8 spelling, unchanged
//     (a decimal keeps every digit: "8.50" and "8.5" are distinct terms);
//   integer: 8 bytes, big-endian, sign bit flipped, so that byte order is
//     numeric order (INT64_MIN sorts first).
// Within one type, byte order is value order for integers and dates
// (YYYY-MM-DD) and code point order for strings; decimals are not
// order-preserving.
//
// The encoding is persistent (RocksDB dictionary keys): never change a tag
// or a layout without a migration.
#ifndef KG_GRAPH_SERVICE_STORE_TERM_CODEC_H_
#define KG_GRAPH_SERVICE_STORE_TERM_CODEC_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/fact.pb.h"

namespace kg::graph {

// The tag byte at the start of every encoded term.
enum class TermTag : uint8_t {
  kEntity = 0x10,
  kText = 0x20,
  kInteger = 0x30,
  kDecimal = 0x40,
  kDate = 0x50,
  kPredicate = 0x70,
};

// Encodes a value. InvalidArgument when no kind is set. Does not validate
// the spelling (see ValidateFact).
absl::StatusOr<std::string> EncodeValueTerm(const kg::v1::Value& value);

// Encodes an entity name; the same bytes as EncodeValueTerm of
// Value{entity: name}, so subjects and entity values share ids.
std::string EncodeEntityTerm(absl::string_view name);

// Encodes a predicate name.
std::string EncodePredicateTerm(absl::string_view predicate);

// Inverse of EncodeValueTerm. InvalidArgument for bytes that are not an
// encoded value (unknown tag, predicate tag, bad integer length).
absl::StatusOr<kg::v1::Value> DecodeValueTerm(absl::string_view bytes);

// Inverse of EncodePredicateTerm. InvalidArgument for anything else.
absl::StatusOr<std::string> DecodePredicateTerm(absl::string_view bytes);

// True when `bytes` is an encoded predicate (tag check only).
bool IsPredicateTerm(absl::string_view bytes);

}  // namespace kg::graph

#endif  // KG_GRAPH_SERVICE_STORE_TERM_CODEC_H_
