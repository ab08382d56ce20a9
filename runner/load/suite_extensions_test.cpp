// Loading request objects, DPoP proofs, repetition and thumbprint variables
// (suites/README.md, "Request objects (JAR)", "DPoP proofs", "Repeated and concurrent steps").
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

namespace parity::load {
namespace {

using test_support::TempDir;

constexpr const char* k_head = R"(suite: par.ext
title: Extensions
cases:
  - id: a_case
    title: A case
    requirements: [RFC9126-2-a]
)";

std::string head(const std::string& rest) {
  return k_head + rest;
}

class SuiteExtensionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir.copy_key("client_ec.pem", "keys/ec.pem");
    m_dir.copy_key("client_rsa.pem", "keys/rsa.pem");
    m_dir.copy_key("client_rsa.pub.pem", "keys/rsa.pub.pem");
  }

  Suite load(const std::string& rest) { return load_suite(m_dir.write("s.yaml", head(rest))); }

  // The LoadError text after "file:" for `rest`, or "" when it loads.
  std::string error_of(const std::string& rest) {
    const std::string path = m_dir.write("bad.yaml", head(rest));
    try {
      load_suite(path);
    } catch (const LoadError& e) {
      return std::string(e.what()).substr(path.size() + 1);
    }
    return "";
  }

  TempDir m_dir;
};

TEST_F(SuiteExtensionsTest, ReadsEveryRequestObjectOption) {
  const Suite suite = load(R"(    steps:
      - push:
          request_object:
            alg: ES256
            key: keys/ec.pem
            typ: JWT
            claims: { aud: "${issuer}/other", authorization_details: [{ type: x }] }
            omit_claims: [exp, jti]
            exp_offset: -60
            nbf_offset: 30
            iat_offset: -5
            outer: { state: outer-value }
            tamper_signature: true
            only_request: true
)");
  const RequestObjectSpec& object = *suite.cases[0].steps[0].request.request_object;
  EXPECT_EQ(object.alg, "ES256");
  EXPECT_EQ(object.key_path, m_dir.path() + "/keys/ec.pem");
  EXPECT_EQ(object.typ, "JWT");
  ASSERT_EQ(object.claims.size(), 2U);
  EXPECT_EQ(object.claims[0].name, "aud");
  EXPECT_EQ(object.claims[0].value, "${issuer}/other");
  EXPECT_TRUE(object.claims[1].value.is_array());
  EXPECT_EQ(object.claims[1].value[0]["type"], "x");
  EXPECT_EQ(object.omit_claims, (std::vector<std::string>{"exp", "jti"}));
  EXPECT_EQ(object.exp_offset, -60);
  EXPECT_EQ(object.nbf_offset, 30);
  EXPECT_EQ(object.iat_offset, -5);
  ASSERT_EQ(object.outer.size(), 1U);
  EXPECT_EQ(object.outer[0].second.raw, "outer-value");
  EXPECT_TRUE(object.tamper_signature);
  EXPECT_TRUE(object.only_request);
  EXPECT_EQ(object.where.line, 9);
}

TEST_F(SuiteExtensionsTest, EmptyRequestObjectAndDpopTakeTheDefaults) {
  const Suite suite = load(
      "    steps:\n      - push: { request_object: {}, dpop: {} }\n"
      "      - token:\n          dpop:\n");
  const RequestSpec& push = suite.cases[0].steps[0].request;
  ASSERT_TRUE(push.request_object.has_value());
  EXPECT_FALSE(push.request_object->alg.has_value());
  EXPECT_FALSE(push.request_object->only_request);
  ASSERT_TRUE(push.dpop.has_value());
  EXPECT_FALSE(push.dpop->key_path.has_value());
  EXPECT_TRUE(suite.cases[0].steps[1].request.dpop.has_value());
}

TEST_F(SuiteExtensionsTest, ReadsEveryDpopOption) {
  const Suite suite = load(R"(    steps:
      - token:
          dpop:
            alg: PS256
            key: keys/rsa.pem
            typ: jwt
            htm: GET
            htu: ${endpoints.par}
            iat_offset: -600
            jti: fixed-jti
            nonce: ${dpop_nonce}
            ath: ${access_token}
            claims: { extra: 1 }
            omit_claims: [iat]
            tamper_signature: true
)");
  const DpopSpec& dpop = *suite.cases[0].steps[0].request.dpop;
  EXPECT_EQ(dpop.alg, "PS256");
  EXPECT_EQ(dpop.key_path, m_dir.path() + "/keys/rsa.pem");
  EXPECT_EQ(dpop.typ, "jwt");
  EXPECT_EQ(dpop.htm->raw, "GET");
  EXPECT_EQ(dpop.htu->raw, "${endpoints.par}");
  EXPECT_EQ(dpop.iat_offset, -600);
  EXPECT_EQ(dpop.jti->raw, "fixed-jti");
  EXPECT_EQ(dpop.nonce->raw, "${dpop_nonce}");
  EXPECT_EQ(dpop.ath->raw, "${access_token}");
  EXPECT_EQ(dpop.claims[0].value, 1);
  EXPECT_EQ(dpop.omit_claims, std::vector<std::string>{"iat"});
  EXPECT_TRUE(dpop.tamper_signature);
}

