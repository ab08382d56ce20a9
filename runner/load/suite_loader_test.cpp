#include "load/suite_loader.hpp"

#include "load/test_files.hpp"

#include <gtest/gtest.h>

namespace parity::load {
namespace {

using test_support::TempDir;

constexpr const char* k_full_suite = R"(suite: par.core
title: Core pushed authorization requests
cases:
  - id: push_everything
    title: Every feature of the format
    requirements: [RFC9126-2.2-a, RFC6749-2.3.1-a]
    tags: [core, client-auth]
    requires: [pkce_s256, client_auth:private_key_jwt]
    level: should
    client: method:client_secret_basic
    vars:
      short_state: { random: 7 }
      other_verifier: { pkce_verifier: true }
      fixed: "literal ${client.id} $${not_a_var}"
    steps:
      - push:
          client: other
          auth: client_secret_post
          secret: not-the-secret
          params:
            state: ${short_state}
            scope: [openid, profile]
            max_age: 0
          omit: [client_id]
          duplicate: [scope]
          query: { client_secret: x }
          headers: { X-Test: "1" }
          method: PUT
          content_type: application/json
          body: '{"raw": true}'
          url: ${issuer}/elsewhere
          assertion:
            client_assertion_type: urn:ietf:params:oauth:client-assertion-type:saml2-bearer
            key: ../keys/attacker.pem
            alg: none
            iss: someone-else
            sub: ${client.id}
            aud: https://other.example
            jti: fixed-value
            exp: -60
            iat: 3600
            omit: [jti, iat]
        expect:
          status: 201
          header:Content-Type: { starts_with: application/json }
          json:/request_uri: { type: string, matches: '^urn:ietf:params:oauth:request_uri:' }
          json:/expires_in: { type: integer, at_least: 1, at_most: 600, between: [1, 600] }
          body: { contains: request_uri, length_between: [2, 4096], not_equals: "" }
          location:error: { exists: false }
          redirect: false
          json:/n: { equals: "201" }
          json:/state: ${short_state}
          json:/slen: { at_least: "${policy.min_state_length}", between: [1, "${n}"] }
        capture:
          request_uri: json:/request_uri
          expires_in: json:/expires_in
      - wait: "${expires_in}s + 2s"
      - wait: 5
        name: pause
      - authorize: {}
        expect:
          any_of:
            - label: error redirect
              status: [302, 303]
              location:error: invalid_request_uri
            - label: error page
              status: [400, 401, 403, 404]
              redirect: false
      - authorize:
        expect:
          - when: { capability:pkce_plain: true, policy:min_state_length: { at_least: 8 } }
            label: plain accepted
            status: 201
          - status: 400
            json:/error: invalid_request
      - token: {}
        capture:
          code: location:code
      - discover: {}
  - id: second_case
    title: Defaults
    requirements: [RFC9126-2-a]
    steps:
      - discover:
)";

class SuiteLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir.copy_key("attacker_rsa.pem", "keys/attacker.pem");
    m_file = m_dir.write("suites/core.yaml", k_full_suite);
  }

  std::string at(int line, int column) const {
    return m_file + ":" + std::to_string(line) + ":" + std::to_string(column);
  }

  TempDir m_dir;
  std::string m_file;
};

