#include "bench/graph/fact_generator.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace kg::bench {
namespace {

constexpr const char* kCrimeTypes[] = {
    "violence",  "knife crime", "gun crime",     "robbery",
    "anti-social behaviour",    "burglary",      "shoplifting",
    "theft",     "homicide",    "child sexual abuse", "drugs",
    "domestic abuse", "violence against women and girls", "organised crime",
    "fraud",     "county lines", "moped crime"};
constexpr uint32_t kCrimeTypeCount = sizeof(kCrimeTypes) / sizeof(*kCrimeTypes);

constexpr const char* kFirstNames[] = {
    "Ada",   "Bram",  "Cora",  "Dev",   "Elin",  "Femi",  "Gwen",  "Hal",
    "Ines",  "Jory",  "Kemi",  "Luca",  "Mira",  "Nils",  "Odile", "Pavel",
    "Quinn", "Rosa",  "Soren", "Tova",  "Ugo",   "Vera",  "Wren",  "Xavi",
    "Yara",  "Zane",  "Amos",  "Bea",   "Cyril", "Dora",  "Emil",  "Fern"};
constexpr const char* kRoles[] = {
    "Commander",          "Detective Superintendent", "Chief Inspector",
    "Inspector",          "Sergeant",                 "Police Constable",
    "Detective Constable", "Chief Superintendent",    "Superintendent",
    "Deputy Assistant Commissioner", "Assistant Commissioner",
    "Detective Inspector"};
constexpr const char* kQuoteWords[] = {
    "we",     "will",   "keep",     "working", "with",  "residents", "to",
    "make",   "streets", "safer",   "every",   "report", "matters",  "and",
    "our",    "officers", "remain", "committed", "this", "operation", "shows",
    "that",   "crime",  "does",     "not",     "pay",   "communities", "help"};

constexpr char kConsonants[] = "bdklmnrstv";
constexpr char kVowels[] = "aeio";

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t Hash(uint64_t seed, uint64_t a, uint64_t b) {
  return Mix(Mix(Mix(seed) ^ a) ^ (b * 0x632be59bd9b4e019ULL));
}

// A capitalised pseudo-word, distinct for every n (its length encodes the
// number of syllables, each two letters).
std::string Word(uint64_t n) {
  constexpr uint64_t kSyllables = 40;
  int width = 2;
  uint64_t block = kSyllables * kSyllables;
  while (n >= block) {
    n -= block;
    ++width;
    block *= kSyllables;
  }
  std::string word;
  for (int i = 0; i < width; ++i) {
    const uint64_t s = n % kSyllables;
    n /= kSyllables;
    word.push_back(kConsonants[s / 4]);
    word.push_back(kVowels[s % 4]);
  }
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

kg::v1::Value Entity(std::string name) {
  kg::v1::Value value;
  value.set_entity(std::move(name));
  return value;
}

kg::v1::Value Text(std::string text) {
  kg::v1::Value value;
  value.set_text(std::move(text));
  return value;
}

std::string ValueText(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kEntity: return value.entity();
    case kg::v1::Value::kText: return absl::StrCat("'", value.text(), "'");
    case kg::v1::Value::kInteger: return absl::StrCat(value.integer());
    case kg::v1::Value::kDecimal: return value.decimal();
    case kg::v1::Value::kDate: return value.date();
    default: return "";
  }
}

std::string Quote(uint64_t hash) {
  constexpr size_t kWords = sizeof(kQuoteWords) / sizeof(*kQuoteWords);
  std::string quote = "We";
  const int length = 5 + static_cast<int>(hash % 6);
  for (int i = 0; i < length; ++i) {
    hash = Mix(hash);
    absl::StrAppend(&quote, " ", kQuoteWords[hash % kWords]);
  }
  absl::StrAppend(&quote, " ", Word(hash % 4096));
  return quote;
}

EntityKind KindFromHash(uint64_t hash) {
  const uint64_t bucket = hash % 100;
  if (bucket < 45) return EntityKind::kPerson;
  if (bucket < 49) return EntityKind::kOrganization;
  if (bucket < 59) return EntityKind::kUnit;
  if (bucket < 77) return EntityKind::kOperation;
  if (bucket < 81) return EntityKind::kCampaign;
  if (bucket < 85) return EntityKind::kProgramme;
  return EntityKind::kPlace;
}

}  // namespace

