#include "load/profile_loader.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace parity::load {
namespace {

using test_support::TempDir;

constexpr const char* k_base = R"(id: base
issuer: https://as.example
discovery: true
capabilities: [pkce_s256, jar]
policies:
  request_uri_lifetime: 60
  code_lifetime: 30
clients:
  web:
    client_id: web-id
    auth_method: client_secret_basic
    secret: fixture-secret
    scope: openid
    roles: [default]
  jwt:
    client_id: jwt-id
    auth_method: private_key_jwt
    private_key: keys/client.pem
)";

std::string load_error(const std::string& path, const std::vector<std::string>& sets = {}) {
  try {
    load_profile(path, sets);
  } catch (const LoadError& error) {
    return error.what();
  }
  return "";
}

TEST(ProfileOverlay, MapsMergeScalarsAndListsReplaceNullRemoves) {
  TempDir dir;
  dir.copy_key("client_rsa.pem", "base/keys/client.pem");
  dir.write("base/base.yaml", k_base);
  const std::string overlay = dir.write("overlay.yaml", R"(extends: base/base.yaml
id: overlay
capabilities: [pkce_plain]
policies:
  min_state_length: 8
  code_lifetime: ~
clients:
  web: { scope: profile }
)");
  const Profile profile = load_profile(overlay);
  EXPECT_EQ(profile.id, "overlay");
  EXPECT_EQ(profile.issuer, "https://as.example");
  EXPECT_TRUE(profile.capabilities.contains("pkce_plain"));
  EXPECT_FALSE(profile.capabilities.contains("jar"));
  EXPECT_EQ(profile.policies.at("request_uri_lifetime"), 60);
  EXPECT_EQ(profile.policies.at("min_state_length"), 8);
  EXPECT_FALSE(profile.policies.contains("code_lifetime"));
  ASSERT_EQ(profile.clients.size(), 2U);
  EXPECT_EQ(profile.clients[0].id, "web-id");
  EXPECT_EQ(profile.clients[0].scope, "profile");
  // The base's relative key path stays relative to the base file.
  EXPECT_EQ(profile.clients[1].private_key_path, dir.path() + "/base/keys/client.pem");
}

TEST(ProfileOverlay, ErrorsPointAtTheFileThatHoldsTheBadValue) {
  TempDir dir;
  dir.copy_key("client_rsa.pem", "keys/client.pem");
  const std::string base = dir.write("base.yaml", std::string(k_base) + "timeout_ms: 0\n");
  const std::string overlay = dir.write("overlay.yaml", "extends: base.yaml\nid: o\n");
  EXPECT_EQ(load_error(overlay), base + ":19:1: 'timeout_ms' must be positive");
  const std::string bad_overlay =
      dir.write("bad.yaml", "extends: base2.yaml\nid: o\npolicies:\n  min_state_length: x\n");
  dir.write("base2.yaml", k_base);
  EXPECT_EQ(load_error(bad_overlay),
            bad_overlay + ":4:21: policy 'min_state_length' must be a non-negative integer, not x");
}

TEST(ProfileOverlay, CyclesDepthAndMissingBasesAreLoadErrors) {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "extends: b.yaml\nid: a\n");
  dir.write("b.yaml", "extends: a.yaml\nid: b\n");
  EXPECT_NE(load_error(a).find("b.yaml:1:10: 'extends' makes a cycle"), std::string::npos)
      << load_error(a);
  const std::string self = dir.write("self.yaml", "extends: self.yaml\nid: s\n");
  EXPECT_EQ(load_error(self),
            self + ":1:10: 'extends' makes a cycle: " + self + " extends this file again");
  for (int i = 0; i < 10; ++i) {
    dir.write("chain" + std::to_string(i) + ".yaml",
              "extends: chain" + std::to_string(i + 1) + ".yaml\nid: c\n");
  }
  EXPECT_NE(load_error(dir.path() + "/chain0.yaml").find("'extends' chains more than 8"),
            std::string::npos);
  const std::string missing = dir.write("missing.yaml", "extends: nowhere.yaml\nid: m\n");
  EXPECT_NE(load_error(missing).find(missing + ":1:10: file not found"), std::string::npos)
      << load_error(missing);
}

TEST(ProfileOverlay, DocumentsThatAreNotMapsAreLoadErrors) {
  TempDir dir;
  // Each of these once escaped the loader as yaml-cpp's BadSubscript (found by fuzzing).
  for (const char* text : {"just a scalar\n", "- a\n- b\n", "42\n"}) {
    const std::string profile = dir.write("not_a_map.yaml", text);
    EXPECT_NE(load_error(profile).find("must be a mapping"), std::string::npos)
        << text << " -> " << load_error(profile);
  }
  const std::string overlay = dir.write("overlay.yaml", "extends: scalar.yaml\nid: o\n");
  dir.write("scalar.yaml", "just a scalar\n");
  EXPECT_NE(load_error(overlay).find("scalar.yaml:1:1: profile must be a mapping"),
            std::string::npos)
      << load_error(overlay);
}

