#pragma once

#include "core/http_message.hpp"
#include "http/url.hpp"
#include "server/config.hpp"
#include "server/reference_server.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace parity::server::test_support {

inline constexpr const char* k_basic_secret = "parity-basic-secret-3f9a2c";
inline constexpr const char* k_post_secret = "parity-post-secret-7b1e4d";
inline constexpr const char* k_hmac_secret = "parity-hmac-secret-5c8f0a2e9d7b4f61a3c5e8d0b2f4a6c8";
inline constexpr const char* k_other_secret = "parity-other-secret-9d2b6f";
inline constexpr const char* k_redirect_uri = "https://client.example/cb";

/// Absolute path of a file under fixtures/.
std::string fixture(const std::string& relative);
/// fixtures/reference/`file` loaded, with `faults` switched on and without its `tls` block
/// (the server then speaks plain HTTP).
ServerConfig load_fixture_config(const std::set<std::string>& faults = {},
                                 const std::string& file = "default.yaml");
/// "Basic base64(urlencode(id):urlencode(secret))" (RFC 6749 §2.3.1).
std::string basic_auth(const std::string& client_id, const std::string& secret);
/// A client assertion (RFC 7523) for `client_id` signed with the PEM key at fixtures/`key`
/// and `alg`; `claims` override or add claims (null values remove them).
std::string sign_assertion(const std::string& client_id,
                           const std::string& key,
                           const std::string& alg,
                           const nlohmann::json& claims = nlohmann::json::object());
/// An HS256 client assertion with `secret`.
std::string hmac_assertion(const std::string& client_id,
                           const std::string& secret,
                           const nlohmann::json& claims = nlohmann::json::object());
/// A response with its header values exactly as sent. (httplib's client URL-decodes header
/// values, which would hide how the server encoded the Location query, so GETs use curl.)
struct Reply {
  int status = 0;
  http::Headers headers;
  std::string body;

  bool has_header(std::string_view name) const;
  std::string get_header_value(std::string_view name) const;
};
/// The outcome of a GET: nullopt on a transport error.
using GetResult = std::optional<Reply>;

/// GETs `url` with parity's curl client (redirects are not followed).
GetResult fetch(const std::string& url);
/// The parameters of a Location header's query.
http::Params location_params(const GetResult& result);

/// A reference server on an ephemeral loopback port with a client for it.
class TestServer {
 public:
  explicit TestServer(ServerConfig config);
  explicit TestServer(const std::set<std::string>& faults = {});

  std::string issuer() const { return m_server->base_url(); }
  /// The PKCE verifier every default push uses (its S256 challenge is pushed).
  const std::string& verifier() const { return m_verifier; }
  /// The default push parameters for `client_id` (as the suite sends them).
  http::Params push_params(const std::string& client_id, const std::string& state = "xyz-state");
  /// POSTs `params` form-encoded to `path` with extra `headers`.
  httplib::Result post(const std::string& path,
                       const http::Params& params,
                       const httplib::Headers& headers = {});
  /// GETs `path_and_query`.
  GetResult get(const std::string& path_and_query);
  /// Pushes the default request as parity-basic (client_secret_basic).
  httplib::Result push_basic(const std::string& state = "xyz-state");
  /// Pushes as parity-basic and returns the request_uri (empty when the push failed).
  std::string push_basic_request_uri(const std::string& state = "xyz-state");
  /// GET /authorize?client_id=…&request_uri=…
  GetResult authorize(const std::string& client_id, const std::string& request_uri);
  /// Redeems `code` at /token as parity-basic with `verifier`.
  httplib::Result token_basic(const std::string& code, const std::string& verifier);

 private:
  std::unique_ptr<ReferenceServer> m_server;
  std::unique_ptr<httplib::Client> m_client;
  std::string m_verifier;
};

}  // namespace parity::server::test_support