TEST_F(SuiteExtensionsTest, ReadsRepetitionAndAggregate) {
  const Suite suite = load(R"(    steps:
      - authorize: {}
        repeat: 20
        concurrently: true
        aggregate:
          count: 20
          present:location:code: { at_most: 1 }
          distinct:json:/request_uri: [19, 20]
          entropy_bits:json:/request_uri: { at_least: 128, at_most: 4096 }
)");
  const Step& step = suite.cases[0].steps[0];
  EXPECT_EQ(step.repeat, 20);
  EXPECT_TRUE(step.concurrently);
  ASSERT_EQ(step.aggregate.size(), 4U);
  EXPECT_EQ(step.aggregate[0].selector, "count");
  EXPECT_EQ(step.aggregate[0].predicates[0].op, Predicate::Op::equals);
  EXPECT_EQ(step.aggregate[1].selector, "present:location:code");
  EXPECT_EQ(step.aggregate[1].predicates[0].op, Predicate::Op::at_most);
  EXPECT_EQ(step.aggregate[2].predicates[0].op, Predicate::Op::one_of);
  EXPECT_EQ(step.aggregate[3].predicates.size(), 2U);
  EXPECT_EQ(step.aggregate[1].where.line, 13);
}

TEST_F(SuiteExtensionsTest, StepsRunOnceByDefault) {
  const Suite suite = load("    steps: [{push: {}}]\n");  // the step must outlive this line
  const Step& step = suite.cases[0].steps[0];
  EXPECT_EQ(step.repeat, 1);
  EXPECT_FALSE(step.concurrently);
  EXPECT_TRUE(step.aggregate.empty());
}

TEST_F(SuiteExtensionsTest, ReadsThumbprintVariables) {
  const Suite suite = load(
      "    vars:\n      jkt: { thumbprint: keys/rsa.pub.pem }\n"
      "    steps: [{push: {}}]\n");
  const VarSpec& var = suite.cases[0].vars[0];
  EXPECT_EQ(var.kind, VarSpec::Kind::thumbprint);
  EXPECT_EQ(var.value.raw, m_dir.path() + "/keys/rsa.pub.pem");
}

struct BadExtension {
  std::string rest;
  std::string error;  // expected prefix after "file:"
};

