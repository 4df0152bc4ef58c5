// Within-document coreference for people: short forms ("Ms Connors",
// "Supt Lawrence", a bare given name) and pronouns ("She said") are
// resolved to a person named in full earlier in the same document.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_COREFERENCE_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_COREFERENCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::extractor {

// Not thread-safe; create one per document.
class PersonResolver {
 public:
  // Records a mention of the person with canonical name `canonical`
  // ("Jane Connors"); it becomes the most recent person.
  void Observe(const std::string& canonical);

  // Most recently observed person whose last name is `surname`, or "".
  std::string BySurname(std::string_view surname) const;

  // Most recently observed person whose first or last name is `name`; "".
  std::string ByNamePart(std::string_view name) const;

  // Person a pronoun refers to: the most recently observed one, or "".
  std::string Last() const;

 private:
  std::vector<std::string> people_;  // in order of last mention, oldest first
};

// True for the subject pronouns that may refer to a person ("He", "she").
bool IsPersonPronoun(std::string_view word);

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_COREFERENCE_H_
