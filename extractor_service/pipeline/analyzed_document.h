// The document as the pipeline sees it after splitting and tokenizing, and
// the entity mentions found in it. Plain data shared by the recognizer, the
// coreference resolver and the relation rules.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_ANALYZED_DOCUMENT_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_ANALYZED_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor_service/pipeline/normalizer.h"
#include "extractor_service/pipeline/sentence_splitter.h"
#include "extractor_service/pipeline/tokenizer.h"

namespace kg::extractor {

enum class EntityClass {
  kPerson,
  kOrganization,
  kUnit,
  kOperation,
  kCampaign,
  kProgramme,
  kPlace,
  kCrimeType,
  // Not an ontology class: a rank or title standing alone ("as Commissioner"),
  // canonical = its expansion. Only in AnalyzedDocument::author_mentions,
  // bound only by Role pattern slots; its value is emitted as text.
  kRole,
};

// Ontology class name ("Person", "CrimeType", ...).
inline const char* ClassName(EntityClass c) {
  switch (c) {
    case EntityClass::kPerson: return "Person";
    case EntityClass::kOrganization: return "Organization";
    case EntityClass::kUnit: return "Unit";
    case EntityClass::kOperation: return "Operation";
    case EntityClass::kCampaign: return "Campaign";
    case EntityClass::kProgramme: return "Programme";
    case EntityClass::kPlace: return "Place";
    case EntityClass::kCrimeType: return "CrimeType";
    case EntityClass::kRole: return "Role";
  }
  return "Thing";
}

struct AnalyzedSentence {
  SentenceSpan span;          // normalised byte offsets
  std::vector<Token> tokens;  // offsets in the normalised text
};

// One mention of an entity in one sentence.
struct Mention {
  EntityClass cls = EntityClass::kPerson;
  std::string canonical;  // canonical entity name (original spelling)
  std::string alias;      // surface form to record as alias, or ""
  int sentence = 0;
  int begin = 0;  // token range [begin, end) in the sentence, prefix included
  int end = 0;
  std::string role;       // Person: has_role value from rank/title, or ""
  std::string role_rule;  // rule id that found the role
  // Person: a second role in apposition after the name ("Insp Ann Lee,
  // gold commander for ..."), with the rule that found it; or "".
  std::string appositive_role;
  std::string appositive_role_rule;
  std::string org;        // Person: organisation named with the role, or ""
  std::string org_rule;
  std::string parent;     // Place: gazetteer parent place, or ""
  bool force = false;     // Organization from the forces/bodies gazetteer
  bool inside_name = false;  // CrimeType/Place inside another entity's name
  bool pronoun = false;      // Person found through a pronoun
  bool acronym = false;      // alias is an acronym introduced in brackets
  bool first_person = false;  // "I", "me", "my" resolved to the author
};

// A named operation, campaign or programme in its own right (not the
// bracketed acronym copy, not inside another name): what document-level
// rules attribute a sentence's places and crime types to.
inline bool IsNamedActivity(const Mention& m) {
  return !m.inside_name && !m.acronym &&
         (m.cls == EntityClass::kOperation || m.cls == EntityClass::kCampaign ||
          m.cls == EntityClass::kProgramme);
}

// Text, sentences and mentions of one document.
// Tokens view `text`, so the document is neither copied nor moved.
struct AnalyzedDocument {
  explicit AnalyzedDocument(std::string_view original) : text(original) {}
  AnalyzedDocument(const AnalyzedDocument&) = delete;
  AnalyzedDocument& operator=(const AnalyzedDocument&) = delete;

  // Original text of tokens [b, e) of sentence `s`.
  std::string_view Slice(int s, int b, int e) const {
    const std::vector<Token>& t = sentences[s].tokens;
    return text.OriginalSlice(t[b].begin, t[e - 1].end);
  }
  // Original text of a normalised byte span.
  std::string_view SliceBytes(uint32_t b, uint32_t e) const {
    return text.OriginalSlice(b, e);
  }

  NormalizedText text;
  std::vector<AnalyzedSentence> sentences;
  std::vector<Mention> mentions;  // ordered by sentence, then position
  // Canonical name of the person a byline names as the document's author
  // ("Posted by Ch Supt Jo Bell"), or "" (see author.h).
  std::string author;
  // With an author: first-person pronouns outside quotations (Person,
  // pronoun and first_person set, canonical = author) and the stand-alone
  // ranks and titles (kRole) of the sentences holding them; ordered like
  // `mentions`. Only pattern slots of class Author or Role bind these, so
  // rules written for named people never see them.
  std::vector<Mention> author_mentions;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_ANALYZED_DOCUMENT_H_
