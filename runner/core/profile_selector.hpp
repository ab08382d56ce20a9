#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace parity {

/// A profile selector of an expect block's `when` (suites/README.md, "Alternatives and
/// profile-dependent expectations"):
/// "capability:<name>" (whether the profile declares it) or "policy:<name>" (its value).
/// Parsed once, when a suite is loaded; to_string() gives back the text.
struct ProfileSelector {
  enum class Kind { capability, policy };

  ProfileSelector() = default;
  ProfileSelector(Kind selector_kind, std::string selector_name)
      : kind(selector_kind), name(std::move(selector_name)) {}
  /// Parses profile selector text written in code (tests); throws std::invalid_argument when
  /// it is not one. Suite files are read with parse_profile_selector().
  template <typename String>
  requires std::convertible_to<const String&, std::string_view> ProfileSelector(const String& text)
      : ProfileSelector(from_text(text)) {}

  bool operator==(const ProfileSelector&) const = default;

  Kind kind = Kind::capability;
  std::string name;  ///< the capability or policy name, not empty

 private:
  static ProfileSelector from_text(std::string_view text);
};

/// Parses "capability:<name>" or "policy:<name>" with a non-empty name; nullopt otherwise.
std::optional<ProfileSelector> parse_profile_selector(std::string_view text);
/// Returns whether `text` is a profile selector (parse_profile_selector succeeds).
bool is_profile_selector(std::string_view text);
/// Returns the selector as written in a suite: "capability:jar", "policy:min_state_length".
std::string to_string(const ProfileSelector& selector);

}  // namespace parity
