#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace parity::report {

/// Receives run events as they happen (streaming reporters). The runner calls these from
/// one thread at a time, in order: on_run_started, on_case_finished × N, on_run_finished.
class RunListener {
 public:
  RunListener() = default;
  RunListener(const RunListener&) = delete;
  RunListener& operator=(const RunListener&) = delete;
  RunListener(RunListener&&) = delete;
  RunListener& operator=(RunListener&&) = delete;
  virtual ~RunListener() = default;

  virtual void on_run_started(const std::string& profile_id,
                              const std::string& issuer,
                              std::size_t case_count,
                              bool tls_verified) = 0;
  virtual void on_case_finished(const CaseResult& result) = 0;
  virtual void on_run_finished(const RunResult& result) = 0;
};

}  // namespace parity::report
