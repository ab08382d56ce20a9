#pragma once

#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"
#include "http/message.hpp"

namespace parity::eval {

/// The checks of one step's expectations and, for `any_of`, the label of the alternative
/// that held (empty when none held or there was no any_of).
struct Evaluation {
  std::vector<Check> checks;
  std::string alternative;
  bool applicable = true;  ///< false when no expectation block applies to the profile
};

/// Picks the first block whose `when` holds for `profile` (nullptr when none does).
const ExpectBlock* choose_block(const std::vector<ExpectBlock>& blocks, const Profile& profile);

/// Evaluates the applicable block against `exchange`. Operand templates are rendered with
/// `vars`. For any_of: passes if at least one alternative passes entirely; on failure the
/// checks of every alternative are reported, each description prefixed with its label.
Evaluation evaluate(const std::vector<ExpectBlock>& blocks,
                    const Profile& profile,
                    const http::Exchange& exchange,
                    const Vars& vars);

/// Stores each capture's selected value in `vars` (strings as is, numbers and booleans as
/// text, other JSON dumped). Returns a failed Check for each capture that selected nothing.
std::vector<Check> apply_captures(const std::vector<Capture>& captures,
                                  const http::Exchange& exchange,
                                  Vars& vars);

/// Behaviour worth comparing across providers: "status", "error" (json:/error or
/// location:error), "error_description", "expires_in", "redirect" (location.base when 3xx),
/// "content_type".
std::map<std::string, std::string> observe(const http::Exchange& exchange);

}  // namespace parity::eval
