#include "run/step_runner.hpp"

#include "eval/duration.hpp"
#include "eval/evaluate.hpp"
#include "login/login_flow.hpp"
#include "run/repeated_step.hpp"
#include "run/request_builder.hpp"

#include <algorithm>
#include <thread>

namespace parity::run {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t elapsed_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

void set_error(StepResult& result, std::string error) {
  result.outcome = Outcome::errored;
  result.error = std::move(error);
}

void run_wait(const Step& step, const StepContext& context, StepResult& result) {
  const std::string text = context.vars.render(step.wait);
  const std::optional<std::chrono::milliseconds> duration = eval::parse_duration(text);
  if (!duration) {
    set_error(result, "invalid wait '" + text + "' (" + step.wait.where.str() + ")");
    return;
  }
  if (*duration > context.max_wait) {
    set_error(result,
              "wait of " + format_seconds(*duration) + " exceeds --max-wait (" +
                  format_seconds(context.max_wait) + ")");
    return;
  }
  std::this_thread::sleep_for(*duration);
}

// Captures read the raw exchange (a captured code is needed verbatim); checks too, since
// operands may hold variables the redactor would mask.
void judge(const Step& step,
           const StepContext& context,
           const http::Exchange& exchange,
           StepResult& result) {
  result.checks = eval::apply_captures(step.captures, exchange, context.vars);
  const std::size_t capture_failures = result.checks.size();
  if (!step.expect.empty()) {
    eval::Evaluation evaluation =
        eval::evaluate(step.expect, context.profile, exchange, context.vars);
    if (!evaluation.applicable) {
      set_error(result, "no expectation applies to profile");
      return;
    }
    result.checks.insert(result.checks.end(),
                         std::make_move_iterator(evaluation.checks.begin()),
                         std::make_move_iterator(evaluation.checks.end()));
    if (!evaluation.alternative.empty()) {
      result.observed["alternative"] = evaluation.alternative;
    }
    result.ends_case = evaluation.ends_case;
    if (result.ends_case) {
      // The case ends here: the failed captures (the first checks) were for later steps.
      result.checks.erase(result.checks.begin(),
                          result.checks.begin() + static_cast<std::ptrdiff_t>(capture_failures));
    }
  }
  const bool all_passed = std::all_of(
      result.checks.begin(), result.checks.end(), [](const Check& check) { return check.passed; });
  result.outcome = all_passed ? Outcome::passed : Outcome::failed;
}

// suites/README.md, "Completing an authorization": the profile's login script takes the
// authorization to the redirect to the client, which replaces `exchange` as the judged answer.
bool complete_login(const StepContext& context,
                    http::Redactor& redactor,
                    http::Exchange& exchange,
                    StepResult& result) {
  for (const std::string& secret : context.profile.login.secrets) {
    redactor.add_secret(secret);
  }
  login::LoginResult login = login::complete_authorization(
      context.http, exchange, context.profile.login, context.client.redirect_uris);
  for (const http::Exchange& next : login.exchanges) {
    result.exchanges.push_back(redactor.redact(next));
  }
  if (!login.error.empty()) {
    set_error(result, redactor.redact_text(login.error));
    return false;
  }
  if (!login.exchanges.empty()) {
    exchange = std::move(login.exchanges.back());
  }
  return true;
}

void run_request(const Step& step, const StepContext& context, StepResult& result) {
  BuiltRequest built;
  try {
    built = build_request(step, context.client, context.vars, context.profile);
  } catch (const std::exception& error) {
    set_error(result, std::string("cannot build the request: ") + error.what());
    return;
  }
  http::Redactor redactor = context.redactor;
  for (std::string& secret : built.secrets) {
    redactor.add_secret(std::move(secret));
  }
  // A server may echo whatever was sent (DPoP proofs, deliberately wrong secrets too), in
  // this step's answer or in a value a later step sends on.
  redactor.add_request_credentials(built.request);
  if (context.case_credentials != nullptr) {
    context.case_credentials->apply_to(redactor);
    context.case_credentials->merge(redactor);
  }
  http::Exchange exchange = context.http.send(built.request);
  result.exchanges.push_back(redactor.redact(exchange));
  if (!exchange.transport_error.empty()) {
    set_error(result, redactor.redact_text(exchange.transport_error));
    return;
  }
  if (step.request.login.value_or(false) && !complete_login(context, redactor, exchange, result)) {
    return;
  }
  std::map<std::string, std::string> observed = eval::observe(result.exchanges.back());
  judge(step, context, exchange, result);
  // A check quoting an echoed body must not leak what the exchange no longer shows.
  for (Check& check : result.checks) {
    check.description = redactor.redact_text(check.description);
    check.expected = redactor.redact_text(check.expected);
    check.actual = redactor.redact_text(check.actual);
  }
  observed.merge(result.observed);  // keeps "alternative" next to the observed behaviour
  result.observed = std::move(observed);
}

}  // namespace

void CaseCredentials::merge(const http::Redactor& redactor) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_redactor.merge(redactor);
}

void CaseCredentials::apply_to(http::Redactor& redactor) const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  redactor.merge(m_redactor);
}

StepResult run_step(const Step& step, const StepContext& context) {
  if (is_repeated(step)) {
    return run_repeated_step(step, context, &run_step);
  }
  const Clock::time_point start = Clock::now();
  StepResult result;
  result.name = step.name.empty() ? std::string(to_string(step.kind)) : step.name;
  result.kind = step.kind;
  if (step.kind == StepKind::wait) {
    run_wait(step, context, result);
  } else {
    run_request(step, context, result);
  }
  result.elapsed_ms = elapsed_since(start);
  return result;
}

std::string format_seconds(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  std::string text = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    std::string fraction = std::to_string(1000 + ms % 1000).substr(1);
    fraction.erase(fraction.find_last_not_of('0') + 1);
    text += "." + fraction;
  }
  return text + " s";
}

}  // namespace parity::run
