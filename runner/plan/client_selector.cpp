#include "plan/client_selector.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

namespace parity::run {
namespace {

constexpr std::string_view k_method_prefix = "method:";
constexpr std::string_view k_other_method_prefix = "other-method:";
constexpr std::string_view k_role_prefix = "role:";
constexpr std::string_view k_property_prefix = "property:";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Lower ranks first: the default client, then plain clients, then clients with another role,
// then clients whose properties (other than `wanted`) make the default push fail.
int rank(const Profile& profile, const Client& client, std::string_view wanted) {
  if (&client == default_client(profile)) {
    return 0;
  }
  const bool restricted = std::any_of(
      client.properties.begin(), client.properties.end(), [&](const std::string& property) {
        return property != wanted && restricts_default_push(property);
      });
  if (restricted) {
    return 3;
  }
  return client.roles.empty() ? 1 : 2;
}

// The best-ranked client that fits; ties go to the first by name, never by file order.
const Client* find_client(const Profile& profile,
                          const std::function<bool(const Client&)>& fits,
                          std::string_view wanted_property = "") {
  const Client* best = nullptr;
  for (const Client& client : profile.clients) {
    if (!fits(client)) {
      continue;
    }
    if (best == nullptr || std::make_tuple(rank(profile, client, wanted_property), client.name) <
                               std::make_tuple(rank(profile, *best, wanted_property), best->name)) {
      best = &client;
    }
  }
  return best;
}

const Client* client_with_role(const Profile& profile, std::string_view role) {
  for (const Client& client : profile.clients) {
    if (client.roles.contains(std::string(role))) {
      return &client;
    }
  }
  return nullptr;
}

ClientChoice choice_or(const Client* client, std::string error) {
  if (client != nullptr) {
    return {client, ""};
  }
  return {nullptr, std::move(error)};
}

// A client with method `name` that is not `excluded` (which may be null).
ClientChoice select_by_method(const Profile& profile,
                              std::string_view name,
                              const Client* excluded) {
  const std::optional<AuthMethod> method = parse_auth_method(name);
  if (!method) {
    return {nullptr, "unknown auth method '" + std::string(name) + "' in client selector"};
  }
  return choice_or(find_client(profile,
                               [&](const Client& client) {
                                 return client.auth_method == *method && &client != excluded;
                               }),
                   "profile has no " + std::string(excluded != nullptr ? "other " : "") +
                       "client with auth method " + std::string(name));
}

ClientChoice select_other(const Profile& profile, const Client* own) {
  const Client* other = client_with_role(profile, client_role::k_other);
  if (other == nullptr) {
    return {nullptr,
            "profile has no client with role 'other' (give a second client roles: [other])"};
  }
  if (other != own) {
    return {other, ""};
  }
  return choice_or(default_client(profile),
                   "the case's client has role 'other' and the profile has no default client");
}

ClientChoice select_by_property(const Profile& profile, std::string_view property) {
  const std::string_view capability = capability_implying(property);
  return choice_or(
      find_client(
          profile,
          [&](const Client& client) { return has_property(profile, client, property); },
          property),
      "profile has no client with property " + std::string(property) + " (properties: [" +
          std::string(property) + "]" +
          (capability.empty() ? std::string()
                              : ", or the server-wide capability " + std::string(capability)) +
          ")");
}

}  // namespace

const Client* default_client(const Profile& profile) {
  if (const Client* client = client_with_role(profile, client_role::k_default_client)) {
    return client;
  }
  return profile.clients.size() == 1 ? &profile.clients.front() : nullptr;
}

bool has_property(const Profile& profile, const Client& client, std::string_view property) {
  if (client.properties.contains(std::string(property))) {
    return true;
  }
  const std::string_view capability = capability_implying(property);
  return !capability.empty() && profile.capabilities.contains(std::string(capability));
}

ClientChoice select_client(const Profile& profile, std::string_view selector, const Client* own) {
  if (profile.clients.empty()) {
    return {nullptr, "profile has no clients"};
  }
  if (selector.empty()) {
    return choice_or(own != nullptr ? own : default_client(profile),
                     "profile has no client with role 'default' (roles: [default])");
  }
  if (starts_with(selector, k_method_prefix)) {
    return select_by_method(profile, selector.substr(k_method_prefix.size()), nullptr);
  }
  if (starts_with(selector, k_other_method_prefix)) {
    const Client* base = own != nullptr ? own : default_client(profile);
    return select_by_method(profile, selector.substr(k_other_method_prefix.size()), base);
  }
  if (starts_with(selector, k_role_prefix)) {
    const std::string_view role = selector.substr(k_role_prefix.size());
    return choice_or(role == client_role::k_default_client ? default_client(profile)
                                                           : client_with_role(profile, role),
                     "profile has no client with role '" + std::string(role) + "'");
  }
  if (starts_with(selector, k_property_prefix)) {
    return select_by_property(profile, selector.substr(k_property_prefix.size()));
  }
  if (selector == "public") {
    return choice_or(
        find_client(profile,
                    [](const Client& client) { return client.auth_method == AuthMethod::none; }),
        "profile has no public client (auth method none)");
  }
  if (selector == "other") {
    return select_other(profile, own);
  }
  // A client's name: only programmatic cases use it; the suite loader refuses names, so that
  // no suite depends on how a profile calls its clients.
  return choice_or(
      find_client(profile, [&](const Client& client) { return client.name == selector; }),
      "profile has no client named '" + std::string(selector) + "'");
}

}  // namespace parity::run
