#include "extractor_service/pipeline/coreference.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace kg::extractor {
namespace {

std::string_view LastWord(std::string_view name) {
  const size_t sp = name.rfind(' ');
  return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

std::string_view FirstWord(std::string_view name) {
  return name.substr(0, name.find(' '));
}

}  // namespace

void PersonResolver::Observe(const std::string& canonical) {
  auto it = std::find(people_.begin(), people_.end(), canonical);
  if (it != people_.end()) people_.erase(it);
  people_.push_back(canonical);
}

std::string PersonResolver::BySurname(std::string_view surname) const {
  for (auto it = people_.rbegin(); it != people_.rend(); ++it) {
    if (it->find(' ') != std::string::npos && LastWord(*it) == surname) {
      return *it;
    }
  }
  return "";
}

std::string PersonResolver::ByNamePart(std::string_view name) const {
  for (auto it = people_.rbegin(); it != people_.rend(); ++it) {
    if (it->find(' ') == std::string::npos) continue;
    if (LastWord(*it) == name || FirstWord(*it) == name) return *it;
  }
  return "";
}

std::string PersonResolver::Last() const {
  return people_.empty() ? "" : people_.back();
}

bool IsPersonPronoun(std::string_view word) {
  const std::string w = absl::AsciiStrToLower(absl::string_view(word.data(), word.size()));
  return w == "he" || w == "she";
}

}  // namespace kg::extractor
