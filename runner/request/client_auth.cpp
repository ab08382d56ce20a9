#include "request/client_auth.hpp"

#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "crypto/random.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace parity::run {
namespace {

constexpr long k_default_lifetime_s = 60;
constexpr std::size_t k_jti_length = 32;

std::string base64_encode(const std::string& bytes) {
  static constexpr char k_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16U) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8U) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {k_alphabet[(n >> 18U) & 63U],
            k_alphabet[(n >> 12U) & 63U],
            k_alphabet[(n >> 6U) & 63U],
            k_alphabet[n & 63U]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16U;
    out += {k_alphabet[(n >> 18U) & 63U], k_alphabet[(n >> 12U) & 63U], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16U) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8U);
    out += {k_alphabet[(n >> 18U) & 63U],
            k_alphabet[(n >> 12U) & 63U],
            k_alphabet[(n >> 6U) & 63U],
            '='};
  }
  return out;
}

// RFC 6749 Appendix B: application/x-www-form-urlencoded, so a space becomes '+'.
std::string form_component(const std::string& text) {
  std::string encoded = http::percent_encode(text);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded.compare(i, 3, "%20") == 0) {
      out += '+';
      i += 2;
    } else {
      out += encoded[i];
    }
  }
  return out;
}

std::string alg_for(crypto::Key::Type type) {
  return type == crypto::Key::Type::ec ? "ES256" : "RS256";
}

// Key files were checked at load time; each is parsed once per process, not per request.
crypto::Key load_key(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, crypto::Key> keys;
  const std::lock_guard<std::mutex> lock(mutex);
  const auto found = keys.find(path);
  if (found != keys.end()) {
    return found->second;
  }
  return keys.emplace(path, crypto::Key::from_pem_file(path)).first->second;
}

crypto::Key client_key(const Client& client) {
  if (client.private_key_path.empty()) {
    throw std::runtime_error("client '" + client.name + "' has no private key");
  }
  return load_key(client.private_key_path);
}

// The signing key (nullopt for HS256 and none) and the alg, following the overrides.
std::pair<std::optional<crypto::Key>, std::string> signing_choice(const AssertionSpec& spec,
                                                                  AuthMethod method,
                                                                  const Client& client) {
  if (spec.key_path) {
    crypto::Key key = load_key(*spec.key_path);
    std::string alg = spec.alg.value_or(alg_for(key.type()));
    return {std::move(key), alg};
  }
  std::string alg;
  if (spec.alg) {
    alg = *spec.alg;
  } else if (method == AuthMethod::client_secret_jwt) {
    alg = "HS256";
  } else if (client.signing_alg != "HS256") {
    // private_key_jwt signs with the client's key, even for a client registered for
    // client_secret_jwt (whose signing_alg is HS256): the alg then follows the key type.
    alg = client.signing_alg;
  }
  if (alg == "none" || alg == "HS256") {
    return {std::nullopt, alg};
  }
  crypto::Key key = client_key(client);
  return {key, alg.empty() ? alg_for(key.type()) : alg};
}

/// RFC 9126 §2: the issuer identifier SHOULD be the audience (the default); the server MUST
/// also accept its token endpoint and PAR endpoint URLs, which a profile may choose.
std::string audience_variable(AssertionAudience audience) {
  switch (audience) {
    case AssertionAudience::token_endpoint:
      return "endpoints.token";
    case AssertionAudience::par_endpoint:
      return "endpoints.par";
    case AssertionAudience::issuer:
      break;
  }
  return "issuer";
}

nlohmann::json assertion_claims(const AssertionSpec& spec,
                                const Client& client,
                                const eval::Vars& vars) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto claim = [&](const std::optional<Text>& override_text, const std::string& fallback) {
    return override_text ? vars.render(*override_text) : fallback;
  };
  nlohmann::json claims = {
      {"iss", claim(spec.iss, client.id)},
      {"sub", claim(spec.sub, client.id)},
      {"aud", claim(spec.aud, vars.at(audience_variable(client.assertion_audience)))},
      {"jti", claim(spec.jti, crypto::random_token(k_jti_length))},
      {"iat", now + spec.iat_offset.value_or(0)},
      {"exp", now + spec.exp_offset.value_or(k_default_lifetime_s)},
  };
  for (const std::string& name : spec.omit_claims) {
    claims.erase(name);
  }
  return claims;
}

// The client secret as it may appear on the wire: plain, form-encoded (client_secret_post,
// in case a server echoes the form) and as the Basic credentials.
std::vector<std::string> secret_spellings(const Client& client, AuthMethod method) {
  if (client.secret.empty()) {
    return {};
  }
  std::vector<std::string> spellings = {client.secret};
  if (form_component(client.secret) != client.secret) {
    spellings.push_back(form_component(client.secret));
  }
  if (method == AuthMethod::client_secret_basic) {
    spellings.push_back(basic_credentials(client.id, client.secret));
  }
  return spellings;
}

}  // namespace

std::string basic_credentials(const std::string& client_id, const std::string& secret) {
  return base64_encode(form_component(client_id) + ":" + form_component(secret));
}

std::string basic_authorization(const std::string& client_id, const std::string& secret) {
  return "Basic " + basic_credentials(client_id, secret);
}

std::string make_client_assertion(const AssertionSpec& spec,
                                  AuthMethod method,
                                  const Client& client,
                                  const eval::Vars& vars) {
  auto [key, alg] = signing_choice(spec, method, client);
  const nlohmann::json claims = assertion_claims(spec, client, vars);
  nlohmann::json header = {{"alg", alg}, {"typ", "JWT"}};
  if (alg == "none") {
    return crypto::unsigned_jws(header, claims);
  }
  if (alg == "HS256") {
    if (client.secret.empty()) {
      throw std::runtime_error("client '" + client.name + "' has no secret for HS256");
    }
    return crypto::sign_jws_hmac(header, claims, client.secret);
  }
  if (!client.key_id.empty()) {
    header["kid"] = client.key_id;
  }
  return crypto::sign_jws(header, claims, *key, alg);
}

ClientAuthentication authenticate_client(AuthMethod method,
                                         const RequestSpec& spec,
                                         const Client& client,
                                         const eval::Vars& vars) {
  ClientAuthentication auth;
  Client acting = client;
  if (spec.secret) {
    acting.secret = vars.render(*spec.secret);
  } else {
    auth.secrets = secret_spellings(client, method);
  }
  switch (method) {
    case AuthMethod::client_secret_basic:
      auth.headers.emplace_back("Authorization", basic_authorization(acting.id, acting.secret));
      break;
    case AuthMethod::client_secret_post:
      auth.params = {{"client_id", acting.id}, {"client_secret", acting.secret}};
      break;
    case AuthMethod::client_secret_jwt:
    case AuthMethod::private_key_jwt: {
      std::string type = spec.assertion.client_assertion_type
                             ? vars.render(*spec.assertion.client_assertion_type)
                             : k_jwt_bearer_type;
      std::string jwt = make_client_assertion(spec.assertion, method, acting, vars);
      auth.secrets.push_back(jwt);
      auth.params = {{"client_assertion_type", std::move(type)},
                     {"client_assertion", std::move(jwt)}};
      break;
    }
    case AuthMethod::none:
    case AuthMethod::tls_client_auth:
    case AuthMethod::self_signed_tls_client_auth:
      auth.params = {{"client_id", acting.id}};
      break;
  }
  return auth;
}

}  // namespace parity::run
