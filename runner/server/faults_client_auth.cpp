#include "server/fault_groups.hpp"

namespace parity::server {

// A table of data, one entry per fault: its length is not complexity.
// NOLINTNEXTLINE(readability-function-size)
std::vector<FaultInfo> client_authentication_faults() {
  return {
      {"accept_missing_client_id",
       "client_id is optional in a pushed request: taken from the client authentication, and a "
       "push with neither credentials nor client_id is accepted and bound to no client",
       {"RFC9126-2.1-n1"}},
      {"accept_unauthenticated_confidential_client",
       "a known client_id alone authenticates any client: a confidential client (secret, "
       "assertion or certificate) that sends no credentials is taken for a public one",
       {"RFC9126-2.1-b1#no-credentials",
        "RFC9126-2.1-b#step-1",
        "RFC6749-3.2.1-a",
        "FAPI2-5.3.2.2-d"}},
      {"ignore_basic_credentials",
       "HTTP Basic credentials are not read: only client_secret_post and assertions "
       "authenticate",
       {"RFC6749-2.3.1-a", "RFC9126-2-n1"}},
      {"accept_any_assertion_type",
       "the client_assertion_type value is not checked",
       {"RFC7523-2.2-a", "RFC9126-2.1-b1#assertion"}},
      {"accept_wrong_secret",
       "client secrets are not compared (client_secret_basic, client_secret_post)",
       {"RFC9126-2.1-b1#secret", "RFC9126-2.1-b#step-1"}},
      // RFC 8705 §2: mutual-TLS client authentication.
      {"mtls_certificate_not_required",
       "an mTLS client authenticates with its client_id alone, without a TLS client certificate",
       {"RFC8705-2-a", "RFC9126-2.1-b1#certificate"}},
      {"mtls_chain_not_verified",
       "tls_client_auth accepts a certificate with the right subject that no trusted CA issued",
       {"RFC8705-2.1-a#chain"}},
      {"mtls_subject_not_checked",
       "tls_client_auth accepts any certificate from a trusted CA, whatever its subject",
       {"RFC8705-2.1-a#subject"}},
      {"mtls_self_signed_certificate_not_checked",
       "self_signed_tls_client_auth accepts any certificate, not only the registered one",
       {"RFC8705-2.2-a"}},
      {"no_www_authenticate",
       "401 invalid_client after HTTP Basic comes without WWW-Authenticate",
       {"RFC6749-5.2-b"}},
      // Client assertions (RFC 7523 §3, RFC 9126 §2, OIDC Core §9, FAPI 2.0 §5.3.2.1).
      {"assertion_audience_token_endpoint_only",
       "client assertions are accepted only with aud = the token endpoint (RFC 7523 habit)",
       {"RFC9126-2-e#issuer", "RFC9126-2-e#par-endpoint", "FAPI2-5.3.2.1-b"}},
      {"assertion_audience_issuer_only",
       "client assertions are accepted only with aud = the issuer (OIDC Core draft reading)",
       {"RFC9126-2-e#token-endpoint", "RFC9126-2-e#par-endpoint"}},
      {"reject_par_endpoint_audience",
       "client assertions with aud = the PAR endpoint URL are rejected",
       {"RFC9126-2-e#par-endpoint"}},
      {"accept_iss_sub_mismatch",
       "assertion iss and sub need not be equal: the client is whichever of them is known",
       {"RFC7523-3-2", "RFC7523-3-1"}},
      {"accept_assertion_wrong_audience",
       "the assertion aud is not checked",
       {"RFC7523-3-3", "RFC9126-2.1-b1#assertion"}},
      {"accept_expired_assertion",
       "the assertion exp is not checked",
       {"RFC7523-3-4", "RFC9126-2.1-b1#assertion"}},
      {"accept_future_iat_assertion",
       "an assertion iat in the future is not checked",
       {"FAPI2-5.3.2.1-c#reject-beyond-window"}},
      {"reject_future_iat_assertion",
       "no clock skew: an assertion whose iat is after the server's clock is rejected",
       {"FAPI2-5.3.2.1-c#accept-skew"}},
      {"accept_replayed_jti", "assertion jti values are not remembered (replay)", {"OIDC-9-b"}},
      {"assertion_errors_invalid_request",
       "an invalid client assertion is refused with invalid_request instead of invalid_client",
       {"RFC7521-4.2.1-a"}},
      {"accept_assertion_wrong_key",
       "the assertion signature is not verified",
       {"RFC7523-3-9", "RFC9126-2.1-b1#assertion"}},
      {"accept_alg_none_assertion",
       "an unsigned (alg none) assertion is accepted",
       {"RFC7523-3-9", "RFC9126-2.1-b1#assertion"}},
      {"accept_two_auth_methods",
       "with several client authentication methods the first one wins (Basic, assertion, "
       "client_secret) instead of an error",
       {"RFC6749-2.3-c"}},
      {"ignore_credentials_in_query",
       "client credentials in the URL query are ignored instead of rejected",
       {"RFC6749-2.3.1-c"},
       true},  // the MUST NOT binds the client
  };
}

}  // namespace parity::server
