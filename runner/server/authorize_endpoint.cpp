#include "crypto/base64url.hpp"
#include "crypto/random.hpp"
#include "server/authorization_request.hpp"
#include "server/context.hpp"
#include "server/endpoints.hpp"
#include "server/request_object.hpp"
#include "server/store.hpp"
#include "server/syntax.hpp"

#include <httplib.h>

#include <algorithm>

namespace parity::server {
namespace {

constexpr std::size_t k_code_random_bytes = 32;

/// RFC 6749 §4.1.2.1 / RFC 9207 §2: an error redirect with state (when known) and iss.
void redirect_error(const ServerContext& ctx,
                    const std::string& redirect_uri,
                    const OAuthError& error,
                    const std::optional<std::string>& state,
                    httplib::Response& res) {
  http::Params params{{"error", error.error},
                      {"error_description", sanitize_description(error.description)}};
  if (state && !ctx.has_fault("error_redirect_drops_state")) {
    params.emplace_back("state", *state);
  }
  if (!ctx.has_fault("error_response_without_iss")) {
    params.emplace_back("iss", ctx.issuer);
  }
  send_redirect(res, redirect_uri, params);
}

/// RFC 9126 §4: errors about a known client go to its redirect URI only when it has exactly
/// one registered (no request tells which one is meant); otherwise to the user.
void client_error(const ServerContext& ctx,
                  const RegisteredClient& client,
                  const OAuthError& error,
                  httplib::Response& res) {
  if (client.redirect_uris.size() == 1) {
    return redirect_error(ctx, client.redirect_uris.front(), error, std::nullopt, res);
  }
  send_error_page(res, error);
}

/// RFC 6749 §4.1.2: state exactly as received (the state_reencoded fault decodes it once more).
std::string returned_state(const ServerContext& ctx, const std::string& state) {
  return ctx.has_fault("state_reencoded") ? http::percent_decode(state, true) : state;
}

/// RFC 6749 §4.1.2: the test user consents; a single-use code bound to `request` is issued and
/// returned with the request's state (exactly as received) and iss (RFC 9207).
void issue_code(ServerContext& ctx, const AuthorizationRequest& request, httplib::Response& res) {
  if (request.response_type != "code") {
    // Vendor emulation accepted another response_type at the push (server/emulation.hpp);
    // this server issues only codes, so the authorization ends with an error.
    const OAuthError unsupported{
        400, "unsupported_response_type", "the emulation issues only authorization codes", {}};
    return redirect_error(ctx, request.redirect_uri, unsupported, request.state, res);
  }
  const std::string code = crypto::base64url_encode(crypto::random_bytes(k_code_random_bytes));
  const auto expiry = ctx.has_fault("code_never_expires")
                          ? StoreClock::time_point::max()  // the bug: no lifetime recorded
                          : StoreClock::now() + std::chrono::seconds(ctx.config.code_lifetime);
  if (!ctx.store.add_code(code, request, expiry)) {
    const OAuthError busy{400, "temporarily_unavailable", "too many authorization codes", {}};
    return redirect_error(ctx, request.redirect_uri, busy, request.state, res);
  }
  http::Params params{{"code", code}};
  if (request.state && !ctx.has_fault("drop_state")) {
    params.emplace_back("state", returned_state(ctx, *request.state));
  }
  if (!ctx.has_fault("authorization_response_without_iss")) {
    params.emplace_back("iss",
                        ctx.has_fault("authorization_response_wrong_iss")
                            ? ctx.authorization_endpoint()
                            : ctx.issuer);
  }
  send_redirect(res, request.redirect_uri, params);
}

/// RFC 9126 §4: a pushed request is redeemed once, before it expires, by the client that
/// pushed it; other parameters of the authorization request are ignored.
void authorize_pushed(ServerContext& ctx,
                      const RegisteredClient& client,
                      const std::string& request_uri,
                      const http::Params& query,
                      httplib::Response& res) {
  RedeemRules rules;
  rules.bind_to_client = !ctx.has_fault("request_uri_not_bound_to_client");
  rules.one_time = !ctx.has_fault("request_uri_reusable");
  rules.atomic = !ctx.has_fault("request_uri_redemption_race");
  rules.resume_presented = ctx.has_fault("request_uri_expiry_checked_once");
  Redeemed redeemed = ctx.store.redeem_request(request_uri, client.client_id, rules);
  if (redeemed.status == Redemption::unknown && ctx.has_fault("accept_unknown_request_uri")) {
    // The bug: a missing pushed request is treated as an empty one.
    redeemed.status = Redemption::ok;
    redeemed.request.client_id = client.client_id;
    redeemed.request.redirect_uri = client.redirect_uris.front();
  }
  if (redeemed.status != Redemption::ok) {
    return client_error(
        ctx,
        client,
        OAuthError{400, "invalid_request_uri", describe(redeemed.status, "request_uri"), {}},
        res);
  }
  if (ctx.has_fault("authorize_prefers_query_parameters")) {
    // The bug: front-channel parameters override the pushed request.
    if (auto state = http::find_param(query, "state")) {
      redeemed.request.state = state;
    }
    redeemed.request.redirect_uri =
        http::find_param(query, "redirect_uri").value_or(redeemed.request.redirect_uri);
  }
  issue_code(ctx, redeemed.request, res);
}

/// RFC 9126 §5 / §6: whether this client may only use pushed requests.
bool par_required(const ServerContext& ctx, const RegisteredClient& client) {
  return (ctx.config.require_par && !ctx.has_fault("ignore_server_par_requirement")) ||
         (client.require_par && !ctx.has_fault("ignore_client_par_requirement"));
}

/// RFC 9126 §4: a front-channel request when PAR is required is refused with invalid_request,
/// redirected (with state) when its redirect_uri (or the single registered one, when omitted)
/// is registered, otherwise on the error page.
void refuse_front_channel(const ServerContext& ctx,
                          const RegisteredClient& client,
                          const http::Params& params,
                          httplib::Response& res) {
  const OAuthError error = invalid_request("pushed authorization requests are required");
  const auto sent = http::find_param(params, "redirect_uri");
  const auto& uris = client.redirect_uris;
  const std::string uri = sent ? *sent : (uris.size() == 1 ? uris.front() : "");
  if (std::find(uris.begin(), uris.end(), uri) == uris.end()) {
    return send_error_page(res, error);
  }
  redirect_error(ctx, uri, error, http::find_param(params, "state"), res);
}

/// RFC 6749 §4.1.1: a classic request, possibly as a Request Object (RFC 9101 §5); refused
/// when PAR is required (RFC 9126 §4 / §5 / §6). Request Object errors go to the error page:
/// nothing in an unverified object may choose where to redirect.
void authorize_front_channel(ServerContext& ctx,
                             const RegisteredClient& client,
                             const http::Params& params,
                             httplib::Response& res) {
  if (par_required(ctx, client)) {
    return refuse_front_channel(ctx, client, params, res);
  }
  const UnpackedRequest unpacked = unpack_request_object(ctx, params, &client);
  if (unpacked.error) {
    return send_error_page(res, *unpacked.error);
  }
  const Validation validation =
      validate_authorization_request(ctx, unpacked.params, &client, false);
  if (!validation.error) {
    return issue_code(ctx, validation.request, res);
  }
  if (validation.redirect_uri_valid) {
    return redirect_error(
        ctx, validation.request.redirect_uri, *validation.error, validation.request.state, res);
  }
  send_error_page(res, *validation.error);
}

}  // namespace

void handle_authorize(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (ctx.has_fault("authorize_rejects_get")) {
    return send_method_not_allowed(res, "POST");  // the bug: RFC 6749 §3.1 requires GET
  }
  const http::Params params = without_empty_values(http::form_decode(query_of(req.target)));
  if (const auto duplicate = find_duplicate(params)) {
    return send_error_page(res, invalid_request("parameter " + *duplicate + " is repeated"));
  }
  // RFC 6749 §4.1.2.1: without a valid client there is no safe place to redirect to.
  const auto client_id = http::find_param(params, "client_id");
  const RegisteredClient* client = client_id ? ctx.find_client(*client_id) : nullptr;
  if (client == nullptr) {
    return send_error_page(
        res, invalid_request(client_id ? "unknown client_id" : "client_id is required"));
  }
  if (const auto request_uri = http::find_param(params, "request_uri")) {
    if (ctx.has_fault("authorize_requires_response_type") &&
        !http::find_param(params, "response_type")) {
      // The bug: OIDC Core §6.1 duplicates demanded although RFC 9126 §4 needs none.
      return client_error(ctx, *client, invalid_request("response_type is required"), res);
    }
    return authorize_pushed(ctx, *client, *request_uri, params, res);
  }
  authorize_front_channel(ctx, *client, params, res);
}

}  // namespace parity::server