TEST_F(SuiteLoaderTest, FullSuiteLoadsIntoTheExpectedStructs) {
  const Suite suite = load_suite(m_file);
  EXPECT_EQ(suite.id, "par.core");
  EXPECT_EQ(suite.title, "Core pushed authorization requests");
  EXPECT_EQ(suite.file, m_file);
  ASSERT_EQ(suite.cases.size(), 2U);

  const Case& kase = suite.cases[0];
  EXPECT_EQ(kase.id, "push_everything");
  EXPECT_EQ(kase.suite, "par.core");
  EXPECT_EQ(kase.full_id(), "par.core/push_everything");
  EXPECT_EQ(kase.title, "Every feature of the format");
  EXPECT_EQ(kase.requirements, (std::vector<std::string>{"RFC9126-2.2-a", "RFC6749-2.3.1-a"}));
  EXPECT_EQ(kase.tags, (std::vector<std::string>{"core", "client-auth"}));
  EXPECT_EQ(kase.required_capabilities,
            (std::vector<std::string>{"pkce_s256", "client_auth:private_key_jwt"}));
  EXPECT_EQ(kase.level, Level::should);
  EXPECT_EQ(kase.client, "method:client_secret_basic");
  EXPECT_EQ(kase.where.str(), at(4, 5));

  ASSERT_EQ(kase.vars.size(), 3U);
  EXPECT_EQ(kase.vars[0].name, "short_state");
  EXPECT_EQ(kase.vars[0].kind, VarSpec::Kind::random);
  EXPECT_EQ(kase.vars[0].length, 7);
  EXPECT_EQ(kase.vars[0].where.str(), at(12, 7));
  EXPECT_EQ(kase.vars[1].kind, VarSpec::Kind::pkce_verifier);
  EXPECT_EQ(kase.vars[2].kind, VarSpec::Kind::literal);
  EXPECT_EQ(kase.vars[2].value.raw, "literal ${client.id} $${not_a_var}");
  EXPECT_EQ(kase.vars[2].value.where.str(), at(14, 14));

  std::vector<std::string> names;
  for (const auto& step : kase.steps) {
    names.push_back(step.name);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "push", "wait", "pause", "authorize", "authorize#2", "token", "discover"}));
  EXPECT_EQ(kase.steps[3].kind, StepKind::authorize);
  EXPECT_EQ(kase.steps[6].kind, StepKind::discover);

  const Case& second = suite.cases[1];
  EXPECT_EQ(second.level, Level::must);
  EXPECT_EQ(second.client, "");
  EXPECT_TRUE(second.vars.empty());
  ASSERT_EQ(second.steps.size(), 1U);
  EXPECT_EQ(second.steps[0].kind, StepKind::discover);
  EXPECT_TRUE(second.steps[0].request.params.empty());
}

TEST_F(SuiteLoaderTest, RequestSpecKeepsEveryOverride) {
  const Suite suite = load_suite(m_file);
  const Step& push = suite.cases[0].steps[0];
  EXPECT_EQ(push.kind, StepKind::push);
  EXPECT_EQ(push.where.str(), at(16, 9));
  const RequestSpec& request = push.request;
  EXPECT_EQ(request.client, "other");
  EXPECT_EQ(request.auth, AuthMethod::client_secret_post);
  ASSERT_TRUE(request.secret.has_value());
  EXPECT_EQ(request.secret->raw, "not-the-secret");
  ASSERT_EQ(request.params.size(), 4U);
  EXPECT_EQ(request.params[0].first, "state");
  EXPECT_EQ(request.params[0].second.raw, "${short_state}");
  EXPECT_EQ(request.params[0].second.where.str(), at(21, 20));
  EXPECT_EQ(request.params[1].first, "scope");
  EXPECT_EQ(request.params[1].second.raw, "openid");
  EXPECT_EQ(request.params[2].first, "scope");
  EXPECT_EQ(request.params[2].second.raw, "profile");
  EXPECT_EQ(request.params[3].first, "max_age");
  EXPECT_EQ(request.params[3].second.raw, "0");
  EXPECT_EQ(request.omit, (std::vector<std::string>{"client_id"}));
  EXPECT_EQ(request.duplicate, (std::vector<std::string>{"scope"}));
  ASSERT_EQ(request.query.size(), 1U);
  EXPECT_EQ(request.query[0].first, "client_secret");
  EXPECT_EQ(request.query[0].second.raw, "x");
  ASSERT_EQ(request.headers.size(), 1U);
  EXPECT_EQ(request.headers[0].first, "X-Test");
  EXPECT_EQ(request.headers[0].second.raw, "1");
  EXPECT_EQ(request.method, "PUT");
  EXPECT_EQ(request.content_type, "application/json");
  EXPECT_EQ(request.body->raw, R"({"raw": true})");
  EXPECT_EQ(request.url->raw, "${issuer}/elsewhere");
}

