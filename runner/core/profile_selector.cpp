#include "core/profile_selector.hpp"

#include <array>
#include <stdexcept>

namespace parity {
namespace {

using Kind = ProfileSelector::Kind;

/// The profile selector vocabulary: it drives parsing and printing.
constexpr std::array<std::pair<std::string_view, Kind>, 2> k_prefixes{{
    {"capability:", Kind::capability},
    {"policy:", Kind::policy},
}};

}  // namespace

ProfileSelector ProfileSelector::from_text(std::string_view text) {
  auto selector = parse_profile_selector(text);
  if (!selector) {
    throw std::invalid_argument("invalid profile selector '" + std::string(text) + "'");
  }
  return std::move(*selector);
}

std::optional<ProfileSelector> parse_profile_selector(std::string_view text) {
  for (const auto& [prefix, kind] : k_prefixes) {
    if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix) {
      return ProfileSelector{kind, std::string(text.substr(prefix.size()))};
    }
  }
  return std::nullopt;
}

bool is_profile_selector(std::string_view text) {
  return parse_profile_selector(text).has_value();
}

std::string to_string(const ProfileSelector& selector) {
  for (const auto& [prefix, kind] : k_prefixes) {
    if (kind == selector.kind) {
      return std::string(prefix) + selector.name;
    }
  }
  return selector.name;  // only for a Kind value outside the enumerators
}

}  // namespace parity
