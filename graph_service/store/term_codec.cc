#include "graph_service/store/term_codec.h"

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kg::graph {
namespace {

constexpr uint64_t kSignBit = uint64_t{1} << 63;

std::string Tagged(TermTag tag, absl::string_view body) {
  std::string out;
  out.reserve(body.size() + 1);
  out.push_back(static_cast<char>(tag));
  out.append(body.data(), body.size());
  return out;
}

std::string EncodeInteger(int64_t v) {
  const uint64_t u = static_cast<uint64_t>(v) ^ kSignBit;
  std::string out(9, '\0');
  out[0] = static_cast<char>(TermTag::kInteger);
  for (int i = 0; i < 8; ++i) {
    out[1 + i] = static_cast<char>((u >> (56 - 8 * i)) & 0xFF);
  }
  return out;
}

int64_t DecodeInteger(absl::string_view body) {
  uint64_t u = 0;
  for (int i = 0; i < 8; ++i) {
    u = (u << 8) | static_cast<uint8_t>(body[i]);
  }
  return static_cast<int64_t>(u ^ kSignBit);
}

}  // namespace

absl::StatusOr<std::string> EncodeValueTerm(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity:
      return Tagged(TermTag::kEntity, value.entity());
    case kg::v1::Value::kText:
      return Tagged(TermTag::kText, value.text());
    case kg::v1::Value::kInteger:
      return EncodeInteger(value.integer());
    case kg::v1::Value::kDecimal:
      return Tagged(TermTag::kDecimal, value.decimal());
    case kg::v1::Value::kDate:
      return Tagged(TermTag::kDate, value.date());
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("value is not set");
}

std::string EncodeEntityTerm(absl::string_view name) {
  return Tagged(TermTag::kEntity, name);
}

std::string EncodePredicateTerm(absl::string_view predicate) {
  return Tagged(TermTag::kPredicate, predicate);
}

absl::StatusOr<kg::v1::Value> DecodeValueTerm(absl::string_view bytes) {
  if (bytes.empty()) return absl::InvalidArgumentError("empty term");
  const auto tag = static_cast<TermTag>(static_cast<uint8_t>(bytes[0]));
  const absl::string_view body = bytes.substr(1);
  kg::v1::Value value;
  switch (tag) {
    case TermTag::kEntity:
      value.set_entity(std::string(body));
      return value;
    case TermTag::kText:
      value.set_text(std::string(body));
      return value;
    case TermTag::kInteger:
      if (body.size() != 8) {
        return absl::InvalidArgumentError(
            absl::StrCat("integer term has ", body.size(), " bytes, not 8"));
      }
      value.set_integer(DecodeInteger(body));
      return value;
    case TermTag::kDecimal:
      value.set_decimal(std::string(body));
      return value;
    case TermTag::kDate:
      value.set_date(std::string(body));
      return value;
    case TermTag::kPredicate:
      return absl::InvalidArgumentError("term is a predicate, not a value");
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown term tag ", static_cast<int>(bytes[0] & 0xFF)));
}

absl::StatusOr<std::string> DecodePredicateTerm(absl::string_view bytes) {
  if (!IsPredicateTerm(bytes)) {
    return absl::InvalidArgumentError("term is not a predicate");
  }
  return std::string(bytes.substr(1));
}

bool IsPredicateTerm(absl::string_view bytes) {
  return !bytes.empty() &&
         static_cast<uint8_t>(bytes[0]) ==
             static_cast<uint8_t>(TermTag::kPredicate);
}

}  // namespace kg::graph
