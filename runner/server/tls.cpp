#include "server/tls.hpp"

#include "core/errors.hpp"
#include "load/input_checks.hpp"
#include "load/yaml_reader.hpp"

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace parity::server {
namespace {

using ContextPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;

// The calling thread's queued OpenSSL errors as one line (the queue is emptied).
std::string openssl_errors() {
  std::string text;
  for (unsigned long code = ERR_get_error(); code != 0; code = ERR_get_error()) {
    std::array<char, 256> buffer{};
    ERR_error_string_n(code, buffer.data(), buffer.size());
    text += (text.empty() ? "" : "; ") + std::string(buffer.data());
  }
  return text.empty() ? "unknown OpenSSL error" : text;
}

// RFC 8705 §2: every client certificate gets through the handshake, whoever issued it; what
// it proves is decided per client at the endpoint (SSL_get_verify_result keeps the verdict).
int accept_any_client_certificate(int /*preverified*/, X509_STORE_CTX* /*store*/) {
  return 1;
}

std::string request_client_certificates(SSL_CTX& ctx, const std::string& client_ca_file) {
  if (SSL_CTX_load_verify_locations(&ctx, client_ca_file.c_str(), nullptr) != 1) {
    return "cannot load client_ca '" + client_ca_file + "': " + openssl_errors();
  }
  STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(client_ca_file.c_str());
  if (names == nullptr) {
    return "no CA certificate in client_ca '" + client_ca_file + "': " + openssl_errors();
  }
  SSL_CTX_set_client_CA_list(&ctx, names);  // takes ownership
  SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, accept_any_client_certificate);
  // With peer verification on, OpenSSL refuses to resume a session (alert "internal error")
  // unless sessions are scoped by an id context. A resumed session keeps the certificate of
  // the handshake that made it, which is what RFC 8705 §2 binds to.
  static constexpr std::string_view k_session_context = "parity-reference";
  if (SSL_CTX_set_session_id_context(
          &ctx,
          reinterpret_cast<const unsigned char*>(k_session_context.data()),
          static_cast<unsigned int>(k_session_context.size())) != 1) {
    return "cannot set the TLS session id context: " + openssl_errors();
  }
  return "";
}

// Sets up a server context with `tls`'s certificate and key; returns "" or why it failed.
std::string configure_context(SSL_CTX& ctx, const ServerTls& tls) {
  ERR_clear_error();
  // RFC 9325 §3.1.1 (BCP 195): TLS 1.0 and 1.1 must not be negotiated.
  SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
  if (SSL_CTX_use_certificate_chain_file(&ctx, tls.cert_file.c_str()) != 1) {
    return "cannot load certificate '" + tls.cert_file + "': " + openssl_errors();
  }
  if (SSL_CTX_use_PrivateKey_file(&ctx, tls.key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
    return "cannot use private key '" + tls.key_file + "' with certificate '" + tls.cert_file +
           "': " + openssl_errors();
  }
  if (SSL_CTX_check_private_key(&ctx) != 1) {
    return "private key '" + tls.key_file + "' does not match certificate '" + tls.cert_file +
           "': " + openssl_errors();
  }
  if (!tls.client_ca_file.empty()) {
    return request_client_certificates(ctx, tls.client_ca_file);
  }
  return "";
}

// Loads `tls` into a throwaway context, so that config errors surface at load time.
std::string check_usable(const ServerTls& tls) {
  const ContextPtr ctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
  if (!ctx) {
    return "cannot create a TLS context: " + openssl_errors();
  }
  return configure_context(*ctx, tls);
}

std::string resolve(const load::MapReader& reader, const std::string& relative) {
  const auto base = std::filesystem::path(reader.file()).parent_path();
  return (base / relative).lexically_normal().string();
}

std::string required_path(load::MapReader& reader, const std::string& key) {
  const std::string value = reader.required_string(key);
  if (value.empty()) {
    throw LoadError(reader.location_of_key(key), "tls." + key + " must not be empty");
  }
  std::string path = resolve(reader, value);
  // OpenSSL opens it by name later: it must be a regular PEM file of a sane size.
  load::require_file(path, reader.location_of_key(key));
  return path;
}

}  // namespace

std::optional<ServerTls> read_server_tls(load::MapReader& config) {
  const auto node = config.optional_node("tls");
  if (!node) {
    return std::nullopt;
  }
  load::MapReader reader(*node, config.file(), "tls");
  ServerTls tls;
  tls.cert_file = required_path(reader, "cert");
  tls.key_file = required_path(reader, "key");
  if (reader.has("client_ca")) {
    tls.client_ca_file = required_path(reader, "client_ca");
  }
  reader.finish();
  if (const std::string problem = check_usable(tls); !problem.empty()) {
    throw LoadError(config.location_of_key("tls"), "tls: " + problem);
  }
  return tls;
}

std::unique_ptr<httplib::Server> make_http_server(const std::optional<ServerTls>& tls) {
  if (!tls) {
    return std::make_unique<httplib::Server>();
  }
  std::string problem;
  auto server = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
    problem = configure_context(ctx, *tls);
    return problem.empty();
  });
  if (!server->is_valid()) {
    throw std::runtime_error("cannot serve TLS: " +
                             (problem.empty() ? "cannot create a TLS context" : problem));
  }
  return server;
}

std::string_view url_scheme(const std::optional<ServerTls>& tls) {
  return tls ? "https" : "http";
}

}  // namespace parity::server
