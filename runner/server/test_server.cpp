#include "server/test_server.hpp"

#include "core/build_info.hpp"
#include "crypto/base64url.hpp"
#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "crypto/pkce.hpp"
#include "crypto/random.hpp"
#include "http/curl_client.hpp"
#include "server/syntax.hpp"

#include <chrono>

namespace parity::server::test_support {
namespace {

nlohmann::json assertion_claims(const std::string& client_id, const nlohmann::json& overrides) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  nlohmann::json claims{{"iss", client_id},
                        {"sub", client_id},
                        {"aud", "set-by-overrides"},
                        {"jti", crypto::random_token(24)},
                        {"iat", now},
                        {"exp", now + 60}};
  for (const auto& [name, value] : overrides.items()) {
    if (value.is_null()) {
      claims.erase(name);
    } else {
      claims[name] = value;
    }
  }
  return claims;
}

}  // namespace

std::string fixture(const std::string& relative) {
  return parity::build_info::fixture_path("") + relative;
}

ServerConfig load_fixture_config(const std::set<std::string>& faults, const std::string& file) {
  ServerConfig config = load_server_config(fixture("reference/" + file));
  config.faults = faults;
  // The endpoint tests speak plain HTTP; HTTPS is covered by tls_test.cpp.
  config.tls.reset();
  return config;
}

std::string basic_auth(const std::string& client_id, const std::string& secret) {
  return "Basic " + crypto::base64_encode(http::percent_encode(client_id) + ":" +
                                          http::percent_encode(secret));
}

std::string sign_assertion(const std::string& client_id,
                           const std::string& key,
                           const std::string& alg,
                           const nlohmann::json& claims) {
  return crypto::sign_jws(nlohmann::json{{"typ", "JWT"}},
                          assertion_claims(client_id, claims),
                          crypto::Key::from_pem_file(fixture(key)),
                          alg);
}

std::string hmac_assertion(const std::string& client_id,
                           const std::string& secret,
                           const nlohmann::json& claims) {
  return crypto::sign_jws_hmac(
      nlohmann::json{{"typ", "JWT"}}, assertion_claims(client_id, claims), secret);
}

bool Reply::has_header(std::string_view name) const {
  return http::find_header(headers, name).has_value();
}

std::string Reply::get_header_value(std::string_view name) const {
  return http::find_header(headers, name).value_or("");
}

GetResult fetch(const std::string& url) {
  http::CurlClient client(http::ClientOptions{});
  http::Request request;
  request.url = url;
  http::Exchange exchange = client.send(request);
  if (!exchange.transport_error.empty()) {
    return std::nullopt;
  }
  return Reply{exchange.response.status,
               std::move(exchange.response.headers),
               std::move(exchange.response.body)};
}

http::Params location_params(const GetResult& result) {
  if (!result || !result->has_header("Location")) {
    return {};
  }
  return http::form_decode(query_of(result->get_header_value("Location")));
}

TestServer::TestServer(ServerConfig config)
    : m_server(std::make_unique<ReferenceServer>(std::move(config))),
      m_verifier(crypto::make_code_verifier()) {
  const int port = m_server->start();
  m_client = std::make_unique<httplib::Client>("127.0.0.1", port);
  m_client->set_read_timeout(10);
}

TestServer::TestServer(const std::set<std::string>& faults)
    : TestServer(load_fixture_config(faults)) {}

http::Params TestServer::push_params(const std::string& client_id, const std::string& state) {
  return {{"response_type", "code"},
          {"client_id", client_id},
          {"redirect_uri", k_redirect_uri},
          {"scope", "openid profile"},
          {"state", state},
          {"code_challenge", crypto::s256_challenge(m_verifier)},
          {"code_challenge_method", "S256"}};
}

httplib::Result TestServer::post(const std::string& path,
                                 const http::Params& params,
                                 const httplib::Headers& headers) {
  return m_client->Post(
      path.c_str(), headers, http::form_encode(params), "application/x-www-form-urlencoded");
}

GetResult TestServer::get(const std::string& path_and_query) {
  return fetch(issuer() + path_and_query);
}

httplib::Result TestServer::push_basic(const std::string& state) {
  return post("/par",
              push_params("parity-basic", state),
              {{"Authorization", basic_auth("parity-basic", k_basic_secret)}});
}

std::string TestServer::push_basic_request_uri(const std::string& state) {
  const auto result = push_basic(state);
  if (!result || result->status != 201) {
    return "";
  }
  return nlohmann::json::parse(result->body).value("request_uri", "");
}

GetResult TestServer::authorize(const std::string& client_id, const std::string& request_uri) {
  return get("/authorize?" +
             http::form_encode({{"client_id", client_id}, {"request_uri", request_uri}}));
}

httplib::Result TestServer::token_basic(const std::string& code, const std::string& verifier) {
  return post("/token",
              {{"grant_type", "authorization_code"},
               {"code", code},
               {"redirect_uri", k_redirect_uri},
               {"code_verifier", verifier}},
              {{"Authorization", basic_auth("parity-basic", k_basic_secret)}});
}

}  // namespace parity::server::test_support
