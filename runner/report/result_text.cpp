#include "report/result_text.hpp"

#include "report/utf8.hpp"

namespace parity::report {
namespace {

constexpr std::size_t k_max_actual_chars = 300;

void append_body(std::string& out, std::string_view body, std::size_t max_body) {
  if (body.empty()) {
    return;
  }
  const std::string_view shown = truncate_utf8(body, max_body);
  out += shown;
  if (shown.empty() || shown.back() != '\n') {
    out += '\n';
  }
  if (shown.size() < body.size()) {
    out += "[… body truncated: ";
    out += std::to_string(body.size());
    out += " bytes in total, ";
    out += std::to_string(shown.size());
    out += " shown]\n";
  }
}

void append_headers(std::string& out, std::string_view prefix, const http::Headers& headers) {
  for (const auto& [name, value] : headers) {
    out += prefix;
    out += name;
    out += ": ";
    out += value;
    out += '\n';
  }
}

/// Appends one decoded code point (`bytes`) so that it cannot act on a terminal: ill-formed
/// UTF-8 becomes U+FFFD and control characters (C0, DEL, C1) become escapes.
void append_visible(std::string& out, std::string_view bytes, const Decoded& one, bool multi_line) {
  if (!one.valid) {
    append_utf8(out, 0xFFFD);
    return;
  }
  const char32_t c = one.code_point;
  if (multi_line && (c == '\n' || c == '\t')) {
    out += static_cast<char>(c);
  } else if (c == '\n' || c == '\r' || c == '\t') {
    out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
  } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
    constexpr std::string_view k_hex = "0123456789abcdef";
    out += "\\x";
    out += k_hex[(c >> 4) & 0xF];
    out += k_hex[c & 0xF];
  } else {
    out += bytes;
  }
}

}  // namespace

std::string single_line(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (chars == max_chars) {
      return out + "…";
    }
    const Decoded one = decode_utf8(text, pos);
    append_visible(out, text.substr(pos, one.length), one, false);
    pos += one.length;
    ++chars;
  }
  return out;
}

std::string value_text(std::string_view value, std::size_t max_chars) {
  return value.empty() ? std::string("(empty)") : single_line(value, max_chars);
}

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded one = decode_utf8(text, pos);
    const bool crlf = text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n';
    if (!crlf) {
      append_visible(out, text.substr(pos, one.length), one, true);
    }
    pos += one.length;
  }
  return out;
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
  append_headers(out, "> ", exchange.request.headers);
  if (exchange.request.tls_identity) {
    out += "> (TLS client certificate: " + exchange.request.tls_identity->description + ")\n";
  }
  append_body(out, exchange.request.body, max_body);
  if (exchange.response.status != 0) {
    out += "< " + std::to_string(exchange.response.status) + "\n";
    append_headers(out, "< ", exchange.response.headers);
    append_body(out, exchange.response.body, max_body);
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
