#include "server/context.hpp"
#include "server/endpoints.hpp"

namespace parity::server {
namespace {

// RFC 9126 §2: the PAR endpoint is https; the par_endpoint_plain_http fault advertises http.
std::string advertised_par_endpoint(const ServerContext& ctx) {
  std::string url = ctx.par_endpoint();
  constexpr std::string_view k_https = "https://";
  if (ctx.has_fault("par_endpoint_plain_http") && url.starts_with(k_https)) {
    url.replace(0, k_https.size(), "http://");
  }
  if (ctx.has_fault("relative_par_endpoint_in_metadata")) {
    return "/par";  // the bug: a path, not an absolute URL
  }
  return url;
}

// RFC 9126 §5: a boolean, true only when PAR is required (the faults break type and value).
nlohmann::json advertised_require_par(const ServerContext& ctx) {
  const bool required =
      (ctx.config.require_par && !ctx.has_fault("metadata_hides_par_requirement")) ||
      ctx.has_fault("advertise_par_required");
  if (ctx.has_fault("require_par_metadata_as_string")) {
    return required ? "true" : "false";
  }
  return required;
}

// RFC 7636 §6.2 / RFC 8414 §2: the PKCE methods the server accepts.
nlohmann::json advertised_pkce_methods(const ServerContext& ctx) {
  if (ctx.has_fault("metadata_lists_no_pkce_methods")) {
    return nlohmann::json::array();
  }
  return ctx.config.pkce_methods;
}

// RFC 8414 §2 / RFC 8705 §2.1.1, §2.2.1: the mTLS methods only where certificates are asked for.
std::set<std::string> advertised_auth_methods(const ServerContext& ctx) {
  std::set<std::string> names = supported_auth_method_names(ctx.config.emulation);
  if (!accepts_client_certificates(ctx.config)) {
    names.erase(std::string(to_string(AuthMethod::tls_client_auth)));
    names.erase(std::string(to_string(AuthMethod::self_signed_tls_client_auth)));
  }
  return names;
}

// RFC 8414 §2, §3: the issuer identifier exactly (the faults add a slash or a query).
std::string advertised_issuer(const ServerContext& ctx) {
  if (ctx.has_fault("metadata_issuer_trailing_slash")) {
    return ctx.issuer + "/";
  }
  if (ctx.has_fault("metadata_issuer_with_query")) {
    return ctx.issuer + "?tenant=parity";
  }
  return ctx.issuer;
}

}  // namespace

nlohmann::json metadata_document(const ServerContext& ctx) {
  std::set<std::string> scopes;
  for (const auto& client : ctx.config.clients) {
    scopes.insert(client.scopes.begin(), client.scopes.end());
  }
  nlohmann::json document{
      {"issuer", advertised_issuer(ctx)},
      {"authorization_endpoint", ctx.authorization_endpoint()},
      {"token_endpoint", ctx.token_endpoint()},
      // RFC 9126 §5
      {"pushed_authorization_request_endpoint", advertised_par_endpoint(ctx)},
      {"require_pushed_authorization_requests", advertised_require_par(ctx)},
      // RFC 9126 §2: the token endpoint's authentication methods also govern PAR.
      {"token_endpoint_auth_methods_supported", advertised_auth_methods(ctx)},
      {"token_endpoint_auth_signing_alg_values_supported", {"RS256", "PS256", "ES256", "HS256"}},
      // RFC 7636 §6.2
      {"code_challenge_methods_supported", advertised_pkce_methods(ctx)},
      {"response_types_supported", ctx.config.emulation.response_types},
      {"grant_types_supported", {"authorization_code"}},
      {"scopes_supported", scopes},
      // RFC 9207 §3
      {"authorization_response_iss_parameter_supported", true},
      // RFC 9101 §10.5 / RFC 9126 §3: signed Request Objects at /par and /authorize.
      {"request_parameter_supported", true},
      {"request_uri_parameter_supported", true},
      {"request_object_signing_alg_values_supported", {"RS256", "PS256", "ES256", "HS256"}},
      {"require_signed_request_object", ctx.config.require_signed_request_object},
      // RFC 9449 §5.1
      {"dpop_signing_alg_values_supported", {"ES256", "PS256", "RS256"}},
  };
  if (ctx.has_fault("metadata_omits_dpop_algorithms")) {
    document.erase("dpop_signing_alg_values_supported");
  }
  if (ctx.has_fault("metadata_omits_iss_parameter_supported")) {
    document.erase("authorization_response_iss_parameter_supported");
  }
  if (ctx.has_fault("metadata_omits_par_endpoint")) {
    document.erase("pushed_authorization_request_endpoint");
  }
  // RFC 9396 §10 / RFC 8414 §3.2: omitted when empty.
  if (!ctx.config.authorization_details_types.empty() &&
      !ctx.has_fault("metadata_omits_authorization_details_types")) {
    document["authorization_details_types_supported"] = ctx.config.authorization_details_types;
  }
  return document;
}

}  // namespace parity::server
