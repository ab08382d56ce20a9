#include "plan/client_selector.hpp"

#include "plan/test_cases.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

std::string chosen(const Profile& profile, std::string_view selector, const Client* own = nullptr) {
  const ClientChoice choice = select_client(profile, selector, own);
  return choice.client != nullptr ? choice.client->name : "error: " + choice.error;
}

Client client_of(const std::string& name, AuthMethod method) {
  Client client;
  client.name = name;
  client.id = name + "-id";
  client.auth_method = method;
  return client;
}

TEST(ClientSelectorTest, DefaultAndOtherComeFromRolesNotFromOrder) {
  Profile profile = test_profile();
  EXPECT_EQ(chosen(profile, ""), "web");
  EXPECT_EQ(chosen(profile, "other"), "post");
  std::reverse(profile.clients.begin(), profile.clients.end());
  EXPECT_EQ(chosen(profile, ""), "web");
  EXPECT_EQ(chosen(profile, "other"), "post");
  EXPECT_EQ(chosen(profile, "role:default"), "web");
  EXPECT_EQ(chosen(profile, "role:other"), "post");
}

TEST(ClientSelectorTest, OtherOfTheOtherClientIsTheDefault) {
  const Profile profile = test_profile();
  EXPECT_EQ(chosen(profile, "other", &client_named(profile, "post")), "web");
  EXPECT_EQ(chosen(profile, "other", &client_named(profile, "jwt")), "post");
}

TEST(ClientSelectorTest, MissingRolesAreNamedInTheError) {
  Profile profile = test_profile();
  for (Client& client : profile.clients) {
    client.roles.clear();
  }
  EXPECT_EQ(chosen(profile, ""),
            "error: profile has no client with role 'default' (roles: [default])");
  EXPECT_EQ(chosen(profile, "other"),
            "error: profile has no client with role 'other' (give a second client roles: [other])");
  profile.clients.resize(1);
  EXPECT_EQ(chosen(profile, ""), "web");  // a profile's only client is its default
}

TEST(ClientSelectorTest, PropertiesSelectClientsAndCapabilitiesImplyPkce) {
  Profile profile = test_profile();
  EXPECT_EQ(chosen(profile, "property:par_required"),
            "error: profile has no client with property par_required (properties: "
            "[par_required])");
  EXPECT_EQ(chosen(profile, "property:pkce_required"),
            "error: profile has no client with property pkce_required (properties: "
            "[pkce_required], or the server-wide capability pkce_required)");
  Client par_only = client_of("zz-par", AuthMethod::client_secret_basic);
  par_only.properties = {"par_required"};
  profile.clients.push_back(par_only);
  EXPECT_EQ(chosen(profile, "property:par_required"), "zz-par");
  // PKCE required only for the public client: the case picks that client.
  for (Client& client : profile.clients) {
    if (client.name == "public") {
      client.properties = {"pkce_required"};
    }
  }
  EXPECT_EQ(chosen(profile, "property:pkce_required"), "public");
  // Required for every client: the default one.
  profile.capabilities.insert("pkce_required");
  EXPECT_EQ(chosen(profile, "property:pkce_required"), "web");
}

TEST(ClientSelectorTest, MethodSelectorsPreferPlainClientsThenNames) {
  Profile profile = test_profile();
  Client restricted = client_of("a-jar-only", AuthMethod::private_key_jwt);
  restricted.properties = {"signed_request_object_required"};
  Client later = client_of("jwt2", AuthMethod::private_key_jwt);
  profile.clients.insert(profile.clients.begin(), restricted);
  profile.clients.insert(profile.clients.begin(), later);
  // jwt before jwt2 by name; a client that refuses plain pushes only when nothing else fits.
  EXPECT_EQ(chosen(profile, "method:private_key_jwt"), "jwt");
  EXPECT_EQ(chosen(profile, "other-method:private_key_jwt", &client_named(profile, "jwt")), "jwt2");
  EXPECT_EQ(chosen(profile, "property:signed_request_object_required"), "a-jar-only");
  EXPECT_EQ(chosen(profile, "method:client_secret_basic"), "web");
  EXPECT_EQ(chosen(profile, "public"), "public");
}

TEST(ClientSelectorTest, UnknownNamesAreNamedInTheError) {
  EXPECT_EQ(chosen(test_profile(), "mobile"), "error: profile has no client named 'mobile'");
}

}  // namespace
}  // namespace parity::run
