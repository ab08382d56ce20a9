// libFuzzer target: the ${name} template engine (eval/vars.hpp). Input: variable lines
// "name=value", then a line "%%", then the template. Properties checked:
// - template_names either returns the names or throws LoadError (never anything else);
// - when it accepts the template, render() succeeds exactly when every name is defined, and
//   otherwise throws std::out_of_range;
// - render_json renders every string of a JSON document the same way.

#include "core/errors.hpp"
#include "eval/vars.hpp"
#include "fuzz/fuzz_support.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace {

using parity::eval::Vars;

Vars read_vars(std::string_view text) {
  Vars vars;
  while (!text.empty()) {
    const std::string_view line = parity::fuzz::take_line(text);
    const auto [name, value] = parity::fuzz::split_once(line, "=");
    vars.set(std::string(name), std::string(value.value_or("")));
  }
  return vars;
}

// Renders `raw`; a template accepted by template_names renders exactly when its names are defined.
void check_render(const Vars& vars, std::string_view raw) {
  const parity::Text text{std::string(raw), {"template", 1, 1}};
  bool well_formed = true;
  bool all_defined = true;
  try {
    for (const auto& name : parity::eval::template_names(text)) {
      all_defined = all_defined && vars.contains(name);
    }
  } catch (const parity::LoadError&) {
    well_formed = false;
  }
  bool rendered = true;
  try {
    (void)vars.render(raw);
  } catch (const std::out_of_range&) {
    rendered = false;
  }
  if (well_formed && rendered != all_defined) {
    std::abort();  // render() and template_names() disagree about the template
  }
}

void check_render_json(const Vars& vars, std::string_view raw) {
  const auto document = nlohmann::json::parse(raw, nullptr, false);
  if (document.is_discarded()) {
    return;
  }
  try {
    (void)vars.render_json(document);
  } catch (const std::out_of_range&) {
    // An undefined variable inside a string: the documented outcome.
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [head, tail] = parity::fuzz::split_once(parity::fuzz::as_text(data, size), "%%\n");
  const Vars vars = tail ? read_vars(head) : Vars{};
  const std::string_view raw = tail ? *tail : head;
  check_render(vars, raw);
  check_render_json(vars, raw);
  return 0;
}
