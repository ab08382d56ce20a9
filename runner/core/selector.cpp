#include "core/selector.hpp"

#include "core/suggest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

namespace parity {
namespace {

using Kind = Selector::Kind;

/// RFC 9110 §5.6.2: a header name is a token.
bool is_token(std::string_view text) {
  constexpr std::string_view k_specials = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    return alnum || k_specials.find(c) != std::string_view::npos;
  });
}

/// RFC 6901 §3: a non-empty pointer starts with '/' and escapes only "~0" and "~1".
bool is_json_pointer(std::string_view text) {
  if (text.empty() || text.front() != '/') {
    return false;
  }
  try {
    nlohmann::json::json_pointer pointer{std::string(text)};
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

bool is_parameter_name(std::string_view text) {
  return !text.empty();
}

/// One written form of a selector: a plain name ("status"), or a prefix before ':' and an
/// argument the form checks ("header:<token>").
struct Form {
  std::string_view name;
  Kind kind;
  bool (*valid_argument)(std::string_view);  ///< nullptr for a plain name
};

/// The selector vocabulary: it drives parsing, printing and the did-you-mean.
constexpr std::array<Form, 9> k_forms{{
    {"status", Kind::status, nullptr},
    {"header", Kind::header, is_token},
    {"body", Kind::body, nullptr},
    {"json", Kind::json, nullptr},
    {"json", Kind::json, is_json_pointer},
    {"redirect", Kind::redirect, nullptr},
    {"location", Kind::location, nullptr},
    {"location.base", Kind::location_base, nullptr},
    {"location", Kind::location_param, is_parameter_name},
}};

std::vector<std::string> form_names(bool prefixed) {
  std::vector<std::string> names;
  for (const Form& form : k_forms) {
    if ((form.valid_argument != nullptr) == prefixed) {
      names.emplace_back(form.name);
    }
  }
  return names;
}

}  // namespace

Selector Selector::from_text(std::string_view text) {
  auto selector = parse_selector(text);
  if (!selector) {
    throw std::invalid_argument("invalid selector '" + std::string(text) + "'");
  }
  return std::move(*selector);
}

std::optional<Selector> parse_selector(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  for (const Form& form : k_forms) {
    if (form.name != name || (form.valid_argument != nullptr) != (colon != text.npos)) {
      continue;
    }
    if (form.valid_argument == nullptr) {
      return Selector{form.kind, ""};
    }
    const std::string_view argument = text.substr(colon + 1);
    if (form.valid_argument(argument)) {
      return Selector{form.kind, std::string(argument)};
    }
  }
  return std::nullopt;
}

std::string to_string(const Selector& selector) {
  for (const Form& form : k_forms) {
    if (form.kind == selector.kind &&
        (form.valid_argument != nullptr) == !selector.argument.empty()) {
      return form.valid_argument == nullptr ? std::string(form.name)
                                            : std::string(form.name) + ":" + selector.argument;
    }
  }
  return selector.argument;  // not reached: every kind has a form
}

std::string selector_suggestion(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == text.npos) {
    return suggest(std::string(text), form_names(false));
  }
  const std::string close = suggest(std::string(text.substr(0, colon)), form_names(true));
  return close.empty() ? "" : close + ":…";
}

}  // namespace parity
