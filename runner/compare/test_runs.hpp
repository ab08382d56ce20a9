#pragma once

#include "compare/provider_run.hpp"
#include "core/result.hpp"

#include <map>
#include <string>

namespace parity::compare::test_support {

/// A step of kind `kind` that observed `observed`.
StepResult step(StepKind kind, std::map<std::string, std::string> observed);

/// A case `suite`/`id` with verdict `outcome` and the given steps.
CaseResult one_case(const std::string& suite,
                    const std::string& id,
                    Outcome outcome,
                    std::vector<StepResult> steps = {});

/// A column labelled `label` holding `cases`.
ProviderRun provider(const std::string& label, std::vector<CaseResult> cases);

}  // namespace parity::compare::test_support
