#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "server/client_auth.hpp"
#include "server/context.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>

namespace parity::server {
namespace {

constexpr std::string_view k_jwt_bearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
constexpr double k_clock_skew_seconds = 5;
constexpr double k_max_iat_ahead_seconds = 60;    // FAPI 2.0 §5.3.2.1
constexpr double k_max_lifetime_seconds = 86400;  // bounds how long a jti must be kept

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// RFC 7521 §4.2.1: an invalid assertion is invalid_client (the assertion_errors_invalid_request
/// fault says invalid_request).
ClientAuthentication failed(const ServerContext& ctx, std::string description) {
  if (ctx.has_fault("assertion_errors_invalid_request")) {
    return ClientAuthentication{nullptr, invalid_request(std::move(description)), false};
  }
  return ClientAuthentication{nullptr, invalid_client(ctx, std::move(description), false), false};
}

std::string string_claim(const nlohmann::json& payload, const char* name) {
  const auto found = payload.find(name);
  return found != payload.end() && found->is_string() ? found->get<std::string>() : "";
}

/// RFC 7523 §3 item 3 / RFC 9126 §2: aud names the issuer, token endpoint or PAR endpoint.
bool audience_accepted(const ServerContext& ctx, const nlohmann::json& payload) {
  const auto aud = payload.find("aud");
  if (aud == payload.end()) {
    return false;
  }
  // The audience faults each drop some of the three values RFC 9126 §2 requires.
  const bool issuer_only = ctx.has_fault("assertion_audience_issuer_only");
  const bool token_only = ctx.has_fault("assertion_audience_token_endpoint_only");
  const bool par_ok = !issuer_only && !token_only && !ctx.has_fault("reject_par_endpoint_audience");
  const auto accepted = [&](const nlohmann::json& value) {
    if (!value.is_string()) {
      return false;
    }
    return ctx.has_fault("accept_assertion_wrong_audience") ||
           (value == ctx.issuer && !token_only) ||
           (value == ctx.token_endpoint() && !issuer_only) ||
           (value == ctx.par_endpoint() && par_ok);
  };
  if (aud->is_array()) {
    return std::any_of(aud->begin(), aud->end(), accepted);
  }
  return accepted(*aud);
}

/// RFC 7523 §3 items 5–6 / FAPI 2.0 §5.3.2.1: iat is a time in the past, give or take the skew.
std::optional<std::string> iat_problem(const ServerContext& ctx,
                                       const nlohmann::json& payload,
                                       double now) {
  const auto iat = payload.find("iat");
  if (iat == payload.end()) {
    return std::nullopt;
  }
  if (!iat->is_number()) {
    return "assertion iat is not a number";
  }
  if (ctx.has_fault("reject_future_iat_assertion") && iat->get<double>() > now) {
    return "assertion iat is in the future";  // the bug: no clock skew at all
  }
  if (iat->get<double>() > now + k_max_iat_ahead_seconds &&
      !ctx.has_fault("accept_future_iat_assertion")) {
    return "assertion iat is not a time in the past";
  }
  return std::nullopt;
}

/// RFC 7523 §3 items 3–7 and OIDC Core §9; returns the problem, if any.
std::optional<std::string> claims_problem(const ServerContext& ctx, const nlohmann::json& payload) {
  if (!audience_accepted(ctx, payload)) {
    return "assertion aud does not name this server";
  }
  const double now = now_seconds();
  const auto exp = payload.find("exp");
  if (exp == payload.end() || !exp->is_number()) {
    return "assertion has no numeric exp";
  }
  if (now > exp->get<double>() + k_clock_skew_seconds &&
      !ctx.has_fault("accept_expired_assertion")) {
    return "assertion expired";
  }
  if (exp->get<double>() > now + k_max_lifetime_seconds) {
    return "assertion exp is unreasonably far in the future";  // RFC 7523 §3 item 4
  }
  if (auto problem = iat_problem(ctx, payload, now)) {
    return problem;
  }
  const auto nbf = payload.find("nbf");
  if (nbf != payload.end() &&
      (!nbf->is_number() || nbf->get<double>() > now + k_clock_skew_seconds)) {
    return "assertion is not yet valid (nbf)";
  }
  if (string_claim(payload, "jti").empty()) {
    return "assertion has no jti";
  }
  return std::nullopt;
}

/// RFC 7523 §3 item 9: the signature (HS256 with the secret, or the registered public key).
std::optional<std::string> signature_problem(const RegisteredClient& client,
                                             const crypto::DecodedJws& jws) {
  const std::string alg = string_claim(jws.header, "alg");
  if (client.auth_method == AuthMethod::client_secret_jwt) {
    if (alg != "HS256") {
      return "client_secret_jwt assertions must use HS256";
    }
    return crypto::verify_jws_hmac(jws, client.secret)
               ? std::nullopt
               : std::optional<std::string>("bad signature");
  }
  if (alg != "RS256" && alg != "PS256" && alg != "ES256") {
    return "assertion alg must be RS256, PS256 or ES256";
  }
  if (!client.public_key) {
    return "no public key is registered";
  }
  return crypto::verify_jws(jws, *client.public_key) ? std::nullopt
                                                     : std::optional<std::string>("bad signature");
}

/// OIDC Core §9: a jti is accepted once while the assertion is valid.
std::optional<OAuthError> check_replay(ServerContext& ctx,
                                       const std::string& client_id,
                                       const nlohmann::json& payload) {
  if (ctx.has_fault("accept_replayed_jti")) {
    return std::nullopt;  // the bug: jti values are not remembered
  }
  const double remaining = std::max(0.0, payload.at("exp").get<double>() - now_seconds());
  const auto keep =
      std::chrono::seconds(static_cast<long>(std::ceil(remaining + k_clock_skew_seconds)));
  switch (
      ctx.store.remember_jti(client_id, string_claim(payload, "jti"), StoreClock::now() + keep)) {
    case JtiResult::fresh:
      return std::nullopt;
    case JtiResult::replayed:
      return invalid_client(ctx, "assertion jti was already used", false);
    case JtiResult::full:
      break;
  }
  return OAuthError{503, "temporarily_unavailable", "assertion replay cache is full", {}};
}

/// The client an assertion names, or why it names none.
struct AssertionClient {
  const RegisteredClient* client = nullptr;
  std::string problem;
};

/// RFC 7523 §3 items 1–2 / OIDC Core §9: iss = sub = a registered JWT client.
AssertionClient assertion_client(const ServerContext& ctx,
                                 const nlohmann::json& payload,
                                 const http::Params& params) {
  std::string iss = string_claim(payload, "iss");
  if (ctx.has_fault("accept_iss_sub_mismatch")) {
    if (ctx.find_client(iss) == nullptr) {
      iss = string_claim(payload, "sub");  // the bug: whichever of iss and sub is known
    }
  } else if (iss.empty() || iss != string_claim(payload, "sub")) {
    return {nullptr, "assertion iss and sub must both be the client_id"};
  }
  const RegisteredClient* client = ctx.find_client(iss);
  if (client == nullptr) {
    return {nullptr, "unknown client"};
  }
  if (auto mismatch = client_id_mismatch(params, *client)) {
    return {nullptr, *mismatch};
  }
  if (client->auth_method != AuthMethod::client_secret_jwt &&
      client->auth_method != AuthMethod::private_key_jwt) {
    return {nullptr,
            "client " + iss + " is registered for " + std::string(to_string(client->auth_method))};
  }
  return {client, ""};
}

}  // namespace

ClientAuthentication authenticate_with_assertion(ServerContext& ctx, const http::Params& params) {
  const auto type = http::find_param(params, "client_assertion_type");
  if (!ctx.has_fault("accept_any_assertion_type") && type != k_jwt_bearer) {
    return failed(ctx, "client_assertion_type must be " + std::string(k_jwt_bearer));
  }
  const auto jws = crypto::decode_jws(http::find_param(params, "client_assertion").value_or(""));
  if (!jws) {
    return failed(ctx, "client_assertion is not a JWS");
  }
  const std::string alg = string_claim(jws->header, "alg");
  // The accept_alg_none_assertion bug: an unsigned assertion skips the signature check.
  const bool unsigned_accepted = alg == "none" && ctx.has_fault("accept_alg_none_assertion");
  if ((alg.empty() || alg == "none") && !unsigned_accepted) {
    return failed(ctx, "unsigned client assertions are not accepted");
  }
  const auto [client, problem] = assertion_client(ctx, jws->payload, params);
  if (client == nullptr) {
    return failed(ctx, problem);
  }
  const bool verify = !unsigned_accepted && !ctx.has_fault("accept_assertion_wrong_key");
  if (auto bad = verify ? signature_problem(*client, *jws) : std::nullopt) {
    return failed(ctx, *bad);
  }
  if (auto bad = claims_problem(ctx, jws->payload)) {
    return failed(ctx, *bad);
  }
  if (auto error = check_replay(ctx, client->client_id, jws->payload)) {
    return ClientAuthentication{nullptr, *error, false};
  }
  return ClientAuthentication{client, std::nullopt, false};
}

}  // namespace parity::server
