#include "bench/load/press_release.h"

#include <array>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kg::load {
namespace {

// Invented people: given names from the extractor's list, made-up surnames.
constexpr std::array<absl::string_view, 18> kFirstNames = {
    "Daniel", "Grace",   "Hannah",  "Joseph", "Karen",  "Lucy",
    "Marcus", "Nadia",   "Oliver",  "Priya",  "Rachel", "Samuel",
    "Thomas", "Victoria", "William", "Zara",   "Helen",  "Owen"};
constexpr std::array<absl::string_view, 20> kSurnames = {
    "Ashby",   "Brennock", "Callow",   "Dunmore",  "Elsworth",
    "Fenwick", "Garside",  "Holloway", "Ingleby",  "Jessop",
    "Kettley", "Lindqvist", "Mallory", "Norcott",  "Oduya",
    "Penhale", "Quarrie",  "Rushmore", "Stanway",  "Thorne"};
// Invented operation names.
constexpr std::array<absl::string_view, 24> kOperations = {
    "Bramble",   "Lantern",   "Copperleaf", "Halyard",  "Meridian",
    "Solstice",  "Tidewater", "Juniper",    "Flintlock", "Harrier",
    "Embergate", "Larchwood", "Quillon",    "Saltmarsh", "Wrenfield",
    "Basalt",    "Citadel",   "Drumlin",    "Foxglove", "Greyfriar",
    "Hollowell", "Ironbark",  "Kingfisher", "Moorhen"};
constexpr std::array<absl::string_view, 12> kPlaces = {
    "Croydon", "Hackney",  "Lambeth",   "Southwark", "Ealing",  "Barnet",
    "Camden",  "Lewisham", "Islington", "Newham",    "Brent",   "Harrow"};
constexpr std::array<absl::string_view, 6> kForces = {
    "Metropolitan Police Service", "Kent Police",  "Essex Police",
    "Sussex Police",               "Surrey Police", "Thames Valley Police"};
constexpr std::array<absl::string_view, 8> kRanks = {
    "Detective Superintendent", "Chief Inspector", "Commander",
    "Detective Chief Inspector", "Superintendent", "Inspector",
    "Chief Superintendent",      "Detective Inspector"};
constexpr std::array<absl::string_view, 10> kCrimes = {
    "knife crime", "robbery",  "burglary", "shoplifting", "drugs",
    "fraud",       "violence", "theft",    "county lines", "moped crime"};
constexpr std::array<absl::string_view, 6> kUnits = {
    "Violent Crime Taskforce", "Serious Crime Squad", "Neighbourhood Team",
    "Proactive Unit",          "Gangs Unit",          "Response Team"};
constexpr std::array<absl::string_view, 6> kQuotes = {
    "We will keep going until the streets are safer for everyone.",
    "Every report from the public helps us to act quickly.",
    "This work is about protecting people who feel let down.",
    "We are targeting the few who cause the most harm.",
    "Residents told us what mattered and we listened.",
    "Officers will stay visible in the area for months to come."};

template <typename Pool>
absl::string_view Pick(const Pool& pool, uint64_t i) {
  return pool[static_cast<size_t>(i % pool.size())];
}

// SplitMix64: spreads (number, version, salt) over the pools.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::string PressReleaseGenerator::PersonName(uint64_t i) const {
  const uint64_t k = i % PersonCount();
  return absl::StrCat(Pick(kFirstNames, k), " ",
                      Pick(kSurnames, k / kFirstNames.size()));
}

std::string PressReleaseGenerator::OperationName(uint64_t i) const {
  return absl::StrCat("Operation ", Pick(kOperations, i));
}

std::string PressReleaseGenerator::PlaceName(uint64_t i) const {
  return std::string(Pick(kPlaces, i));
}

std::string PressReleaseGenerator::ForceName(uint64_t i) const {
  return std::string(Pick(kForces, i));
}

uint64_t PressReleaseGenerator::PersonCount() {
  return kFirstNames.size() * kSurnames.size();
}

PressRelease PressReleaseGenerator::Make(uint64_t number,
                                         uint64_t version) const {
  const uint64_t seed = Mix(number * 1000003 + version);
  const std::string force = ForceName(number);  // Stable per document.
  const std::string lead = PersonName(Mix(seed + 1));
  const std::string deputy = PersonName(Mix(seed + 2));
  const std::string operation = OperationName(Mix(seed + 3));
  const std::string place = PlaceName(Mix(seed + 4));
  const absl::string_view rank = Pick(kRanks, Mix(seed + 5));
  const absl::string_view deputy_rank = Pick(kRanks, Mix(seed + 6));
  const absl::string_view crime = Pick(kCrimes, Mix(seed + 7));
  const absl::string_view crime2 = Pick(kCrimes, Mix(seed + 8) + 1);
  const absl::string_view unit = Pick(kUnits, Mix(seed + 9));
  const absl::string_view quote = Pick(kQuotes, Mix(seed + 10));
  const std::string lead_surname = lead.substr(lead.find(' ') + 1);

  PressRelease release;
  release.id = absl::StrCat("load-", number);
  release.text = absl::StrCat(
      "Press release - ", force, "\n\n", force, " launches ", operation,
      " in ", place, "\n\n", force, " has launched ", operation,
      " to tackle ", crime, " and ", crime2, " in ", place, ".\n\n",
      "The operation is led by ", rank, " ", lead, " from the ", place, " ",
      unit, ", working alongside ", deputy_rank, " ", deputy, ".\n\n", rank,
      " ", lead, " said: \xE2\x80\x9C", quote, "\xE2\x80\x9D\n\n",
      "Officers made ", Mix(seed + 11) % 90 + 3,
      " arrests in the first weeks, ", rank, " ", lead_surname,
      " said.\n\nAnyone with information can contact Crimestoppers "
      "anonymously. (Reference ",
      number, "/", version, ".)\n");
  return release;
}

}  // namespace kg::load
