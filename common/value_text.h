// The text of a typed value, for display, keys and comparisons of spelling.
#ifndef KG_COMMON_VALUE_TEXT_H_
#define KG_COMMON_VALUE_TEXT_H_

#include <string>

#include "kg/v1/fact.pb.h"

namespace kg {

// The value's lexical form without its kind: the entity's name, the text,
// the integer in decimal, the decimal and the date as stored. Empty for an
// unset value. Entity "X" and text "X" give the same string: callers that
// must keep them apart add the kind themselves.
std::string ValueLexicalForm(const kg::v1::Value& value);

}  // namespace kg

#endif  // KG_COMMON_VALUE_TEXT_H_
