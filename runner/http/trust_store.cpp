#include "http/trust_store.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

namespace parity::http {
namespace {

/// curl's built-in CA directory (CURLINFO_CAPATH, libcurl 7.84+), or "" when it has none.
std::string default_ca_directory() {
  CURL* probe = curl_easy_init();
  if (probe == nullptr) {
    return "";
  }
  char* path = nullptr;
  std::string directory;
  if (curl_easy_getinfo(probe, CURLINFO_CAPATH, &path) == CURLE_OK && path != nullptr) {
    directory = path;
  }
  curl_easy_cleanup(probe);
  return directory;
}

/// CURLOPT_SSL_CTX_FUNCTION: runs after curl set up the context of a new TLS connection.
CURLcode use_store(CURL* /*easy*/, void* ssl_context, void* store) {
  SSL_CTX_set1_cert_store(static_cast<SSL_CTX*>(ssl_context), static_cast<X509_STORE*>(store));
  return CURLE_OK;
}

}  // namespace

void TrustStore::StoreDeleter::operator()(X509_STORE* store) const {
  X509_STORE_free(store);
}

TrustStore::TrustStore(const std::string& ca_file) {
  std::unique_ptr<X509_STORE, StoreDeleter> store(X509_STORE_new());
  const std::string directory = default_ca_directory();
  // A directory lookup reads an anchor only when a chain needs one of its subject.
  const bool complete =
      store && X509_STORE_load_file(store.get(), ca_file.c_str()) == 1 &&
      (directory.empty() || X509_STORE_load_path(store.get(), directory.c_str()) == 1);
  if (!complete) {
    ERR_clear_error();  // curl reads the file again and reports why it cannot be used
    return;
  }
  m_store = std::move(store);
}

TrustStore::~TrustStore() = default;

bool TrustStore::install(CURL* easy) const {
  if (!m_store) {
    return false;
  }
  if (curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, use_store) != CURLE_OK ||
      curl_easy_setopt(easy, CURLOPT_SSL_CTX_DATA, m_store.get()) != CURLE_OK) {
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, nullptr);
    return false;
  }
  curl_easy_setopt(easy, CURLOPT_CAINFO, nullptr);
  curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);
  return true;
}

}  // namespace parity::http
