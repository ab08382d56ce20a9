#include "run/case_deadline.hpp"

#include "run/step_runner.hpp"

#include <algorithm>

namespace parity::run {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
      .count();
}

}  // namespace

CaseDeadline::CaseDeadline(std::chrono::milliseconds budget)
    : m_budget(budget), m_end_ms(now_ms() + budget.count()) {}

void CaseDeadline::extend(std::chrono::milliseconds duration) {
  m_end_ms += duration.count();
}

std::chrono::milliseconds CaseDeadline::remaining() const {
  return std::chrono::milliseconds(m_end_ms.load() - now_ms());
}

std::string CaseDeadline::reason() const {
  return "case deadline of " + format_seconds(m_budget) + " reached (profile key case_deadline_ms)";
}

DeadlineClient::DeadlineClient(http::HttpClient& inner, const CaseDeadline& deadline)
    : m_inner(inner), m_deadline(deadline) {}

DeadlineClient::DeadlineClient(std::unique_ptr<http::HttpClient> inner,
                               const CaseDeadline& deadline)
    : m_owned(std::move(inner)), m_inner(*m_owned), m_deadline(deadline) {}

http::Exchange DeadlineClient::send(const http::Request& request) {
  const long left = static_cast<long>(m_deadline.remaining().count());
  if (left <= 0) {
    http::Exchange exchange;
    exchange.request = request;
    exchange.transport_error = m_deadline.reason();
    return exchange;
  }
  http::Request bounded = request;
  bounded.timeout_ms = std::min(request.timeout_ms.value_or(left), left);
  http::Exchange exchange = m_inner.send(bounded);
  exchange.request.timeout_ms = request.timeout_ms;
  if (!exchange.transport_error.empty() && m_deadline.expired()) {
    exchange.transport_error = m_deadline.reason() + " (" + exchange.transport_error + ")";
  }
  return exchange;
}

}  // namespace parity::run
