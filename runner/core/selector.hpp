#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace parity {

/// A response selector (suites/README.md, "Expectations"): what an assertion checks or a
/// capture stores. Parsed once, when a suite is loaded; to_string() gives back the text.
struct Selector {
  enum class Kind { status, header, body, json, redirect, location, location_base, location_param };

  Selector() = default;
  Selector(Kind selector_kind, std::string selector_argument)
      : kind(selector_kind), argument(std::move(selector_argument)) {}
  /// Parses selector text written in code (tests, built-in steps): "status", "json:/a", …
  /// Throws std::invalid_argument when it is not a selector; suite files are read with
  /// parse_selector(), which lets the loader report where.
  template <typename String>
  requires std::convertible_to<const String&, std::string_view> Selector(const String& text)
      : Selector(from_text(text)) {}

  bool operator==(const Selector&) const = default;

  Kind kind = Kind::status;
  /// Header name, JSON Pointer (empty for the whole `json` body) or parameter name.
  std::string argument;

 private:
  static Selector from_text(std::string_view text);
};

/// Parses "status", "header:Name", "body", "json", "json:/a/b", "redirect", "location",
/// "location.base" or "location:error"; nullopt when invalid (unknown prefix, header name that
/// is not an RFC 9110 token, JSON Pointer that is not a valid non-empty RFC 6901 pointer,
/// empty parameter name).
std::optional<Selector> parse_selector(std::string_view text);

/// Returns the selector as written in a suite: "status", "header:Cache-Control", "json", …
std::string to_string(const Selector& selector);

/// Returns the selector closest to the invalid `text`, for a did-you-mean: a plain selector
/// ("status") when `text` has no ':', else a prefix followed by ":…" ("json:…"); "" when
/// none is close.
std::string selector_suggestion(std::string_view text);

}  // namespace parity
