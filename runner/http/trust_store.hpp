#pragma once

#include <curl/curl.h>
#include <openssl/types.h>

#include <memory>
#include <string>

namespace parity::http {

/// The trust anchors of a profile's `tls.ca_file`, read once for all connections of a client.
/// libcurl (7.88 with OpenSSL) otherwise reads the file into a new certificate store for each
/// TLS connection: it caches a store only when no CA directory is set, and Debian's libcurl
/// always sets one. Like curl's own set-up, the store holds the file's certificates and looks
/// up curl's default CA directory: the file adds trust anchors, it does not replace the
/// system's.
class TrustStore {
 public:
  /// Reads `ca_file`. When it cannot be read or holds no certificate the store stays empty
  /// (`loaded()` false), and the caller lets curl read the file and report its own error.
  explicit TrustStore(const std::string& ca_file);
  TrustStore(const TrustStore&) = delete;
  TrustStore& operator=(const TrustStore&) = delete;
  TrustStore(TrustStore&&) = delete;
  TrustStore& operator=(TrustStore&&) = delete;
  ~TrustStore();

  bool loaded() const { return m_store != nullptr; }

  /// Makes the next TLS connections of `easy` verify against this store (through
  /// CURLOPT_SSL_CTX_FUNCTION) and read no CA file or directory. False when this libcurl
  /// cannot (another TLS library): the caller then gives curl the file.
  bool install(CURL* easy) const;

 private:
  struct StoreDeleter {
    void operator()(X509_STORE* store) const;
  };
  std::unique_ptr<X509_STORE, StoreDeleter> m_store;
};

}  // namespace parity::http
