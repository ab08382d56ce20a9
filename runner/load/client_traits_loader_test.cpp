#include "load/profile_loader.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

namespace parity::load {
namespace {

using test_support::TempDir;

constexpr const char* k_head = "id: x\nissuer: https://a.example\ndiscovery: true\n";

class ClientTraitsLoaderTest : public ::testing::Test {
 protected:
  std::string write(const std::string& text) const { return m_dir.write("profile.yaml", text); }

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

const Client& named(const Profile& profile, const std::string& name) {
  for (const Client& client : profile.clients) {
    if (client.name == name) {
      return client;
    }
  }
  throw std::invalid_argument(name);
}

TEST_F(ClientTraitsLoaderTest, ReadsRolesPropertiesPushParamsAndAudience) {
  const Profile profile = load_profile(write(std::string(k_head) + R"(push_params:
  nonce: ${nonce}
  prompt: login
assertion_audience: token_endpoint
clients:
  spa:
    client_id: spa
    auth_method: none
    properties: [pkce_required]
    push_params: { prompt: consent }
  web:
    client_id: web
    auth_method: client_secret_basic
    secret: s
    roles: [default]
    assertion_audience: par_endpoint
  second:
    client_id: second
    auth_method: client_secret_basic
    secret: s
    roles: [other]
)"));
  const Client& spa = named(profile, "spa");
  EXPECT_EQ(spa.properties, (std::set<std::string>{"pkce_required"}));
  EXPECT_TRUE(spa.roles.empty());
  EXPECT_EQ(spa.push_params,
            (std::vector<std::pair<std::string, std::string>>{{"nonce", "${nonce}"},
                                                              {"prompt", "consent"}}));
  EXPECT_EQ(spa.assertion_audience, AssertionAudience::token_endpoint);
  const Client& web = named(profile, "web");
  EXPECT_EQ(web.roles, (std::set<std::string>{"default"}));
  EXPECT_EQ(web.assertion_audience, AssertionAudience::par_endpoint);
  EXPECT_EQ(web.push_params.size(), 2U);
  EXPECT_EQ(named(profile, "second").roles, (std::set<std::string>{"other"}));
}

TEST_F(ClientTraitsLoaderTest, AudienceDefaultsToTheIssuer) {
  const Profile profile =
      load_profile(write(std::string(k_head) + "clients:\n  spa: { client_id: s, auth_method: "
                                               "none }\n"));
  EXPECT_EQ(profile.clients.front().assertion_audience, AssertionAudience::issuer);
  EXPECT_TRUE(profile.clients.front().push_params.empty());
}

struct BadTraits {
  std::string yaml;   // after k_head
  std::string error;  // expected message after "file:"
};

const std::vector<BadTraits> k_bad_traits{
    {"clients:\n  a: { client_id: a, auth_method: none, roles: [default] }\n"
     "  b: { client_id: b, auth_method: none, roles: [default] }\n",
     "6:49: role 'default' is already given to client 'a'; each role belongs to one client"},
    {"clients:\n  a: { client_id: a, auth_method: none, roles: [defualt] }\n",
     "5:49: unknown client role 'defualt' (did you mean 'default'?); expected one of: default, "
     "other"},
    {"clients:\n  a: { client_id: a, auth_method: none, properties: [pkce_requird] }\n",
     "5:54: unknown client property 'pkce_requird' (did you mean 'pkce_required'?)"},
    {"clients:\n  a: { client_id: a, auth_method: none }\n  b: { client_id: b, auth_method: none "
     "}\n",
     "5:3: no client has role 'default': give one client 'roles: [default]' (the order clients "
     "are listed in carries no meaning)"},
    {"clients:\n  par-only: { client_id: a, auth_method: none }\n",
     "5:3: a client's name no longer selects it: give client 'par-only' 'properties: "
     "[par_required]'"},
    {"capabilities: [par_required_client]\nclients:\n  a: { client_id: a, auth_method: none }\n",
     "4:16: capability 'par_required_client' is now a client property: give the client "
     "'properties: [par_required]'"},
    {"assertion_audience: token_endpiont\nclients:\n  a: { client_id: a, auth_method: none }\n",
     "4:21: unknown assertion audience 'token_endpiont' (did you mean 'token_endpoint'?)"},
    {"push_params: { nonce: '${case_var}' }\nclients:\n  a: { client_id: a, auth_method: none }\n",
     "4:23: push parameter 'nonce' uses ${case_var}, which not every case defines"},
    {"clients:\n  a: { client_id: a, auth_method: none, push_params: [nonce] }\n", "5:54: "},
};

TEST_F(ClientTraitsLoaderTest, BadTraitsAreReportedAtTheOffendingNode) {
  for (const auto& bad : k_bad_traits) {
    const std::string expected = file() + ":" + bad.error;
    const std::string actual = error_of(std::string(k_head) + bad.yaml);
    EXPECT_EQ(actual.substr(0, expected.size()), expected) << bad.yaml;
  }
}

}  // namespace
}  // namespace parity::load
