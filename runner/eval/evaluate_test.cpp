#include "eval/evaluate.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace parity::eval {
namespace {

using nlohmann::json;
using Op = Predicate::Op;

SourceLocation at_line(int line) {
  return SourceLocation{"suites/par/core.yaml", line, 9};
}

Assertion assertion(std::string selector, Op op, json operand, int line = 20) {
  return Assertion{std::move(selector), {Predicate{op, std::move(operand), at_line(line)}}, {}};
}

Condition condition(std::string selector, Op op, json operand) {
  return Condition{std::move(selector), {Predicate{op, std::move(operand), at_line(20)}}, {}};
}

ExpectBlock block(std::vector<Assertion> assertions, std::string label = "") {
  ExpectBlock result;
  result.label = std::move(label);
  result.assertions = std::move(assertions);
  result.where = at_line(10);
  return result;
}

http::Exchange exchange(int status, http::Headers headers, std::string body) {
  http::Exchange result;
  result.request.url = "https://as.example.com/authorize";
  result.response.status = status;
  result.response.headers = std::move(headers);
  result.response.body = std::move(body);
  return result;
}

http::Exchange created() {
  return exchange(201,
                  {{"Content-Type", "application/json"}},
                  R"({"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60})");
}

http::Exchange error_redirect() {
  return exchange(302, {{"Location", "https://client.example/cb?error=invalid_request_uri"}}, "");
}

Profile profile_with(std::set<std::string> capabilities) {
  Profile profile;
  profile.capabilities = std::move(capabilities);
  profile.policies["min_state_length"] = 8;
  return profile;
}

/// The two conforming answers to an authorization request with a bad request_uri.
ExpectBlock error_alternatives() {
  ExpectBlock parent = block({});
  parent.any_of.push_back(
      block({assertion("status", Op::one_of, json::array({302, 303}), 31),
             assertion("location:error", Op::equals, "invalid_request_uri", 32)},
            "error redirect"));
  parent.any_of.push_back(
      block({assertion("status", Op::one_of, json::array({400, 401, 403, 404}), 35),
             assertion("redirect", Op::equals, false, 36)},
            "error page"));
  return parent;
}

TEST(ChooseBlockTest, PicksFirstBlockWhoseWhenHolds) {
  ExpectBlock plain = block({assertion("status", Op::equals, 201)});
  plain.when = {condition("capability:pkce_plain", Op::equals, true)};
  const ExpectBlock fallback = block({assertion("status", Op::equals, 400)});
  const std::vector<ExpectBlock> blocks = {plain, fallback};
  EXPECT_EQ(choose_block(blocks, profile_with({"pkce_plain"})), &blocks[0]);
  EXPECT_EQ(choose_block(blocks, profile_with({"pkce_s256"})), &blocks[1]);
}

TEST(ChooseBlockTest, CapabilityFalseAndPolicyConditions) {
  ExpectBlock without_jar = block({});
  without_jar.when = {condition("capability:jar", Op::equals, false)};
  ExpectBlock strict_state = block({});
  strict_state.when = {condition("policy:min_state_length", Op::at_least, 8)};
  ExpectBlock undocumented = block({});
  undocumented.when = {condition("policy:max_expires_in", Op::exists, false)};

  EXPECT_NE(choose_block({without_jar}, profile_with({})), nullptr);
  EXPECT_EQ(choose_block({without_jar}, profile_with({"jar"})), nullptr);
  EXPECT_NE(choose_block({strict_state}, profile_with({})), nullptr);
  Profile lax = profile_with({});
  lax.policies["min_state_length"] = 4;
  EXPECT_EQ(choose_block({strict_state}, lax), nullptr);
  EXPECT_NE(choose_block({undocumented}, lax), nullptr);
  lax.policies["max_expires_in"] = 600;
  EXPECT_EQ(choose_block({undocumented}, lax), nullptr);
}

TEST(ChooseBlockTest, EveryWhenAssertionMustHold) {
  ExpectBlock both = block({});
  both.when = {condition("capability:jar", Op::equals, true),
               condition("capability:pkce_plain", Op::equals, true)};
  EXPECT_EQ(choose_block({both}, profile_with({"jar"})), nullptr);
  EXPECT_NE(choose_block({both}, profile_with({"jar", "pkce_plain"})), nullptr);
  EXPECT_EQ(choose_block({}, profile_with({})), nullptr);
}

