#include "extractor_service/pipeline/internal/word_classes.h"

#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace kg::extractor::internal {

bool IsFunctionWord(const Token& t) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "this", "that", "these", "those", "our", "their",
      "its", "his", "her", "my", "your", "we", "i", "it", "they", "he", "she",
      "in", "on", "at", "for", "by", "with", "from", "under", "among", "since",
      "after", "before", "during", "and", "but", "or", "if", "as", "when",
      "while", "although", "however", "last", "next", "every", "all", "some",
      "more", "most", "up", "over", "both", "between", "there", "here",
      "speaking", "according", "video", "press", "upon",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december",
      "alternatively", "already", "despite", "thanks", "six", "two", "three",
      "four", "five", "one", "further", "meanwhile", "also", "so", "then"};
  return words->contains(absl::string_view(t.lower.data(), t.lower.size()));
}

bool IsGenericModifier(const Token& t) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "national", "international", "local", "regional", "new", "special",
      "major", "joint", "public", "community", "annual", "latest", "current",
      "wider", "further", "recent", "county", "force", "citywide",
      "countywide", "nationwide", "summer", "winter", "spring", "autumn",
      "christmas", "festive", "dedicated", "specialist", "multi-agency"};
  return words->contains(absl::string_view(t.lower.data(), t.lower.size()));
}

bool IsCompassPoint(const Token& t) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "north", "south", "east", "west", "central", "northern", "southern",
      "eastern", "western", "mid", "north-east",
      "north-west", "south-east", "south-west"};
  return words->contains(absl::string_view(t.lower.data(), t.lower.size()));
}

bool IsAcronym(const Token& t) {
  if (t.kind != TokenKind::kWord || t.text.size() < 2) return false;
  std::string_view w = t.text;
  if (w.back() == 's') w.remove_suffix(1);
  if (w.size() < 2) return false;
  for (char c : w) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsReportingVerb(const Token& t) {
  return t.lower == "said" || t.lower == "says" || t.lower == "added" ||
         t.lower == "warned" || t.lower == "explained" || t.lower == "stated";
}

EntityClass ClassFromName(const std::string& name) {
  if (name == "Unit") return EntityClass::kUnit;
  if (name == "Programme") return EntityClass::kProgramme;
  if (name == "Campaign") return EntityClass::kCampaign;
  if (name == "Place") return EntityClass::kPlace;
  if (name == "Operation") return EntityClass::kOperation;
  if (name == "Person") return EntityClass::kPerson;
  return EntityClass::kOrganization;
}

}  // namespace kg::extractor::internal
