#include "server/dpop.hpp"

#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/hash.hpp"
#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "server/context.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>

namespace parity::server {
namespace {

constexpr double k_iat_window_seconds = 60;  // RFC 9449 §4.3 step 11: "reasonable window"
constexpr long k_nonce_lifetime_seconds = 300;
constexpr long k_clock_skew_seconds = 5;

using Problem = std::optional<std::string>;

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

OAuthError invalid_proof(std::string description) {
  return OAuthError{400, "invalid_dpop_proof", std::move(description), {}};
}

std::string string_member(const nlohmann::json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

/// RFC 9449 §4.3 step 10: htu is compared without query and fragment, with scheme and host
/// case-insensitive (RFC 3986 §6.2.2.1).
std::string normalized_uri(std::string_view uri) {
  std::string out(uri.substr(0, uri.find_first_of("?#")));
  const auto authority = out.find("://");
  const auto path = out.find('/', authority == std::string::npos ? 0 : authority + 3);
  std::transform(out.begin(),
                 out.begin() + static_cast<std::ptrdiff_t>(std::min(path, out.size())),
                 out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// RFC 9449 §4.3 steps 4–6: typ, an asymmetric alg, a public jwk.
Problem header_problem(const ServerContext& ctx,
                       const nlohmann::json& header,
                       std::optional<crypto::Key>& key) {
  if (string_member(header, "typ") != "dpop+jwt" && !ctx.has_fault("accept_wrong_dpop_typ")) {
    return "DPoP proof typ must be dpop+jwt";
  }
  const std::string alg = string_member(header, "alg");
  const bool unsigned_ok = ctx.has_fault("accept_unsigned_dpop_proof") && alg == "none";
  if (alg != "ES256" && alg != "PS256" && alg != "RS256" && !unsigned_ok) {
    return "DPoP proof alg must be ES256, PS256 or RS256";
  }
  const auto jwk = header.find("jwk");
  if (jwk == header.end() || !jwk->is_object()) {
    return "DPoP proof has no jwk header";
  }
  for (const char* member : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}) {
    if (jwk->contains(member)) {
      return "DPoP proof jwk must be a public key";
    }
  }
  try {
    key = crypto::Key::from_jwk(*jwk);
  } catch (const crypto::CryptoError&) {
    return "DPoP proof jwk is not a usable RSA or P-256 key";
  }
  return std::nullopt;
}

/// RFC 9449 §4.3 steps 7, 9–11: signature, jti, htm, htu, iat.
Problem claims_problem(const ServerContext& ctx,
                       const crypto::DecodedJws& jws,
                       const crypto::Key& key,
                       const httplib::Request& req,
                       const std::string& htu) {
  const bool unsigned_ok =
      ctx.has_fault("accept_unsigned_dpop_proof") && string_member(jws.header, "alg") == "none";
  if (!unsigned_ok && !ctx.has_fault("accept_bad_dpop_signature") &&
      !crypto::verify_jws(jws, key)) {
    return "DPoP proof signature does not verify with its jwk";
  }
  const nlohmann::json& claims = jws.payload;
  if (string_member(claims, "jti").empty()) {
    return "DPoP proof has no jti";
  }
  if (string_member(claims, "htm") != req.method && !ctx.has_fault("ignore_dpop_htm")) {
    return "DPoP proof htm must be " + req.method;
  }
  if (normalized_uri(string_member(claims, "htu")) != normalized_uri(htu) &&
      !ctx.has_fault("ignore_dpop_htu")) {
    return "DPoP proof htu must be " + htu;
  }
  const auto iat = claims.find("iat");
  if (iat == claims.end() || !iat->is_number()) {
    return "DPoP proof has no numeric iat";
  }
  if (std::abs(iat->get<double>() - now_seconds()) > k_iat_window_seconds &&
      !ctx.has_fault("accept_stale_dpop_proof")) {
    return "DPoP proof iat is not within 60 seconds of now";
  }
  return std::nullopt;
}

/// RFC 9449 §8: a nonce is "<unix seconds>.<base64url HMAC of them>".
bool nonce_is_current(const ServerContext& ctx, const std::string& nonce) {
  const auto dot = nonce.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 20) {
    return false;
  }
  const std::string stamp = nonce.substr(0, dot);
  if (!std::all_of(stamp.begin(), stamp.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return false;
  }
  const std::string mac = crypto::base64url_encode(crypto::hmac_sha256(ctx.dpop_nonce_key, stamp));
  if (!crypto::constant_time_equals(nonce.substr(dot + 1), mac)) {
    return false;
  }
  const long age = static_cast<long>(now_seconds()) - std::stol(stamp);
  return age >= -k_clock_skew_seconds && age <= k_nonce_lifetime_seconds;
}

/// RFC 9449 §11.1: a proof (jti) is accepted once per key while it could still be fresh.
std::optional<OAuthError> check_replay(ServerContext& ctx,
                                       const std::string& jkt,
                                       const std::string& jti) {
  if (ctx.has_fault("accept_replayed_dpop_proof")) {
    return std::nullopt;
  }
  const auto keep = std::chrono::seconds(static_cast<long>(2 * k_iat_window_seconds));
  switch (ctx.store.remember_jti("dpop:" + jkt, jti, StoreClock::now() + keep)) {
    case JtiResult::fresh:
      return std::nullopt;
    case JtiResult::replayed:
      return invalid_proof("DPoP proof jti was already used");
    case JtiResult::full:
      break;
  }
  return OAuthError{503, "temporarily_unavailable", "DPoP replay cache is full", {}};
}

}  // namespace

std::string make_dpop_nonce(const ServerContext& ctx) {
  const std::string stamp = std::to_string(static_cast<long>(now_seconds()));
  return stamp + "." + crypto::base64url_encode(crypto::hmac_sha256(ctx.dpop_nonce_key, stamp));
}

DpopResult check_dpop_proof(ServerContext& ctx,
                            const httplib::Request& req,
                            const std::string& htu,
                            const RegisteredClient* client) {
  const std::size_t count = req.get_header_value_count("DPoP");
  if (count == 0) {
    return {};
  }
  if (count > 1) {
    return {"", invalid_proof("exactly one DPoP header is allowed"), ""};
  }
  const auto jws = crypto::decode_jws(req.get_header_value("DPoP"));
  if (!jws) {
    if (ctx.has_fault("ignore_malformed_dpop_proof")) {
      return {};  // the bug: an unparsable proof counts as no proof at all
    }
    return {"", invalid_proof("DPoP proof is not a JWT"), ""};
  }
  std::optional<crypto::Key> key;
  Problem problem = header_problem(ctx, jws->header, key);
  if (!problem) {
    problem = claims_problem(ctx, *jws, *key, req, htu);
  }
  if (problem) {
    return {"", invalid_proof(*problem), ""};
  }
  const bool nonce_due =
      client != nullptr && client->dpop_nonce_required && !ctx.has_fault("skip_dpop_nonce");
  if (nonce_due && !nonce_is_current(ctx, string_member(jws->payload, "nonce"))) {
    return {"",
            OAuthError{400, "use_dpop_nonce", "a current DPoP nonce is required", {}},
            make_dpop_nonce(ctx)};
  }
  const std::string jkt = key->thumbprint();
  if (auto error = check_replay(ctx, jkt, string_member(jws->payload, "jti"))) {
    return {"", std::move(error), ""};
  }
  return {jkt, std::nullopt, ""};
}

void send_dpop_error(httplib::Response& res, const DpopResult& result) {
  if (!result.nonce.empty()) {
    res.set_header("DPoP-Nonce", result.nonce);
  }
  send_error(res, *result.error);
}

}  // namespace parity::server
