#include "report/result_text.hpp"

#include "core/display_text.hpp"
#include "report/utf8.hpp"

#include <algorithm>
#include <iterator>

namespace parity::report {
namespace {

constexpr std::size_t k_max_actual_chars = 300;

// `cut` is what the recorded excerpt already left out (http/excerpt.hpp).
void append_body(std::string& out,
                 std::string_view body,
                 const http::Cut& cut,
                 std::size_t max_body) {
  if (body.empty() && !cut.truncated) {
    return;
  }
  const std::string_view shown = truncate_utf8(body, max_body);
  out += shown;
  if (shown.empty() || shown.back() != '\n') {
    out += '\n';
  }
  if (shown.size() < body.size() || cut.truncated) {
    out += "[… body truncated: ";
    out += std::to_string(cut.truncated ? cut.original_bytes : body.size());
    out += " bytes in total, ";
    out += std::to_string(shown.size());
    out += " shown]\n";
  }
}

void append_headers(std::string& out,
                    std::string_view prefix,
                    const http::Headers& headers,
                    const http::Cut& cut) {
  for (const auto& [name, value] : headers) {
    out += prefix;
    out += name;
    out += ": ";
    out += value;
    out += '\n';
  }
  if (cut.truncated) {
    out += prefix;
    out += "[… headers truncated: " + std::to_string(cut.original_count) + " headers, " +
           std::to_string(cut.original_bytes) + " bytes in total, " +
           std::to_string(headers.size()) + " shown]\n";
  }
}

}  // namespace

std::string single_line(std::string_view text, std::size_t max_chars) {
  return display_line(text, max_chars);
}

std::string value_text(std::string_view value, std::size_t max_chars) {
  return value.empty() ? std::string("(empty)") : single_line(value, max_chars);
}

std::string visible_text(std::string_view text) {
  return display_text(text);
}

std::vector<const Check*> failing_checks(const CaseResult& result) {
  std::vector<const Check*> out;
  for (const StepResult& step : result.steps) {
    for (const Check& check : step.checks) {
      if (!check.passed) {
        out.push_back(&check);
      }
    }
  }
  return out;
}

std::string check_heading(const Check& check) {
  const std::string where = check.where.str();
  return where.empty() ? check.description : where + ": " + check.description;
}

std::string check_summary(const Check& check) {
  return check.description + "; expected " + value_text(check.expected, k_max_actual_chars) +
         ", actual " + value_text(check.actual, k_max_actual_chars);
}

std::string first_error(const CaseResult& result) {
  if (!result.error.empty()) {
    return result.error;
  }
  for (const StepResult& step : result.steps) {
    if (!step.error.empty()) {
      return step.error;
    }
  }
  for (const StepResult& step : result.steps) {
    for (const http::Exchange& exchange : step.exchanges) {
      if (!exchange.transport_error.empty()) {
        return exchange.transport_error;
      }
    }
  }
  return "";
}

std::string all_errors(const CaseResult& result) {
  // The runner repeats a step's error in the case error and the transport error in the step
  // error; each distinct text is shown once.
  std::string out;
  const auto add = [&out](const std::string& text) {
    if (!text.empty() && out.find(text) == std::string::npos) {
      out += text + "\n";
    }
  };
  add(result.error);
  for (const StepResult& step : result.steps) {
    if (!step.error.empty() && result.error.find(step.error) == std::string::npos) {
      add("step " + step.name + ": " + step.error);
    }
    for (const http::Exchange& exchange : step.exchanges) {
      if (out.find(exchange.transport_error) == std::string::npos) {
        add("step " + step.name + ": transport error: " + exchange.transport_error);
      }
    }
  }
  return out;
}

std::string format_exchange(const http::Exchange& exchange,
                            std::string_view step_name,
                            std::size_t max_body) {
  std::string out =
      "--- step " + std::string(step_name) + " (" + std::to_string(exchange.elapsed_ms) + " ms)\n";
  out += "> " + exchange.request.method + " " + exchange.request.url + "\n";
  append_headers(out, "> ", exchange.request.headers, exchange.request.headers_cut);
  if (exchange.request.tls_identity) {
    out += "> (TLS client certificate: " + exchange.request.tls_identity->description + ")\n";
  }
  append_body(out, exchange.request.body, exchange.request.body_cut, max_body);
  if (exchange.response.status != 0) {
    out += "< " + std::to_string(exchange.response.status) + "\n";
    append_headers(out, "< ", exchange.response.headers, exchange.response.headers_cut);
    append_body(out, exchange.response.body, exchange.response.body_cut, max_body);
  }
  if (!exchange.transport_error.empty()) {
    out += "! transport error: " + exchange.transport_error + "\n";
  }
  return out;
}

std::string format_exchanges(const CaseResult& result, std::size_t max_body) {
  std::string out;
  for (const StepResult& step : result.steps) {
    for (const http::Exchange& exchange : step.exchanges) {
      out += format_exchange(exchange, step.name, max_body);
    }
  }
  return out;
}

std::vector<SuiteCases> cases_by_suite(const RunResult& result) {
  std::vector<SuiteCases> groups;
  for (const CaseResult& one : result.cases) {
    auto found = std::find_if(groups.begin(), groups.end(), [&](const SuiteCases& group) {
      return group.suite == one.suite;
    });
    if (found == groups.end()) {
      groups.push_back({one.suite, {}});
      found = std::prev(groups.end());
    }
    found->cases.push_back(&one);
  }
  return groups;
}

std::string requirements_line(const CaseResult& result) {
  if (result.requirements.empty()) {
    return "";
  }
  std::string out = "requirements: ";
  for (std::size_t i = 0; i < result.requirements.size(); ++i) {
    out += (i == 0 ? "" : ", ") + result.requirements[i];
  }
  return out;
}

}  // namespace parity::report
