#include "load/profile_loader.hpp"

#include "load/test_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace parity::load {
namespace {

using test_support::TempDir;

constexpr const char* k_secret_variable = "PARITY_LOAD_TEST_SECRET";

constexpr const char* k_full_profile = R"(id: my-tenant
name: My tenant
issuer: https://as.example/oauth2/
discovery: true
endpoints:
  par: https://as.example/oauth2/v1/par
tls:
  insecure: true
  ca_file: certs/ca.pem
  client_cert: certs/client.pem
  client_key: certs/client.key
timeout_ms: 5000
max_response_bytes: 2048
case_deadline_ms: 30000
max_recorded_bytes: 4096
capabilities: [pkce_s256, auto_login]
policies:
  min_state_length: 8
  custom_parameter_prefix: "8"
  pkce_default_method: plain
clients:
  web:
    roles: [default]
    client_id: 0oa1example
    auth_method: client_secret_basic
    secret_env: PARITY_LOAD_TEST_SECRET
    redirect_uris: [https://client.example/cb, https://client.example/cb2]
    scope: openid profile
  jwt:
    client_id: 0oa2example
    auth_method: private_key_jwt
    private_key: keys/client.pem
    key_id: my-kid
  ec:
    client_id: ec-client
    auth_method: private_key_jwt
    private_key: keys/ec.pem
  hmac:
    client_id: hmac-client
    auth_method: client_secret_jwt
    secret: fixture-secret
  spa:
    client_id: spa
    auth_method: none
  mtls:
    client_id: mtls
    auth_method: tls_client_auth
  self:
    client_id: self
    auth_method: self_signed_tls_client_auth
    tls_client_cert: certs/self.pem
    tls_client_key: certs/self.key
)";

class ProfileLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir.copy_key("client_rsa.pem", "keys/client.pem");
    m_dir.copy_key("client_ec.pem", "keys/ec.pem");
    m_dir.copy_key("client_rsa.pub.pem", "keys/public.pem");
    m_dir.write("certs/ca.pem", "ca");
    m_dir.copy_fixture("tls/client.pem", "certs/client.pem");
    m_dir.copy_fixture("tls/client.key", "certs/client.key");
    m_dir.copy_fixture("tls/client-self-signed.pem", "certs/self.pem");
    m_dir.copy_fixture("tls/client-self-signed.key", "certs/self.key");
    m_dir.write("server/default.yaml", "issuer: x\n");
  }
  void TearDown() override { ::unsetenv(k_secret_variable); }

  std::string write(const std::string& text) const { return m_dir.write("profile.yaml", text); }

  // Loads `text` and returns the LoadError message ("(no error)" when it loads).
  std::string error_of(const std::string& text) const {
    try {
      load_profile(write(text));
    } catch (const LoadError& e) {
      return e.what();
    }
    return "(no error)";
  }

  std::string file() const { return m_dir.path() + "/profile.yaml"; }

  TempDir m_dir;
};

