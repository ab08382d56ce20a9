#pragma once

#include <cstddef>
#include <string>

namespace parity::login {

/// The start of `source` for an error message: scripts and styles dropped, white space
/// collapsed, at most `limit` bytes.
std::string source_excerpt(const std::string& source, std::size_t limit);

}  // namespace parity::login
