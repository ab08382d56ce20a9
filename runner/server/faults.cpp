#include "server/faults.hpp"

#include <algorithm>

namespace parity::server {

const std::vector<FaultInfo>& fault_catalogue() {
  static const std::vector<FaultInfo> k_catalogue{
      {"accept_missing_client_id",
       "client_id is optional in a pushed request: taken from the client authentication, and a "
       "push with neither credentials nor client_id is accepted and bound to no client",
       "RFC9126-2.1-n1"},
      {"accept_any_assertion_type",
       "the client_assertion_type value is not checked",
       "RFC7523-2.2-a"},
      {"accept_wrong_secret",
       "client secrets are not compared (client_secret_basic, client_secret_post)",
       "RFC9126-2.1-b1"},
      {"no_www_authenticate",
       "401 invalid_client after HTTP Basic comes without WWW-Authenticate",
       "RFC6749-5.2-b"},
      {"push_returns_200", "a successful push answers 200 instead of 201", "RFC9126-2.2-a"},
      {"expires_in_as_string",
       "expires_in in the push response is a JSON string (\"3\")",
       "RFC9126-2.2-a"},
      {"accept_request_uri_in_push",
       "request_uri in the push body is ignored instead of rejected",
       "RFC9126-2.1-b2"},
      {"accept_plain_pkce",
       "code_challenge_method plain is accepted even when not configured",
       "RFC7636-4.4.1-b"},
      {"default_pkce_method_s256",
       "a code_challenge without code_challenge_method is treated as S256 instead of plain",
       "RFC7636-4.3-a"},
      {"reject_short_state",
       "state values shorter than 8 characters are rejected without a min_state_length policy",
       "RFC6749-4.1.2-b"},
      {"ignore_min_state_length",
       "the configured min_state_length is not enforced",
       "RFC6749-4.1.1-a"},
      {"request_uri_never_expires", "pushed requests never expire", "RFC9126-4-d"},
      {"request_uri_not_bound_to_client", "any client may redeem a request_uri", "RFC9126-2.2-d"},
      {"accept_unknown_request_uri",
       "an unknown request_uri is treated as an empty pushed request and a code is issued to the "
       "client's first redirect URI",
       "RFC9126-4-d"},
      {"drop_state", "the authorization response omits state", "RFC6749-4.1.2-b"},
      {"token_ignores_pkce", "the token endpoint does not check code_verifier", "RFC7636-4.6-a"},
      {"request_uri_reusable", "a request_uri can be redeemed more than once", "RFC9126-4-b"},
      {"guessable_request_uri",
       "request_uri values are a counter (urn:ietf:params:oauth:request_uri:1, :2, …)",
       "RFC9126-2.2-b"},
  };
  return k_catalogue;
}

bool is_known_fault(std::string_view name) {
  const auto& catalogue = fault_catalogue();
  return std::any_of(catalogue.begin(), catalogue.end(), [&](const FaultInfo& fault) {
    return fault.name == name;
  });
}

}  // namespace parity::server
