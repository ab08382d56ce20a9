#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parity {

/// One table of an enumeration's spellings in YAML and reports, read three ways: the name of a
/// value, the value of a name, and every name (for did-you-mean and messages).
template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view name_in(const EnumNames<Enum, N>& table, Enum value) {
  for (const auto& entry : table) {
    if (entry.first == value) {
      return entry.second;
    }
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_in(const EnumNames<Enum, N>& table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.second == name) {
      return entry.first;
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::vector<std::string> names_in(const EnumNames<Enum, N>& table) {
  std::vector<std::string> names;
  names.reserve(N);
  for (const auto& entry : table) {
    names.emplace_back(entry.second);
  }
  return names;
}

}  // namespace parity
