#include "plan/case_level.hpp"

namespace parity::run {

EffectiveLevel effective_level(const Case& spec, const Profile& profile) {
  if (!spec.must_under_fapi2) {
    return {spec.level, ""};
  }
  const std::string capability(k_fapi2_capability);
  if (profile.capabilities.contains(capability)) {
    return {Level::must,
            "must: a FAPI 2.0 or peer-suite expectation, and the profile declares '" + capability +
                "'"};
  }
  return {Level::should,
          "should: a FAPI 2.0 or peer-suite expectation, and the profile does not declare '" +
              capability + "'"};
}

}  // namespace parity::run