TEST(EvaluateTest, NoApplicableBlock) {
  ExpectBlock only_jar = block({assertion("status", Op::equals, 201)});
  only_jar.when = {condition("capability:jar", Op::equals, true)};
  const Evaluation evaluation = evaluate({only_jar}, profile_with({}), created(), Vars{});
  EXPECT_FALSE(evaluation.applicable);
  EXPECT_TRUE(evaluation.checks.empty());
}

TEST(EvaluateTest, OneCheckPerPredicateWithDescriptionAndLocation) {
  Assertion expires = assertion("json:/expires_in", Op::type, "integer", 22);
  expires.predicates.push_back(Predicate{Op::at_least, 1, at_line(23)});
  const ExpectBlock expect =
      block({assertion("status", Op::equals, 201, 21),
             expires,
             assertion("json:/expires_in", Op::between, json::array({1, 600}))});
  const Evaluation evaluation = evaluate({expect}, profile_with({}), created(), Vars{});
  ASSERT_TRUE(evaluation.applicable);
  ASSERT_EQ(evaluation.checks.size(), 4U);
  EXPECT_EQ(evaluation.checks[0].description, "status equals 201");
  EXPECT_EQ(evaluation.checks[0].where.line, 21);
  EXPECT_EQ(evaluation.checks[1].description, "json:/expires_in type integer");
  EXPECT_EQ(evaluation.checks[2].description, "json:/expires_in at_least 1");
  EXPECT_EQ(evaluation.checks[2].where.line, 23);
  EXPECT_EQ(evaluation.checks[3].description, "json:/expires_in between [1, 600]");
  for (const Check& check : evaluation.checks) {
    EXPECT_TRUE(check.passed) << check.description << ": " << check.actual;
  }
  EXPECT_TRUE(evaluation.alternative.empty());
}

TEST(EvaluateTest, FailedCheckCarriesExpectedAndActual) {
  const ExpectBlock expect = block({assertion("status", Op::equals, 201),
                                    assertion("json:/error", Op::equals, "invalid_request")});
  const auto evaluation = evaluate(
      {expect}, profile_with({}), exchange(400, {}, R"({"error":"invalid_client"})"), Vars{});
  ASSERT_EQ(evaluation.checks.size(), 2U);
  EXPECT_FALSE(evaluation.checks[0].passed);
  EXPECT_EQ(evaluation.checks[0].expected, "201");
  EXPECT_EQ(evaluation.checks[0].actual, "400");
  EXPECT_EQ(evaluation.checks[1].description, "json:/error equals invalid_request");
  EXPECT_EQ(evaluation.checks[1].expected, "\"invalid_request\"");
  EXPECT_EQ(evaluation.checks[1].actual, "\"invalid_client\"");
}

TEST(EvaluateTest, AssertionLocationUsedWhenPredicateHasNone) {
  Assertion status{"status", {Predicate{Op::equals, 201, {}}}, at_line(44)};
  const auto evaluation = evaluate({block({status})}, profile_with({}), created(), Vars{});
  ASSERT_EQ(evaluation.checks.size(), 1U);
  EXPECT_EQ(evaluation.checks[0].where.line, 44);
}

TEST(EvaluateTest, OperandsAreRendered) {
  Vars vars;
  vars.set("request_uri", "urn:ietf:params:oauth:request_uri:abc");
  vars.set("policy.max_expires_in", "600");
  const ExpectBlock expect =
      block({assertion("json:/request_uri", Op::equals, "${request_uri}"),
             assertion("json:/expires_in", Op::at_most, "${policy.max_expires_in}")});
  const auto evaluation = evaluate({expect}, profile_with({}), created(), vars);
  ASSERT_EQ(evaluation.checks.size(), 2U);
  EXPECT_TRUE(evaluation.checks[0].passed);
  EXPECT_EQ(evaluation.checks[0].description,
            "json:/request_uri equals urn:ietf:params:oauth:request_uri:abc");
  EXPECT_TRUE(evaluation.checks[1].passed);
  EXPECT_EQ(evaluation.checks[1].description, "json:/expires_in at_most 600");
}

TEST(EvaluateTest, UndefinedOperandVariableThrows) {
  const ExpectBlock expect = block({assertion("json:/request_uri", Op::equals, "${nope}")});
  EXPECT_THROW(evaluate({expect}, profile_with({}), created(), Vars{}), std::out_of_range);
}

