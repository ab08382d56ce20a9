#include "core/transport.hpp"

#include "core/enum_names.hpp"

namespace parity {
namespace {

constexpr EnumNames<Transport, 2> k_transports{{
    {Transport::https, "https"},
    {Transport::plain_http, "plain_http"},
}};

}  // namespace

std::string_view to_string(Transport transport) {
  return name_in(k_transports, transport);
}

std::optional<Transport> parse_transport(std::string_view name) {
  return value_in(k_transports, name);
}

std::vector<std::string> transport_names() {
  return names_in(k_transports);
}

std::string plain_http_skip_reason() {
  return "the profile declares a plain-HTTP test rig (transport: plain_http); RFC 9126 §2 "
         "requires https";
}

}  // namespace parity
