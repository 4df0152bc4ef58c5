#include "tests/crash/fact_key.h"

#include "absl/strings/str_cat.h"
#include "common/value_text.h"

namespace kg::crash {

std::string FactKey(const kg::v1::Fact& fact) {
  // Field separators cannot occur in the generated names; the kind number
  // keeps the entity "X" and the text "X" apart.
  return absl::StrCat("<", fact.subject(), "> ", fact.predicate(), " ",
                      static_cast<int>(fact.value().kind_case()), ":\"",
                      ValueLexicalForm(fact.value()), "\"");
}

}  // namespace kg::crash
