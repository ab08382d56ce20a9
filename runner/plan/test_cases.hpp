#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"

#include <nlohmann/json.hpp>

#include <string>

// Builders shared by the plan, request and run tests.
namespace parity::run::test_support {

/// A fixture key path under the source tree's fixtures/keys.
std::string key_path(const std::string& file);

/// Profile "test" at https://as.example with clients web (client_secret_basic, secret
/// "web secret:1", scope "openid profile"), post (client_secret_post), jwt (private_key_jwt,
/// client_rsa.pem, kid "k1"), hmac (client_secret_jwt) and public (none).
Profile test_profile();

/// The client named `name` of `profile`.
const Client& client_named(const Profile& profile, const std::string& name);

/// Vars seeded as a case would be: profile values, client.* of `client`, fixed state,
/// nonce, pkce values.
eval::Vars test_vars(const Profile& profile, const Client& client);

/// A template located at test.yaml:`line`:1.
Text text(const std::string& raw, int line = 1);

/// An expectation block "selector: operand" (equals) for each pair.
ExpectBlock expect_equals(std::vector<std::pair<std::string, nlohmann::json>> pairs);

/// A step of `kind` expecting `status` (no expectation when `status` is 0).
Step make_step(StepKind kind, int status = 0);

/// A case "suite/id" with `steps`.
Case make_case(const std::string& suite, const std::string& id, std::vector<Step> steps);

}  // namespace parity::run::test_support
