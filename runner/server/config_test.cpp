#include "server/config.hpp"

#include "crypto/key.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace parity::server::test_support {
namespace {

namespace fs = std::filesystem;

const char* const k_valid_client = R"(clients:
  - client_id: c1
    auth_method: client_secret_basic
    secret: s3cret
    redirect_uris: [https://client.example/cb]
    scopes: [openid]
)";

/// Writes `text` to a fresh file in a temporary directory and returns its path.
class ConfigFile {
 public:
  explicit ConfigFile(const std::string& text) {
    m_dir = fs::temp_directory_path() /
            ("parity-server-config-" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
    m_path = (m_dir / "server.yaml").string();
    std::ofstream(m_path) << text;
  }
  ~ConfigFile() { fs::remove_all(m_dir); }
  ConfigFile(const ConfigFile&) = delete;
  ConfigFile& operator=(const ConfigFile&) = delete;
  const std::string& path() const { return m_path; }

 private:
  fs::path m_dir;
  std::string m_path;
};

/// Loads `text` and returns the LoadError message ("" when it loaded).
std::string load_error(const std::string& text) {
  ConfigFile file(text);
  try {
    load_server_config(file.path());
  } catch (const LoadError& error) {
    EXPECT_EQ(error.where().file, file.path());
    return std::string(error.what()).substr(file.path().size());
  }
  return "";
}

TEST(ServerConfigTest, LoadsDefaultFixture) {
  const ServerConfig config = load_server_config(fixture("reference/default.yaml"));
  EXPECT_EQ(config.request_uri_lifetime, 1);
  EXPECT_EQ(config.code_lifetime, 1);
  EXPECT_EQ(config.pkce_methods, std::set<std::string>{"S256"});
  EXPECT_TRUE(config.pkce_required);
  EXPECT_EQ(config.min_state_length, 0);
  EXPECT_FALSE(config.require_par);
  EXPECT_TRUE(config.faults.empty());
  ASSERT_EQ(config.clients.size(), 13U);
  EXPECT_EQ(config.clients[0].client_id, "parity-basic");
  EXPECT_EQ(config.clients[0].secret, k_basic_secret);
  EXPECT_EQ(config.clients[3].auth_method, AuthMethod::private_key_jwt);
  ASSERT_TRUE(config.clients[3].public_key.has_value());
  EXPECT_FALSE(config.clients[3].public_key->is_private());
  EXPECT_EQ(config.clients[3].public_key->thumbprint(),
            crypto::Key::from_pem_file(fixture("keys/client_rsa.pem")).thumbprint());
  ASSERT_TRUE(config.clients[4].public_key.has_value());
  EXPECT_EQ(config.clients[4].public_key->type(), crypto::Key::Type::ec);
  EXPECT_FALSE(config.clients[0].public_key.has_value());
  EXPECT_EQ(config.clients[5].auth_method, AuthMethod::none);
  EXPECT_EQ(config.clients[0].scopes, (std::set<std::string>{"openid", "profile", "email"}));
}

TEST(ServerConfigTest, LoadsState8Fixture) {
  const ServerConfig config = load_server_config(fixture("reference/state8.yaml"));
  EXPECT_EQ(config.min_state_length, 8);
  EXPECT_EQ(config.pkce_methods, (std::set<std::string>{"S256", "plain"}));
}

TEST(ServerConfigTest, MinimalConfigUsesDefaults) {
  EXPECT_EQ(load_error(k_valid_client), "");
}

TEST(ServerConfigTest, UnknownKeyIsReportedWithSuggestion) {
  const std::string message = load_error(std::string("request_uri_lifetme: 3\n") + k_valid_client);
  EXPECT_EQ(message.rfind(":1:1: ", 0), 0U) << message;
  EXPECT_NE(message.find("did you mean 'request_uri_lifetime'"), std::string::npos) << message;
}

TEST(ServerConfigTest, UnknownClientKeyIsReported) {
  const std::string message = load_error(std::string(k_valid_client) + "    require_pars: true\n");
  EXPECT_EQ(message.rfind(":7:", 0), 0U) << message;
  EXPECT_NE(message.find("require_pars"), std::string::npos) << message;
}

TEST(ServerConfigTest, UnknownFaultIsReported) {
  const std::string message = load_error(std::string("faults: [drop_stat]\n") + k_valid_client);
  EXPECT_EQ(message.rfind(":1:", 0), 0U) << message;
  EXPECT_NE(message.find("unknown fault 'drop_stat' (did you mean 'drop_state'?)"),
            std::string::npos)
      << message;
}

TEST(ServerConfigTest, MissingKeyFileIsReportedAtItsKey) {
  const std::string message = load_error(R"(clients:
  - client_id: c1
    auth_method: private_key_jwt
    public_key: no-such-key.pem
    redirect_uris: [https://client.example/cb]
)");
  EXPECT_EQ(message.rfind(":4:", 0), 0U) << message;
  EXPECT_NE(message.find("no-such-key.pem"), std::string::npos) << message;
}

TEST(ServerConfigTest, PrivateKeyIsNotAcceptedAsPublicKey) {
  const std::string message = load_error(
      "clients:\n  - client_id: c1\n"
      "    auth_method: private_key_jwt\n"
      "    public_key: " +
      fixture("keys/client_rsa.pem") + "\n    redirect_uris: [https://client.example/cb]\n");
  EXPECT_NE(message.find("private key"), std::string::npos) << message;
}

TEST(ServerConfigTest, InvalidValuesAreReported) {
  const std::string client = "  - client_id: c1\n    auth_method: ";
  EXPECT_NE(load_error("clients:\n" + client +
                       "client_secret_basic\n    redirect_uris: [https://a.example/cb]\n")
                .find("needs a secret"),
            std::string::npos);
  EXPECT_NE(load_error("clients:\n" + client +
                       "tls_client_auth\n    redirect_uris: [https://a.example/cb]\n")
                .find("needs tls_client_auth_subject_dn for tls_client_auth"),
            std::string::npos);
  EXPECT_NE(load_error("clients:\n" + client +
                       "tls_client_auths\n    redirect_uris: [https://a.example/cb]\n")
                .find("not supported"),
            std::string::npos);
  EXPECT_NE(
      load_error("clients:\n" + client + "none\n    redirect_uris: [https://a.example/cb#x]\n")
          .find("no fragment"),
      std::string::npos);
  EXPECT_NE(load_error("clients:\n" + client +
                       "client_secret_jwt\n    secret: short\n"
                       "    redirect_uris: [https://a.example/cb]\n")
                .find("32 bytes"),
            std::string::npos);
  EXPECT_NE(load_error(std::string("pkce_methods: [S512]\n") + k_valid_client).find("S512"),
            std::string::npos);
  EXPECT_NE(load_error(std::string("code_lifetime: 0\n") + k_valid_client).find("code_lifetime"),
            std::string::npos);
  EXPECT_NE(load_error("clients: []\n").find("non-empty"), std::string::npos);
}

TEST(ServerConfigTest, LoadsExtensionPolicies) {
  const ServerConfig config = load_server_config(fixture("reference/default.yaml"));
  EXPECT_FALSE(config.require_signed_request_object);
  EXPECT_EQ(config.authorization_details_types,
            (std::set<std::string>{"payment_initiation", "account_information"}));
  const auto* par_only = &config.clients[7];
  EXPECT_EQ(par_only->client_id, "parity-par-only");
  EXPECT_TRUE(par_only->require_par);
  EXPECT_EQ(config.clients[8].client_id, "parity-jar-only");
  EXPECT_TRUE(config.clients[8].require_signed_request_object);
  EXPECT_FALSE(config.clients[8].require_par);
  EXPECT_EQ(config.clients[9].client_id, "parity-dpop-nonce");
  EXPECT_TRUE(config.clients[9].dpop_nonce_required);
  EXPECT_FALSE(config.clients[0].dpop_nonce_required);
  EXPECT_TRUE(load_server_config(fixture("reference/par-required.yaml")).require_par);
}

TEST(ServerConfigTest, RequireParAliasAndItsConflict) {
  ConfigFile alias(std::string("require_signed_request_object: true\n") + k_valid_client +
                   "    require_par: true\n");
  const ServerConfig config = load_server_config(alias.path());
  EXPECT_TRUE(config.require_signed_request_object);
  EXPECT_TRUE(config.clients[0].require_par);
  const std::string message = load_error(std::string(k_valid_client) +
                                         "    require_par: true\n"
                                         "    require_pushed_authorization_requests: true\n");
  EXPECT_NE(message.find("alias"), std::string::npos) << message;
  EXPECT_NE(load_error(std::string("authorization_details_types: payment\n") + k_valid_client), "");
}

TEST(ServerConfigTest, DuplicateClientIdIsReported) {
  const std::string second(k_valid_client + std::string("clients:\n").size());
  const std::string message = load_error(std::string(k_valid_client) + second);
  EXPECT_NE(message.find("duplicate client_id 'c1'"), std::string::npos) << message;
}

}  // namespace
}  // namespace parity::server::test_support
