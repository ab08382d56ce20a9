#include "crypto/dpop_proof.hpp"

#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "crypto/jws.hpp"

namespace parity::crypto {

std::string dpop_htu(std::string_view url) {
  return std::string(url.substr(0, url.find_first_of("?#")));
}

std::string dpop_ath(std::string_view access_token) {
  return base64url_encode(sha256(access_token));
}

std::string sign_dpop_proof(const Key& key,
                            const std::string& alg,
                            const std::string& typ,
                            const nlohmann::json& claims) {
  nlohmann::json header = {{"typ", typ}, {"alg", alg}, {"jwk", key.public_jwk()}};
  if (alg == "none") {
    return unsigned_jws(std::move(header), claims);
  }
  return sign_jws(std::move(header), claims, key, alg);
}

std::string tamper_jws_signature(std::string_view compact) {
  const auto last_dot = compact.rfind('.');
  if (last_dot == std::string_view::npos || compact.find('.') == last_dot) {
    return std::string(compact);
  }
  std::string signature = base64url_decode(compact.substr(last_dot + 1)).value_or(std::string());
  if (signature.empty()) {
    signature.push_back('\0');
  } else {
    signature[0] = static_cast<char>(signature[0] ^ 0x01);
  }
  return std::string(compact.substr(0, last_dot + 1)) + base64url_encode(signature);
}

}  // namespace parity::crypto