TEST_F(SuiteExtensionsTest, BadValuesAreLoadErrorsAtTheirPosition) {
  const std::vector<BadExtension> cases{
      {"    steps:\n      - token: { request_object: {} }\n",
       "8:18: 'request_object' is only allowed on push and authorize steps"},
      {"    steps:\n      - authorize: { dpop: {} }\n",
       "8:22: 'dpop' is only allowed on push and token steps"},
      {"    steps:\n      - push: { request_object: { algo: RS256 } }\n",
       "8:35: unknown key 'algo' in request_object (did you mean 'alg'?)"},
      {"    steps:\n      - push: { request_object: { alg: RS512 } }\n",
       "8:40: unknown alg 'RS512'"},
      {"    steps:\n      - push: { dpop: { alg: HS256 } }\n", "8:30: unknown alg 'HS256'"},
      {"    steps:\n      - push: { request_object: { alg: RS256, key: keys/ec.pem } }\n",
       "8:40: request_object alg RS256 does not fit the EC key keys/ec.pem"},
      {"    steps:\n      - push: { dpop: { key: keys/rsa.pub.pem } }\n",
       "8:30: not a private key: "},
      {"    steps:\n      - push: { dpop: { key: keys/none.pem } }\n", "8:30: file not found: "},
      {"    steps:\n      - push: { request_object: { exp_offset: soon } }\n",
       "8:47: 'exp_offset' must be an integer"},
      {"    steps:\n      - push: { request_object: { only_request: yes please } }\n",
       "8:49: 'only_request' must be true or false"},
      {"    steps:\n      - push: { request_object: { claims: [a] } }\n",
       "8:43: 'claims' must be a mapping"},
      {"    steps:\n      - push: { request_object: { claims: { aud: '${x' } } }\n",
       "8:50: unterminated '${' in template '${x'"},
      {"    steps:\n      - push: { dpop: { raw: x, jti: y } }\n",
       "8:30: 'raw' replaces the whole proof: give no other dpop key"},
      {"    steps:\n      - push: {}\n        repeat: 0\n",
       "9:9: 'repeat' must be between 1 and 1000"},
      {"    steps:\n      - push: {}\n        repeat: 1001\n",
       "9:9: 'repeat' must be between 1 and 1000"},
      {"    steps:\n      - push: {}\n        concurrently: true\n",
       "9:9: 'concurrently' needs 'repeat' of 2 or more"},
      {"    steps:\n      - wait: 1s\n        repeat: 2\n", "9:9: a wait step takes no 'repeat'"},
      {"    steps:\n      - push: {}\n        repeat: 2\n        aggregate: { unique:status: 1 }\n",
       "10:22: invalid aggregate selector 'unique:status'"},
      {"    steps:\n      - push: {}\n        repeat: 2\n        aggregate: { presnt:status: 1 }\n",
       "10:22: invalid aggregate selector 'presnt:status' (count, present:<selector>, "
       "distinct:<selector> or entropy_bits:<selector>; did you mean 'present:…'?)"},
      {"    steps:\n      - push: {}\n        repeat: 2\n"
       "        aggregate: { count: { matches: x } }\n",
       "10:31: unknown aggregate predicate 'matches'"},
      {"    steps:\n      - push: {}\n        repeat: 2\n"
       "        aggregate: { count: { at_least: many } }\n",
       "10:41: at_least in 'aggregate' needs an integer"},
      {"    steps:\n      - push: {}\n        repeat: 2\n"
       "        aggregate: { count: { between: [3, 1] } }\n",
       "10:40: between in 'aggregate' needs a list of two integers"},
      {"    vars: { k: { thumbprint: keys/none.pem } }\n    steps: [{push: {}}]\n",
       "7:30: file not found: "},
  };
  for (const BadExtension& bad : cases) {
    const std::string actual = error_of(bad.rest);
    EXPECT_EQ(actual.substr(0, bad.error.size()), bad.error) << bad.rest;
  }
}

constexpr const char* k_profile = R"(id: p
issuer: https://as.example
endpoints: { par: https://as.example/par, authorization: https://as.example/a, token: https://as.example/t }
clients:
  web: { client_id: c, auth_method: none }
)";

TEST_F(SuiteExtensionsTest, ProfileDpopKeyAndAlg) {
  const Profile none = load_profile(m_dir.write("none.yaml", k_profile));
  EXPECT_TRUE(none.dpop_key.empty());
  const Profile ec =
      load_profile(m_dir.write("ec.yaml", std::string(k_profile) + "dpop_key: keys/ec.pem\n"));
  EXPECT_EQ(ec.dpop_key, m_dir.path() + "/keys/ec.pem");
  EXPECT_EQ(ec.dpop_alg, "ES256");
  const Profile rsa =
      load_profile(m_dir.write("rsa.yaml", std::string(k_profile) + "dpop_key: keys/rsa.pem\n"));
  EXPECT_EQ(rsa.dpop_alg, "PS256");
  const Profile rs256 = load_profile(
      m_dir.write("rs.yaml", std::string(k_profile) + "dpop_key: keys/rsa.pem\ndpop_alg: RS256\n"));
  EXPECT_EQ(rs256.dpop_alg, "RS256");
}

TEST_F(SuiteExtensionsTest, BadProfileDpopKeysAreLoadErrors) {
  const std::vector<BadExtension> cases{
      {"dpop_key: keys/rsa.pub.pem\n", "6:11: not a private key: "},
      {"dpop_key: keys/none.pem\n", "6:11: file not found: "},
      {"dpop_key: keys/ec.pem\ndpop_alg: PS256\n",
       "7:11: dpop_alg PS256 does not fit the dpop_key"},
      {"dpop_key: keys/ec.pem\ndpop_alg: HS256\n", "7:11: unknown dpop_alg 'HS256'"},
      {"dpop_alg: ES256\n", "6:11: 'dpop_alg' needs 'dpop_key'"},
  };
  for (const BadExtension& bad : cases) {
    const std::string path = m_dir.write("bad.yaml", k_profile + bad.rest);
    try {
      load_profile(path);
      ADD_FAILURE() << "no error for " << bad.rest;
    } catch (const LoadError& e) {
      const std::string actual = std::string(e.what()).substr(path.size() + 1);
      EXPECT_EQ(actual.substr(0, bad.error.size()), bad.error) << bad.rest;
    }
  }
}

}  // namespace
}  // namespace parity::load
