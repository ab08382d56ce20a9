#include "load/tls_loader.hpp"

#include "crypto/certificate.hpp"
#include "crypto/error.hpp"
#include "load/checks.hpp"

namespace parity::load {
namespace {

// Where the PEM file of client key `key` is: the client's own, else the profile-wide one.
struct PemSource {
  std::string path;  ///< empty: neither is set
  SourceLocation where;
};

PemSource pem_source(MapReader& reader, const std::string& key, const std::string& fallback) {
  if (const auto path = optional_scalar(reader, key)) {
    return {resolve_path(path->where.file, path->value), path->where};
  }
  return {fallback, reader.location()};
}

std::string read_certificate(const PemSource& source) {
  require_file(source.path, source.where);
  try {
    return crypto::read_certificate_file(source.path);
  } catch (const crypto::CryptoError& error) {
    throw LoadError(source.where, error.what());
  }
}

std::string read_private_key_text(const PemSource& source) {
  check_private_key(source.path, source.where);
  try {
    return read_input_file(source.path, k_max_pem_file_bytes);
  } catch (const InputFileError& error) {
    throw LoadError(source.where, std::string(error.what()) + ": " + shown_value(source.path));
  }
}

std::string read_path(MapReader& reader, const std::string& key) {
  const auto path = optional_scalar(reader, key);
  if (!path) {
    return "";
  }
  std::string resolved = resolve_path(path->where.file, path->value);
  require_file(resolved, path->where);
  return resolved;
}

}  // namespace

/// RFC 8705 §2: the certificate and key an mTLS client authenticates with; other methods take
/// none.
void read_tls_identity(MapReader& reader, Client& client, const TlsConfig& tls) {
  if (!uses_tls_certificate(client.auth_method)) {
    for (const std::string key : {"tls_client_cert", "tls_client_key"}) {
      if (reader.has(key)) {
        throw LoadError(reader.location_of_key(key),
                        key + " is only used with tls_client_auth and self_signed_tls_client_auth");
      }
    }
    return;
  }
  const PemSource certificate = pem_source(reader, "tls_client_cert", tls.client_cert);
  const PemSource key = pem_source(reader, "tls_client_key", tls.client_key);
  if (certificate.path.empty() || key.path.empty()) {
    throw LoadError(client.where,
                    std::string(to_string(client.auth_method)) + " client '" + client.name +
                        "' needs tls_client_cert and tls_client_key (or tls.client_cert and "
                        "tls.client_key)");
  }
  client.tls_certificate_file = certificate.path;
  client.tls_certificate_pem = read_certificate(certificate);
  client.tls_private_key_pem = read_private_key_text(key);
  if (!crypto::certificate_matches_key(client.tls_certificate_pem, client.tls_private_key_pem)) {
    throw LoadError(key.where,
                    "the TLS client key of client '" + client.name +
                        "' is not the key of its certificate " + certificate.path);
  }
}

TlsConfig read_tls(MapReader& profile) {
  TlsConfig tls;
  const auto node = profile.optional_node("tls");
  if (!node) {
    return tls;
  }
  MapReader reader(*node, profile.file(), "tls");
  allow_keys(reader, {"insecure", "ca_file", "client_cert", "client_key"});
  tls.verify = !reader.optional_bool("insecure", false);
  tls.ca_file = read_path(reader, "ca_file");
  tls.client_cert = read_path(reader, "client_cert");
  tls.client_key = read_path(reader, "client_key");
  reader.finish();
  if (tls.client_cert.empty() != tls.client_key.empty()) {
    throw LoadError(reader.location(), "give both 'client_cert' and 'client_key', or neither");
  }
  return tls;
}

}  // namespace parity::load
