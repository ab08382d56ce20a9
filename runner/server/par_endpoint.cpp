#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"
#include "server/authorization_request.hpp"
#include "server/client_auth.hpp"
#include "server/context.hpp"
#include "server/dpop.hpp"
#include "server/emulation.hpp"
#include "server/endpoints.hpp"
#include "server/request_object.hpp"
#include "server/syntax.hpp"

#include <httplib.h>

namespace parity::server {
namespace {

constexpr std::size_t k_request_uri_random_bytes = 32;

/// The fault request_uri_from_parameter_hash: a reference derived from the request, so the
/// same parameters always get the same request_uri (a "deduplicating" cache).
std::string parameter_hash_reference(const AuthorizationRequest& request) {
  const std::string material = request.client_id + "\n" + request.redirect_uri + "\n" +
                               request.scope + "\n" + request.state.value_or("") + "\n" +
                               request.code_challenge;
  return std::string(k_request_uri_prefix) + crypto::base64url_encode(crypto::sha256(material));
}

/// The fault request_uri_per_client: one reference per client, handed out again by every push
/// of that client (each push replaces the request stored under it and re-arms it).
std::string per_client_reference(const AuthorizationRequest& request) {
  return std::string(k_request_uri_prefix) +
         crypto::base64url_encode(crypto::sha256("per-client\n" + request.client_id));
}

/// RFC 9126 §2.2 / RFC 6749 §10.10: the reference part comes from a CSPRNG (256 bits).
std::string mint_request_uri(ServerContext& ctx, const AuthorizationRequest& request) {
  if (ctx.has_fault("request_uri_from_parameter_hash")) {
    return parameter_hash_reference(request);
  }
  if (ctx.has_fault("request_uri_per_client")) {
    return per_client_reference(request);
  }
  if (ctx.has_fault("guessable_request_uri")) {
    return std::string(k_request_uri_prefix) + std::to_string(++ctx.request_uri_counter);
  }
  if (ctx.has_fault("request_uri_not_a_urn")) {
    return crypto::base64url_encode(crypto::random_bytes(k_request_uri_random_bytes));
  }
  if (ctx.has_fault("long_request_uri")) {
    // The bug: the pushed parameters ride along in the reference (RFC 9101 §5.2: keep the
    // whole URI within 512 ASCII characters).
    constexpr std::size_t k_random_bytes = 400;
    return std::string(k_request_uri_prefix) +
           crypto::base64url_encode(crypto::random_bytes(k_random_bytes));
  }
  return std::string(k_request_uri_prefix) +
         crypto::base64url_encode(crypto::random_bytes(k_request_uri_random_bytes));
}

/// RFC 9126 §2.2: the lifetime of a pushed request in seconds.
int request_uri_lifetime(const ServerContext& ctx) {
  constexpr int k_fapi2_excluded_lifetime = 600;  // FAPI 2.0 §5.3.2.2: must be below 600 s
  return ctx.has_fault("request_uri_lifetime_600") ? k_fapi2_excluded_lifetime
                                                   : ctx.config.request_uri_lifetime;
}

/// RFC 9126 §4: the pushed request expires after request_uri_lifetime seconds.
StoreClock::time_point request_expiry(const ServerContext& ctx) {
  if (ctx.has_fault("request_uri_never_expires")) {
    return StoreClock::time_point::max();  // the bug: no expiry is recorded
  }
  return StoreClock::now() + std::chrono::seconds(request_uri_lifetime(ctx));
}

/// RFC 9126 §2.2: 201 Created, JSON with request_uri and expires_in (a positive integer).
void send_push_response(const ServerContext& ctx,
                        httplib::Response& res,
                        const std::string& request_uri) {
  nlohmann::json body{{"request_uri", request_uri}};
  constexpr int k_seconds_per_minute = 60;
  int lifetime = ctx.has_fault("expires_in_in_minutes")
                     ? request_uri_lifetime(ctx) / k_seconds_per_minute  // the bug
                     : request_uri_lifetime(ctx);
  if (ctx.has_fault("expires_in_overstated")) {
    constexpr int k_overstatement = 10;
    lifetime += k_overstatement;  // the bug: the stored request still expires as configured
  }
  body["expires_in"] = ctx.has_fault("expires_in_as_string")
                           ? nlohmann::json(std::to_string(lifetime))
                           : nlohmann::json(lifetime);
  send_json(res, ctx.has_fault("push_returns_200") ? 200 : ctx.config.emulation.push_status, body);
  if (ctx.has_fault("push_without_no_store")) {
    res.headers.erase("Cache-Control");  // the bug: the request_uri may be cached
  }
  if (ctx.has_fault("push_response_text_plain")) {
    res.headers.erase("Content-Type");  // the bug: a JSON body with the wrong media type
    res.set_header("Content-Type", "text/plain");
  }
}

/// The reject_unknown_parameter fault: an allow-list instead of RFC 6749 §3.1's "ignore".
std::optional<OAuthError> unknown_parameter_error(const http::Params& params) {
  for (const auto& [name, value] : params) {
    if (!is_standard_parameter(name)) {
      return invalid_request("unknown parameter " + name);
    }
  }
  return std::nullopt;
}

/// RFC 9126 §2 / RFC 6749 §3.1, §2.3.1: the form body of a push (the faults relax the rules).
FormBody read_push_body(const ServerContext& ctx,
                        const httplib::Request& req,
                        const std::string& body) {
  if (ctx.has_fault("accept_json_push") &&
      req.get_header_value("Content-Type").starts_with("application/json")) {
    // The bug: a JSON object is taken as the parameters.
    const auto document = nlohmann::json::parse(body, nullptr, false);
    FormBody form;
    if (document.is_object()) {
      for (const auto& [name, value] : document.items()) {
        form.params.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
      }
    }
    return form;
  }
  FormRules rules;
  rules.reject_query_credentials = !ctx.has_fault("ignore_credentials_in_query");
  rules.drop_empty_values = !ctx.has_fault("empty_value_as_present");
  rules.reject_duplicates = !ctx.has_fault("accept_duplicate_parameters");
  FormBody form = read_form_body(req, body, rules);
  if (!form.error && ctx.has_fault("reject_unknown_parameter")) {
    form.error = unknown_parameter_error(form.params);
  }
  return form;
}

/// RFC 9126 §2.1 step 2: request_uri must not be pushed.
bool rejects_request_uri(const ServerContext& ctx, const http::Params& params) {
  if (ctx.has_fault("accept_request_uri_in_push")) {
    return false;  // the bug: the parameter is silently ignored
  }
  return http::find_param(params, "request_uri").has_value();
}

/// RFC 9449 §10.1: a DPoP proof at the push binds the code to its key, as if its thumbprint
/// were dpop_jkt; a dpop_jkt naming another key is refused.
std::optional<OAuthError> bind_dpop_key(const ServerContext& ctx,
                                        const DpopResult& dpop,
                                        AuthorizationRequest& request) {
  if (dpop.jkt.empty()) {
    return std::nullopt;
  }
  if (request.dpop_jkt.empty()) {
    request.dpop_jkt = dpop.jkt;
  } else if (request.dpop_jkt != dpop.jkt && !ctx.has_fault("accept_dpop_jkt_mismatch")) {
    return invalid_request("dpop_jkt does not match the key of the DPoP proof");
  }
  return std::nullopt;
}

/// RFC 9126 §2.1 step 3 / §3: the authorization request (from the Request Object, if one was
/// pushed) is validated; the error, if any, is sent.
std::optional<AuthorizationRequest> validated_request(ServerContext& ctx,
                                                      const http::Params& params,
                                                      const ClientAuthentication& auth,
                                                      const DpopResult& dpop,
                                                      httplib::Response& res) {
  const UnpackedRequest unpacked = unpack_request_object(ctx, params, auth.client);
  if (unpacked.error) {
    send_error(res, *unpacked.error);
    return std::nullopt;
  }
  Validation validation = validate_authorization_request(
      ctx, unpacked.params, auth.client, ctx.has_fault("accept_missing_client_id"));
  if (!validation.error) {
    validation.error = bind_dpop_key(ctx, dpop, validation.request);
  }
  if (validation.error) {
    send_error(res, *validation.error);
    return std::nullopt;
  }
  return std::move(validation.request);
}

/// RFC 9126 §2.1 step 1 and §3: the client authenticates as at the token endpoint, also when
/// it pushes a Request Object. The skip_client_auth_with_request_object fault instead takes a
/// Request Object (verified later with the named client's key) as the authentication.
ClientAuthentication authenticate_push(ServerContext& ctx,
                                       const httplib::Request& req,
                                       const http::Params& params) {
  const std::string authorization = req.get_header_value("Authorization");
  ClientAuthentication auth =
      authenticate_client(ctx, {authorization, params, client_certificate(req)});
  if (auth.error && ctx.has_fault("skip_client_auth_with_request_object") &&
      http::find_param(params, "request")) {
    if (const RegisteredClient* named =
            ctx.find_client(http::find_param(params, "client_id").value_or(""))) {
      return ClientAuthentication{named, std::nullopt, false};  // the bug
    }
  }
  return auth;
}

void handle_push(ServerContext& ctx,
                 const httplib::Request& req,
                 const std::string& body,
                 httplib::Response& res) {
  // Vendor emulation (server/emulation.hpp): a documented body size limit.
  if (const auto too_large = check_push_size(ctx.config.emulation, body.size())) {
    return send_error(res, *too_large);
  }
  FormBody form = read_push_body(ctx, req, body);
  if (!form.error) {
    form.error = check_custom_parameters(ctx.config.emulation, form.params);
  }
  if (form.error) {
    return send_error(res, *form.error);
  }
  // RFC 9126 §2.1: client_id is required in a pushed request (the fault derives it instead).
  const bool client_id_optional = ctx.has_fault("accept_missing_client_id");
  const ClientAuthentication auth = authenticate_push(ctx, req, form.params);
  if (auth.error && !(auth.anonymous && client_id_optional)) {
    return send_error(res, *auth.error);
  }
  if (rejects_request_uri(ctx, form.params)) {
    return send_error(res, invalid_request("request_uri must not be sent to the PAR endpoint"));
  }
  const DpopResult dpop = check_dpop_proof(ctx, req, ctx.par_endpoint(), auth.client);
  if (dpop.error) {
    return send_dpop_error(res, dpop);
  }
  const auto request = validated_request(ctx, form.params, auth, dpop, res);
  if (!request) {
    return;
  }
  const std::string request_uri = mint_request_uri(ctx, *request);
  if (!ctx.store.add_request(request_uri, *request, request_expiry(ctx))) {
    return send_error(res,
                      OAuthError{503, "temporarily_unavailable", "too many pushed requests", {}});
  }
  send_push_response(ctx, res, request_uri);
}

}  // namespace

void handle_par(ServerContext& ctx,
                const httplib::Request& req,
                const std::string& body,
                httplib::Response& res) {
  handle_push(ctx, req, body, res);
  if (ctx.has_fault("par_errors_not_json")) {
    rewrite_error_as_page(res);  // the bug: errors are a page, not RFC 6749 §5.2 JSON
  }
}

}  // namespace parity::server
