// apply_captures() and observe(), declared in eval/evaluate.hpp.
#include "eval/evaluate.hpp"
#include "eval/json_text.hpp"
#include "eval/selector.hpp"

namespace parity::eval {
namespace {

using nlohmann::json;
using Kind = Selector::Kind;

Check absent_capture(const Capture& capture) {
  return Check{"capture " + capture.name + " from " + to_string(capture.selector),
               false,
               "present",
               "absent",
               capture.where};
}

std::optional<json> member(const std::optional<json>& document, const std::string& name) {
  if (!document || !document->is_object()) {
    return std::nullopt;
  }
  const auto found = document->find(name);
  if (found == document->end()) {
    return std::nullopt;
  }
  return *found;
}

/// A response parameter as RFC 6749 §5.2 (JSON body) or §4.1.2.1 (redirect) carries it.
std::optional<json> response_param(const std::optional<json>& document,
                                   const http::Exchange& exchange,
                                   const std::string& name) {
  if (auto value = member(document, name)) {
    return value;
  }
  return select(Selector{Kind::location_param, name}, exchange);
}

void put(std::map<std::string, std::string>& out,
         const std::string& key,
         const std::optional<json>& value) {
  if (value) {
    out[key] = truncate_text(string_form(*value));
  }
}

}  // namespace

std::vector<Check> apply_captures(const std::vector<Capture>& captures,
                                  const http::Exchange& exchange,
                                  Vars& vars) {
  std::vector<Check> failures;
  for (const Capture& capture : captures) {
    const auto value = select(capture.selector, exchange);
    if (!value) {
      failures.push_back(absent_capture(capture));
      continue;
    }
    vars.set(capture.name, string_form(*value));
  }
  return failures;
}

std::map<std::string, std::string> observe(const http::Exchange& exchange) {
  std::map<std::string, std::string> out;
  const auto status = select(Selector{Kind::status, ""}, exchange);
  if (!status) {
    return out;
  }
  put(out, "status", status);
  const auto document = select(Selector{Kind::json, ""}, exchange);
  put(out, "error", response_param(document, exchange, "error"));
  put(out, "error_description", response_param(document, exchange, "error_description"));
  put(out, "expires_in", member(document, "expires_in"));
  put(out, "content_type", select(Selector{Kind::header, "Content-Type"}, exchange));
  if (select(Selector{Kind::redirect, ""}, exchange) == json(true)) {
    put(out, "redirect", select(Selector{Kind::location_base, ""}, exchange));
  }
  return out;
}

}  // namespace parity::eval
