#include "server/fault_groups.hpp"

namespace parity::server {

// A table of data, one entry per fault: its length is not complexity.
// NOLINTNEXTLINE(readability-function-size)
std::vector<FaultInfo> authorization_faults() {
  return {
      // Redeeming the request_uri (RFC 9126 §2.2, §4, §7.1, §7.3).
      {"request_uri_never_expires",
       "pushed requests never expire",
       {"RFC9126-4-d#unused",
        "RFC9126-7.1-a#short-lived",
        "RFC9101-10.2-d#short-lived",
        "RFC9101-5.2.1-a"}},
      {"request_uri_expiry_checked_once",
       "expiry is checked only when a request_uri is first presented: presenting it again (a "
       "reload, which RFC 9126 §4 lets a server tolerate) resumes the authorization however "
       "late",
       {"RFC9126-4-d#presented-before"}},
      {"request_uri_not_bound_to_client",
       "any client may redeem a request_uri",
       {"RFC9126-2.2-d", "RFC9126-7.1-a#client-bound", "RFC9101-10.2-d#client-bound"}},
      {"accept_unknown_request_uri",
       "an unknown request_uri is treated as an empty pushed request and a code is issued to the "
       "client's first redirect URI",
       {"RFC9126-4-d#never-issued"}},
      {"request_uri_reusable",
       "a request_uri can be redeemed more than once",
       {"RFC9126-4-b#after-completion", "RFC9126-7.3-a"}},
      {"request_uri_redemption_race",
       "redeeming a request_uri reads and marks it used in two steps, so simultaneous "
       "redemptions all succeed (a later reuse is still refused)",
       {"RFC9126-4-b#concurrent", "RFC9126-7.3-a"}},
      {"authorize_rejects_get",
       "the authorization endpoint refuses GET (405): only POST is handled",
       {"RFC6749-3.1-a"}},
      {"authorize_requires_response_type",
       "/authorize with request_uri also demands response_type as a query parameter",
       {"RFC9126-4-n1"}},
      {"authorize_prefers_query_parameters",
       "state and redirect_uri sent in the /authorize query override the pushed ones",
       {"RFC9101-5-c", "RFC6749-3.1.2.4-a", "RFC9126-4-n1"}},
      // The authorization response (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207).
      {"drop_state", "the authorization response omits state", {"RFC6749-4.1.2-b#returned"}},
      {"state_reencoded",
       "the authorization response returns state decoded once more ('+' becomes a space, %2B "
       "becomes '+')",
       {"RFC6749-4.1.2-b#exact"}},
      {"error_redirect_drops_state",
       "error redirects to the client omit the state of the request",
       {"RFC6749-4.1.2.1-a"}},
      {"authorization_response_without_iss",
       "the authorization response carries no iss although the metadata says it does",
       {"RFC9207-2-a#success", "FAPI2-5.3.2.2-g"}},
      {"authorization_response_wrong_iss",
       "the iss of the authorization response is the authorization endpoint URL, not the issuer",
       {"RFC9207-2-b"}},
      {"error_response_without_iss",
       "error redirects to the client carry no iss (successful ones do)",
       {"RFC9207-2-a#error"}},
      {"metadata_omits_iss_parameter_supported",
       "the metadata lacks authorization_response_iss_parameter_supported although the "
       "authorization response carries iss",
       {"RFC9207-2.3-a"}},
  };
}

}  // namespace parity::server