const char* KindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kCrimeType: return "CrimeType";
    case EntityKind::kPerson: return "Person";
    case EntityKind::kOrganization: return "Organization";
    case EntityKind::kUnit: return "Unit";
    case EntityKind::kOperation: return "Operation";
    case EntityKind::kCampaign: return "Campaign";
    case EntityKind::kProgramme: return "Programme";
    case EntityKind::kPlace: return "Place";
  }
  return "";
}

FactGenerator::FactGenerator(const GeneratorOptions& options)
    : options_(options) {
  options_.entities = std::max<uint32_t>(options_.entities, 100);
  options_.documents = std::max<uint32_t>(options_.documents, 1);
  const uint32_t n = options_.entities;
  kinds_.resize(n);
  index_in_kind_.resize(n);
  by_kind_.resize(static_cast<size_t>(EntityKind::kPlace) + 1);
  for (uint32_t id = 0; id < n; ++id) {
    // The crime types are the last ids: popular as values, rarely subjects.
    const EntityKind kind = id >= n - kCrimeTypeCount
                                ? EntityKind::kCrimeType
                                : KindFromHash(Hash(options_.seed, id, 0));
    auto& list = by_kind_[static_cast<size_t>(kind)];
    kinds_[id] = kind;
    index_in_kind_[id] = static_cast<uint32_t>(list.size());
    list.push_back(id);
  }
  zipf_cdf_.resize(n);
  double total = 0;
  for (uint32_t id = 0; id < n; ++id) {
    total += 1.0 / std::pow(id + 1.0, options_.zipf_exponent);
    zipf_cdf_[id] = total;
  }
  for (double& c : zipf_cdf_) c /= total;
}

std::string FactGenerator::DocumentId(uint32_t index) {
  return absl::StrFormat("doc-%07u", index);
}

std::string FactGenerator::EntityName(uint32_t id) const {
  const uint32_t k = index_in_kind_[id];
  switch (kinds_[id]) {
    case EntityKind::kCrimeType: return kCrimeTypes[k];
    case EntityKind::kPerson:
      return absl::StrCat(kFirstNames[k % 32], " ", Word(k / 32));
    case EntityKind::kOrganization: return absl::StrCat(Word(k), " Constabulary");
    case EntityKind::kUnit: return absl::StrCat(Word(k), " Squad");
    case EntityKind::kOperation: return absl::StrCat("Operation ", Word(k));
    case EntityKind::kCampaign: return absl::StrCat("Safer ", Word(k));
    case EntityKind::kProgramme: return absl::StrCat(Word(k), " Scheme");
    case EntityKind::kPlace: return Word(k);
  }
  return "";
}

uint32_t FactGenerator::PickOfKind(EntityKind kind, uint64_t hash) const {
  const auto& list = by_kind_[static_cast<size_t>(kind)];
  const double u = static_cast<double>(hash >> 11) * 0x1.0p-53;
  const size_t index = static_cast<size_t>(list.size() * u * u * u);
  return list[std::min(index, list.size() - 1)];
}

uint32_t FactGenerator::ZipfDraw(double uniform) const {
  const auto it =
      std::lower_bound(zipf_cdf_.begin(), zipf_cdf_.end(), uniform);
  return static_cast<uint32_t>(
      std::min<size_t>(it - zipf_cdf_.begin(), zipf_cdf_.size() - 1));
}

