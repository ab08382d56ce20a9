#pragma once

#include "core/result.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace parity::report {

/// One reason that makes planned cases skip (an unset variable, a missing client, a missing
/// capability, …) and how many cases it costs.
struct SkipCause {
  std::string reason;
  std::size_t cases = 0;
};

/// Events of one run, in order: on_run_started, on_plan_skips, then for each planned case
/// on_case_started (not for skipped cases), any on_wait, and on_case_finished (skipped cases
/// too; in completion order, which differs from plan order when cases run in parallel), and
/// last on_run_finished. The runner serializes the calls (they may come from different worker
/// threads, but never concurrently), so implementations need no locking.
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

  /// Right after on_run_started, only when the profile declares a plain-HTTP test rig
  /// (`transport: plain_http`): the https cases are skipped (RFC 9126 §2).
  virtual void on_plain_http_rig() {}

  /// Before any case runs: what makes cases skip, largest cause first (empty: none skips).
  virtual void on_plan_skips(const std::vector<SkipCause>& /*causes*/) {}

  /// Case `full_id` starts running.
  virtual void on_case_started(const std::string& /*full_id*/) {}

  /// Case `full_id` starts a wait step of `duration` (named `label`: the step's name, or ""
  /// when it has none), e.g. for a request_uri to expire.
  virtual void on_wait(const std::string& /*full_id*/,
                       const std::string& /*label*/,
                       std::chrono::milliseconds /*duration*/) {}

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
