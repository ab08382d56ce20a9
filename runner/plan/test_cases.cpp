#include "plan/test_cases.hpp"

#include "core/build_info.hpp"

#include <stdexcept>

namespace parity::run::test_support {

std::string key_path(const std::string& file) {
  return parity::build_info::fixture_path("keys/") + file;
}

namespace {

Client make_client(const std::string& name, const std::string& id, AuthMethod method) {
  Client client;
  client.name = name;
  client.id = id;
  client.auth_method = method;
  client.redirect_uris = {"https://client.example/cb"};
  return client;
}

}  // namespace

Profile test_profile() {
  Profile profile;
  profile.id = "test";
  profile.name = "Test provider";
  profile.issuer = "https://as.example";
  profile.endpoints = {
      "https://as.example/authorize", "https://as.example/token", "https://as.example/par"};
  profile.capabilities = {"pkce_s256"};
  Client web = make_client("web", "web-client", AuthMethod::client_secret_basic);
  web.secret = "web secret:1";
  web.scope = "openid profile";
  web.roles = {"default"};
  Client post = make_client("post", "post-client", AuthMethod::client_secret_post);
  post.secret = "post-secret-value";
  post.roles = {"other"};
  Client jwt = make_client("jwt", "jwt-client", AuthMethod::private_key_jwt);
  jwt.private_key_path = key_path("client_rsa.pem");
  jwt.signing_alg = "RS256";
  jwt.key_id = "k1";
  Client hmac = make_client("hmac", "hmac-client", AuthMethod::client_secret_jwt);
  hmac.secret = "hmac-secret-value-0123456789-0123456789";
  Client pub = make_client("public", "public-client", AuthMethod::none);
  profile.clients = {web, post, jwt, hmac, pub};
  return profile;
}

const Client& client_named(const Profile& profile, const std::string& name) {
  for (const Client& client : profile.clients) {
    if (client.name == name) {
      return client;
    }
  }
  throw std::invalid_argument("no client " + name);
}

eval::Vars test_vars(const Profile& profile, const Client& client) {
  eval::Vars vars;
  vars.set("issuer", profile.issuer);
  vars.set("endpoints.par", profile.endpoints.par);
  vars.set("endpoints.authorization", profile.endpoints.authorization);
  vars.set("endpoints.token", profile.endpoints.token);
  vars.set("metadata_url", profile.metadata_url);
  vars.set("client.id", client.id);
  vars.set("client.redirect_uri", client.redirect_uris.front());
  vars.set("client.scope", client.scope);
  vars.set("client.name", client.name);
  vars.set("state", "state-1234567890");
  vars.set("nonce", "nonce-1234567890");
  vars.set("pkce.verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  vars.set("pkce.challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  vars.set("now", "1700000000");
  return vars;
}

Text text(const std::string& raw, int line) {
  return Text{raw, SourceLocation{"test.yaml", line, 1}};
}

ExpectBlock expect_equals(std::vector<std::pair<std::string, nlohmann::json>> pairs) {
  ExpectBlock block;
  for (auto& [selector, operand] : pairs) {
    Predicate predicate;
    predicate.op = Predicate::Op::equals;
    predicate.operand = std::move(operand);
    predicate.where = {"test.yaml", 1, 1};
    block.assertions.push_back({selector, {predicate}, predicate.where});
  }
  return block;
}

Step make_step(StepKind kind, int status) {
  Step step;
  step.kind = kind;
  step.name = std::string(to_string(kind));
  step.where = {"test.yaml", 1, 1};
  if (status != 0) {
    step.expect.push_back(expect_equals({{"status", status}}));
  }
  return step;
}

Case make_case(const std::string& suite, const std::string& id, std::vector<Step> steps) {
  Case spec;
  spec.suite = suite;
  spec.id = id;
  spec.title = "case " + id;
  spec.requirements = {"RFC9126-2.2-a"};
  spec.steps = std::move(steps);
  spec.where = {"suites/" + suite + ".yaml", 1, 1};
  return spec;
}

}  // namespace parity::run::test_support
