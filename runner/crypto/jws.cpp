#include "crypto/jws.hpp"

#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/hash.hpp"
#include "crypto/signature.hpp"

namespace parity::crypto {
namespace {

Key::Type key_type_for(detail::SignatureAlg alg) {
  return alg == detail::SignatureAlg::es256 ? Key::Type::ec : Key::Type::rsa;
}

// RFC 7515 §5.1 steps 1–6: the text that is signed.
std::string signing_input(const nlohmann::json& header, const nlohmann::json& payload) {
  return base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
}

// RFC 7515 §2: JWS parts are base64url *without* padding, so '=' makes the JWS malformed.
std::optional<std::string> decode_part(std::string_view part) {
  if (part.find('=') != std::string_view::npos) {
    return std::nullopt;
  }
  return base64url_decode(part);
}

std::optional<nlohmann::json> parse_object(const std::string& text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (value.is_discarded() || !value.is_object()) {
    return std::nullopt;
  }
  return value;
}

std::string header_alg(const DecodedJws& jws) {
  const auto it = jws.header.find("alg");
  return it != jws.header.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string sign_jws(nlohmann::json header,
                     const nlohmann::json& payload,
                     const Key& key,
                     const std::string& alg) {
  const auto parsed = detail::parse_signature_alg(alg);
  if (!parsed) {
    throw CryptoError("unsupported JWS alg '" + alg + "' (RS256, PS256 or ES256)");
  }
  if (key.type() != key_type_for(*parsed)) {
    throw CryptoError("JWS alg " + alg + " needs " +
                      (*parsed == detail::SignatureAlg::es256 ? "an EC P-256 key" : "an RSA key"));
  }
  if (!key.is_private()) {
    throw CryptoError("signing needs a private key");
  }
  header["alg"] = alg;
  std::string input = signing_input(header, payload);
  const std::string signature =
      detail::sign_data(*static_cast<EVP_PKEY*>(key.native()), *parsed, input);
  return input + "." + base64url_encode(signature);
}

std::string sign_jws_hmac(nlohmann::json header,
                          const nlohmann::json& payload,
                          std::string_view secret) {
  header["alg"] = "HS256";
  std::string input = signing_input(header, payload);
  return input + "." + base64url_encode(hmac_sha256(secret, input));
}

std::string unsigned_jws(nlohmann::json header, const nlohmann::json& payload) {
  header["alg"] = "none";
  return signing_input(header, payload) + ".";
}

std::optional<DecodedJws> decode_jws(std::string_view compact) {
  const auto first = compact.find('.');
  const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto header_text = decode_part(compact.substr(0, first));
  const auto payload_text = decode_part(compact.substr(first + 1, second - first - 1));
  auto signature = decode_part(compact.substr(second + 1));
  if (!header_text || !payload_text || !signature) {
    return std::nullopt;
  }
  auto header = parse_object(*header_text);
  auto payload = parse_object(*payload_text);
  if (!header || !payload) {
    return std::nullopt;
  }
  return DecodedJws{std::move(*header),
                    std::move(*payload),
                    std::string(compact.substr(0, second)),
                    std::move(*signature)};
}

bool verify_jws(const DecodedJws& jws, const Key& key) {
  const auto alg = detail::parse_signature_alg(header_alg(jws));
  if (!alg || key.type() != key_type_for(*alg)) {
    return false;
  }
  return detail::verify_data(
      *static_cast<EVP_PKEY*>(key.native()), *alg, jws.signing_input, jws.signature);
}

bool verify_jws_hmac(const DecodedJws& jws, std::string_view secret) {
  if (header_alg(jws) != "HS256") {
    return false;
  }
  return constant_time_equals(hmac_sha256(secret, jws.signing_input), jws.signature);
}

}  // namespace parity::crypto
