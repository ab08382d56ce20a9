#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace parity {

/// Sets `name` in an ordered list of name/value pairs: replaces the value of the first pair of
/// that name, or appends the pair (profile push parameters over defaults, a client's over the
/// profile's).
template <typename Value>
void set_or_append(std::vector<std::pair<std::string, Value>>& pairs,
                   const std::string& name,
                   Value value) {
  const auto same = std::find_if(
      pairs.begin(), pairs.end(), [&](const auto& pair) { return pair.first == name; });
  if (same != pairs.end()) {
    same->second = std::move(value);
  } else {
    pairs.emplace_back(name, std::move(value));
  }
}

}  // namespace parity
