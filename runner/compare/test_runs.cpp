#include "compare/test_runs.hpp"

namespace parity::compare::test_support {

StepResult step(StepKind kind, std::map<std::string, std::string> observed) {
  StepResult out;
  out.name = std::string(to_string(kind));
  out.kind = kind;
  out.observed = std::move(observed);
  return out;
}

CaseResult one_case(const std::string& suite,
                    const std::string& id,
                    Outcome outcome,
                    std::vector<StepResult> steps) {
  CaseResult out;
  out.suite = suite;
  out.id = id;
  out.title = "title of " + id;
  out.requirements = {"RFC9126-2.2-a"};
  out.outcome = outcome;
  out.steps = std::move(steps);
  return out;
}

ProviderRun provider(const std::string& label, std::vector<CaseResult> cases) {
  ProviderRun run;
  run.label = label;
  run.result.profile_id = label;
  run.result.profile_name = "Provider " + label;
  run.result.cases = std::move(cases);
  return run;
}

}  // namespace parity::compare::test_support
