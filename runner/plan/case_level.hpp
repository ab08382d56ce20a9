#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"

#include <string>

namespace parity::run {

/// The level a case runs at against one profile, and why when the profile decides it.
struct EffectiveLevel {
  Level level = Level::must;
  /// Empty for a fixed `level`; for `level: fapi2`, why the case fails or only warns here.
  std::string reason;
};

/// `spec.level`, except that a `level: fapi2` case (a FAPI 2.0 or peer-suite expectation) is
/// must-level on profiles that declare the `fapi2` capability and should-level elsewhere: those
/// expectations bind only servers that claim FAPI 2.0 (suites/README.md, "Levels").
EffectiveLevel effective_level(const Case& spec, const Profile& profile);

}  // namespace parity::run
