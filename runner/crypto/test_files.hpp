#pragma once

#include "core/build_info.hpp"

#include <fstream>
#include <sstream>
#include <string>

// Shared by the parity_crypto tests only.
namespace parity::crypto::test_support {

/// Absolute path of a committed test key in fixtures/keys/.
inline std::string key_path(const std::string& name) {
  return parity::build_info::fixture_path("keys/") + name;
}

/// Whole file as bytes ("" when unreadable).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Writes `bytes` to `path`, replacing it.
inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace parity::crypto::test_support
