#include "crypto/certificate.hpp"

#include "core/input_file.hpp"
#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/hash.hpp"
#include "crypto/openssl_util.hpp"

#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace parity::crypto {
namespace {

using X509Ptr = std::unique_ptr<X509, detail::Deleter<X509, X509_free>>;
using ExtensionPtr =
    std::unique_ptr<X509_EXTENSION, detail::Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr long k_backdate_seconds = 3600;        // tolerate a server clock a little behind
constexpr long k_lifetime_seconds = 24L * 3600;  // long enough for any run

X509Ptr parse_certificate(std::string_view pem) {
  const detail::BioPtr in(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  X509Ptr cert(in ? PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!cert) {
    detail::throw_openssl_error("not a PEM certificate");
  }
  return cert;
}

std::string bio_text(BIO& bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(&bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

detail::PkeyPtr new_p256_key() {
  detail::PkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) {
    detail::throw_openssl_error("cannot generate a P-256 key");
  }
  return key;
}

void add_extension(X509& cert, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, &cert, &cert, nullptr, nullptr, 0);
  const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
  if (!extension || X509_add_ext(&cert, extension.get(), -1) != 1) {
    detail::throw_openssl_error("cannot add a certificate extension");
  }
}

std::string certificate_pem(X509& cert) {
  const detail::BioPtr out(BIO_new(BIO_s_mem()));
  if (!out || PEM_write_bio_X509(out.get(), &cert) != 1) {
    detail::throw_openssl_error("cannot write a certificate");
  }
  return bio_text(*out);
}

std::string private_key_pem(EVP_PKEY& key) {
  const detail::BioPtr out(BIO_new(BIO_s_mem()));
  if (!out ||
      PEM_write_bio_PrivateKey(out.get(), &key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    detail::throw_openssl_error("cannot write a private key");
  }
  return bio_text(*out);
}

}  // namespace

std::string read_certificate_file(const std::string& path) {
  std::string text;
  try {
    text = read_input_file(path, k_max_pem_file_bytes);
  } catch (const InputFileError& error) {
    throw CryptoError("cannot read certificate file '" + path + "': " + error.what());
  }
  try {
    static_cast<void>(parse_certificate(text));
  } catch (const CryptoError& error) {
    throw CryptoError("'" + path + "': " + error.what());
  }
  return text;
}

std::string certificate_subject(std::string_view pem) {
  const X509Ptr cert = parse_certificate(pem);
  const detail::BioPtr out(BIO_new(BIO_s_mem()));
  if (!out ||
      X509_NAME_print_ex(out.get(), X509_get_subject_name(cert.get()), 0, XN_FLAG_RFC2253) < 0) {
    detail::throw_openssl_error("cannot print a certificate subject");
  }
  return bio_text(*out);
}

std::string certificate_thumbprint(std::string_view pem) {
  const X509Ptr cert = parse_certificate(pem);
  unsigned char* der = nullptr;
  const int size = i2d_X509(cert.get(), &der);
  if (size <= 0) {
    detail::throw_openssl_error("cannot encode a certificate");
  }
  const std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return base64url_encode(sha256(bytes));
}

std::string certificate_spki_sha256(std::string_view pem) {
  const X509Ptr cert = parse_certificate(pem);
  unsigned char* der = nullptr;
  const int size = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert.get()), &der);
  if (size <= 0) {
    detail::throw_openssl_error("cannot encode a public key");
  }
  const std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return base64_encode(sha256(bytes));
}

bool certificate_matches_key(std::string_view certificate_pem, std::string_view key_pem) {
  const X509Ptr cert = parse_certificate(certificate_pem);
  const detail::BioPtr in(BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())));
  const detail::PkeyPtr key(in ? PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr)
                               : nullptr);
  ERR_clear_error();
  return key && X509_check_private_key(cert.get(), key.get()) == 1;
}

CertificateAndKey self_signed_copy(std::string_view template_pem) {
  const X509Ptr original = parse_certificate(template_pem);
  const detail::PkeyPtr key = new_p256_key();
  const X509Ptr cert(X509_new());
  const detail::BignumPtr serial(BN_new());
  if (!cert || !serial || BN_rand(serial.get(), 64, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1 ||
      BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) == nullptr ||
      X509_set_version(cert.get(), 2) != 1 ||
      X509_set_subject_name(cert.get(), X509_get_subject_name(original.get())) != 1 ||
      X509_set_issuer_name(cert.get(), X509_get_subject_name(original.get())) != 1 ||
      X509_gmtime_adj(X509_getm_notBefore(cert.get()), -k_backdate_seconds) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), k_lifetime_seconds) == nullptr ||
      X509_set_pubkey(cert.get(), key.get()) != 1) {
    detail::throw_openssl_error("cannot build a self-signed certificate");
  }
  add_extension(*cert, NID_basic_constraints, "critical,CA:FALSE");
  add_extension(*cert, NID_ext_key_usage, "clientAuth");
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
    detail::throw_openssl_error("cannot sign a self-signed certificate");
  }
  return {certificate_pem(*cert), private_key_pem(*key)};
}

}  // namespace parity::crypto
