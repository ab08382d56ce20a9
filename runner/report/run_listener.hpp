#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>

namespace parity::report {

/// Events of one run, in order: on_run_started, on_case_finished once per planned case
/// (including skipped ones; in completion order, which differs from plan order when cases
/// run in parallel), on_run_finished. The runner serializes the calls (they may come from
/// different worker threads, but never concurrently), so implementations need no locking.
/// Streaming reporters such as ConsoleReporter implement it; it lives in report/, not run/,
/// so that report/ does not depend on the runner.
class RunListener {
 public:
  RunListener() = default;
  RunListener(const RunListener&) = delete;
  RunListener& operator=(const RunListener&) = delete;
  RunListener(RunListener&&) = delete;
  RunListener& operator=(RunListener&&) = delete;
  virtual ~RunListener() = default;

  /// The run against profile `profile_id` (at `issuer`) starts with `case_count` planned
  /// cases; `tls_verified` is false when the profile turned certificate checks off.
  virtual void on_run_started(const std::string& profile_id,
                              const std::string& issuer,
                              std::size_t case_count,
                              bool tls_verified) = 0;

  /// Case `result` has finished (or was skipped); its exchanges are already redacted.
  virtual void on_case_finished(const CaseResult& result) = 0;

  /// The run is over; `result` holds every case in plan order.
  virtual void on_run_finished(const RunResult& result) = 0;
};

/// Listens to nothing: for runs whose caller reads the returned RunResult (selftest, compare).
class SilentListener final : public RunListener {
 public:
  void on_run_started(const std::string& /*profile_id*/,
                      const std::string& /*issuer*/,
                      std::size_t /*case_count*/,
                      bool /*tls_verified*/) override {}
  void on_case_finished(const CaseResult& /*result*/) override {}
  void on_run_finished(const RunResult& /*result*/) override {}
};

}  // namespace parity::report
