#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parity {

/// The type a policy value must have (profiles/README.md, "Policies").
enum class PolicyType {
  count,        ///< a non-negative integer (a length, a number of parameters)
  seconds,      ///< a positive integer number of seconds
  bytes,        ///< a positive integer number of bytes
  text,         ///< a non-empty string
  pkce_method,  ///< a PKCE code_challenge_method: "plain" or "S256" (RFC 7636 §4.3)
};

/// Names the type for messages and docs ("a positive number of seconds").
std::string_view describe(PolicyType type);

/// One documented policy a profile may declare under `policies:`.
struct PolicyEntry {
  std::string_view name;
  PolicyType type;
  std::string_view meaning;  ///< one line, for `parity` messages and profiles/README.md
};

/// One capability a profile may declare under `capabilities:` (or that parity adds).
struct CapabilityEntry {
  std::string_view name;
  std::string_view meaning;
};

/// The one vocabulary of policy names: the profile loader, suite `when: policy:<name>` and
/// `${policy.<name>}` are checked against it, and profiles/README.md documents each entry
/// (a test keeps them in step).
const std::vector<PolicyEntry>& known_policies();
/// The one vocabulary of capability names (`client_auth:<method>` is checked apart).
const std::vector<CapabilityEntry>& known_capabilities();

/// The entry named `name`; nullptr when unknown.
const PolicyEntry* find_policy(std::string_view name);
/// Every policy name, in table order (for did-you-mean).
std::vector<std::string> policy_names();
/// Every capability name, in table order (for did-you-mean).
std::vector<std::string> capability_names();

}  // namespace parity
