#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "plan/plan.hpp"
#include "report/run_listener.hpp"
#include "run/executor.hpp"
#include "server/reference_server.hpp"

#include <memory>
#include <string>
#include <vector>

namespace parity::target {

/// A provider ready to be tested: its profile with issuer and endpoints known, and the
/// embedded reference server kept alive for the run when the profile asks for one.
struct Target {
  Profile profile;
  std::unique_ptr<server::ReferenceServer> server;
  std::string error;  ///< non-empty when the provider could not be reached (discovery failed)
};

/// Throws UsageError naming the first of `faults` the reference server does not know.
void check_faults(const std::vector<std::string>& faults);

/// HTTP client options (timeout, size cap, TLS) from a profile.
http::ClientOptions client_options_for(const Profile& profile);

/// Starts the embedded server (with `faults`) when the profile names one, then runs
/// discovery when the profile has a metadata URL. Throws LoadError for a bad server config,
/// UsageError for faults on a profile without an embedded server or an unknown fault name.
Target prepare_target(Profile profile, const std::vector<std::string>& faults);

/// Runs `plan` (made for `prepared.profile`) against `prepared` (whose `error` is empty), each
/// worker with its own CurlClient configured by client_options_for.
RunResult run_planned(const Target& prepared,
                      const run::Plan& plan,
                      const run::RunOptions& options,
                      report::RunListener& listener);

/// Runs the cases of `suites` that `selection` picks against `prepared` (whose `error` is
/// empty), each worker with its own CurlClient configured by client_options_for.
RunResult run_suites(const Target& prepared,
                     const std::vector<Suite>& suites,
                     const run::Selection& selection,
                     const run::RunOptions& options,
                     report::RunListener& listener);

}  // namespace parity::target
