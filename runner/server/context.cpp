#include "server/context.hpp"

#include "server/faults.hpp"

#include <cassert>

namespace parity::server {

bool ServerContext::has_fault(std::string_view name) const {
  assert(is_known_fault(name));
  return config.faults.count(std::string(name)) > 0;
}

const RegisteredClient* ServerContext::find_client(std::string_view client_id) const {
  for (const auto& client : config.clients) {
    if (client.client_id == client_id) {
      return &client;
    }
  }
  return nullptr;
}

}  // namespace parity::server
