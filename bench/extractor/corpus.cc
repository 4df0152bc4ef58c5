#include "bench/extractor/corpus.h"

#include <cstdint>

namespace kg::bench {
namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
  size_t Next(size_t n) {
    s_ = s_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((s_ >> 33) % n);
  }
  template <size_t N>
  const char* Pick(const char* const (&a)[N]) { return a[Next(N)]; }

 private:
  uint64_t s_;
};

const char* const kForces[] = {"Greater Manchester Police", "West Midlands Police",
                               "Police Scotland", "British Transport Police",
                               "Merseyside Police", "West Yorkshire Police"};
const char* const kRanks[] = {"Det Supt", "Ch Insp", "Insp", "Sgt", "Supt",
                              "Detective Inspector", "Chief Superintendent", "DCI"};
const char* const kFirst[] = {"Carol", "Owen", "Harriet", "Ravi", "Lorna", "Tom",
                              "Priya", "Gareth", "Fiona", "Marcus", "Aisha", "Callum"};
const char* const kLast[] = {"Baines", "Pritchard", "Cole", "Mehta", "Reid", "Ashworth",
                             "Okafor", "Lindqvist", "Doherty", "Marsh", "Quinn", "Travers"};
const char* const kOps[] = {"Kestrel", "Bramble", "Thornbury", "Larch", "Halcyon",
                            "Wayfarer", "Cobalt", "Millstone", "Juniper", "Gannet"};
const char* const kCrimes[] = {"knife crime", "burglary", "robbery", "shoplifting",
                               "county lines", "anti-social behaviour", "drug supply",
                               "domestic abuse", "vehicle crime", "fraud"};
const char* const kPlaces[] = {"Salford", "Oldham", "Stockport", "Wolverhampton",
                               "Coventry", "Glasgow", "Paisley", "Dudley", "Bolton",
                               "Edinburgh", "Walsall", "Wigan"};
const char* const kUnits[] = {"Tactical Aid Unit", "Economic Crime Unit", "Dog Unit",
                              "Serious Collision Investigation Unit", "Burglary Taskforce",
                              "Neighbourhood Crime Team", "Roads Policing Unit"};

std::string Person(Rng& r) {
  return std::string(r.Pick(kFirst)) + " " + r.Pick(kLast);
}

std::string Paragraph(Rng& r) {
  const std::string op = std::string("Operation ") + r.Pick(kOps);
  const std::string who = std::string(r.Pick(kRanks)) + " " + Person(r);
  const std::string crime = r.Pick(kCrimes), crime2 = r.Pick(kCrimes);
  const std::string place = r.Pick(kPlaces), place2 = r.Pick(kPlaces);
  const std::string force = r.Pick(kForces), unit = r.Pick(kUnits);
  switch (r.Next(7)) {
    case 0:
      return op + ", which targeted " + crime + " and " + crime2 + " in " + place +
             ", led to " + std::to_string(3 + r.Next(40)) +
             " arrests and the seizure of \xC2\xA3" + std::to_string(1 + r.Next(9)) +
             ".5 million in cash.";
    case 1:
      return who + ", who is leading " + op + ", said: \xE2\x80\x9CWe will not tolerate " +
             crime + " on our streets and we will keep going after those responsible.\xE2\x80\x9D";
    case 2:
      return "Officers from " + force + "\xE2\x80\x99s " + unit + " carried out " +
             std::to_string(5 + r.Next(30)) + " warrants across " + place + " and " +
             place2 + " as part of the week of action.";
    case 3:
      return "\xE2\x80\x9CThe community has been clear that " + crime +
             " must stop,\xE2\x80\x9D " + who + " said. \xE2\x80\x9CThis work continues.\xE2\x80\x9D";
    case 4:
      return "The " + unit + " was set up to tackle " + crime + ", " + crime2 +
             " and related harm, and works closely with partners in " + place + ".";
    case 5:
      return "Anyone with information can contact " + force +
             " on 101 or call Crimestoppers anonymously on 0800 555 111, quoting log " +
             std::to_string(1000 + r.Next(9000)) + " of " + std::to_string(1 + r.Next(28)) +
             " March.";
    default:
      return "A " + std::to_string(18 + r.Next(40)) + "-year-old man from " + place +
             " was charged with offences linked to " + crime +
             " and will appear before magistrates on Monday.";
  }
}

}  // namespace

std::string GenerateDocument(unsigned seed, size_t bytes) {
  Rng r(seed);
  std::string doc = std::string(r.Pick(kForces)) + " arrests " +
                    std::to_string(2 + r.Next(50)) + " in crackdown on " + r.Pick(kCrimes) +
                    "\n\n";
  while (doc.size() < bytes) {
    doc += Paragraph(r);
    doc += r.Next(3) == 0 ? "\n\n" : " ";
  }
  return doc;
}

std::string GenerateCorpus(size_t total_bytes) {
  std::string corpus;
  for (unsigned seed = 1; corpus.size() < total_bytes; ++seed) {
    corpus += GenerateDocument(seed);
    corpus += "\f\n";
  }
  return corpus;
}

std::vector<std::string> SplitCorpus(const std::string& corpus) {
  std::vector<std::string> docs;
  size_t from = 0;
  while (from < corpus.size()) {
    size_t ff = corpus.find("\f\n", from);
    if (ff == std::string::npos) ff = corpus.size();
    if (ff > from) docs.push_back(corpus.substr(from, ff - from));
    from = ff + 2;
  }
  return docs;
}

}  // namespace kg::bench
