#pragma once

#include "core/profile.hpp"
#include "core/result.hpp"
#include "http/message.hpp"
#include "report/run_listener.hpp"
#include "run/client_factory.hpp"
#include "run/plan.hpp"

#include <chrono>
#include <functional>
#include <memory>

namespace parity::run {

/// Makes one HttpClient per worker thread.
using ClientFactory = HttpClientFactory;

/// How a plan runs.
struct RunOptions {
  int jobs = 4;                                ///< cases run concurrently
  std::chrono::milliseconds max_wait{300000};  ///< longer waits make the case errored
  /// Clients for the threads of `concurrently` steps; run_plan fills it from its factory
  /// when empty. Empty in run_case: such steps are errored.
  ClientFactory make_client;
};

/// Runs one planned case with `client` (suites/README.md, "Verdicts"). Skipped cases return
/// at once with their reason. Steps run in order and the case stops at the first step that
/// does not pass. errored > failed; a failed `level: should` case is warned. Never throws:
/// anything unexpected makes the case errored with the message.
CaseResult run_case(const PlannedCase& planned,
                    const Profile& profile,
                    http::HttpClient& client,
                    const RunOptions& options);

/// Runs every case of `plan` on `options.jobs` worker threads, each with its own client from
/// `make_client`. Results keep plan order; `listener` is called from one thread at a time:
/// on_run_started, on_case_finished as each case finishes, on_run_finished.
RunResult run_plan(const Plan& plan,
                   const RunOptions& options,
                   report::RunListener& listener,
                   const ClientFactory& make_client);

}  // namespace parity::run
