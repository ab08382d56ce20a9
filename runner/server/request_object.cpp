#include "server/request_object.hpp"

#include "core/strings.hpp"
#include "crypto/jws.hpp"
#include "server/context.hpp"
#include "server/syntax.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

namespace parity::server {
namespace {

constexpr double k_clock_skew_seconds = 5;

using Problem = std::optional<std::string>;

OAuthError invalid_object(std::string description) {
  return OAuthError{400, "invalid_request_object", std::move(description), {}};
}

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string string_claim(const nlohmann::json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

/// RFC 9101 §4 / §10.8: a typ, when present, names a Request Object (or a plain JWT), so that
/// another kind of JWT (a DPoP proof, an assertion type) is not taken for one.
bool typ_accepted(const ServerContext& ctx, const nlohmann::json& header) {
  const auto typ = header.find("typ");
  if (typ == header.end() || ctx.has_fault("accept_any_request_object_typ")) {
    return true;
  }
  if (!typ->is_string()) {
    return false;
  }
  std::string value = to_lower(typ->get<std::string>());
  if (value.rfind("application/", 0) == 0) {
    value.erase(0, std::string("application/").size());
  }
  return value == "oauth-authz-req+jwt" || value == "jwt";
}

/// RFC 9101 §6.2 / RFC 9126 §3 step 2: signed with a key of this client: HS256 with the secret
/// of a client_secret_* client, RS256/PS256/ES256 with a private_key_jwt client's public key.
Problem signature_problem(const ServerContext& ctx,
                          const RegisteredClient& client,
                          const crypto::DecodedJws& jws) {
  const std::string alg = string_claim(jws.header, "alg");
  if (alg.empty() || alg == "none") {
    if (ctx.has_fault("accept_unsigned_request_object")) {
      return std::nullopt;  // the bug: an unsigned object is trusted
    }
    return "unsigned request objects (alg none) are not accepted";
  }
  if (ctx.has_fault("accept_bad_request_object_signature")) {
    return std::nullopt;  // the bug: the signature is never checked
  }
  bool verified = false;
  if (uses_secret(client.auth_method)) {
    if (alg != "HS256") {
      return "request objects of this client must use HS256 with its secret";
    }
    verified = crypto::verify_jws_hmac(jws, client.secret);
  } else if (client.public_key) {
    if (alg != "RS256" && alg != "PS256" && alg != "ES256") {
      return "request object alg must be RS256, PS256 or ES256";
    }
    verified = crypto::verify_jws(jws, *client.public_key);
  } else {
    return "no key is registered to verify request objects of this client";
  }
  return verified ? std::nullopt : Problem("request object signature does not verify");
}

/// RFC 7519 §4.1.4 / §4.1.5: exp is required and not passed; nbf, if any, is not ahead.
Problem time_problem(const ServerContext& ctx, const nlohmann::json& payload) {
  const double now = now_seconds();
  const auto exp = payload.find("exp");
  if (!ctx.has_fault("accept_expired_request_object")) {
    if (exp == payload.end() || !exp->is_number()) {
      return "request object has no numeric exp";
    }
    if (now > exp->get<double>() + k_clock_skew_seconds) {
      return "request object has expired";
    }
  }
  const auto nbf = payload.find("nbf");
  if (nbf != payload.end() && !ctx.has_fault("accept_future_request_object") &&
      (!nbf->is_number() || nbf->get<double>() > now + k_clock_skew_seconds)) {
    return "request object is not yet valid (nbf)";
  }
  return std::nullopt;
}

/// RFC 9101 §4: aud names the issuer (a string, or an array containing it).
bool audience_names_issuer(const ServerContext& ctx, const nlohmann::json& payload) {
  const auto aud = payload.find("aud");
  if (aud == payload.end()) {
    return false;
  }
  if (aud->is_array()) {
    return std::find(aud->begin(), aud->end(), nlohmann::json(ctx.issuer)) != aud->end();
  }
  return *aud == ctx.issuer;
}

/// RFC 9101 §4 / §6.3 and RFC 9126 §3 step 3: aud = issuer, iss = client_id, and a client_id
/// claim names the authenticated client.
Problem identity_problem(const ServerContext& ctx,
                         const RegisteredClient& client,
                         const nlohmann::json& payload) {
  if (!ctx.has_fault("ignore_request_object_aud") && !audience_names_issuer(ctx, payload)) {
    return "request object aud must name the issuer " + ctx.issuer;
  }
  if (!ctx.has_fault("ignore_request_object_iss") &&
      string_claim(payload, "iss") != client.client_id) {
    return "request object iss must be the client_id";
  }
  const auto client_id = payload.find("client_id");
  if (client_id != payload.end() && *client_id != client.client_id &&
      !ctx.has_fault("ignore_request_object_client_id")) {
    return "request object client_id does not match the authenticated client";
  }
  return std::nullopt;
}

/// RFC 9101 §4: request and request_uri never appear inside a Request Object.
Problem nesting_problem(const ServerContext& ctx, const nlohmann::json& payload) {
  if (payload.contains("request_uri") && !ctx.has_fault("accept_request_uri_in_request_object")) {
    return "request_uri must not appear inside a request object";
  }
  if (payload.contains("request") && !ctx.has_fault("accept_nested_request_object")) {
    return "request objects must not be nested";
  }
  return std::nullopt;
}

/// RFC 9101 §6.3: the claims are the authorization request; strings as they are, other JSON
/// values (authorization_details, claims) as JSON text. client_id is the verified client.
http::Params claims_to_params(const nlohmann::json& payload, const RegisteredClient& client) {
  static const std::set<std::string> k_not_parameters{
      "iss", "aud", "exp", "nbf", "iat", "jti", "request", "request_uri", "client_id"};
  http::Params params{{"client_id", client.client_id}};
  for (const auto& [name, value] : payload.items()) {
    if (k_not_parameters.count(name) > 0 || value.is_null()) {
      continue;
    }
    params.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
  }
  return without_empty_values(std::move(params));
}

/// The use_outer_parameters fault: form parameters win over the Request Object's claims.
void apply_outer_parameters(const http::Params& outer, http::Params& params) {
  static const std::set<std::string> k_auth{
      "request", "client_id", "client_secret", "client_assertion", "client_assertion_type"};
  for (const auto& [name, value] : outer) {
    if (k_auth.count(name) > 0) {
      continue;
    }
    // clang 14 (the sanitizer build) cannot capture a structured binding in a lambda.
    std::erase_if(params,
                  [&outer_name = name](const auto& param) { return param.first == outer_name; });
    params.emplace_back(name, value);
  }
}

/// RFC 9101 §6: checks a compact Request Object; returns the problem, if any.
Problem object_problem(const ServerContext& ctx,
                       const RegisteredClient& client,
                       const crypto::DecodedJws& jws) {
  if (!typ_accepted(ctx, jws.header)) {
    return "request object typ must be oauth-authz-req+jwt";
  }
  if (auto problem = signature_problem(ctx, client, jws)) {
    return problem;
  }
  if (auto problem = time_problem(ctx, jws.payload)) {
    return problem;
  }
  if (auto problem = identity_problem(ctx, client, jws.payload)) {
    return problem;
  }
  return nesting_problem(ctx, jws.payload);
}

}  // namespace

bool requires_signed_request_object(const ServerContext& ctx, const RegisteredClient& client) {
  if (ctx.has_fault("ignore_require_signed_request_object")) {
    return false;  // the bug: the policy is never enforced
  }
  return ctx.config.require_signed_request_object || client.require_signed_request_object;
}

UnpackedRequest unpack_request_object(const ServerContext& ctx,
                                      const http::Params& params,
                                      const RegisteredClient* client) {
  const auto request = http::find_param(params, "request");
  if (!request) {
    if (client != nullptr && requires_signed_request_object(ctx, *client)) {
      // RFC 9126 §2.3: a plain push by such a client is refused with invalid_request.
      return {{}, invalid_request("this client must send a signed request object (request)")};
    }
    return {params, std::nullopt};
  }
  if (client == nullptr) {
    return {{}, invalid_object("request objects need an identified client")};
  }
  if (std::count(request->begin(), request->end(), '.') == 4) {
    // RFC 9101 §6.1: a JWE must be decrypted; no decryption keys are registered here.
    const std::string why = "encrypted request objects cannot be decrypted (no keys registered)";
    return {{},
            ctx.has_fault("misreport_encrypted_request_object") ? invalid_request(why)
                                                                : invalid_object(why)};
  }
  const auto jws = crypto::decode_jws(*request);
  if (!jws) {
    return {{}, invalid_object("request is not a signed JWT (compact JWS)")};
  }
  if (auto problem = object_problem(ctx, *client, *jws)) {
    return {{}, invalid_object(*problem)};
  }
  UnpackedRequest unpacked{claims_to_params(jws->payload, *client), std::nullopt};
  if (ctx.has_fault("use_outer_parameters")) {
    apply_outer_parameters(params, unpacked.params);
  }
  return unpacked;
}

}  // namespace parity::server
