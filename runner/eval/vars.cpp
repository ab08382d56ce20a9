#include "eval/vars.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace parity::eval {
namespace {

/// Receives the pieces of a template in order: literal text, or the name of a placeholder.
using PieceSink = std::function<void(bool is_name, std::string_view text)>;

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

bool is_valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_name_char);
}

/// Splits `raw` into literal text and placeholder names. A malformed placeholder is passed on
/// as literal text and the first problem is returned (nullopt when the template is well formed).
std::optional<std::string> scan_template(std::string_view raw, const PieceSink& sink) {
  std::optional<std::string> problem;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const std::size_t dollar = raw.find('$', pos);
    if (dollar == std::string_view::npos) {
      sink(false, raw.substr(pos));
      break;
    }
    sink(false, raw.substr(pos, dollar - pos));
    if (raw.compare(dollar, 3, "$${") == 0) {
      sink(false, "${");
      pos = dollar + 3;
    } else if (raw.compare(dollar, 2, "${") != 0) {
      sink(false, "$");  // a lone '$' is literal
      pos = dollar + 1;
    } else if (const std::size_t close = raw.find('}', dollar + 2);
               close == std::string_view::npos) {
      problem = problem.value_or("unterminated '${' in template '" + std::string(raw) + "'");
      sink(false, raw.substr(dollar));
      break;
    } else {
      const std::string_view name = raw.substr(dollar + 2, close - dollar - 2);
      if (is_valid_name(name)) {
        sink(true, name);
      } else {
        const std::string what = name.empty() ? "empty variable name"
                                              : "invalid variable name '" + std::string(name) +
                                                    "' (names are [A-Za-z0-9_.-]+)";
        problem = problem.value_or(what + " in template '" + std::string(raw) + "'");
        sink(false, raw.substr(dollar, close + 1 - dollar));
      }
      pos = close + 1;
    }
  }
  return problem;
}

}  // namespace

void Vars::set(const std::string& name, std::string value) {
  m_values[name] = std::move(value);
}

bool Vars::contains(const std::string& name) const {
  return m_values.contains(name);
}

const std::string& Vars::at(const std::string& name) const {
  const auto found = m_values.find(name);
  if (found == m_values.end()) {
    throw std::out_of_range("undefined variable '" + name + "'");
  }
  return found->second;
}

std::string Vars::value(const std::string& name, const std::string& fallback) const {
  const auto found = m_values.find(name);
  return found == m_values.end() ? fallback : found->second;
}

std::string Vars::render(std::string_view raw) const {
  std::string out;
  out.reserve(raw.size());
  // Substituted values are never scanned again, so a captured "${x}" stays literal.
  scan_template(raw, [&](bool is_name, std::string_view text) {
    out += is_name ? std::string_view(at(std::string(text))) : text;
  });
  return out;
}

nlohmann::json Vars::render_json(const nlohmann::json& value) const {
  if (value.is_string()) {
    return render(value.get_ref<const std::string&>());
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& element : value) {
      out.push_back(render_json(element));
    }
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, element] : value.items()) {
      out[key] = render_json(element);
    }
    return out;
  }
  return value;
}

std::vector<std::string> template_names(const Text& text) {
  std::vector<std::string> names;
  const auto problem = scan_template(text.raw, [&](bool is_name, std::string_view piece) {
    if (is_name) {
      names.emplace_back(piece);
    }
  });
  if (problem) {
    throw LoadError(text.where, *problem);
  }
  return names;
}

}  // namespace parity::eval
