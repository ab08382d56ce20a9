#include "crypto/base64url.hpp"
#include "crypto/random.hpp"
#include "server/authorization_request.hpp"
#include "server/client_auth.hpp"
#include "server/context.hpp"
#include "server/endpoints.hpp"

#include <httplib.h>

namespace parity::server {
namespace {

constexpr std::size_t k_request_uri_random_bytes = 32;

/// RFC 9126 §2.2 / RFC 6749 §10.10: the reference part comes from a CSPRNG (256 bits).
std::string mint_request_uri(ServerContext& ctx) {
  if (ctx.has_fault("guessable_request_uri")) {
    return std::string(k_request_uri_prefix) + std::to_string(++ctx.request_uri_counter);
  }
  return std::string(k_request_uri_prefix) +
         crypto::base64url_encode(crypto::random_bytes(k_request_uri_random_bytes));
}

/// RFC 9126 §4: the pushed request expires after request_uri_lifetime seconds.
StoreClock::time_point request_expiry(const ServerContext& ctx) {
  if (ctx.has_fault("request_uri_never_expires")) {
    return StoreClock::time_point::max();  // the bug: no expiry is recorded
  }
  return StoreClock::now() + std::chrono::seconds(ctx.config.request_uri_lifetime);
}

/// RFC 9126 §2.2: 201 Created, JSON with request_uri and expires_in (a positive integer).
void send_push_response(const ServerContext& ctx,
                        httplib::Response& res,
                        const std::string& request_uri) {
  nlohmann::json body{{"request_uri", request_uri}};
  const int lifetime = ctx.config.request_uri_lifetime;
  body["expires_in"] = ctx.has_fault("expires_in_as_string")
                           ? nlohmann::json(std::to_string(lifetime))
                           : nlohmann::json(lifetime);
  send_json(res, ctx.has_fault("push_returns_200") ? 200 : 201, body);
}

/// RFC 9126 §2.1 step 2: request_uri must not be pushed.
bool rejects_request_uri(const ServerContext& ctx, const http::Params& params) {
  if (ctx.has_fault("accept_request_uri_in_push")) {
    return false;  // the bug: the parameter is silently ignored
  }
  return http::find_param(params, "request_uri").has_value();
}

}  // namespace

void handle_par(ServerContext& ctx,
                const httplib::Request& req,
                const std::string& body,
                httplib::Response& res) {
  const FormBody form = read_form_body(req, body);
  if (form.error) {
    return send_error(res, *form.error);
  }
  // RFC 9126 §2.1: client_id is required in a pushed request (the fault derives it instead).
  const bool client_id_optional = ctx.has_fault("accept_missing_client_id");
  const ClientAuthentication auth =
      authenticate_client(ctx, req.get_header_value("Authorization"), form.params);
  if (auth.error && !(auth.anonymous && client_id_optional)) {
    return send_error(res, *auth.error);
  }
  if (rejects_request_uri(ctx, form.params)) {
    return send_error(res, invalid_request("request_uri must not be sent to the PAR endpoint"));
  }
  const Validation validation =
      validate_authorization_request(ctx, form.params, auth.client, client_id_optional);
  if (validation.error) {
    return send_error(res, *validation.error);
  }
  const std::string request_uri = mint_request_uri(ctx);
  if (!ctx.store.add_request(request_uri, validation.request, request_expiry(ctx))) {
    return send_error(res,
                      OAuthError{503, "temporarily_unavailable", "too many pushed requests", {}});
  }
  send_push_response(ctx, res, request_uri);
}

}  // namespace parity::server
