#include "login/server_certificate.hpp"

#include "crypto/certificate.hpp"

#include <curl/curl.h>

#include <memory>
#include <stdexcept>

namespace parity::login {
namespace {

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};

}  // namespace

std::string verified_server_key_pin(const std::string& url, const http::ClientOptions& options) {
  const std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  if (!easy) {
    throw std::runtime_error("curl_easy_init failed");
  }
  CURL* h = easy.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_CONNECT_ONLY, 1L);  // the TLS handshake is all it takes
  curl_easy_setopt(h, CURLOPT_CERTINFO, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) {
    curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
  }
  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    throw std::runtime_error(std::string("TLS connection to ") + url + ": " +
                             curl_easy_strerror(code));
  }
  curl_certinfo* info = nullptr;
  curl_easy_getinfo(h, CURLINFO_CERTINFO, &info);
  if (info == nullptr || info->num_of_certs < 1) {
    throw std::runtime_error("the TLS library did not report the certificate of " + url);
  }
  for (const curl_slist* field = info->certinfo[0]; field != nullptr; field = field->next) {
    const std::string text = field->data;
    if (text.rfind("Cert:", 0) == 0) {
      return crypto::certificate_spki_sha256(text.substr(5));
    }
  }
  throw std::runtime_error("the TLS library did not report the certificate of " + url);
}

}  // namespace parity::login
