#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace parity::crypto {

/// An RSA or EC (P-256) key, public or private, owning an OpenSSL EVP_PKEY.
class Key {
 public:
  /// The key families JWS RS256/PS256 (rsa) and ES256 (ec, P-256) use.
  enum class Type { rsa, ec };

  /// Parses a PEM private key (PKCS#8 or traditional) or public key (SPKI); throws CryptoError
  /// for other input, encrypted keys, key types other than RSA, and curves other than P-256.
  static Key from_pem(std::string_view pem);
  /// Reads and parses a PEM file; throws CryptoError naming the path.
  static Key from_pem_file(const std::string& path);
  /// Parses a public (or private, with "d") JWK of kty RSA or EC/P-256; throws CryptoError,
  /// also for EC points that are not on the curve.
  static Key from_jwk(const nlohmann::json& jwk);

  /// Whether this is an RSA or an EC (P-256) key.
  Type type() const;
  /// True when the private part is present (the key can sign).
  bool is_private() const;
  /// The public JWK (kty, n/e or crv/x/y); no private members, no kid.
  nlohmann::json public_jwk() const;
  /// RFC 7638 JWK SHA-256 thumbprint, base64url.
  std::string thumbprint() const;
  /// Opaque handle for the crypto implementation (EVP_PKEY*).
  void* native() const;

 private:
  struct Impl;
  explicit Key(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> m_impl;
};

}  // namespace parity::crypto
