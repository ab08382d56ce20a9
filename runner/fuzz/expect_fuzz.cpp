// libFuzzer target: the expectation evaluator (eval/evaluate.hpp) on an arbitrary response.
// Input: a raw response — first line the status (or "error: <text>" for a transport error),
// then "Name: value" header lines, an empty line, and the body — optionally followed by a line
// "%%" and a step's `expect` YAML. Without that YAML, the expectations and captures of one
// committed suite (input size modulo the number of suites) are evaluated against the response
// (what a hostile server can reach);
// with it, that expectation (after load::read_expect accepted it) is evaluated instead.

#include "core/errors.hpp"
#include "eval/evaluate.hpp"
#include "eval/vars.hpp"
#include "fuzz/fuzz_support.hpp"
#include "load/expect_loader.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using parity::ExpectBlock;
using parity::fuzz::split_once;
using parity::fuzz::take_line;

struct Fixed {
  parity::Profile profile;
  std::vector<parity::Suite> suites;
};

const Fixed& fixed() {
  static const Fixed loaded{
      parity::load::load_profile(parity::fuzz::source_path("profiles/reference.yaml")),
      parity::load::load_suites({parity::fuzz::source_path("suites")})};
  return loaded;
}

parity::http::Exchange read_exchange(std::string_view text) {
  parity::http::Exchange exchange;
  exchange.request.url = "https://127.0.0.1:8443/authorize?client_id=parity-basic";
  const std::string_view status = take_line(text);
  if (status.starts_with("error: ")) {
    exchange.transport_error = std::string(status.substr(7));
    return exchange;
  }
  std::from_chars(status.data(), status.data() + status.size(), exchange.response.status);
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (line.empty()) {
      break;
    }
    const auto [name, value] = split_once(line, ": ");
    exchange.response.headers.emplace_back(std::string(name), std::string(value.value_or("")));
  }
  exchange.response.body = std::string(text);
  return exchange;
}

// Defines every variable the operand templates of `blocks` name, so rendering cannot fail.
void define_names(const nlohmann::json& operand, parity::eval::Vars& vars) {
  if (operand.is_string()) {
    for (const auto& name : parity::eval::template_names({operand.get<std::string>(), {}})) {
      vars.set(name, "value-of-" + name);
    }
  }
  if (!operand.is_structured()) {
    return;  // iterating a primitive would visit the value itself
  }
  for (const auto& element : operand) {
    define_names(element, vars);
  }
}

void define_names(const std::vector<ExpectBlock>& blocks, parity::eval::Vars& vars) {
  for (const ExpectBlock& block : blocks) {
    for (const auto& assertion : block.assertions) {
      for (const auto& predicate : assertion.predicates) {
        define_names(predicate.operand, vars);
      }
    }
    define_names(block.any_of, vars);
  }
}

void evaluate(const std::vector<ExpectBlock>& blocks,
              const std::vector<parity::Capture>& captures,
              const parity::http::Exchange& exchange) {
  parity::eval::Vars vars;
  define_names(blocks, vars);
  (void)parity::eval::evaluate(blocks, fixed().profile, exchange, vars);
  (void)parity::eval::apply_captures(captures, exchange, vars);
}

// Evaluates the expectations of one committed suite (chosen by `pick`, so inputs spread over
// all of them and each input stays fast).
void evaluate_suite(const parity::http::Exchange& exchange, std::size_t pick) {
  const auto& suites = fixed().suites;
  for (const auto& kase : suites[pick % suites.size()].cases) {
    for (const auto& step : kase.steps) {
      evaluate(step.expect, step.captures, exchange);
    }
  }
  (void)parity::eval::observe(exchange);
}

void evaluate_yaml(std::string_view yaml, const parity::http::Exchange& exchange) {
  std::vector<ExpectBlock> blocks;
  try {
    blocks = parity::load::read_expect(YAML::Load(std::string(yaml)), "expect.yaml");
  } catch (const YAML::Exception&) {
    return;  // not YAML
  } catch (const parity::LoadError&) {
    return;  // an expectation the loader rejects never reaches the evaluator
  }
  evaluate(blocks, {}, exchange);
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)fixed();
  return 0;
}

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [response, expect] = split_once(parity::fuzz::as_text(data, size), "\n%%\n");
  const parity::http::Exchange exchange = read_exchange(response);
  if (expect) {
    evaluate_yaml(*expect, exchange);
  } else {
    evaluate_suite(exchange, size);
  }
  return 0;
}
