// ValidateFact: the one definition of a fact every GraphStore accepts;
// CountDistinctFacts: what facts_received counts.
#include "graph_service/store/graph_store.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/iso_date.h"
#include "common/status_macros.h"

namespace kg::graph {
namespace {

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(absl::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    uint32_t min_cp = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F, min_cp = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F, min_cp = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07, min_cp = 0x10000;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    p += extra + 1;
  }
  return true;
}

// Checks a size limit (graph_store.h); the message names the field, its
// size and the limit.
absl::Status CheckSize(absl::string_view field, absl::string_view s,
                       size_t limit) {
  if (s.size() <= limit) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      field, " is ", s.size(), " bytes, over the limit of ", limit));
}

absl::Status CheckName(absl::string_view field, absl::string_view s,
                       size_t limit = kMaxNameBytes) {
  if (s.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is empty"));
  }
  RETURN_IF_ERROR(CheckSize(field, s, limit));
  if (!IsValidUtf8(s)) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is not valid UTF-8"));
  }
  return absl::OkStatus();
}

// lower_snake_case: [a-z][a-z0-9]* words joined by single underscores.
bool IsLowerSnakeCase(absl::string_view s) {
  if (s.empty() || !absl::ascii_islower(s.front()) || s.back() == '_') {
    return false;
  }
  char prev = '\0';
  for (char c : s) {
    const bool ok = absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_';
    if (!ok || (c == '_' && prev == '_')) return false;
    prev = c;
  }
  return true;
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return true;
}

// Plain decimal notation: -?digits(.digits)?
bool IsPlainDecimal(absl::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  const size_t dot = s.find('.');
  if (dot == absl::string_view::npos) return AllDigits(s);
  return AllDigits(s.substr(0, dot)) && AllDigits(s.substr(dot + 1));
}

absl::Status CheckValue(const kg::v1::Value& v) {
  switch (v.kind_case()) {
    case kg::v1::Value::kEntity:
      return CheckName("value.entity", v.entity());
    case kg::v1::Value::kText:
      return CheckName("value.text", v.text(), kMaxTextValueBytes);
    case kg::v1::Value::kInteger:
      return absl::OkStatus();
    case kg::v1::Value::kDecimal:
      RETURN_IF_ERROR(CheckSize("value.decimal", v.decimal(), kMaxNameBytes));
      if (!IsPlainDecimal(v.decimal())) {
        return absl::InvalidArgumentError(absl::StrCat(
            "value.decimal \"", v.decimal(), "\" is not in plain notation"));
      }
      return absl::OkStatus();
    case kg::v1::Value::kDate:
      if (!IsIsoDate(v.date())) {
        return absl::InvalidArgumentError(absl::StrCat(
            "value.date \"", v.date(), "\" is not a YYYY-MM-DD date"));
      }
      return absl::OkStatus();
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("value is not set");
}

absl::Status CheckEvidence(int index, const kg::v1::Evidence& e) {
  const std::string field = absl::StrCat("evidence[", index, "]");
  RETURN_IF_ERROR(CheckName(field + ".document_id", e.document_id()));
  RETURN_IF_ERROR(CheckSize(field + ".sentence", e.sentence(), kMaxSentenceBytes));
  RETURN_IF_ERROR(CheckSize(field + ".rule", e.rule(), kMaxPredicateBytes));
  if (!IsValidUtf8(e.sentence()) || !IsValidUtf8(e.rule())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".sentence or .rule is not valid UTF-8"));
  }
  if (e.begin() > e.end() || e.byte_begin() > e.byte_end()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " has begin after end"));
  }
  if (!e.reported_date().empty() && !IsIsoDate(e.reported_date())) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".reported_date \"", e.reported_date(),
                     "\" is not a YYYY-MM-DD date"));
  }
  // Written so that NaN fails too.
  if (!(e.confidence() > 0.0f && e.confidence() <= 1.0f)) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ".confidence ", e.confidence(), " is not in (0, 1]"));
  }
  return absl::OkStatus();
}

