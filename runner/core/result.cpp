#include "core/result.hpp"

namespace parity {

Totals totals(const RunResult& result) {
  Totals counts;
  for (const CaseResult& one : result.cases) {
    switch (one.outcome) {
      case Outcome::passed:
        ++counts.passed;
        break;
      case Outcome::warned:
        ++counts.warned;
        break;
      case Outcome::failed:
        ++counts.failed;
        break;
      case Outcome::errored:
        ++counts.errored;
        break;
      case Outcome::skipped:
        ++counts.skipped;
        break;
    }
  }
  return counts;
}

ExitCode exit_code_for(const RunResult& result) {
  const Totals counts = totals(result);
  if (counts.errored > 0) {
    return ExitCode::errored;
  }
  if (counts.failed > 0) {
    return ExitCode::failed;
  }
  return ExitCode::ok;
}

}  // namespace parity
