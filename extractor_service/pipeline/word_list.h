// A word list of the rules file: lower-case words, looked up by the
// string_view of a token.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_WORD_LIST_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_WORD_LIST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace kg::extractor {

class WordList {
 public:
  void insert(std::string word) {
    const uint32_t bit = FilterBit(word);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    words_.insert(std::move(word));
  }
  // Thread-safe once the list is built. Most words are ruled out by a
  // filter over their length, first and last byte before any hashing.
  bool contains(std::string_view word) const {
    const uint32_t bit = FilterBit(word);
    if ((filter_[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return false;
    return words_.contains(absl::string_view(word.data(), word.size()));
  }
  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }

 private:
  static constexpr uint32_t kFilterBits = 4096;

  static uint32_t FilterBit(std::string_view w) {
    if (w.empty()) return 0;
    const uint32_t first = static_cast<unsigned char>(w.front());
    const uint32_t last = static_cast<unsigned char>(w.back());
    const uint32_t h = (static_cast<uint32_t>(w.size()) * 0x9E3779B1u) ^
                       (first * 0x85EBCA77u) ^ (last * 0xC2B2AE3Du);
    return (h ^ (h >> 15)) % kFilterBits;
  }

  absl::flat_hash_set<std::string> words_;
  uint64_t filter_[kFilterBits / 64] = {};
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_WORD_LIST_H_
