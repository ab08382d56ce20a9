#include "server/tls_client_cert.hpp"

#include "crypto/certificate.hpp"
#include "crypto/error.hpp"

#include <httplib.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>

namespace parity::server {
namespace {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string pem_of(X509& cert) {
  const BioPtr out(BIO_new(BIO_s_mem()), BIO_free);
  if (!out || PEM_write_bio_X509(out.get(), &cert) != 1) {
    return "";
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
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
  // The same subject and thumbprint code as the runner's side (crypto/certificate.hpp).
  const std::string pem = pem_of(*cert);
  ClientCertificate result;
  try {
    result.subject_dn = crypto::certificate_subject(pem);
    result.sha256_thumbprint = crypto::certificate_thumbprint(pem);
  } catch (const crypto::CryptoError&) {
    return std::nullopt;  // a certificate that cannot be read authenticates nobody
  }
  result.chain_verified = SSL_get_verify_result(request.ssl) == X509_V_OK;
  return result;
}

}  // namespace parity::server
