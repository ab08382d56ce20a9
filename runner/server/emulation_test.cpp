#include "server/emulation.hpp"

#include "server/config.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace parity::server::test_support {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// A server config file in a fresh temporary directory.
class TempConfig {
 public:
  explicit TempConfig(const std::string& text) {
    m_dir =
        fs::temp_directory_path() /
        ("parity-emulation-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
    m_path = (m_dir / "server.yaml").string();
    std::ofstream(m_path) << text;
  }
  ~TempConfig() { fs::remove_all(m_dir); }
  TempConfig(const TempConfig&) = delete;
  TempConfig& operator=(const TempConfig&) = delete;
  const std::string& path() const { return m_path; }

 private:
  fs::path m_dir;
  std::string m_path;
};

const char* const k_post_client = R"(clients:
  - client_id: c1
    auth_method: client_secret_post
    secret: s3cret
    redirect_uris: [https://client.example/cb]
    scopes: [openid]
)";

/// The default push of parity-post (client_secret_post) with `extra` parameters added.
http::Params post_push(TestServer& server, const http::Params& extra = {}) {
  http::Params params = server.push_params("parity-post", "state-1234567890");
  params.emplace_back("client_secret", k_post_secret);
  params.insert(params.end(), extra.begin(), extra.end());
  return params;
}

std::string origin_of(const TestServer& server, const ServerConfig& config) {
  const std::string issuer = server.issuer();
  return issuer.substr(0, issuer.size() - config.emulation.issuer_path.size());
}

TEST(EmulationTest, DefaultsAreTheReferenceServer) {
  const ServerConfig config = load_fixture_config();
  EXPECT_TRUE(config.emulation.label.empty());
  EXPECT_EQ(config.emulation.par_path, "/par");
  EXPECT_EQ(config.emulation.push_status, 201);
  EXPECT_EQ(config.emulation.response_types, std::set<std::string>{"code"});
  EXPECT_EQ(supported_auth_method_names(config.emulation).size(), 7U);
}

TEST(EmulationTest, Auth0ConfigLoadsItsDocumentedRules) {
  const ServerConfig config = load_fixture_config({}, "emulations/auth0.yaml");
  EXPECT_EQ(config.emulation.par_path, "/oauth/par");
  EXPECT_EQ(config.emulation.token_path, "/oauth/token");
  EXPECT_EQ(config.emulation.max_push_bytes, 10240U);
  EXPECT_EQ(config.emulation.custom_parameter_prefix, "ext-");
  EXPECT_FALSE(supports_auth_method(config.emulation, AuthMethod::none));
  EXPECT_FALSE(supports_auth_method(config.emulation, AuthMethod::client_secret_basic));
  EXPECT_EQ(config.request_uri_lifetime, 30);
}

TEST(EmulationTest, UnknownKeyIsRejectedWithASuggestion) {
  const TempConfig file(std::string("emulation:\n  max_push_byte: 10\n") + k_post_client);
  try {
    load_server_config(file.path());
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("did you mean 'max_push_bytes'"), std::string::npos)
        << error.what();
  }
}

TEST(EmulationTest, ClientWithAnUnlistedMethodIsRejected) {
  const TempConfig file(std::string("emulation:\n  auth_methods: [client_secret_basic]\n") +
                        k_post_client);
  EXPECT_THROW(load_server_config(file.path()), LoadError);
}

TEST(EmulationTest, BadPathsAndLimitsAreRejected) {
  const TempConfig relative(std::string("emulation:\n  paths: { par: oauth/par }\n") +
                            k_post_client);
  EXPECT_THROW(load_server_config(relative.path()), LoadError);
  const TempConfig same(std::string("emulation:\n  paths: { par: /x, token: /x }\n") +
                        k_post_client);
  EXPECT_THROW(load_server_config(same.path()), LoadError);
  const TempConfig no_code(std::string("emulation:\n  response_types: [token]\n") + k_post_client);
  EXPECT_THROW(load_server_config(no_code.path()), LoadError);
  const TempConfig no_prefix(std::string("emulation:\n  max_custom_parameters: 3\n") +
                             k_post_client);
  EXPECT_THROW(load_server_config(no_prefix.path()), LoadError);
}

TEST(EmulationTest, ResponseTypeWordsMustAllBeAccepted) {
  Emulation emulation;
  emulation.response_types = {"code", "token"};
  EXPECT_TRUE(accepts_response_type(emulation, "code"));
  EXPECT_TRUE(accepts_response_type(emulation, "code token"));
  EXPECT_FALSE(accepts_response_type(emulation, "code id_token"));
  EXPECT_FALSE(accepts_response_type(emulation, " "));
}

