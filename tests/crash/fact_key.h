// Identity of a fact as the crash test compares it: subject, predicate and
// typed value (the type is part of the identity, as in the store).
#ifndef KG_TESTS_CRASH_FACT_KEY_H_
#define KG_TESTS_CRASH_FACT_KEY_H_

#include <string>

#include "kg/v1/fact.pb.h"

namespace kg::crash {

// A string equal for two facts exactly when subject, predicate, value type
// and value are equal; evidence is ignored. Readable, for messages.
std::string FactKey(const kg::v1::Fact& fact);

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_FACT_KEY_H_
