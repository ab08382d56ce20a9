#pragma once

#include "core/http_message.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace parity::run {

/// When one case must be over (profile key `case_deadline_ms`, profiles/README.md "Limits"):
/// its requests, the login included, end by then. Its `wait` steps move the deadline by their
/// length, since --max-wait bounds them and they are what the case is about. Thread-safe (the
/// threads of a `concurrently` step share it).
class CaseDeadline {
 public:
  explicit CaseDeadline(std::chrono::milliseconds budget);

  /// Moves the deadline later by `duration` (a wait step).
  void extend(std::chrono::milliseconds duration);
  /// What is left; zero or less once the deadline has passed.
  std::chrono::milliseconds remaining() const;
  bool expired() const { return remaining().count() <= 0; }
  /// "case deadline of 120 s reached (profile key case_deadline_ms)".
  std::string reason() const;

 private:
  std::chrono::milliseconds m_budget;
  std::atomic<std::int64_t> m_end_ms;  ///< steady clock, milliseconds since its epoch
};

/// An HttpClient that keeps every request inside a CaseDeadline: each request's timeout
/// becomes at most what is left, a request with nothing left is not sent (its exchange is the
/// transport error CaseDeadline::reason()), and a transport error caused by the deadline
/// says so.
class DeadlineClient final : public http::HttpClient {
 public:
  DeadlineClient(http::HttpClient& inner, const CaseDeadline& deadline);
  /// Owns `inner` (a client made for one thread of a `concurrently` step).
  DeadlineClient(std::unique_ptr<http::HttpClient> inner, const CaseDeadline& deadline);

  http::Exchange send(const http::Request& request) override;

 private:
  std::unique_ptr<http::HttpClient> m_owned;
  http::HttpClient& m_inner;
  const CaseDeadline& m_deadline;
};

}  // namespace parity::run