TEST(EmulationTest, Auth0PushesAtItsPathAndTheDefaultPathIsGone) {
  const ServerConfig config = load_fixture_config({}, "emulations/auth0.yaml");
  TestServer server(config);
  const auto pushed = server.post("/oauth/par", post_push(server));
  ASSERT_TRUE(pushed);
  EXPECT_EQ(pushed->status, 201) << pushed->body;
  EXPECT_EQ(json::parse(pushed->body).at("expires_in"), 30);
  const auto old_path = server.post("/par", post_push(server));
  ASSERT_TRUE(old_path);
  EXPECT_EQ(old_path->status, 404);
}

TEST(EmulationTest, Auth0BodyLimitAnswers413) {
  const ServerConfig config = load_fixture_config({}, "emulations/auth0.yaml");
  TestServer server(config);
  const auto small = server.post("/oauth/par", post_push(server, {{"ext-note", "x"}}));
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 201) << small->body;
  const auto large =
      server.post("/oauth/par", post_push(server, {{"ext-note", std::string(10240, 'x')}}));
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_EQ(json::parse(large->body).at("error"), "invalid_request");
}

TEST(EmulationTest, Auth0AllowsTenExtParametersAndIgnoresUnprefixedOnes) {
  const ServerConfig config = load_fixture_config({}, "emulations/auth0.yaml");
  TestServer server(config);
  http::Params ten;
  for (int i = 0; i < 10; ++i) {
    ten.emplace_back("ext-p" + std::to_string(i), "v");
  }
  ten.emplace_back("custom", "ignored");
  const auto accepted = server.post("/oauth/par", post_push(server, ten));
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 201) << accepted->body;
  ten.emplace_back("ext-p10", "v");
  const auto refused = server.post("/oauth/par", post_push(server, ten));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
}

TEST(EmulationTest, IbmRejectsShortNonceAndAcceptsATokenPush) {
  const ServerConfig config = load_fixture_config({}, "emulations/ibm-verify.yaml");
  TestServer server(config);
  const auto short_nonce = server.post("/oauth2/par", post_push(server, {{"nonce", "1234567"}}));
  ASSERT_TRUE(short_nonce);
  EXPECT_EQ(short_nonce->status, 400);
  const auto long_nonce = server.post("/oauth2/par", post_push(server, {{"nonce", "12345678"}}));
  ASSERT_TRUE(long_nonce);
  EXPECT_EQ(long_nonce->status, 201) << long_nonce->body;
  http::Params token = post_push(server);
  std::erase_if(token, [](const auto& param) { return param.first == "response_type"; });
  token.emplace_back("response_type", "token");
  const auto pushed = server.post("/oauth2/par", token);
  ASSERT_TRUE(pushed);
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  // Only codes are issued: the authorization of a token push ends with an error redirect.
  const std::string request_uri = json::parse(pushed->body).at("request_uri");
  const auto authorized = fetch(origin_of(server, config) + "/oauth2/authorize?client_id=" +
                                "parity-post&request_uri=" + http::percent_encode(request_uri));
  const http::Params location = location_params(authorized);
  EXPECT_EQ(http::find_param(location, "error"), "unsupported_response_type");
}

TEST(EmulationTest, IbmIssuerHasItsPathAndMetadataIsServedBelowIt) {
  const ServerConfig config = load_fixture_config({}, "emulations/ibm-verify.yaml");
  TestServer server(config);
  ASSERT_TRUE(server.issuer().ends_with("/oauth2"));
  const auto metadata = fetch(server.issuer() + "/.well-known/openid-configuration");
  ASSERT_TRUE(metadata);
  ASSERT_EQ(metadata->status, 200);
  const json document = json::parse(metadata->body);
  EXPECT_EQ(document.at("issuer"), server.issuer());
  EXPECT_EQ(document.at("pushed_authorization_request_endpoint"),
            origin_of(server, config) + "/oauth2/par");
  EXPECT_EQ(document.at("response_types_supported").size(), 3U);
  const auto inserted =
      fetch(origin_of(server, config) + "/.well-known/oauth-authorization-server/oauth2");
  ASSERT_TRUE(inserted);
  EXPECT_EQ(inserted->status, 200);
}

TEST(EmulationTest, PingOneEndpointsAndAuthMethodsComeFromTheEmulation) {
  ReferenceServer server(load_fixture_config({}, "emulations/pingone.yaml"));
  server.start(0);
  const Endpoints endpoints = server.endpoints();
  EXPECT_TRUE(endpoints.par.ends_with("/as/par"));
  EXPECT_TRUE(endpoints.authorization.ends_with("/as/authorize"));
  EXPECT_TRUE(server.base_url().ends_with("/as"));
  EXPECT_EQ(endpoints.par.substr(0, server.base_url().size()), server.base_url());
}

}  // namespace
}  // namespace parity::server::test_support