TEST(ProfileOverlay, SetChangesOneValueAndChecksThePath) {
  TempDir dir;
  dir.copy_key("client_rsa.pem", "keys/client.pem");
  const std::string base = dir.write("base.yaml", k_base);
  const Profile profile = load_profile(
      base,
      {"policies.min_state_length=8", "clients.web.scope=email", "capabilities=[pkce_plain]"});
  EXPECT_EQ(profile.policies.at("min_state_length"), 8);
  EXPECT_EQ(profile.clients[0].scope, "email");
  EXPECT_TRUE(profile.capabilities.contains("pkce_plain"));
  EXPECT_FALSE(profile.capabilities.contains("jar"));

  EXPECT_EQ(load_error(base, {"policies.min_state_lenght=8"})
                .rfind("--set policies.min_state_lenght=8: unknown policy 'min_state_lenght' (did "
                       "you mean 'min_state_length'?); expected one of: min_state_length, ",
                       0),
            0U);
  EXPECT_EQ(load_error(base, {"clients.wbe.scope=x"}),
            "--set clients.wbe.scope=x: --set: 'wbe' is not a map of the profile (did you "
            "mean 'web'?)");
  EXPECT_EQ(load_error(base, {"polices.min_state_length=8"}),
            "--set polices.min_state_length=8: unknown key 'polices' in profile (did you "
            "mean 'policies'?)");
  EXPECT_EQ(load_error(base, {"policies.min_state_length=eight"}),
            "--set policies.min_state_length=eight:1:1: policy 'min_state_length' must be a "
            "non-negative integer, not eight");
  EXPECT_NE(load_error(base, {"nothing"}).find("--set needs path=value"), std::string::npos);
}

TEST(ProfileOverlay, EnvironmentVariablesInUrls) {
  TempDir dir;
  const std::string profile_text = R"(id: env
issuer: https://127.0.0.1:${env:PARITY_OVERLAY_TEST_PORT}/as
discovery: https://127.0.0.1:${env:PARITY_OVERLAY_TEST_PORT}/as/.well-known/x
endpoints:
  par: https://127.0.0.1:${env:PARITY_OVERLAY_TEST_PORT}/as/par
clients:
  spa: { client_id: s, auth_method: none }
)";
  const std::string path = dir.write("env.yaml", profile_text);
  ::unsetenv("PARITY_OVERLAY_TEST_PORT");
  EXPECT_EQ(load_error(path),
            path +
                ":2:9: environment variable PARITY_OVERLAY_TEST_PORT is not set (used in this "
                "URL; ${env:PARITY_OVERLAY_TEST_PORT:-DEFAULT} gives a default)");
  ::setenv("PARITY_OVERLAY_TEST_PORT", "8443", 1);
  const Profile profile = load_profile(path);
  EXPECT_EQ(profile.issuer, "https://127.0.0.1:8443/as");
  EXPECT_EQ(profile.metadata_url, "https://127.0.0.1:8443/as/.well-known/x");
  EXPECT_EQ(profile.endpoints.par, "https://127.0.0.1:8443/as/par");
  ::unsetenv("PARITY_OVERLAY_TEST_PORT");
  const std::string other = dir.write("other.yaml",
                                      "id: o\nissuer: https://${HOST}/\ndiscovery: true\n"
                                      "clients:\n  spa: { client_id: s, auth_method: none }\n");
  EXPECT_EQ(load_error(other),
            other +
                ":2:9: a URL may only use ${env:NAME} or ${env:NAME:-DEFAULT} (an environment "
                "variable)");
  const std::string with_default =
      dir.write("default.yaml",
                "id: d\nissuer: https://127.0.0.1:${env:PARITY_OVERLAY_TEST_PORT:-4593}/as\n"
                "discovery: true\nclients:\n  spa: { client_id: s, auth_method: none }\n");
  EXPECT_EQ(load_profile(with_default).issuer, "https://127.0.0.1:4593/as");
  ::setenv("PARITY_OVERLAY_TEST_PORT", "8443", 1);
  EXPECT_EQ(load_profile(with_default).issuer, "https://127.0.0.1:8443/as");
  ::unsetenv("PARITY_OVERLAY_TEST_PORT");
}

}  // namespace
}  // namespace parity::load
