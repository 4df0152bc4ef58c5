#include "graph_service/query/result_collector.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "graph_service/query/value_order.h"

namespace kg::graph {
namespace {

// What malloc takes for an n-byte block (glibc: 8 bytes of header, 16-byte
// granules, 32 at least).
uint64_t HeapBlock(uint64_t n) {
  if (n == 0) return 0;
  return std::max<uint64_t>(32, (n + 8 + 15) / 16 * 16);
}

// A hash table entry of `slot` bytes costs its slot and control byte times
// the table's slack: at most 7/8 full, doubling when it fills, and both
// arrays alive while it rehashes (up to ~3.4 slots per entry at that
// moment). Charged at the peak, so that the guard trips before the
// allocation that would pass the budget, not after.
uint64_t HashEntry(uint64_t slot) { return (slot + 1) * 7 / 2; }

}  // namespace

uint64_t ResultCollector::GroupBytes(size_t keys, size_t counts) {
  using Slot = std::pair<const std::vector<TermId>, Group>;
  return HashEntry(sizeof(Slot)) + HeapBlock(8 * keys) + HeapBlock(8 * counts) +
         HeapBlock(sizeof(absl::flat_hash_set<TermId>) * counts);
}

uint64_t ResultCollector::SeenRowBytes(size_t columns) {
  return HashEntry(sizeof(std::vector<uint64_t>)) + HeapBlock(8 * columns);
}

ResultCollector::ResultCollector(ResultSpec spec, TermDecoder* decoder,
                                 SupportFn support, RowSink* sink)
    : spec_(std::move(spec)),
      decoder_(decoder),
      support_(std::move(support)),
      sink_(sink) {
  if (!spec_.order.empty() && spec_.limit.has_value()) {
    keep_ = spec_.offset + *spec_.limit;
  }
  if (spec_.limit.has_value() && *spec_.limit == 0) done_ = true;
}

bool ResultCollector::Fail(absl::Status status) {
  if (status_.ok()) status_ = std::move(status);
  return false;
}

bool ResultCollector::Charge(uint64_t bytes) {
  memory_ += bytes;
  if (spec_.max_memory_bytes == 0 || memory_ <= spec_.max_memory_bytes) {
    return true;
  }
  return Fail(absl::ResourceExhaustedError(absl::StrCat(
      "query needs more than ", spec_.max_memory_bytes,
      " bytes to sort, count or de-duplicate its rows; add LIMIT, narrow the "
      "patterns or raise max_memory_bytes")));
}

bool ResultCollector::IsCountCell(int cell) const {
  return spec_.aggregate &&
         cell >= static_cast<int>(spec_.group_variables.size());
}

bool ResultCollector::Add(const std::vector<TermId>& binding,
                          const std::vector<IdTriple>& matched) {
  if (done_ || !status_.ok()) return false;
  if (spec_.aggregate) return AddAggregate(binding);
  if (spec_.deduplicate) {
    std::vector<uint64_t> projected;
    projected.reserve(spec_.columns.size());
    for (const auto& column : spec_.columns) {
      projected.push_back(binding[column.cell]);
    }
    if (!Charge(SeenRowBytes(projected.size()))) return false;
    if (!seen_.insert(std::move(projected)).second) return true;
  }
  if (!spec_.order.empty()) {
    return Hold(std::vector<uint64_t>(binding.begin(), binding.end()),
                matched);
  }
  if (skipped_ < spec_.offset) {
    ++skipped_;
    return true;
  }
  // TermId is uint64_t: the binding is the row's cells as it stands.
  return EmitCells(binding, matched);
}

bool ResultCollector::AddAggregate(const std::vector<TermId>& binding) {
  std::vector<TermId> key;
  key.reserve(spec_.group_variables.size());
  for (int var : spec_.group_variables) key.push_back(binding[var]);
  auto [it, inserted] = groups_.try_emplace(std::move(key));
  Group& group = it->second;
  if (inserted) {
    group.first_seen = groups_.size();
    group.counts.assign(spec_.counts.size(), 0);
    group.distinct.resize(spec_.counts.size());
    if (!Charge(GroupBytes(spec_.group_variables.size(),
                           spec_.counts.size()))) {
      return false;
    }
  }
  for (size_t i = 0; i < spec_.counts.size(); ++i) {
    const ResultSpec::Count& count = spec_.counts[i];
    if (count.variable < 0) {
      ++group.counts[i];
      continue;
    }
    const TermId id = binding[count.variable];
    if (id == kNoTerm) continue;
    if (!count.distinct) {
      ++group.counts[i];
    } else if (group.distinct[i].insert(id).second) {
      ++group.counts[i];
      if (!Charge(HashEntry(sizeof(TermId)))) return false;
    }
  }
  return true;
}

bool ResultCollector::Hold(std::vector<uint64_t> cells,
                           const std::vector<IdTriple>& matched) {
  HeldRow row;
  // held_ doubles as it grows: up to 3 HeldRows per row while it moves.
  uint64_t bytes = 3 * sizeof(HeldRow) + HeapBlock(8 * cells.size()) +
                   HeapBlock(sizeof(kg::v1::Value) * spec_.order.size());
  for (const ResultSpec::SortKey& key : spec_.order) {
    absl::StatusOr<kg::v1::Value> value = CellValue(cells, key.cell);
    if (!value.ok()) return Fail(value.status());
    bytes += value->SpaceUsedLong();
    row.keys.push_back(*std::move(value));
  }
  row.cells = std::move(cells);
  if (spec_.with_support) {
    row.matched = matched;
    bytes += HeapBlock(sizeof(IdTriple) * matched.size());
  }
  row.sequence = sequence_++;
  if (!Charge(bytes)) return false;
  held_.push_back(std::move(row));
  if (keep_ > 0 && held_.size() >= 2 * keep_ + 1024) Prune();
  return true;
}

bool ResultCollector::Less(const HeldRow& a, const HeldRow& b) const {
  for (size_t i = 0; i < spec_.order.size(); ++i) {
    const int c = OrderValues(a.keys[i], b.keys[i]);
    if (c != 0) return spec_.order[i].descending ? c > 0 : c < 0;
  }
  return a.sequence < b.sequence;
}

// Keeps the best keep_ rows; the memory they held is released.
void ResultCollector::Prune() {
  auto less = [this](const HeldRow& a, const HeldRow& b) { return Less(a, b); };
  std::nth_element(held_.begin(), held_.begin() + keep_, held_.end(), less);
  const double fraction = static_cast<double>(keep_) / held_.size();
  held_.resize(keep_);
  memory_ = static_cast<uint64_t>(memory_ * fraction);
}

absl::StatusOr<kg::v1::Value> ResultCollector::CellValue(
    const std::vector<uint64_t>& cells, int cell) {
  if (IsCountCell(cell)) {
    kg::v1::Value value;
    value.set_integer(static_cast<int64_t>(cells[cell]));
    return value;
  }
  const int var = spec_.aggregate ? spec_.group_variables[cell] : cell;
  return decoder_->Decode(cells[cell], spec_.predicate_variables[var]);
}

bool ResultCollector::EmitCells(const std::vector<uint64_t>& cells,
                                const std::vector<IdTriple>& matched) {
  kg::v1::QueryRow* row = sink_->StartRow();
  if (!FillRow(cells, matched, row)) {
    sink_->DiscardRow();
    return false;
  }
  ++emitted_;
  const bool more = sink_->CommitRow();
  if (spec_.limit.has_value() && emitted_ >= *spec_.limit) done_ = true;
  return more && !done_;
}

// Every binding gets a value field, an unset Value for an unbound variable.
bool ResultCollector::FillRow(const std::vector<uint64_t>& cells,
                              const std::vector<IdTriple>& matched,
                              kg::v1::QueryRow* row) {
  for (const ResultSpec::Column& column : spec_.columns) {
    kg::v1::Binding* binding = row->add_bindings();
    binding->set_variable(column.name);
    kg::v1::Value* value = binding->mutable_value();
    if (IsCountCell(column.cell)) {
      value->set_integer(static_cast<int64_t>(cells[column.cell]));
      continue;
    }
    const int var =
        spec_.aggregate ? spec_.group_variables[column.cell] : column.cell;
    absl::StatusOr<const kg::v1::Value*> decoded = decoder_->Find(
        cells[column.cell], spec_.predicate_variables[var]);
    if (!decoded.ok()) return Fail(decoded.status());
    value->CopyFrom(**decoded);
  }
  if (spec_.with_support && !spec_.aggregate) {
    const absl::Status status = support_(matched, row);
    if (!status.ok()) return Fail(status);
  }
  return true;
}

absl::Status ResultCollector::Finish() {
  if (!status_.ok()) return status_;
  if (spec_.aggregate) {
    if (groups_.empty() && spec_.group_variables.empty()) {
      groups_[{}].counts.assign(spec_.counts.size(), 0);
    }
    std::vector<std::pair<const std::vector<TermId>*, Group*>> ordered;
    ordered.reserve(groups_.size());
    for (auto& [key, group] : groups_) ordered.push_back({&key, &group});
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
      return a.second->first_seen < b.second->first_seen;
    });
    for (const auto& [key_ptr, group_ptr] : ordered) {
      const std::vector<TermId>& key = *key_ptr;
      const Group& group = *group_ptr;
      std::vector<uint64_t> cells(key.begin(), key.end());
      cells.insert(cells.end(), group.counts.begin(), group.counts.end());
      if (spec_.order.empty()) {
        held_.push_back({std::move(cells), {}, {}, sequence_++});
      } else if (!Hold(std::move(cells), {})) {
        return status_;
      }
    }
    groups_.clear();
  }
  if (held_.empty()) return status_;
  if (!spec_.order.empty()) {
    if (keep_ > 0 && held_.size() > keep_) Prune();
    std::sort(held_.begin(), held_.end(),
              [this](const HeldRow& a, const HeldRow& b) { return Less(a, b); });
  }
  for (size_t i = spec_.offset; i < held_.size() && !done_; ++i) {
    if (!EmitCells(held_[i].cells, held_[i].matched)) break;
  }
  return status_;
}

}  // namespace kg::graph
