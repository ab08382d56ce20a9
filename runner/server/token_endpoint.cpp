#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "crypto/pkce.hpp"
#include "crypto/random.hpp"
#include "server/client_auth.hpp"
#include "server/context.hpp"
#include "server/dpop.hpp"
#include "server/endpoints.hpp"
#include "server/store.hpp"

#include <httplib.h>

namespace parity::server {
namespace {

constexpr int k_access_token_lifetime = 300;

OAuthError invalid_grant(std::string description) {
  return OAuthError{400, "invalid_grant", std::move(description), {}};
}

/// RFC 6749 §4.1.3: redirect_uri must be identical to the one of the authorization request
/// (required when that one was sent explicitly).
std::optional<OAuthError> check_redirect_uri(const ServerContext& ctx,
                                             const http::Params& params,
                                             const AuthorizationRequest& request) {
  const auto uri = http::find_param(params, "redirect_uri");
  if (request.redirect_uri_explicit && !uri && !ctx.has_fault("token_redirect_uri_optional")) {
    return invalid_grant("redirect_uri is required");
  }
  if (uri && *uri != request.redirect_uri) {
    return invalid_grant("redirect_uri does not match the authorization request");
  }
  return std::nullopt;
}

/// RFC 7636 §4.5 / §4.6: the verifier must transform to the bound challenge.
std::optional<OAuthError> check_code_verifier(const ServerContext& ctx,
                                              const http::Params& params,
                                              const AuthorizationRequest& request) {
  if (ctx.has_fault("token_ignores_pkce")) {
    return std::nullopt;  // the bug: PKCE is never verified
  }
  const auto verifier = http::find_param(params, "code_verifier");
  if (request.code_challenge.empty()) {
    // RFC 9700 §2.1.1: a verifier without a bound challenge indicates a PKCE downgrade.
    return verifier ? std::optional(invalid_grant("no code_challenge was bound to this code"))
                    : std::nullopt;
  }
  if (!verifier) {
    // The token_accepts_missing_verifier bug: PKCE is checked only when a verifier is sent.
    return ctx.has_fault("token_accepts_missing_verifier")
               ? std::nullopt
               : std::optional(invalid_grant("code_verifier is required"));
  }
  if (!crypto::is_valid_pkce_value(*verifier)) {
    return invalid_grant("code_verifier must be 43-128 characters of [A-Za-z0-9-._~]");
  }
  const std::string derived =
      request.code_challenge_method == "S256" ? crypto::s256_challenge(*verifier) : *verifier;
  if (!crypto::constant_time_equals(derived, request.code_challenge)) {
    if (ctx.has_fault("token_pkce_plain_fallback") && *verifier == request.code_challenge) {
      return std::nullopt;  // the bug: the method bound to the code is not the one used
    }
    return invalid_grant("code_verifier does not match the code_challenge");
  }
  return std::nullopt;
}

/// RFC 6749 §4.1.3: grant_type=authorization_code with a code; returns the bound request.
std::optional<OAuthError> redeem(ServerContext& ctx,
                                 const http::Params& params,
                                 const RegisteredClient& client,
                                 AuthorizationRequest& request) {
  const auto grant_type = http::find_param(params, "grant_type");
  if (!grant_type) {
    return invalid_request("grant_type is required");
  }
  if (*grant_type != "authorization_code") {
    return OAuthError{400, "unsupported_grant_type", "only authorization_code is supported", {}};
  }
  const auto code = http::find_param(params, "code");
  if (!code) {
    return invalid_request("code is required");
  }
  RedeemRules rules;
  rules.one_time = !ctx.has_fault("code_reusable");
  rules.bind_to_client = !ctx.has_fault("code_not_bound_to_client");
  Redeemed redeemed = ctx.store.redeem_code(*code, client.client_id, rules);
  if (redeemed.status != Redemption::ok) {
    return invalid_grant(describe(redeemed.status, "authorization code"));
  }
  request = std::move(redeemed.request);
  if (auto error = ctx.has_fault("token_ignores_redirect_uri")
                       ? std::nullopt
                       : check_redirect_uri(ctx, params, request)) {
    return error;
  }
  return check_code_verifier(ctx, params, request);
}

/// RFC 9449 §10 / §10.1: a code bound to a DPoP key is redeemed only with a proof of that key
/// (invalid_grant otherwise; the failed attempt consumes the code).
std::optional<OAuthError> check_dpop_binding(const ServerContext& ctx,
                                             const DpopResult& dpop,
                                             const AuthorizationRequest& request) {
  if (request.dpop_jkt.empty() || ctx.has_fault("token_ignores_dpop_binding")) {
    return std::nullopt;
  }
  if (dpop.jkt.empty()) {
    return invalid_grant("the code is bound to a DPoP key: a DPoP proof is required");
  }
  if (dpop.jkt != request.dpop_jkt) {
    return invalid_grant("the DPoP proof key is not the one the code is bound to");
  }
  return std::nullopt;
}

/// RFC 9449 §5: a token bound to a DPoP key has token_type DPoP (the dpop_token_reported_as_bearer
/// fault says Bearer); RFC 6749 §5.1: otherwise Bearer.
std::string token_type(const ServerContext& ctx, const DpopResult& dpop) {
  return dpop.jkt.empty() || ctx.has_fault("dpop_token_reported_as_bearer") ? "Bearer" : "DPoP";
}

/// RFC 6749 §5.1 (RFC 9449 §5: DPoP-bound tokens have token_type DPoP; RFC 9396 §7: the
/// granted authorization_details are returned).
nlohmann::json token_response(const ServerContext& ctx,
                              const AuthorizationRequest& request,
                              const DpopResult& dpop) {
  nlohmann::json token{
      {"access_token", crypto::base64url_encode(crypto::random_bytes(32))},
      {"token_type", token_type(ctx, dpop)},
      {"expires_in", k_access_token_lifetime},
  };
  if (ctx.has_fault("token_response_without_token_type")) {
    token.erase("token_type");
  }
  if (!request.scope.empty()) {
    token["scope"] = request.scope;
  }
  if (!request.authorization_details.is_null() &&
      !ctx.has_fault("token_omits_authorization_details")) {
    token["authorization_details"] = request.authorization_details;
  }
  return token;
}

/// RFC 6749 §3.2.1 / §4.1.3: confidential clients authenticate at the token endpoint. The
/// token_skips_client_auth fault takes a known client_id alone instead.
ClientAuthentication authenticate_token_request(ServerContext& ctx,
                                                const httplib::Request& req,
                                                const http::Params& params) {
  const std::string authorization = req.get_header_value("Authorization");
  ClientAuthentication auth =
      authenticate_client(ctx, {authorization, params, client_certificate(req)});
  if (auth.error && ctx.has_fault("token_skips_client_auth")) {
    if (const RegisteredClient* named =
            ctx.find_client(http::find_param(params, "client_id").value_or(""))) {
      return ClientAuthentication{named, std::nullopt, false};  // the bug
    }
  }
  return auth;
}

void redeem_code_for_token(ServerContext& ctx,
                           const httplib::Request& req,
                           const std::string& body,
                           httplib::Response& res) {
  const FormBody form = read_form_body(req, body);
  if (form.error) {
    return send_error(res, *form.error);
  }
  const ClientAuthentication auth = authenticate_token_request(ctx, req, form.params);
  if (auth.error) {
    return send_error(res, *auth.error);
  }
  const DpopResult dpop = check_dpop_proof(ctx, req, ctx.token_endpoint(), auth.client);
  if (dpop.error) {
    return send_dpop_error(res, dpop);
  }
  AuthorizationRequest request;
  auto error = redeem(ctx, form.params, *auth.client, request);
  if (!error) {
    error = check_dpop_binding(ctx, dpop, request);
  }
  if (error) {
    return send_error(res, *error);
  }
  send_json(res, 200, token_response(ctx, request, dpop));
  if (ctx.has_fault("token_response_cacheable")) {
    res.headers.erase("Cache-Control");  // the bug: tokens may be cached (RFC 6749 §5.1)
  }
}

}  // namespace

void handle_token(ServerContext& ctx,
                  const httplib::Request& req,
                  const std::string& body,
                  httplib::Response& res) {
  redeem_code_for_token(ctx, req, body, res);
  if (ctx.has_fault("token_errors_not_json")) {
    rewrite_error_as_page(res);  // the bug: errors are a page, not RFC 6749 §5.2 JSON
  }
}

}  // namespace parity::server
