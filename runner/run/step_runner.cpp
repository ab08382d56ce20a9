#include "run/step_runner.hpp"

#include "eval/duration.hpp"
#include "eval/evaluate.hpp"
#include "http/excerpt.hpp"
#include "login/browser_login.hpp"
#include "login/login_flow.hpp"
#include "request/request_builder.hpp"
#include "run/repeated_step.hpp"

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
  if (context.deadline != nullptr) {
    context.deadline->extend(*duration);  // --max-wait bounds waits, not the case deadline
  }
  if (context.on_wait) {
    // Default names ("wait", "wait#2") say nothing a reader does not know.
    const bool named =
        step.name.rfind("wait", 0) != 0 || (step.name.size() > 4 && step.name[4] != '#');
    context.on_wait(named ? step.name : std::string(), *duration);
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

// Learns the credentials `exchange` carries (tokens, codes, cookies) and records it as
// reports show it: those and every secret masked, bodies and headers cut to excerpts.
void record(const StepContext& context,
            http::Redactor& redactor,
            const http::Exchange& exchange,
            StepResult& result) {
  redactor.add_exchange_credentials(exchange);
  if (context.case_credentials != nullptr) {
    context.case_credentials->merge(redactor);  // a later step may send them on
  }
  result.exchanges.push_back(
      http::excerpt(redactor.redact(exchange), context.profile.max_recorded_bytes));
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
    record(context, redactor, next, result);
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

// profiles/README.md, "Browser login": a real browser sends the authorization request and
// logs in; its network log gives the exchanges, the last one (the redirect to the client or
// the error page) is judged.
bool complete_login_in_browser(const StepContext& context,
                               const http::Request& authorization,
                               http::Redactor& redactor,
                               http::Exchange& exchange,
                               StepResult& result) {
  for (const std::string& secret : context.profile.login.secrets) {
    redactor.add_secret(secret);
  }
  if (authorization.method != "GET" || !authorization.body.empty()) {
    set_error(result, "browser login: the authorization request must be a plain GET");
    return false;
  }
  if (context.browser == nullptr) {
    set_error(result, "browser login: this run has no browser");
    return false;
  }
  login::LoginResult login = login::login_in_browser(
      *context.browser, {authorization.url, context.client.redirect_uris, context.case_id});
  for (const http::Exchange& next : login.exchanges) {
    result.exchanges.push_back(redactor.redact(next));
  }
  result.login_screenshot = login.screenshot;
  if (!login.error.empty() || login.exchanges.empty()) {
    set_error(result,
              redactor.redact_text(login.error.empty() ? "browser login: nothing happened"
                                                       : login.error));
    return false;
  }
  exchange = std::move(login.exchanges.back());
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
  for (const std::string& secret : built.secrets) {
    redactor.add_secret(secret);
  }
  // A server may echo whatever was sent (DPoP proofs, deliberately wrong secrets too), in
  // this step's answer or in a value a later step sends on.
  redactor.add_request_credentials(built.request);
  if (context.case_credentials != nullptr) {
    context.case_credentials->apply_to(redactor);
    context.case_credentials->merge(redactor);
  }
  const bool login = step.request.login.value_or(false);
  http::Exchange exchange;
  if (login && context.profile.login.browser.declared) {
    if (!complete_login_in_browser(context, built.request, redactor, exchange, result)) {
      return;
    }
  } else {
    exchange = context.http.send(built.request);
    record(context, redactor, exchange, result);
    if (!exchange.transport_error.empty()) {
      set_error(result, redactor.redact_text(exchange.transport_error));
      return;
    }
    if (login && !complete_login(context, redactor, exchange, result)) {
      return;
    }
  }
  // Observed from the whole (redacted) answer: the recorded excerpt may have cut the body.
  std::map<std::string, std::string> observed = eval::observe(redactor.redact(exchange));
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
