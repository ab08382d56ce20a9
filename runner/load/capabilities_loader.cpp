#include "load/capabilities_loader.hpp"

#include "load/checks.hpp"

namespace parity::load {

void read_capabilities(MapReader& reader, Profile& profile) {
  for (const auto& name : optional_scalar_list(reader, "capabilities")) {
    check_capability(name);
    if (name.value == k_https_capability) {
      throw LoadError(name.where,
                      "capability 'https' follows from 'transport' (https unless the profile "
                      "declares transport: plain_http); do not list it");
    }
    profile.capabilities.insert(name.value);
  }
  if (profile.transport == Transport::https) {
    profile.capabilities.insert(std::string(k_https_capability));
  }
  for (const auto& client : profile.clients) {
    if (!client.unavailable_reason.empty()) {
      continue;
    }
    profile.capabilities.insert("client_auth:" + std::string(to_string(client.auth_method)));
    if (client.auth_method == AuthMethod::none) {
      profile.capabilities.insert("public_clients");
    }
  }
  // A profile that names a metadata document (or the embedded server, which always has one)
  // can run the discovery cases; `parity list` must agree with `parity run` on that.
  if (!profile.metadata_url.empty() || !profile.embedded_server_config.empty()) {
    profile.capabilities.insert("discovery");
  }
  // A completed authorization: no user needed (auto_login), or a usable login script.
  if (profile.capabilities.contains("auto_login") ||
      (profile.login.declared && profile.login.unavailable_reason.empty())) {
    profile.capabilities.insert("login");
  }
}

}  // namespace parity::load
