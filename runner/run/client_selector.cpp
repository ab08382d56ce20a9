#include "run/client_selector.hpp"

#include <functional>

namespace parity::run {
namespace {

constexpr std::string_view k_method_prefix = "method:";
constexpr std::string_view k_other_method_prefix = "other-method:";

const Client* find_client(const Profile& profile, const std::function<bool(const Client&)>& fits) {
  for (const Client& client : profile.clients) {
    if (fits(client)) {
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

// The first client with method `name` that is not `excluded` (which may be null).
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

}  // namespace

ClientChoice select_client(const Profile& profile, std::string_view selector, const Client* own) {
  if (profile.clients.empty()) {
    return {nullptr, "profile has no clients"};
  }
  if (selector.empty()) {
    return {own != nullptr ? own : &profile.clients.front(), ""};
  }
  if (selector.substr(0, k_method_prefix.size()) == k_method_prefix) {
    return select_by_method(profile, selector.substr(k_method_prefix.size()), nullptr);
  }
  if (selector.substr(0, k_other_method_prefix.size()) == k_other_method_prefix) {
    const Client* base = own != nullptr ? own : &profile.clients.front();
    return select_by_method(profile, selector.substr(k_other_method_prefix.size()), base);
  }
  if (selector == "public") {
    return choice_or(
        find_client(profile,
                    [](const Client& client) { return client.auth_method == AuthMethod::none; }),
        "profile has no public client (auth method none)");
  }
  if (selector == "other") {
    const Client* base = own != nullptr ? own : &profile.clients.front();
    return choice_or(find_client(profile,
                                 [&](const Client& client) {
                                   return &client != base && client.auth_method != AuthMethod::none;
                                 }),
                     "profile has no other confidential client than '" + base->name + "'");
  }
  return choice_or(
      find_client(profile, [&](const Client& client) { return client.name == selector; }),
      "profile has no client named '" + std::string(selector) + "'");
}

}  // namespace parity::run