TEST(EvaluateTest, StatusAcceptsNumericStringOperands) {
  Vars vars;
  vars.set("expected_status", "201");
  const ExpectBlock expect = block({assertion("status", Op::equals, "${expected_status}"),
                                    assertion("status", Op::one_of, json::array({"200", 201})),
                                    assertion("json:/expires_in", Op::equals, "60")});
  const auto evaluation = evaluate({expect}, profile_with({}), created(), vars);
  ASSERT_EQ(evaluation.checks.size(), 3U);
  EXPECT_TRUE(evaluation.checks[0].passed);
  EXPECT_TRUE(evaluation.checks[1].passed);
  EXPECT_FALSE(evaluation.checks[2].passed) << "only status compares \"60\" with 60";
}

TEST(EvaluateTest, TransportErrorFailsEveryPresenceCheck) {
  http::Exchange failed = created();
  failed.transport_error = "timeout";
  const ExpectBlock expect =
      block({assertion("status", Op::equals, 201), assertion("json:/error", Op::exists, false)});
  const auto evaluation = evaluate({expect}, profile_with({}), failed, Vars{});
  ASSERT_EQ(evaluation.checks.size(), 2U);
  EXPECT_FALSE(evaluation.checks[0].passed);
  EXPECT_EQ(evaluation.checks[0].actual, "absent");
  EXPECT_TRUE(evaluation.checks[1].passed);
}

TEST(EvaluateTest, AnyOfRecordsAlternativeThatHeld) {
  const auto redirect =
      evaluate({error_alternatives()}, profile_with({}), error_redirect(), Vars{});
  ASSERT_EQ(redirect.checks.size(), 1U);
  EXPECT_TRUE(redirect.checks[0].passed);
  EXPECT_EQ(redirect.checks[0].description, "any_of: error redirect held");
  EXPECT_EQ(redirect.checks[0].expected, "one of: error redirect, error page");
  EXPECT_EQ(redirect.alternative, "error redirect");

  const auto page =
      evaluate({error_alternatives()}, profile_with({}), exchange(400, {}, "bad"), Vars{});
  ASSERT_EQ(page.checks.size(), 1U);
  EXPECT_TRUE(page.checks[0].passed);
  EXPECT_EQ(page.checks[0].description, "any_of: error page held");
  EXPECT_EQ(page.alternative, "error page");
}

TEST(EvaluateTest, AnyOfFailureReportsEveryAlternative) {
  const auto evaluation = evaluate({error_alternatives()}, profile_with({}), created(), Vars{});
  EXPECT_TRUE(evaluation.alternative.empty());
  ASSERT_EQ(evaluation.checks.size(), 5U);
  EXPECT_EQ(evaluation.checks[0].description, "[error redirect] status one_of [302, 303]");
  EXPECT_EQ(evaluation.checks[0].where.line, 31);
  EXPECT_EQ(evaluation.checks[1].description,
            "[error redirect] location:error equals invalid_request_uri");
  EXPECT_EQ(evaluation.checks[1].actual, "absent");
  EXPECT_EQ(evaluation.checks[2].description, "[error page] status one_of [400, 401, 403, 404]");
  EXPECT_EQ(evaluation.checks[3].description, "[error page] redirect equals false");
  EXPECT_TRUE(evaluation.checks[3].passed);
  const Check& summary = evaluation.checks[4];
  EXPECT_FALSE(summary.passed);
  EXPECT_EQ(summary.description, "any_of: no alternative held");
  EXPECT_EQ(summary.expected, "one of: error redirect, error page");
  EXPECT_EQ(summary.actual, "none held");
}

TEST(EvaluateTest, AnyOfCombinesWithBlockAssertions) {
  ExpectBlock expect = error_alternatives();
  expect.assertions.push_back(assertion("header:Cache-Control", Op::exists, true));
  const auto evaluation = evaluate({expect}, profile_with({}), error_redirect(), Vars{});
  ASSERT_EQ(evaluation.checks.size(), 2U);
  EXPECT_FALSE(evaluation.checks[0].passed);
  EXPECT_TRUE(evaluation.checks[1].passed);
  EXPECT_EQ(evaluation.alternative, "error redirect");
}