TEST_F(ProfileLoaderTest, LoadsEveryKeyWithTheSecretFromTheEnvironment) {
  ::setenv(k_secret_variable, "s3cret", 1);
  const Profile profile = load_profile(write(k_full_profile));
  EXPECT_EQ(profile.id, "my-tenant");
  EXPECT_EQ(profile.name, "My tenant");
  EXPECT_EQ(profile.file, file());
  EXPECT_EQ(profile.issuer, "https://as.example/oauth2/");
  EXPECT_EQ(profile.metadata_url,
            "https://as.example/oauth2/.well-known/oauth-authorization-server");
  EXPECT_EQ(profile.endpoints.par, "https://as.example/oauth2/v1/par");
  EXPECT_EQ(profile.endpoints.token, "");
  EXPECT_FALSE(profile.tls.verify);
  EXPECT_EQ(profile.tls.ca_file, m_dir.path() + "/certs/ca.pem");
  EXPECT_EQ(profile.tls.client_cert, m_dir.path() + "/certs/client.pem");
  EXPECT_EQ(profile.tls.client_key, m_dir.path() + "/certs/client.key");
  EXPECT_EQ(profile.timeout_ms, 5000);
  EXPECT_EQ(profile.max_response_bytes, 2048U);
  EXPECT_EQ(profile.case_deadline_ms, 30000);
  EXPECT_EQ(profile.max_recorded_bytes, 4096U);
  EXPECT_EQ(profile.policies.at("min_state_length"), 8);
  EXPECT_EQ(profile.policies.at("custom_parameter_prefix"), "8");
  EXPECT_EQ(profile.policies.at("pkce_default_method"), "plain");
  EXPECT_TRUE(profile.embedded_server_config.empty());

  ASSERT_EQ(profile.clients.size(), 7U);
  const Client& web = profile.clients[0];
  EXPECT_EQ(web.name, "web");
  EXPECT_EQ(web.id, "0oa1example");
  EXPECT_EQ(web.auth_method, AuthMethod::client_secret_basic);
  EXPECT_EQ(web.secret, "s3cret");
  EXPECT_EQ(web.secret_source, "environment variable PARITY_LOAD_TEST_SECRET");
  EXPECT_EQ(web.redirect_uris,
            (std::vector<std::string>{"https://client.example/cb", "https://client.example/cb2"}));
  EXPECT_EQ(web.scope, "openid profile");
  EXPECT_EQ(web.signing_alg, "");
  EXPECT_EQ(web.unavailable_reason, "");
  EXPECT_EQ(web.where.str(), file() + ":22:3");

  const Client& jwt = profile.clients[1];
  EXPECT_EQ(jwt.private_key_path, m_dir.path() + "/keys/client.pem");
  EXPECT_EQ(jwt.signing_alg, "RS256");
  EXPECT_EQ(jwt.key_id, "my-kid");
  EXPECT_EQ(profile.clients[2].signing_alg, "ES256");
  EXPECT_EQ(profile.clients[3].signing_alg, "HS256");
  EXPECT_EQ(profile.clients[3].secret, "fixture-secret");
  EXPECT_EQ(profile.clients[4].auth_method, AuthMethod::none);
  EXPECT_EQ(profile.clients[5].auth_method, AuthMethod::tls_client_auth);
  // RFC 8705 §2: the profile-wide certificate, or the client's own.
  EXPECT_EQ(profile.clients[5].tls_certificate_file, m_dir.path() + "/certs/client.pem");
  EXPECT_NE(profile.clients[5].tls_certificate_pem.find("BEGIN CERTIFICATE"), std::string::npos);
  EXPECT_NE(profile.clients[5].tls_private_key_pem.find("PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(profile.clients[6].tls_certificate_file, m_dir.path() + "/certs/self.pem");
  EXPECT_EQ(profile.clients[0].tls_certificate_pem, "");

  EXPECT_EQ(profile.capabilities,
            (std::set<std::string>{"auto_login",
                                   "client_auth:client_secret_basic",
                                   "client_auth:client_secret_jwt",
                                   "client_auth:none",
                                   "client_auth:private_key_jwt",
                                   "client_auth:self_signed_tls_client_auth",
                                   "client_auth:tls_client_auth",
                                   "discovery",
                                   "https",
                                   "login",
                                   "pkce_s256",
                                   "public_clients"}));
}

TEST_F(ProfileLoaderTest, UnsetSecretVariableMakesTheClientUnavailable) {
  ::unsetenv(k_secret_variable);
  const Profile profile = load_profile(write(k_full_profile));
  const Client& web = profile.clients[0];
  EXPECT_EQ(web.secret, "");
  EXPECT_EQ(web.unavailable_reason, "environment variable PARITY_LOAD_TEST_SECRET is not set");
  EXPECT_EQ(profile.capabilities.count("client_auth:client_secret_basic"), 0U);
  EXPECT_EQ(profile.capabilities.count("client_auth:private_key_jwt"), 1U);
}

TEST_F(ProfileLoaderTest, EmbeddedServerProfileNeedsNoIssuer) {
  const Profile profile = load_profile(write(R"(id: reference
embedded_server: server/default.yaml
capabilities: [discovery]
clients:
  web: { roles: [default], client_id: web, auth_method: client_secret_basic, secret: s3cret }
  spa: { client_id: spa, auth_method: none }
)"));
  EXPECT_EQ(profile.embedded_server_config, m_dir.path() + "/server/default.yaml");
  EXPECT_EQ(profile.name, "reference");
  EXPECT_EQ(profile.issuer, "");
  EXPECT_EQ(profile.metadata_url, "");
  EXPECT_TRUE(profile.tls.verify);
  EXPECT_EQ(profile.timeout_ms, 10000);
  EXPECT_EQ(profile.clients[0].secret, "s3cret");
  EXPECT_EQ(profile.clients[0].secret_source, "the profile's 'secret' key");
  EXPECT_EQ(profile.capabilities,
            (std::set<std::string>{"client_auth:client_secret_basic",
                                   "client_auth:none",
                                   "discovery",
                                   "https",
                                   "public_clients"}));
  EXPECT_EQ(profile.transport, Transport::https);
}

// profiles/README.md, "Plain-HTTP test rigs": the declaration drops the `https` capability, so
// the cases that require https (RFC 9126 §2) are skipped.
TEST_F(ProfileLoaderTest, PlainHttpTransportDropsTheHttpsCapability) {
  const Profile profile = load_profile(write(R"(id: rig
issuer: http://127.0.0.1:8080
discovery: true
transport: plain_http
clients:
  spa: { client_id: spa, auth_method: none }
)"));
  EXPECT_EQ(profile.transport, Transport::plain_http);
  EXPECT_FALSE(profile.capabilities.contains("https"));
  EXPECT_TRUE(profile.capabilities.contains("discovery"));
}

TEST_F(ProfileLoaderTest, DiscoveryTakesAnExplicitMetadataUrl) {
  const Profile profile = load_profile(write(R"(id: okta
issuer: https://as.example
discovery: https://as.example/.well-known/openid-configuration
clients:
  spa: { client_id: spa, auth_method: none }
)"));
  EXPECT_EQ(profile.metadata_url, "https://as.example/.well-known/openid-configuration");
}

TEST_F(ProfileLoaderTest, ExplicitEndpointsWithoutDiscovery) {
  const Profile profile = load_profile(write(R"(id: plain
issuer: https://as.example
discovery: false
endpoints:
  par: https://as.example/par
  authorization: https://as.example/authorize
  token: https://as.example/token
clients:
  spa: { client_id: spa, auth_method: none, signing_alg: PS256, private_key: keys/client.pem }
)"));
  EXPECT_EQ(profile.metadata_url, "");
  EXPECT_EQ(profile.endpoints.authorization, "https://as.example/authorize");
  EXPECT_EQ(profile.endpoints.token, "https://as.example/token");
  EXPECT_EQ(profile.clients[0].signing_alg, "PS256");
}

TEST_F(ProfileLoaderTest, DirectoryLoadsYamlFilesInNameOrder) {
  const std::string client = "clients:\n  spa: { client_id: spa, auth_method: none }\n";
  m_dir.write("dir/b.yaml", "id: bravo\nissuer: https://b.example\ndiscovery: true\n" + client);
  m_dir.write("dir/a.yaml", "id: alpha\nissuer: https://a.example\ndiscovery: true\n" + client);
  m_dir.write("dir/README.md", "# not a profile\n");
  m_dir.write("dir/nested/c.yaml", "not: loaded\n");
  const std::vector<Profile> profiles = load_profiles(m_dir.path() + "/dir");
  ASSERT_EQ(profiles.size(), 2U);
  EXPECT_EQ(profiles[0].id, "alpha");
  EXPECT_EQ(profiles[1].id, "bravo");
  EXPECT_EQ(load_profiles(m_dir.path() + "/dir/b.yaml").at(0).id, "bravo");
}

TEST_F(ProfileLoaderTest, DuplicateProfileIdIsReportedAtTheSecond) {
  const std::string body =
      "issuer: https://a.example\ndiscovery: true\n"
      "clients:\n  spa: { client_id: spa, auth_method: none }\n";
  const std::string first = m_dir.write("dir/a.yaml", "id: same\n" + body);
  const std::string second = m_dir.write("dir/b.yaml", "# again\nid: same\n" + body);
  try {
    load_profiles(m_dir.path() + "/dir");
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()),
              second + ":2:5: duplicate profile id 'same' (first defined at " + first + ":1:5)");
  }
}

struct BadProfile {
  std::string yaml;
  std::string error;  // expected message after "file:"
};

const std::vector<BadProfile> k_bad_profiles{
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  web: { client_id: w, auth_method: client_secret_basci, secret: s }\n",
     "5:37: unknown authentication method 'client_secret_basci' (did you mean "
     "'client_secret_basic'?); expected one of: none, client_secret_basic, client_secret_post, "
     "client_secret_jwt, private_key_jwt, tls_client_auth, self_signed_tls_client_auth"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  jwt: { client_id: j, auth_method: private_key_jwt }\n",
     "5:3: private_key_jwt client 'jwt' needs 'private_key'"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  web:\n    client_id: w\n    auth_method: client_secret_post\n",
     "5:3: client_secret_post client 'web' needs 'secret_env' (or 'secret' for public test "
     "fixtures)"},
    {"id: x\nembedded_server: server/default.yaml\nissuer: https://a.example\nclients:\n"
     "  spa: { client_id: s, auth_method: none }\n",
     "3:1: 'issuer' cannot be combined with 'embedded_server'"},
    {"id: x\nembedded_server: server/missing.yaml\nclients:\n"
     "  spa: { client_id: s, auth_method: none }\n",
     "2:18: file not found: "},
    {"id: x\nisuer: https://a.example\n",
     "2:1: unknown key 'isuer' in profile (did you mean "
     "'issuer'?)"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  jwt: { client_id: j, auth_method: private_key_jwt, private_key: keys/public.pem }\n",
     "5:67: not a private key: "},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  jwt: { client_id: j, auth_method: private_key_jwt, private_key: keys/client.pem,\n"
     "         signing_alg: ES256 }\n",
     "6:23: signing_alg ES256 does not fit the RSA private key"},
    {"id: x\nissuer: https://a.example\nendpoints:\n  par: https://a.example/par\nclients:\n"
     "  spa: { client_id: s, auth_method: none }\n",
     "4:3: without 'discovery', endpoints needs 'par', 'authorization' and 'token'"},
    {"id: x\nissuer: https://a.example\nclients:\n  spa: { client_id: s, auth_method: none }\n",
     "1:1: a profile needs 'discovery' or 'endpoints'"},
    {"id: My Tenant\n",
     "1:5: invalid profile id 'My Tenant' (lowercase letters, digits, '.', "
     "'_' and '-')"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\n",
     "1:1: missing required key 'clients' in profile"},
    {"id: x\nissuer: http://a.example\ndiscovery: true\ntransport: plain_htpp\nclients:\n"
     "  spa: { client_id: s, auth_method: none }\n",
     "4:12: unknown transport 'plain_htpp' (did you mean 'plain_http'?); expected one of: https, "
     "plain_http"},
    {"id: x\nissuer: http://a.example\ndiscovery: true\ntransport: plain_http\n"
     "capabilities: [https]\nclients:\n  spa: { client_id: s, auth_method: none }\n",
     "5:16: capability 'https' follows from 'transport'"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\ncapabilities: [pkce_s265]\nclients:\n"
     "  spa: { client_id: s, auth_method: none }\n",
     "4:16: unknown capability 'pkce_s265' (did you mean 'pkce_s256'?)"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  web: { client_id: w, auth_method: none, secret: a, secret_env: B }\n",
     "5:54: give either 'secret' or 'secret_env', not both"},
    {"id: x\nissuer: a.example\ndiscovery: true\n",
     "2:9: invalid 'issuer' URL 'a.example' (an http:// or https:// URL)"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\npolicies:\n  min_state_length: [8]\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "5:21: policy 'min_state_length' must be a scalar value"},
    // The vocabulary (core/profile_vocabulary.hpp): a misspelt policy no longer passes.
    {"id: x\nissuer: https://a.example\ndiscovery: true\npolicies:\n  min_state_lenght: 8\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "5:3: unknown policy 'min_state_lenght' (did you mean 'min_state_length'?); expected one "
     "of: "},
    {"id: x\nissuer: https://a.example\ndiscovery: true\npolicies:\n  min_state_length: eight\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "5:21: policy 'min_state_length' must be a non-negative integer, not eight"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\npolicies:\n  request_uri_lifetime: 0\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "5:25: policy 'request_uri_lifetime' must be a positive integer number of seconds, not 0"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\npolicies:\n  pkce_default_method: s256\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "5:24: policy 'pkce_default_method' must be plain or S256, not s256"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\ntimeout_ms: 0\nclients:\n"
     "  spa: { client_id: s, auth_method: none }\n",
     "4:1: 'timeout_ms' must be positive"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nmax_recorded_bytes: 99999999999\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "4:1: 'max_recorded_bytes' must be at most 16777216"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nmax_response_bytes: 1073741824\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "4:1: 'max_response_bytes' must be at most 268435456"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\ncase_deadline_ms: -1\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "4:1: 'case_deadline_ms' must be positive"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\ntls: { ca_file: . }\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "4:17: not a regular file (a directory): "},
    {"id: x\nissuer: https://a.example\ndiscovery: true\ndpop_key: /dev/zero\n"
     "clients:\n  spa: { client_id: s, auth_method: none }\n",
     "4:11: not a regular file (a character device): /dev/zero"},
    // A 100 KB URL that is no URL: refused in linear time, quoted shortened.
    {"id: x\nissuer: " + std::string(100 * 1024, 'a') + "\ndiscovery: true\n",
     "2:9: invalid 'issuer' URL '" + std::string(200, 'a') + "…' (an http:// or https:// URL)"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  mtls: { client_id: m, auth_method: tls_client_auth }\n",
     "5:3: tls_client_auth client 'mtls' needs tls_client_cert and tls_client_key (or "
     "tls.client_cert and tls.client_key)"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  web: { client_id: w, auth_method: none, tls_client_cert: c.pem }\n",
     "5:43: tls_client_cert is only used with tls_client_auth and self_signed_tls_client_auth"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  m: { client_id: m, auth_method: tls_client_auth, tls_client_cert: nope.pem,\n"
     "       tls_client_key: nope.key }\n",
     "5:69: file not found"},
    {"id: x\nissuer: https://a.example\ndiscovery: true\nclients:\n"
     "  m: { client_id: m, auth_method: self_signed_tls_client_auth,\n"
     "       tls_client_cert: certs/self.pem, tls_client_key: certs/client.key }\n",
     "6:57: the TLS client key of client 'm' is not the key of its certificate"},
};

constexpr const char* k_login_profile = R"(id: x
issuer: https://a.example
discovery: true
login:
  max_requests: 7
  forms:
    - name: sign-in
      match: { has_fields: [login, password], field_values: { prompt: login } }
      fill: { login: "user $${x}", password: "${env:PARITY_LOAD_TEST_SECRET}" }
      submit: Sign-in
    - match: { action_contains: /consent, form_id: c }
clients:
  spa: { client_id: s, auth_method: none }
)";

TEST_F(ProfileLoaderTest, LoginScriptIsReadAndGrantsTheLoginCapability) {
  ::setenv(k_secret_variable, "pa55word", 1);
  const Profile profile = load_profile(write(k_login_profile));
  const LoginScript& login = profile.login;
  EXPECT_TRUE(login.declared);
  EXPECT_EQ(login.max_requests, 7);
  ASSERT_EQ(login.forms.size(), 2U);
  EXPECT_EQ(login.forms[0].name, "sign-in");
  EXPECT_EQ(login.forms[0].has_fields, (std::vector<std::string>{"login", "password"}));
  EXPECT_EQ(login.forms[0].field_values.at(0).second, "login");
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(login.forms[0].fill, (Pairs{{"login", "user ${x}"}, {"password", "pa55word"}}));
  EXPECT_EQ(login.forms[0].submit, "Sign-in");
  EXPECT_EQ(login.forms[1].name, "form 2");
  EXPECT_EQ(login.forms[1].action_contains, "/consent");
  EXPECT_EQ(login.secrets, std::vector<std::string>{"pa55word"});
  EXPECT_EQ(profile.capabilities.count("login"), 1U);
}

TEST_F(ProfileLoaderTest, UnsetLoginVariableWithholdsTheLoginCapability) {
  const Profile profile = load_profile(write(k_login_profile));
  EXPECT_EQ(profile.login.unavailable_reason,
            "environment variable PARITY_LOAD_TEST_SECRET is not set");
  EXPECT_EQ(profile.capabilities.count("login"), 0U);
}

TEST_F(ProfileLoaderTest, AutoLoginImpliesTheLoginCapability) {
  const Profile profile = load_profile(
      write("id: x\nissuer: https://a.example\ndiscovery: true\ncapabilities: [auto_login]\n"
            "clients:\n  spa: { client_id: s, auth_method: none }\n"));
  EXPECT_EQ(profile.capabilities.count("login"), 1U);
  EXPECT_FALSE(profile.login.declared);
}

TEST_F(ProfileLoaderTest, BadLoginScriptsAreReportedAtTheOffendingNode) {
  const std::string head = "id: x\nissuer: https://a.example\ndiscovery: true\n";
  const std::string tail = "clients:\n  spa: { client_id: s, auth_method: none }\n";
  EXPECT_EQ(error_of(head + "login:\n  forms:\n    - match: {}\n" + tail),
            file() + ":6:14: 'match' needs at least one condition");
  EXPECT_EQ(error_of(head +
                     "login:\n  forms:\n    - match: { form_id: a }\n      fill: { a: "
                     "'${client.id}' }\n" +
                     tail),
            file() + ":7:18: a login value may only use ${env:NAME} (or $${ for '${')");
  EXPECT_EQ(error_of(head + "login:\n  max_requests: 1000\n" + tail),
            file() + ":5:3: 'max_requests' must be at most 100");
  EXPECT_NE(error_of(head + "login:\n  forms:\n    - match: { form_id: a }\n      fil: {}\n" + tail)
                .find("unknown key 'fil'"),
            std::string::npos);
}

constexpr const char* k_browser_profile = R"(id: x
issuer: https://a.example
discovery: true
login:
  browser:
    sessions: 3
    step_timeout_ms: 4000
    steps:
      - wait_for_url: "https://a.example/login*"
      - fill: "#user"
        value: parity-user
      - fill: "#pass"
        value: "${env:PARITY_LOAD_TEST_SECRET}"
      - click: "#go"
      - click: "#consent"
        optional: true
        timeout_ms: 500
clients:
  spa: { client_id: s, auth_method: none }
)";

TEST_F(ProfileLoaderTest, BrowserLoginIsRead) {
  ::setenv(k_secret_variable, "pa\"ss", 1);
  const Profile profile = load_profile(write(k_browser_profile));
  const BrowserScript& browser = profile.login.browser;
  EXPECT_TRUE(browser.declared);
  EXPECT_EQ(browser.sessions, 3);
  EXPECT_EQ(browser.step_timeout_ms, 4000);
  ASSERT_EQ(browser.steps.size(), 5U);
  EXPECT_EQ(browser.steps[0].kind, BrowserStep::Kind::wait_url);
  EXPECT_EQ(browser.steps[1].value, "parity-user");
  EXPECT_FALSE(browser.steps[1].secret);
  EXPECT_EQ(browser.steps[2].value, "pa\"ss");
  EXPECT_TRUE(browser.steps[2].secret);
  EXPECT_EQ(browser.steps[3].kind, BrowserStep::Kind::click);
  EXPECT_TRUE(browser.steps[4].optional);
  EXPECT_EQ(browser.steps[4].timeout_ms, 500);
  // The plain value and its JSON spelling are both masked in reports.
  EXPECT_EQ(profile.login.secrets, (std::vector<std::string>{"pa\"ss", "pa\\\"ss"}));
  EXPECT_EQ(profile.capabilities.count("login"), 1U);
}

constexpr const char* k_http_profile = R"(id: x
issuer: https://a.example
discovery: true
login:
  http:
    capture: { resume: "location:callback_url" }
    steps:
      - name: password
        method: POST
        url: "${origin}/api/auth/"
        json: { username: u, password: "${env:PARITY_LOAD_TEST_SECRET}", remember: true }
        expect_status: [200]
      - url: "${resume}"
        query: { g_continue: "", literal: "$${x}" }
        capture: { code: "json:/code", sid: "header:Set-Cookie" }
clients:
  spa: { client_id: s, auth_method: none }
)";

TEST_F(ProfileLoaderTest, HttpStepLoginIsRead) {
  ::setenv(k_secret_variable, "pa55word", 1);
  const Profile profile = load_profile(write(k_http_profile));
  const LoginScript& login = profile.login;
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(login.http_captures, (Pairs{{"resume", "location:callback_url"}}));
  ASSERT_EQ(login.http_steps.size(), 2U);
  const HttpLoginStep& password = login.http_steps[0];
  EXPECT_EQ(password.method, "POST");
  EXPECT_EQ(password.url, "${origin}/api/auth/");
  EXPECT_EQ(password.json_body,
            (nlohmann::json{{"username", "u"}, {"password", "pa55word"}, {"remember", true}}));
  EXPECT_EQ(password.expect_status, std::vector<int>{200});
  const HttpLoginStep& resume = login.http_steps[1];
  EXPECT_EQ(resume.name, "step 2");
  EXPECT_EQ(resume.method, "GET");
  EXPECT_EQ(resume.query, (Pairs{{"g_continue", ""}, {"literal", "$${x}"}}));
  EXPECT_EQ(resume.captures.size(), 2U);
  EXPECT_EQ(login.secrets, std::vector<std::string>{"pa55word"});
}

TEST_F(ProfileLoaderTest, BadBrowserAndHttpLoginsAreReportedAtTheOffendingNode) {
  const std::string head = "id: x\nissuer: https://a.example\ndiscovery: true\n";
  const std::string tail = "clients:\n  spa: { client_id: s, auth_method: none }\n";
  EXPECT_EQ(
      error_of(head + "login:\n  browser:\n    steps:\n      - click: a\n        fill: b\n" + tail),
      file() +
          ":7:9: a browser step needs exactly one of 'wait_for' (CSS selector), "
          "'wait_for_url' (URL glob), 'fill' or 'click'");
  EXPECT_EQ(error_of(head + "login:\n  browser:\n    steps:\n      - fill: a\n" + tail),
            file() + ":7:9: a 'fill' step needs 'value'");
  EXPECT_EQ(error_of(head + "login:\n  forms: []\n  browser:\n    steps: []\n" + tail),
            file() +
                ":5:3: 'forms' cannot be combined with 'browser': the browser does the "
                "whole login");
  EXPECT_EQ(error_of(head + "login:\n  browser:\n    sessions: 0\n    steps: []\n" + tail),
            file() + ":6:5: 'sessions' must be between 1 and 16");
  EXPECT_EQ(
      error_of(head + "login:\n  http:\n    steps:\n      - url: x\n        json: {}\n" + tail),
      file() + ":7:9: a step with a body needs a 'method' other than GET");
  EXPECT_EQ(error_of(head +
                     "login:\n  http:\n    capture: { origin: location }\n    steps: [{url: x}]\n" +
                     tail),
            file() + ":6:16: capture 'origin' redefines a login variable");
  EXPECT_NE(
      error_of(head +
               "login:\n  http:\n    steps:\n      - url: x\n        capture: { a: body }\n" + tail)
          .find("capture 'body' is not one of location"),
      std::string::npos);
}

TEST_F(ProfileLoaderTest, BadProfilesAreReportedAtTheOffendingNode) {
  for (const auto& bad : k_bad_profiles) {
    const std::string expected = file() + ":" + bad.error;
    const std::string actual = error_of(bad.yaml);
    EXPECT_EQ(actual.substr(0, expected.size()), expected) << bad.yaml;
  }
}

}  // namespace
}  // namespace parity::load
