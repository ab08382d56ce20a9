#include "server/fault_groups.hpp"

namespace parity::server {

// A table of data, one entry per fault: its length is not complexity.
// NOLINTNEXTLINE(readability-function-size)
std::vector<FaultInfo> token_faults() {
  return {
      // The code (RFC 6749 §4.1.2, §4.1.3).
      {"code_reusable",
       "an authorization code can be redeemed more than once",
       {"RFC6749-4.1.2-a#single-use", "FAPI2-5.3.2.2-i"}},
      {"code_not_bound_to_client",
       "any authenticated client may redeem a code, not only the one it was issued to",
       {"RFC6749-4.1.2-a#client-bound"}},
      {"code_never_expires",
       "authorization codes never expire (code_lifetime is not enforced)",
       {"RFC6749-4.1.2-a#short-lived"}},
      {"token_ignores_redirect_uri",
       "the token endpoint does not compare redirect_uri with the authorization request",
       {"RFC6749-4.1.2-a#redirect-uri-bound"}},
      {"token_redirect_uri_optional",
       "the token endpoint accepts a request without redirect_uri although the authorization "
       "request had one",
       {"RFC6749-4.1.3-a#redirect-uri-required"}},
      {"token_skips_client_auth",
       "the token endpoint takes a confidential client's client_id without credentials",
       {"RFC6749-4.1.3-a#client-authenticated", "RFC6749-3.2.1-a"}},
      // PKCE (RFC 7636 §4.5, §4.6).
      {"token_ignores_pkce", "the token endpoint does not check code_verifier", {"RFC7636-4.6-a"}},
      {"token_accepts_missing_verifier",
       "the token endpoint checks code_verifier only when one is sent",
       {"RFC7636-4.5-a#verifier-required"}},
      {"token_pkce_plain_fallback",
       "the token endpoint also accepts a code_verifier equal to the challenge, as if the code "
       "were bound with plain although it was bound with S256",
       {"RFC7636-4.5-a#bound-method", "RFC7636-4.4-a"}},
      // The token response and token errors (RFC 6749 §5.1, §5.2).
      {"token_response_without_token_type",
       "the token response has no token_type",
       {"RFC6749-5.1-a"}},
      {"token_response_cacheable",
       "the token response comes without Cache-Control: no-store",
       {"RFC6749-5.1-b"}},
      {"token_errors_not_json",
       "errors at the token endpoint are an HTML page (the status kept) instead of RFC 6749 §5.2 "
       "JSON",
       {"RFC6749-5.2-a#token"}},
  };
}

}  // namespace parity::server
