#include "report/cause_groups.hpp"

#include "report/result_text.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace parity::report {
namespace {

constexpr std::size_t k_max_value = 80;
constexpr std::string_view k_any_of_summary = "any_of: no alternative held";

/// The selector a check is about: "json:/error" of "json:/error equals invalid_request".
std::string subject_of(const std::string& description) {
  if (description.rfind("capture ", 0) == 0) {
    return description;  // "capture request_uri from json:/request_uri"
  }
  return description.substr(0, description.find(' '));
}

/// What a failed check saw, as a cause: "was absent", or "was present" for a value the check
/// wanted absent (its text, often an identifier the server generated, would make every case
/// its own cause), else "was <value>".
std::string seen_text(const Check& check) {
  if (check.actual.empty()) {
    return "was empty";
  }
  if (check.description.find(" exists false") != std::string::npos) {
    return "was present";
  }
  return "was " + single_line(check.actual, k_max_value);
}

std::string observed_text(const StepResult& step) {
  const auto status = step.observed.find("status");
  if (status == step.observed.end()) {
    return "no response";
  }
  std::string out = "status " + status->second;
  const auto error = step.observed.find("error");
  out += error == step.observed.end() ? ", no error"
                                      : ", error " + single_line(error->second, k_max_value);
  const auto redirect = step.observed.find("redirect");
  if (redirect != step.observed.end()) {
    out += ", redirect to " + single_line(redirect->second, k_max_value);
  }
  return out;
}

std::string failed_step_cause(const StepResult& step) {
  const std::string kind(to_string(step.kind));
  const Check* summary = nullptr;
  for (const Check& check : step.checks) {
    if (check.passed) {
      continue;
    }
    if (check.description == k_any_of_summary) {
      summary = &check;
    } else if (check.description.rfind('[', 0) != 0) {  // "[label] …" is inside an any_of
      return kind + ": " + subject_of(check.description) + " " + seen_text(check);
    }
  }
  if (summary != nullptr) {
    return kind + ": no accepted answer; got " + observed_text(step);
  }
  return kind + ": " + (step.error.empty() ? "failed" : single_line(step.error, k_max_value));
}

/// "step 'push': Couldn't connect" → "Couldn't connect".
std::string without_step_name(const std::string& error) {
  if (error.rfind("step '", 0) == 0) {
    const std::size_t end = error.find("': ");
    if (end != std::string::npos) {
      return error.substr(end + 3);
    }
  }
  return error;
}

int severity(Outcome outcome) {
  switch (outcome) {
    case Outcome::errored:
      return 3;
    case Outcome::failed:
      return 2;
    case Outcome::warned:
      return 1;
    default:
      return 0;
  }
}

}  // namespace

std::string cause_of(const CaseResult& result) {
  if (result.outcome == Outcome::errored) {
    const std::string error = without_step_name(first_error(result));
    return single_line(error.empty() ? "errored" : error, 300);
  }
  if (result.outcome != Outcome::failed && result.outcome != Outcome::warned) {
    return "";
  }
  for (const StepResult& step : result.steps) {
    if (step.outcome == Outcome::failed || step.outcome == Outcome::warned) {
      return failed_step_cause(step);
    }
  }
  return "failed";
}

std::vector<CauseGroup> cause_groups(const RunResult& result) {
  std::map<std::string, CauseGroup> by_cause;
  std::map<std::string, std::set<std::string>> requirements;
  for (const CaseResult& one : result.cases) {
    const std::string cause = cause_of(one);
    if (cause.empty()) {
      continue;
    }
    CauseGroup& group = by_cause[cause];
    if (group.cases.empty()) {
      group.cause = cause;
      group.outcome = one.outcome;
    } else if (severity(one.outcome) > severity(group.outcome)) {
      group.outcome = one.outcome;
    }
    group.cases.push_back(one.full_id());
    group.totals.add(one.outcome);  // only failed, warned or errored cases have a cause
    requirements[cause].insert(one.requirements.begin(), one.requirements.end());
  }
  std::vector<CauseGroup> groups;
  for (auto& [cause, group] : by_cause) {
    const std::set<std::string>& cited = requirements[cause];
    group.requirements.assign(cited.begin(), cited.end());
    groups.push_back(std::move(group));
  }
  std::stable_sort(groups.begin(), groups.end(), [](const CauseGroup& a, const CauseGroup& b) {
    if (a.cases.size() != b.cases.size()) {
      return a.cases.size() > b.cases.size();
    }
    return severity(a.outcome) > severity(b.outcome);
  });  // ties keep the cause order of the map
  return groups;
}

}  // namespace parity::report
