#pragma once

#include <string>
#include <string_view>

namespace parity::build_info {

/// The version of this build (the CMake project version, e.g. "0.1.0").
std::string_view version();

/// Where suites/, profiles/ and fixtures/ are the defaults when the working directory has
/// none: the installed data (<prefix>/share/parity next to <prefix>/bin/parity, as the Debian
/// package lays it out) when there is one, else the source tree this binary was built from.
std::string_view source_dir();

/// Returns `relative` under the source tree ("fixtures/keys/client_ec.pem" → absolute path).
std::string source_path(std::string_view relative);

/// Returns `relative` under the source tree's fixtures/ folder.
std::string fixture_path(std::string_view relative);

}  // namespace parity::build_info
