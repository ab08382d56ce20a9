#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace parity::report {

/// Non-passing cases that share one root cause: a server that answers every refusal with an
/// empty body shows as one group, not as thirty failures.
struct CauseGroup {
  /// What went wrong, the same for every case of the group (see cause_of).
  std::string cause;
  /// The worst outcome among the cases: errored, failed, then warned.
  Outcome outcome = Outcome::failed;
  std::vector<std::string> cases;         ///< full ids, in plan order
  std::vector<std::string> requirements;  ///< cited by the cases; distinct, sorted
  Totals totals;                          ///< the cases' outcomes (failed, warned, errored)
};

/// The root cause of one non-passing case, or "" for a passed or skipped case:
/// - failed or warned: the step kind, the subject of the first failing check outside an
///   `any_of` and the value observed ("push: status was 201", "push: json:/error was absent");
///   when only an `any_of` failed, what the server answered instead ("authorize: no accepted
///   answer; got status 200, no error");
/// - errored: the error, without the step's name ("Couldn't connect to server").
/// The expected value is left out on purpose: the same observed behaviour breaks cases that
/// expect different things, and it is that behaviour a provider has to fix.
std::string cause_of(const CaseResult& result);

/// Groups the failed, warned and errored cases of `result` by cause_of(): the largest group
/// first, then the worst outcome, then the cause text, so that the order is stable.
std::vector<CauseGroup> cause_groups(const RunResult& result);

}  // namespace parity::report
