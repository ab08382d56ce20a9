#pragma once

#include "core/suite.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity::eval {

/// A case's variables (profile values, generated values, captures) and the ${name}
/// template renderer. Contract as nlohmann's: at() throws, value() defaults, contains() tests.
class Vars {
 public:
  /// Defines or replaces variable `name`.
  void set(const std::string& name, std::string value);
  /// Returns whether `name` is defined.
  bool contains(const std::string& name) const;
  /// Throws std::out_of_range naming the variable when it is not defined.
  const std::string& at(const std::string& name) const;
  /// Returns the value of `name`, or `fallback` when it is not defined.
  std::string value(const std::string& name, const std::string& fallback) const;

  /// Renders "${name}" placeholders (suites/README.md, "Variables"); "$${" is a literal "${"
  /// and a lone '$' is literal. Substituted values are not rendered again. Malformed
  /// placeholders (rejected by template_names at load time) are copied as is.
  /// Throws std::out_of_range naming the first undefined variable.
  std::string render(std::string_view raw) const;
  /// Renders `text.raw` (see above).
  std::string render(const Text& text) const { return render(text.raw); }
  /// Renders every string value inside a JSON value (predicate operands); object keys are kept.
  /// Throws std::out_of_range naming the first undefined variable.
  nlohmann::json render_json(const nlohmann::json& value) const;

 private:
  std::map<std::string, std::string> m_values;
};

/// Returns the variable names referenced by a template, in order of appearance.
/// Throws LoadError at `text.where` for an unterminated "${" or an empty/invalid name
/// (names are [A-Za-z0-9_.-]+).
std::vector<std::string> template_names(const Text& text);

}  // namespace parity::eval
