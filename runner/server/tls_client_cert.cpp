#include "server/tls_client_cert.hpp"

#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"

#include <httplib.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

namespace parity::server {
namespace {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string subject_of(const X509& cert) {
  const BioPtr out(BIO_new(BIO_s_mem()), BIO_free);
  if (!out || X509_NAME_print_ex(out.get(), X509_get_subject_name(&cert), 0, XN_FLAG_RFC2253) < 0) {
    return "";
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string thumbprint_of(const X509& cert) {
  unsigned char* der = nullptr;
  const int size = i2d_X509(&cert, &der);
  if (size <= 0) {
    return "";
  }
  const std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return crypto::base64url_encode(crypto::sha256(bytes));
}

}  // namespace

std::optional<ClientCertificate> client_certificate(const httplib::Request& request) {
  if (request.ssl == nullptr) {
    return std::nullopt;
  }
  const X509Ptr cert(SSL_get1_peer_certificate(request.ssl), X509_free);
  if (!cert) {
    return std::nullopt;
  }
  ClientCertificate result;
  result.subject_dn = subject_of(*cert);
  result.sha256_thumbprint = thumbprint_of(*cert);
  result.chain_verified = SSL_get_verify_result(request.ssl) == X509_V_OK;
  return result;
}

}  // namespace parity::server
