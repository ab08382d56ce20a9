#pragma once

#include <string>
#include <vector>

namespace parity {

/// Returns the candidate closest to `word` (optimal string alignment distance: insertions,
/// deletions, substitutions and adjacent transpositions), or "" when none is within one edit
/// per three characters (at least one). Used for every "did you mean" in parity.
std::string suggest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace parity
