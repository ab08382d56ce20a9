#include "load/policies_loader.hpp"

#include "load/checks.hpp"

namespace parity::load {

void read_policies(MapReader& reader, Profile& profile) {
  const auto node = reader.optional_node("policies");
  if (!node) {
    return;
  }
  MapReader policies(*node, reader.file(), "policies");
  for (const auto& name : policies.keys()) {
    const Located located{name, policies.location_of_key(name)};
    check_policy_name(located);
    const YAML::Node value = *policies.optional_node(name);
    if (!value.IsScalar()) {
      throw LoadError(
          value.IsNull() ? policies.location_of_key(name) : location_of(value, reader.file()),
          "policy '" + name + "' must be a scalar value");
    }
    const nlohmann::json json = to_json(value);
    check_policy_value(located, json, location_of(value, reader.file()));
    profile.policies[name] = json;
  }
}

}  // namespace parity::load