std::vector<FactGenerator::Statement> FactGenerator::Intrinsic(
    uint32_t id) const {
  const uint64_t seed = options_.seed;
  auto h = [&](uint64_t slot) { return Hash(seed, id, slot); };
  auto name = [&](EntityKind kind, uint64_t slot) {
    return Entity(EntityName(PickOfKind(kind, h(slot))));
  };
  std::vector<Statement> out;
  const EntityKind kind = kinds_[id];
  out.push_back({"type", Entity(KindName(kind))});
  switch (kind) {
    case EntityKind::kPerson: {
      out.push_back({"has_role", Text(kRoles[h(1) % 12])});
      out.push_back({"alias", Text(absl::StrCat(
          h(2) % 2 ? "Mr " : "Ms ", Word(index_in_kind_[id] / 32)))});
      out.push_back({"member_of", name(h(3) % 3 == 0 ? EntityKind::kUnit
                                                      : EntityKind::kOrganization,
                                       4)});
      if (h(5) % 4 == 0) {
        static constexpr EntityKind kLed[] = {
            EntityKind::kOperation, EntityKind::kOperation,
            EntityKind::kUnit, EntityKind::kCrimeType,
            EntityKind::kCampaign, EntityKind::kProgramme};
        out.push_back({"leads", name(kLed[h(6) % 6], 7)});
        if (h(5) % 8 == 0) {
          out.push_back({"leads", name(EntityKind::kOperation, 8)});
        }
      }
      break;
    }
    case EntityKind::kOrganization:
      out.push_back({"alias", Text(absl::StrCat("the ", Word(index_in_kind_[id]),
                                                " force"))});
      out.push_back({"operates_in", name(EntityKind::kPlace, 1)});
      break;
    case EntityKind::kUnit:
      out.push_back({"part_of", name(EntityKind::kOrganization, 1)});
      out.push_back({"operates_in", name(EntityKind::kPlace, 2)});
      break;
    case EntityKind::kOperation: {
      out.push_back({"targets", name(EntityKind::kCrimeType, 1)});
      out.push_back({"operates_in", name(EntityKind::kPlace, 2)});
      kg::v1::Value date;
      date.set_date(absl::FormatCivilTime(absl::CivilDay(2015, 1, 1) +
                                          static_cast<int>(h(3) % 3650)));
      out.push_back({"started_on", date});
      kg::v1::Value arrests;
      arrests.set_integer(static_cast<int64_t>(h(4) % 200));
      out.push_back({"arrests", arrests});
      break;
    }
    case EntityKind::kCampaign:
    case EntityKind::kProgramme:
      out.push_back({"targets", name(EntityKind::kCrimeType, 1)});
      out.push_back({"operates_in", name(EntityKind::kPlace, 2)});
      break;
    case EntityKind::kPlace: {
      const uint32_t parent = PickOfKind(EntityKind::kPlace, h(1));
      if (parent != id) out.push_back({"located_in", Entity(EntityName(parent))});
      break;
    }
    case EntityKind::kCrimeType:
      break;
  }
  return out;
}

GeneratedDocument FactGenerator::Document(uint32_t index) const {
  GeneratedDocument doc;
  doc.index = index;
  doc.id = DocumentId(index);
  const uint64_t budget =
      options_.facts / options_.documents +
      (index < options_.facts % options_.documents ? 1 : 0);
  std::mt19937_64 rng(Hash(options_.seed, index, 0xd0c));
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  absl::flat_hash_set<std::string> seen;
  uint32_t offset = 0;
  auto add = [&](const std::string& subject, const Statement& statement) {
    std::string sentence = absl::StrCat(subject, " ", statement.predicate, " ",
                                        ValueText(statement.value), ".");
    if (!seen.insert(absl::StrCat(sentence, "\x1f",
                                  statement.value.kind_case()))
             .second) {
      return;
    }
    kg::v1::Fact& fact = doc.facts.emplace_back();
    fact.set_subject(subject);
    fact.set_predicate(statement.predicate);
    *fact.mutable_value() = statement.value;
    kg::v1::Evidence& evidence = *fact.add_evidence();
    evidence.set_document_id(doc.id);
    const uint32_t end = offset + static_cast<uint32_t>(sentence.size());
    evidence.set_begin(offset);
    evidence.set_end(end);
    evidence.set_byte_begin(offset);
    evidence.set_byte_end(end);
    evidence.set_sentence(std::move(sentence));
    evidence.set_rule(absl::StrCat("synthetic.", statement.predicate));
    evidence.set_confidence(0.9f);
    offset = end + 1;
  };
  // Bounded: every attempt either adds a fact or is one of budget * 50 tries.
  for (uint64_t attempt = 0;
       doc.facts.size() < budget && attempt < budget * 50; ++attempt) {
    const uint32_t id = ZipfDraw(uniform(rng));
    const std::string subject = EntityName(id);
    std::vector<Statement> statements = Intrinsic(id);
    if (kinds_[id] == EntityKind::kPerson && rng() % 2 == 0) {
      // What a person said is news: a statement only this document makes.
      add(subject, {"said", Text(Quote(Hash(index, id, rng())))});
    }
    const uint64_t picks = 1 + rng() % 3;
    for (uint64_t i = 0; i < picks && doc.facts.size() < budget; ++i) {
      add(subject, statements[rng() % statements.size()]);
    }
  }
  return doc;
}

void FactGenerator::ForEachDocument(
    const std::function<bool(const GeneratedDocument&)>& visit) const {
  for (uint32_t index = 0; index < options_.documents; ++index) {
    if (!visit(Document(index))) return;
  }
}

}  // namespace kg::bench
