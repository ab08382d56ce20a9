#include "http/curl_client.hpp"

#include "http/curl_callbacks.hpp"
#include "http/trust_store.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <string_view>

namespace parity::http {
namespace {

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void append_header(SlistPtr& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown != nullptr) {
    static_cast<void>(list.release());
    list.reset(grown);
  }
}

// The header list exactly as the request says; curl's own defaults that would change the
// request are switched off ("Name:" removes a curl header, "Name;" sends an empty value).
SlistPtr build_header_list(const Request& request, bool sends_body) {
  SlistPtr list;
  for (const auto& [name, value] : request.headers) {
    std::string line = name;
    line += value.empty() ? ";" : ": ";
    line += value;
    append_header(list, line);
  }
  if (!find_header(request.headers, "Expect")) {
    append_header(list, "Expect:");
  }
  if (sends_body && !find_header(request.headers, "Content-Type")) {
    append_header(list, "Content-Type:");
  }
  return list;
}

}  // namespace

struct CurlClient::Impl {
  ClientOptions options;
  EasyPtr easy;
  std::unique_ptr<TrustStore> trust;  ///< options.ca_file, read once
  std::array<char, CURL_ERROR_SIZE> error_buffer{};

  void configure_common(const Request& request, detail::Transfer& transfer);
  bool configure_method(const Request& request) const;
  void configure_tls(const Request& request) const;
  void configure_identity(const TlsIdentity& identity) const;
  std::string describe_error(CURLcode code, const detail::Transfer& transfer) const;
};

void CurlClient::Impl::configure_common(const Request& request, detail::Transfer& transfer) {
  CURL* h = easy.get();
  error_buffer[0] = '\0';
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer.data());
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h,
                   CURLOPT_TIMEOUT_MS,
                   std::min(options.timeout_ms, request.timeout_ms.value_or(options.timeout_ms)));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
  curl_easy_setopt(
      h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_response_bytes));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, detail::on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, detail::on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  // The debug callback is how we see the request headers as sent; it needs VERBOSE.
  curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, detail::on_debug);
  curl_easy_setopt(h, CURLOPT_DEBUGDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
}

// Returns whether a body is sent. POSTFIELDS with an explicit size keeps bodies binary-safe.
bool CurlClient::Impl::configure_method(const Request& request) const {
  CURL* h = easy.get();
  const bool sends_body = request.method == "POST" || !request.body.empty();
  if (request.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else if (request.method == "POST") {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
  } else if (request.method != "GET" || sends_body) {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (sends_body && request.method != "HEAD") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
  }
  return sends_body;
}

void CurlClient::Impl::configure_tls(const Request& request) const {
  CURL* h = easy.get();
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L);
  if (!options.ca_file.empty() && !(trust && trust->install(h))) {
    curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
  }
  if (request.tls_identity) {
    configure_identity(*request.tls_identity);
    return;
  }
  if (!options.client_cert.empty()) {
    curl_easy_setopt(h, CURLOPT_SSLCERT, options.client_cert.c_str());
  }
  if (!options.client_key.empty()) {
    curl_easy_setopt(h, CURLOPT_SSLKEY, options.client_key.c_str());
  }
}

// RFC 8705 §2: the handshake of this request alone carries `identity`. A pooled connection or
// a resumed TLS session would carry whichever certificate was presented before.
void CurlClient::Impl::configure_identity(const TlsIdentity& identity) const {
  CURL* h = easy.get();
  curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_SESSIONID_CACHE, 0L);
  if (identity.certificate_pem.empty()) {
    return;
  }
  // curl copies the blobs (CURL_BLOB_COPY); these copies only give it mutable pointers.
  std::string certificate_pem = identity.certificate_pem;
  std::string key_pem = identity.private_key_pem;
  curl_blob certificate{certificate_pem.data(), certificate_pem.size(), CURL_BLOB_COPY};
  curl_blob key{key_pem.data(), key_pem.size(), CURL_BLOB_COPY};
  curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
  curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &certificate);
  curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
  curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &key);
}

std::string CurlClient::Impl::describe_error(CURLcode code,
                                             const detail::Transfer& transfer) const {
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return "response body larger than " + std::to_string(options.max_response_bytes) + " bytes";
  }
  if (transfer.headers_too_large) {
    return "response headers larger than " + std::to_string(options.max_response_bytes) + " bytes";
  }
  std::string message = curl_easy_strerror(code);
  if (code == CURLE_OUT_OF_MEMORY) {
    // What curl reports for one response header line longer than CURL_MAX_HTTP_HEADER.
    message += " (or a response header line over curl's 100 KiB limit)";
  }
  const std::string_view detail_text(error_buffer.data());
  if (!detail_text.empty() && detail_text != message) {
    message += ": ";
    message += detail_text;
  }
  return message;
}

CurlClient::CurlClient(ClientOptions options) : m_impl(std::make_unique<Impl>()) {
  global_init_once();
  m_impl->options = std::move(options);
  m_impl->easy.reset(curl_easy_init());
  if (m_impl->options.verify_tls && !m_impl->options.ca_file.empty()) {
    m_impl->trust = std::make_unique<TrustStore>(m_impl->options.ca_file);
  }
}

CurlClient::~CurlClient() = default;

Exchange CurlClient::send(const Request& request) {
  Exchange exchange;
  exchange.request = request;
  if (!m_impl->easy) {
    exchange.transport_error = "curl_easy_init failed";
    return exchange;
  }
  curl_easy_reset(m_impl->easy.get());
  detail::Transfer transfer;
  transfer.max_body = m_impl->options.max_response_bytes;
  m_impl->configure_common(request, transfer);
  const SlistPtr headers = build_header_list(request, m_impl->configure_method(request));
  curl_easy_setopt(m_impl->easy.get(), CURLOPT_HTTPHEADER, headers.get());
  m_impl->configure_tls(request);

  const auto start = std::chrono::steady_clock::now();
  const CURLcode code = curl_easy_perform(m_impl->easy.get());
  exchange.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
  if (transfer.sent_headers) {
    exchange.request.headers = std::move(*transfer.sent_headers);
  }
  long status = 0;
  curl_easy_getinfo(m_impl->easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK) {
    exchange.transport_error = m_impl->describe_error(code, transfer);
    if (!transfer.too_large && code != CURLE_FILESIZE_EXCEEDED && !transfer.headers_too_large) {
      return exchange;  // no usable answer: the response stays empty
    }
    // Over the size cap: what arrived until then (status line, headers, the start of the
    // body) still shows what the server answered; a 500 must not read as status 0.
    if (status != 0) {
      exchange.transport_error += " (the status was " + std::to_string(status) + ")";
    }
  }
  exchange.response = std::move(transfer.response);
  exchange.response.status = static_cast<int>(status);
  return exchange;
}

}  // namespace parity::http
