#pragma once

#include "core/result.hpp"
#include "core/suite.hpp"
#include "run/step_runner.hpp"

#include <cstddef>

namespace parity::run {

/// Runs one repetition: run_step for a copy of the step with repeat 1.
using SingleStepRunner = StepResult (*)(const Step&, const StepContext&);

/// How many failed or errored repetitions a repeated step's result shows in full.
inline constexpr std::size_t k_example_repetitions = 3;

/// True for steps with `repeat` above 1 or `concurrently` (suites/README.md, "Repeated and
/// concurrent steps").
bool is_repeated(const Step& step);

/// Sends a request step `step.repeat` times with `run_once`, one after the other on
/// `context.http`, or — `concurrently` — each on its own thread with its own client from
/// `context.make_client`, all released together by a barrier once their requests are built
/// (RFC 9126 §4: a request_uri is one-time use, also under concurrency). Each repetition
/// starts from a copy of the case variables. `expect` must hold in every repetition; the
/// `aggregate` assertions are judged over all of them. The result stays small whatever the
/// count: one check "expect held in every repetition", the failed checks and exchanges of at
/// most k_example_repetitions failed repetitions (or the first repetition's exchange when
/// all passed), the aggregate checks, and observed "repetitions". Captures come from the
/// first (lowest-numbered) repetition that passed. Errored when any repetition errored.
StepResult run_repeated_step(const Step& step,
                             const StepContext& context,
                             SingleStepRunner run_once);

}  // namespace parity::run