TEST_F(SuiteLoaderTest, AssertionSpecResolvesTheKeyAgainstTheSuiteFile) {
  const Suite suite = load_suite(m_file);
  const AssertionSpec& assertion = suite.cases[0].steps[0].request.assertion;
  EXPECT_EQ(assertion.client_assertion_type->raw,
            "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
  EXPECT_EQ(assertion.key_path, m_dir.path() + "/keys/attacker.pem");
  EXPECT_EQ(assertion.alg, "none");
  EXPECT_EQ(assertion.iss->raw, "someone-else");
  EXPECT_EQ(assertion.sub->raw, "${client.id}");
  EXPECT_EQ(assertion.aud->raw, "https://other.example");
  EXPECT_EQ(assertion.jti->raw, "fixed-value");
  EXPECT_EQ(assertion.exp_offset, -60);
  EXPECT_EQ(assertion.iat_offset, 3600);
  EXPECT_EQ(assertion.omit_claims, (std::vector<std::string>{"jti", "iat"}));
  EXPECT_EQ(assertion.where.str(), at(33, 13));

  const AssertionSpec& defaults = suite.cases[1].steps[0].request.assertion;
  EXPECT_FALSE(defaults.key_path.has_value());
  EXPECT_FALSE(defaults.exp_offset.has_value());
  EXPECT_TRUE(defaults.omit_claims.empty());
}

TEST_F(SuiteLoaderTest, ExpectationsBecomePredicatesWithJsonOperands) {
  const Suite suite = load_suite(m_file);
  const Step& push = suite.cases[0].steps[0];
  ASSERT_EQ(push.expect.size(), 1U);
  const ExpectBlock& block = push.expect[0];
  EXPECT_TRUE(block.when.empty());
  EXPECT_TRUE(block.any_of.empty());
  ASSERT_EQ(block.assertions.size(), 10U);

  const Assertion& status = block.assertions[0];
  EXPECT_EQ(status.selector, "status");
  EXPECT_EQ(status.where.str(), at(44, 11));
  ASSERT_EQ(status.predicates.size(), 1U);
  EXPECT_EQ(status.predicates[0].op, Predicate::Op::equals);
  EXPECT_EQ(status.predicates[0].operand, 201);
  EXPECT_TRUE(status.predicates[0].operand.is_number_integer());
  EXPECT_EQ(status.predicates[0].where.str(), at(44, 19));

  const Assertion& request_uri = block.assertions[2];
  EXPECT_EQ(request_uri.selector, "json:/request_uri");
  ASSERT_EQ(request_uri.predicates.size(), 2U);
  EXPECT_EQ(request_uri.predicates[0].op, Predicate::Op::type);
  EXPECT_EQ(request_uri.predicates[0].operand, "string");
  EXPECT_EQ(request_uri.predicates[1].op, Predicate::Op::matches);
  EXPECT_EQ(request_uri.predicates[1].operand, "^urn:ietf:params:oauth:request_uri:");
  EXPECT_EQ(request_uri.predicates[1].where.str(), at(46, 55));

  const Assertion& expires_in = block.assertions[3];
  ASSERT_EQ(expires_in.predicates.size(), 4U);
  EXPECT_EQ(expires_in.predicates[1].op, Predicate::Op::at_least);
  EXPECT_EQ(expires_in.predicates[1].operand, 1);
  EXPECT_EQ(expires_in.predicates[2].op, Predicate::Op::at_most);
  EXPECT_EQ(expires_in.predicates[3].op, Predicate::Op::between);
  EXPECT_EQ(expires_in.predicates[3].operand, nlohmann::json::parse("[1, 600]"));

  const Assertion& body = block.assertions[4];
  EXPECT_EQ(body.predicates[0].op, Predicate::Op::contains);
  EXPECT_EQ(body.predicates[1].op, Predicate::Op::length_between);
  EXPECT_EQ(body.predicates[2].op, Predicate::Op::not_equals);
  EXPECT_EQ(body.predicates[2].operand, "");

  EXPECT_EQ(block.assertions[5].predicates[0].op, Predicate::Op::exists);
  EXPECT_EQ(block.assertions[5].predicates[0].operand, false);
  EXPECT_EQ(block.assertions[6].predicates[0].operand, false);
  EXPECT_EQ(block.assertions[7].predicates[0].operand, "201");  // quoted stays a string
  EXPECT_EQ(block.assertions[8].predicates[0].operand, "${short_state}");
  EXPECT_EQ(block.assertions[9].predicates[0].operand, "${policy.min_state_length}");
  EXPECT_EQ(block.assertions[9].predicates[1].operand, nlohmann::json::parse(R"([1, "${n}"])"));

  ASSERT_EQ(push.captures.size(), 2U);
  EXPECT_EQ(push.captures[0].name, "request_uri");
  EXPECT_EQ(push.captures[0].selector, "json:/request_uri");
  EXPECT_EQ(push.captures[0].where.str(), at(55, 11));
}

TEST_F(SuiteLoaderTest, AnyOfAlternativesKeepTheirLabels) {
  const Suite suite = load_suite(m_file);
  const Step& authorize = suite.cases[0].steps[3];
  ASSERT_EQ(authorize.expect.size(), 1U);
  const ExpectBlock& block = authorize.expect[0];
  EXPECT_TRUE(block.assertions.empty());
  ASSERT_EQ(block.any_of.size(), 2U);
  EXPECT_EQ(block.any_of[0].label, "error redirect");
  EXPECT_EQ(block.any_of[0].assertions[0].predicates[0].op, Predicate::Op::one_of);
  EXPECT_EQ(block.any_of[0].assertions[0].predicates[0].operand,
            nlohmann::json::parse("[302, 303]"));
  EXPECT_EQ(block.any_of[0].assertions[1].selector, "location:error");
  EXPECT_EQ(block.any_of[1].label, "error page");
  EXPECT_EQ(block.any_of[1].assertions.size(), 2U);
}

TEST_F(SuiteLoaderTest, ExpectListHoldsWhenBlocksInOrder) {
  const Case kase = load_suite(m_file).cases[0];
  const Step& authorize = kase.steps[4];
  EXPECT_TRUE(authorize.request.params.empty());  // a null request spec means the defaults
  ASSERT_EQ(authorize.expect.size(), 2U);
  const ExpectBlock& first = authorize.expect[0];
  EXPECT_EQ(first.label, "plain accepted");
  ASSERT_EQ(first.when.size(), 2U);
  EXPECT_EQ(first.when[0].selector, "capability:pkce_plain");
  EXPECT_EQ(first.when[0].predicates[0].operand, true);
  EXPECT_EQ(first.when[1].selector, "policy:min_state_length");
  EXPECT_EQ(first.when[1].predicates[0].op, Predicate::Op::at_least);
  EXPECT_EQ(first.assertions.size(), 1U);
  EXPECT_TRUE(authorize.expect[1].when.empty());
  EXPECT_EQ(authorize.expect[1].assertions.size(), 2U);

  EXPECT_EQ(kase.steps[1].wait.raw, "${expires_in}s + 2s");
  EXPECT_EQ(kase.steps[2].wait.raw, "5");
  EXPECT_EQ(kase.steps[5].captures[0].name, "code");
  EXPECT_EQ(kase.steps[5].captures[0].selector, "location:code");
}

TEST_F(SuiteLoaderTest, DirectoriesLoadInNameOrderAndSkipOtherFiles) {
  m_dir.write("suites/README.md", "# not a suite\n");
  m_dir.write("suites/a_first.yaml",
              "suite: par.alpha\ntitle: A\ncases:\n  - id: one\n    title: One\n"
              "    requirements: [RFC9126-2-a]\n    steps: [{discover: {}}]\n");
  const std::string extra =
      m_dir.write("extra.yaml",
                  "suite: par.extra\ntitle: E\ncases:\n  - id: one\n    title: One\n"
                  "    requirements: [RFC9126-2-a]\n    steps: [{wait: 1s}]\n");
  const std::vector<Suite> suites = load_suites({m_dir.path() + "/suites", extra});
  ASSERT_EQ(suites.size(), 3U);
  EXPECT_EQ(suites[0].id, "par.alpha");
  EXPECT_EQ(suites[1].id, "par.core");
  EXPECT_EQ(suites[2].id, "par.extra");
}

TEST_F(SuiteLoaderTest, DuplicateSuiteIdIsReportedAtTheSecond) {
  const std::string copy = m_dir.write("copy/core.yaml", k_full_suite);
  try {
    load_suites({m_dir.path() + "/suites", copy});
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()),
              copy + ":1:8: duplicate suite id 'par.core' (first defined at " + at(1, 8) + ")");
  }
}

TEST_F(SuiteLoaderTest, MissingPathCannotBeRead) {
  const std::string missing = m_dir.path() + "/nowhere";
  try {
    load_suites({missing});
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()), missing + ": file not found");
  }
}

}  // namespace
}  // namespace parity::load
