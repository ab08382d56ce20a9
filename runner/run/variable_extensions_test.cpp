// Variables and skips for request objects, DPoP and thumbprints (variable_check, case_vars).
#include "crypto/key.hpp"
#include "plan/plan.hpp"
#include "plan/test_cases.hpp"
#include "plan/variable_check.hpp"
#include "run/case_vars.hpp"

#include <gtest/gtest.h>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

Step dpop_push(DpopSpec dpop = {}) {
  Step step = make_step(StepKind::push);
  step.request.dpop = std::move(dpop);
  return step;
}

TEST(VariableExtensions, TemplatesInsideRequestObjectsAndProofsAreChecked) {
  const Profile profile = test_profile();
  Step object_step = make_step(StepKind::push);
  object_step.request.request_object = RequestObjectSpec{};
  object_step.request.request_object->claims = {{"aud", "${isuer}", {"s.yaml", 4, 2}}};
  try {
    check_case_variables(make_case("s", "a", {object_step}), profile);
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()),
              "s.yaml:4:2: undefined variable 'isuer' (did you mean 'issuer'?)");
  }
  object_step.request.request_object->claims.clear();
  object_step.request.request_object->outer = {{"state", text("${nope}", 7)}};
  EXPECT_THROW(check_case_variables(make_case("s", "a", {object_step}), profile), LoadError);

  DpopSpec dpop;
  dpop.nonce = text("${dpop_nonce}", 9);
  EXPECT_THROW(check_case_variables(make_case("s", "a", {dpop_push(dpop)}), profile), LoadError);
  Step first = make_step(StepKind::push);
  first.captures = {{"dpop_nonce", "header:DPoP-Nonce", {}}};
  EXPECT_NO_THROW(check_case_variables(make_case("s", "a", {first, dpop_push(dpop)}), profile));
}

TEST(VariableExtensions, AuthorizeWithRequestObjectChecksThePushDefaults) {
  Step step = make_step(StepKind::authorize);
  step.request.request_object = RequestObjectSpec{};
  // The authorize default request_uri=${request_uri} is not sent, so needs no capture.
  EXPECT_NO_THROW(check_case_variables(make_case("s", "a", {step}), test_profile()));
}

TEST(VariableExtensions, DpopCasesAreSkippedWithoutAProfileKey) {
  Profile profile = test_profile();
  const std::string reason = "profile has no dpop_key (RFC 9449 DPoP proofs need one)";
  EXPECT_EQ(dpop_skip_reason(make_case("s", "a", {dpop_push()}), profile), reason);

  Step uses_jkt = make_step(StepKind::push);
  uses_jkt.request.params = {{"dpop_jkt", text("${dpop.jkt}")}};
  EXPECT_EQ(dpop_skip_reason(make_case("s", "a", {uses_jkt}), profile), reason);

  DpopSpec own_key;
  own_key.key_path = key_path("client_ec.pem");
  DpopSpec raw;
  raw.raw = text("garbage");
  EXPECT_EQ(dpop_skip_reason(make_case("s", "a", {dpop_push(own_key), dpop_push(raw)}), profile),
            "");
  EXPECT_EQ(dpop_skip_reason(make_case("s", "a", {make_step(StepKind::push)}), profile), "");

  profile.dpop_key = key_path("client_ec.pem");
  EXPECT_EQ(dpop_skip_reason(make_case("s", "a", {dpop_push(), uses_jkt}), profile), "");
}

TEST(VariableExtensions, PlannerSkipsDpopCasesWithTheReason) {
  std::vector<Suite> suites(1);
  suites[0].id = "s";
  suites[0].cases = {make_case("s", "a", {dpop_push()})};
  const Plan plan = make_plan(test_profile(), suites, {});
  ASSERT_EQ(plan.cases.size(), 1U);
  EXPECT_EQ(plan.cases[0].skip_reason, "profile has no dpop_key (RFC 9449 DPoP proofs need one)");
}

TEST(VariableExtensions, SeedsDpopJktAndThumbprintVariables) {
  Profile profile = test_profile();
  profile.dpop_key = key_path("client_ec.pem");
  Case spec = make_case("s", "a", {make_step(StepKind::push)});
  spec.vars = {{"attacker_jkt",
                VarSpec::Kind::thumbprint,
                Text{key_path("attacker_rsa.pub.pem"), {}},
                0,
                {}}};
  const eval::Vars vars = seed_vars(spec, profile, profile.clients.front());
  EXPECT_EQ(vars.at("dpop.jkt"),
            crypto::Key::from_pem_file(key_path("client_ec.pub.pem")).thumbprint());
  EXPECT_EQ(vars.at("attacker_jkt"),
            crypto::Key::from_pem_file(key_path("attacker_rsa.pem")).thumbprint());
  EXPECT_FALSE(seed_vars(spec, test_profile(), profile.clients.front()).contains("dpop.jkt"));
}

}  // namespace
}  // namespace parity::run
