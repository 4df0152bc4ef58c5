// A query that names a predicate no fact uses returns no rows, which looks
// like "no answer" when it is a typo ("?p lead ?op"). kg query prints a note
// for such names when a query returns nothing.
#ifndef KG_CLIENTS_CLI_PREDICATE_HINTS_H_
#define KG_CLIENTS_CLI_PREDICATE_HINTS_H_

#include <string>
#include <vector>

namespace kg::cli {

// One line per word of `query` in predicate form (a lower-case name, not in
// quotes, not a variable, keyword or function) that is not in `known`, with
// the closest known names: "no facts use predicate 'lead' (did you mean
// leads?)". Empty when every such word is known.
std::vector<std::string> UnknownPredicateNotes(
    const std::string& query, const std::vector<std::string>& known);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_PREDICATE_HINTS_H_