// A fact's triple, viewed in place, for counting distinct facts without
// copying them.
struct TripleView {
  absl::string_view subject;
  absl::string_view predicate;
  kg::v1::Value::KindCase kind;
  absl::string_view text;  // Entity, text, decimal or date.
  int64_t integer;

  explicit TripleView(const kg::v1::Fact& f)
      : subject(f.subject()),
        predicate(f.predicate()),
        kind(f.value().kind_case()),
        text(kind == kg::v1::Value::kEntity    ? f.value().entity()
             : kind == kg::v1::Value::kText    ? f.value().text()
             : kind == kg::v1::Value::kDecimal ? f.value().decimal()
             : kind == kg::v1::Value::kDate    ? f.value().date()
                                               : absl::string_view()),
        integer(kind == kg::v1::Value::kInteger ? f.value().integer() : 0) {}

  bool operator==(const TripleView& o) const {
    return subject == o.subject && predicate == o.predicate &&
           kind == o.kind && text == o.text && integer == o.integer;
  }
  template <typename H>
  friend H AbslHashValue(H h, const TripleView& t) {
    return H::combine(std::move(h), t.subject, t.predicate,
                      static_cast<int>(t.kind), t.text, t.integer);
  }
};

}  // namespace

uint32_t CountDistinctFacts(const std::vector<kg::v1::Fact>& facts, size_t n) {
  n = std::min(n, facts.size());
  absl::flat_hash_set<TripleView> seen;
  seen.reserve(n);
  for (size_t i = 0; i < n; ++i) seen.insert(TripleView(facts[i]));
  return static_cast<uint32_t>(seen.size());
}

absl::Status ValidateFact(const kg::v1::Fact& fact) {
  RETURN_IF_ERROR(CheckName("subject", fact.subject()));
  RETURN_IF_ERROR(CheckName("predicate", fact.predicate(), kMaxPredicateBytes));
  if (!IsLowerSnakeCase(fact.predicate())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "predicate \"", fact.predicate(), "\" is not lower_snake_case"));
  }
  RETURN_IF_ERROR(CheckValue(fact.value()));
  if (fact.evidence().empty()) {
    return absl::InvalidArgumentError("evidence is empty");
  }
  for (int i = 0; i < fact.evidence_size(); ++i) {
    RETURN_IF_ERROR(CheckEvidence(i, fact.evidence(i)));
  }
  return absl::OkStatus();
}

namespace {

class ForwardingReader final : public StoreReader {
 public:
  explicit ForwardingReader(const GraphStore& store) : store_(store) {}
  absl::Status Scan(const IdPattern& pattern,
                    const std::function<bool(const IdTriple&)>& visit) override {
    return store_.Scan(pattern, visit);
  }
  absl::StatusOr<std::vector<kg::v1::Evidence>> GetEvidence(
      const IdTriple& fact, size_t max_records, bool* more) override {
    ASSIGN_OR_RETURN(std::vector<kg::v1::Evidence> all, store_.GetEvidence(fact));
    *more = all.size() > max_records;
    if (*more) all.resize(max_records);
    return all;
  }

 private:
  const GraphStore& store_;
};

}  // namespace

std::unique_ptr<StoreReader> GraphStore::OpenReader() const {
  return std::make_unique<ForwardingReader>(*this);
}

}  // namespace kg::graph

namespace kg::graph {

absl::StatusOr<HistoryInfo> GraphStore::GetHistoryInfo() const {
  return absl::UnimplementedError("this store keeps no history");
}

absl::Status GraphStore::ScanHistory(
    int64_t, const std::function<bool(const RetractedEvidence&)>&) const {
  return absl::UnimplementedError("this store keeps no history");
}

absl::StatusOr<uint64_t> GraphStore::PurgeHistory(int64_t) {
  return absl::UnimplementedError("this store keeps no history");
}

}  // namespace kg::graph
