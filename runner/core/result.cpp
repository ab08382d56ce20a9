#include "core/result.hpp"

#include <array>
#include <cstdio>

namespace parity {

void Totals::add(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed:
      ++passed;
      break;
    case Outcome::warned:
      ++warned;
      break;
    case Outcome::failed:
      ++failed;
      break;
    case Outcome::errored:
      ++errored;
      break;
    case Outcome::skipped:
      ++skipped;
      break;
  }
}

Totals totals(const RunResult& result) {
  Totals counts;
  for (const CaseResult& one : result.cases) {
    counts.add(one.outcome);
  }
  return counts;
}

Totals totals(const std::vector<const CaseResult*>& cases) {
  Totals counts;
  for (const CaseResult* one : cases) {
    counts.add(one->outcome);
  }
  return counts;
}

std::string skip_verdict(const Totals& counts, const SkipPolicy& policy) {
  const int ran = counts.total() - counts.skipped;
  if (ran == 0) {
    if (policy.allow_empty) {
      return "";
    }
    if (counts.total() == 0) {
      return "no case ran: no case matched the selection (--filter, --tag, --suites)";
    }
    return "no case ran: " + std::to_string(counts.skipped) + " of " +
           std::to_string(counts.total()) + " cases were skipped";
  }
  const std::string skipped = std::to_string(counts.skipped) + " of " +
                              std::to_string(counts.total()) + " cases were skipped";
  if (policy.max_skipped_cases && counts.skipped > *policy.max_skipped_cases) {
    return skipped + ", more than --max-skipped " + std::to_string(*policy.max_skipped_cases);
  }
  if (policy.max_skipped_percent &&
      100.0 * counts.skipped > *policy.max_skipped_percent * counts.total()) {
    std::array<char, 32> limit{};
    std::snprintf(limit.data(), limit.size(), "%g", *policy.max_skipped_percent);
    return skipped + ", more than --max-skipped " + limit.data() + "%";
  }
  return "";
}

ExitCode exit_code_for(const RunResult& result, const SkipPolicy& policy) {
  const Totals counts = totals(result);
  if (counts.errored > 0) {
    return ExitCode::errored;
  }
  if (counts.failed > 0) {
    return ExitCode::failed;
  }
  return skip_verdict(counts, policy).empty() ? ExitCode::ok : ExitCode::no_case_ran;
}

}  // namespace parity
