#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"

#include <map>
#include <string>
#include <vector>

namespace parity::eval {

/// The checks of one step's expectations and, for `any_of`, the label of the alternative
/// that held (empty when none held or there was no any_of; "outer / inner" when the held
/// alternative itself held through a nested any_of).
struct Evaluation {
  std::vector<Check> checks;
  std::string alternative;
  bool applicable = true;  ///< false when no expectation block applies to the profile
  bool ends_case = false;  ///< the alternative that held says `ends_case: true`
};

/// Picks the first block whose `when` holds for `profile` (nullptr when none does). `when`
/// assertions use select_profile(); their operands are not rendered.
const ExpectBlock* choose_block(const std::vector<ExpectBlock>& blocks, const Profile& profile);

/// Evaluates the applicable block against `exchange` (suites/README.md, "Expectations" and
/// "Alternatives"): one Check per predicate, described "<selector> <predicate> <operand>".
/// Operand templates are rendered with `vars` (an undefined variable throws
/// std::out_of_range); for `status`, operands holding a decimal number compare as integers.
/// For any_of (alternatives whose `when` fails are skipped): one passing Check
/// "any_of: <label> held" if an alternative passes entirely (unlabelled ones are
/// "alternative N"); otherwise the checks of every alternative, each description prefixed
/// "[<label>] ", then the failed Check "any_of: no alternative held".
/// `applicable` is false when no block applies to `profile`.
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
/// location:error), "error_description" (likewise), "expires_in" (json:/expires_in),
/// "redirect" (location.base when 3xx with a Location), "content_type". Keys whose value is
/// absent are left out; empty when there was no response. Long values are truncated.
std::map<std::string, std::string> observe(const http::Exchange& exchange);

}  // namespace parity::eval
