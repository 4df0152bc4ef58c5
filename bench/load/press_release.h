// Fictional police press releases for the load test, made from a template
// so that every document yields facts (type, has_role, member_of, leads,
// targets, operates_in, said) about a bounded pool of invented people and
// operations. A document is identified by a number; its text depends on
// the number and a version, so re-sending (number, version) is an unchanged
// document and (number, version + 1) is a changed one that replaces facts.
//
// Thread-safe: every method is const and deterministic.
#ifndef KG_BENCH_LOAD_PRESS_RELEASE_H_
#define KG_BENCH_LOAD_PRESS_RELEASE_H_

#include <cstdint>
#include <string>

namespace kg::load {

struct PressRelease {
  std::string id;    // "load-<number>"
  std::string text;  // UTF-8, about 1 KB.
};

class PressReleaseGenerator {
 public:
  // The text of document `number` at `version` (both >= 0).
  PressRelease Make(uint64_t number, uint64_t version) const;

  // Names the readers ask about, drawn from the pools the documents use;
  // `i` is any number (taken modulo the pool size).
  std::string PersonName(uint64_t i) const;     // "Grace Penhale"
  std::string OperationName(uint64_t i) const;  // "Operation Foxglove"
  std::string PlaceName(uint64_t i) const;      // "Croydon"
  std::string ForceName(uint64_t i) const;      // "Kent Police"

  // Distinct values of PersonName (the other pools are smaller).
  static uint64_t PersonCount();
};

}  // namespace kg::load

#endif  // KG_BENCH_LOAD_PRESS_RELEASE_H_