TEST(EvaluateTest, UnlabelledAlternativesAreNumbered) {
  ExpectBlock parent = block({});
  parent.any_of = {block({assertion("status", Op::equals, 200)}),
                   block({assertion("status", Op::equals, 201)})};
  const auto passed = evaluate({parent}, profile_with({}), created(), Vars{});
  EXPECT_EQ(passed.alternative, "alternative 2");
  const auto failed = evaluate({parent}, profile_with({}), exchange(500, {}, ""), Vars{});
  ASSERT_EQ(failed.checks.size(), 3U);
  EXPECT_EQ(failed.checks[0].description, "[alternative 1] status equals 200");
}

TEST(EvaluateTest, NestedAnyOf) {
  ExpectBlock inner_parent =
      block({assertion("status", Op::one_of, json::array({302, 303}))}, "redirect");
  inner_parent.any_of = {
      block({assertion("location:error", Op::equals, "invalid_request")}, "query"),
      block({assertion("location:error", Op::equals, "invalid_request_uri")}, "uri")};
  ExpectBlock outer = block({});
  outer.any_of = {inner_parent, block({assertion("status", Op::equals, 400)}, "page")};

  const auto held = evaluate({outer}, profile_with({}), error_redirect(), Vars{});
  ASSERT_EQ(held.checks.size(), 1U);
  EXPECT_TRUE(held.checks[0].passed);
  EXPECT_EQ(held.alternative, "redirect / uri");

  const auto failed = evaluate({outer}, profile_with({}), exchange(500, {}, ""), Vars{});
  std::vector<std::string> descriptions;
  for (const Check& check : failed.checks) {
    descriptions.push_back(check.description);
  }
  EXPECT_EQ(descriptions,
            (std::vector<std::string>{
                "[redirect] status one_of [302, 303]",
                "[redirect] [query] location:error equals invalid_request",
                "[redirect] [uri] location:error equals invalid_request_uri",
                "[redirect] any_of: no alternative held",
                "[page] status equals 400",
                "any_of: no alternative held",
            }));
}

TEST(EvaluateTest, AnyOfSkipsAlternativesWhoseWhenFails) {
  ExpectBlock parent = error_alternatives();
  parent.any_of[1].when = {condition("capability:error_page", Op::equals, true)};
  const auto evaluation = evaluate({parent}, profile_with({}), exchange(400, {}, ""), Vars{});
  ASSERT_EQ(evaluation.checks.size(), 3U);
  EXPECT_EQ(evaluation.checks.back().expected, "one of: error redirect");
  EXPECT_FALSE(evaluation.checks.back().passed);
  const auto allowed =
      evaluate({parent}, profile_with({"error_page"}), exchange(400, {}, ""), Vars{});
  EXPECT_EQ(allowed.alternative, "error page");
}

// A member of a body that is no JSON at all is reported as that, with an escaped excerpt, not
// as "absent"; `exists: false` still holds (the member is indeed not there).
TEST(EvaluateTest, ABodyThatIsNotJsonSaysSo) {
  const ExpectBlock expect = block({assertion("json:/request_uri", Op::type, "string"),
                                    assertion("json:/error", Op::exists, false)});
  const Evaluation html =
      evaluate({expect},
               profile_with({}),
               exchange(500, {{"Content-Type", "text/html"}}, "<h1>\x1b[31mOops</h1>"),
               Vars{});
  ASSERT_EQ(html.checks.size(), 2U);
  EXPECT_FALSE(html.checks[0].passed);
  EXPECT_EQ(html.checks[0].actual, "response is not JSON (not valid JSON): <h1>\\x1b[31mOops</h1>");
  EXPECT_TRUE(html.checks[1].passed);

  const Evaluation latin1 = evaluate(
      {expect}, profile_with({}), exchange(201, {}, "{\"request_uri\":\"caf\xe9\"}"), Vars{});
  EXPECT_EQ(latin1.checks[0].actual,
            "response is not JSON (not valid UTF-8 at byte 19): {\"request_uri\":\"caf\\xe9\"}");

  const Evaluation empty = evaluate({expect}, profile_with({}), exchange(201, {}, ""), Vars{});
  EXPECT_EQ(empty.checks[0].actual, "response is not JSON (empty body)");

  // A JSON body without the member is still "absent".
  const Evaluation missing = evaluate({expect}, profile_with({}), exchange(201, {}, "{}"), Vars{});
  EXPECT_EQ(missing.checks[0].actual, "absent");
}

}  // namespace
}  // namespace parity::eval
