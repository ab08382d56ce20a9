#pragma once

#include <string>
#include <string_view>

namespace parity::crypto {

/// Raw SHA-256 digest (32 bytes) of `data`.
std::string sha256(std::string_view data);
/// Raw HMAC-SHA-256 of `data` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view data);
/// Compares two byte strings in time independent of where they differ.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace parity::crypto
