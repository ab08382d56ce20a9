#include "plan/plan.hpp"

#include "core/suggest.hpp"
#include "plan/test_cases.hpp"
#include "plan/variable_check.hpp"

#include <gtest/gtest.h>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

std::vector<std::string> planned_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const PlannedCase& planned : plan.cases) {
    ids.push_back(planned.spec->full_id());
  }
  return ids;
}

std::string skip_reason_of(Case spec, Profile profile = test_profile()) {
  Suite suite{"s", "Suite", "s.yaml", {std::move(spec)}};
  const Plan plan = make_plan(std::move(profile), {suite}, {});
  EXPECT_EQ(plan.cases.size(), 1U);
  return plan.cases.empty() ? "<none>" : plan.cases.front().skip_reason;
}

Step push_capturing_request_uri() {
  Step push = make_step(StepKind::push, 201);
  push.captures.push_back({"request_uri", "json:/request_uri", {"test.yaml", 3, 5}});
  return push;
}

std::string load_error_of(const Case& spec) {
  try {
    make_plan(test_profile(), {Suite{"s", "Suite", "s.yaml", {spec}}}, {});
  } catch (const LoadError& error) {
    return error.what();
  }
  return "no error";
}

TEST(GlobMatchTest, StarAndQuestionMark) {
  EXPECT_TRUE(glob_match("par.core/*", "par.core/push_basic"));
  EXPECT_TRUE(glob_match("*basic", "par.core/push_basic"));
  EXPECT_TRUE(glob_match("par.*/push_?asic", "par.core/push_basic"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("par.core/*", "par.jar/push_basic"));
  EXPECT_FALSE(glob_match("par.core/push", "par.core/push_basic"));
  EXPECT_FALSE(glob_match("?", ""));
}

TEST(MakePlanTest, SelectsByPatternAndTagInFileOrder) {
  Case a = make_case("one", "a", {make_step(StepKind::push)});
  a.tags = {"core"};
  Case b = make_case("one", "b", {make_step(StepKind::push)});
  b.tags = {"jar"};
  Case c = make_case("two", "c", {make_step(StepKind::push)});
  c.tags = {"core", "auth"};
  const std::vector<Suite> suites = {{"one", "One", "one.yaml", {a, b}},
                                     {"two", "Two", "two.yaml", {c}}};

  EXPECT_EQ(planned_ids(make_plan(test_profile(), suites, {})),
            (std::vector<std::string>{"one/a", "one/b", "two/c"}));
  EXPECT_EQ(planned_ids(make_plan(test_profile(), suites, {{"two/*", "*/b"}, {}})),
            (std::vector<std::string>{"one/b", "two/c"}));
  EXPECT_EQ(planned_ids(make_plan(test_profile(), suites, {{}, {"core"}})),
            (std::vector<std::string>{"one/a", "two/c"}));
  EXPECT_EQ(planned_ids(make_plan(test_profile(), suites, {{"one/*"}, {"core"}})),
            (std::vector<std::string>{"one/a"}));
}

TEST(MakePlanTest, RunnableCaseHasNoSkipReason) {
  EXPECT_EQ(skip_reason_of(make_case("s", "ok", {make_step(StepKind::push)})), "");
}

TEST(MakePlanTest, MissingCapabilitySkips) {
  Case spec = make_case("s", "plain", {make_step(StepKind::push)});
  spec.required_capabilities = {"pkce_s256", "pkce_plain"};
  EXPECT_EQ(skip_reason_of(spec), "profile lacks capability 'pkce_plain'");
}

// RFC 9126 §2: on a declared plain-HTTP rig the https cases are skipped with that reason; a
// profile that does not declare it keeps `https` and runs them.
TEST(MakePlanTest, HttpsCaseSkipsOnADeclaredPlainHttpRig) {
  Case spec = make_case("s", "https", {make_step(StepKind::push)});
  spec.required_capabilities = {"https"};
  Profile plain = test_profile();
  plain.transport = Transport::plain_http;
  EXPECT_EQ(skip_reason_of(spec, plain),
            "the profile declares a plain-HTTP test rig (transport: plain_http); RFC 9126 §2 "
            "requires https");
  Profile https = test_profile();
  https.capabilities.insert("https");
  EXPECT_EQ(skip_reason_of(spec, https), "");
}

TEST(MakePlanTest, UnresolvableClientSelectorSkips) {
  Profile only_web = test_profile();
  only_web.clients.resize(1);
  Case by_method = make_case("s", "m", {make_step(StepKind::push)});
  by_method.client = "method:private_key_jwt";
  EXPECT_EQ(skip_reason_of(by_method, only_web),
            "profile has no client with auth method private_key_jwt");

  Step public_push = make_step(StepKind::push);
  public_push.request.client = "public";
  EXPECT_EQ(skip_reason_of(make_case("s", "p", {public_push}), only_web),
            "profile has no public client (auth method none)");

  Step other_push = make_step(StepKind::push);
  other_push.request.client = "other";
  EXPECT_EQ(skip_reason_of(make_case("s", "o", {other_push}), only_web),
            "profile has no client with role 'other' (give a second client roles: [other])");

  Case named = make_case("s", "n", {make_step(StepKind::push)});
  named.client = "mobile";
  EXPECT_EQ(skip_reason_of(named), "profile has no client named 'mobile'");
}

TEST(MakePlanTest, ResolvableSelectorsDoNotSkip) {
  Case spec = make_case("s", "ok", {make_step(StepKind::push), make_step(StepKind::push)});
  spec.client = "method:private_key_jwt";
  spec.steps[1].request.client = "other";
  EXPECT_EQ(skip_reason_of(spec), "");
}

TEST(MakePlanTest, UnavailableClientSkipsWithItsReason) {
  Profile profile = test_profile();
  profile.clients[1].unavailable_reason =
      "client 'post': environment variable PARITY_POST_SECRET is not set";
  Step push = make_step(StepKind::push);
  push.request.client = "post";
  EXPECT_EQ(skip_reason_of(make_case("s", "u", {push}), profile),
            "client 'post': environment variable PARITY_POST_SECRET is not set");
}

TEST(MakePlanTest, AuthOverrideWithoutMaterialSkips) {
  Step as_jwt = make_step(StepKind::push);
  as_jwt.request.auth = AuthMethod::private_key_jwt;
  EXPECT_EQ(skip_reason_of(make_case("s", "k", {as_jwt})),
            "client 'web' has no private key for private_key_jwt");

  Step as_post = make_step(StepKind::push);
  as_post.request.client = "public";
  as_post.request.auth = AuthMethod::client_secret_post;
  EXPECT_EQ(skip_reason_of(make_case("s", "p", {as_post})),
            "client 'public' has no secret for client_secret_post");
}

TEST(MakePlanTest, SecretOverrideProvidesTheSecret) {
  Step as_post = make_step(StepKind::push);
  as_post.request.client = "public";
  as_post.request.auth = AuthMethod::client_secret_post;
  as_post.request.secret = text("made-up");
  EXPECT_EQ(skip_reason_of(make_case("s", "p", {as_post})), "");
}

TEST(MakePlanTest, AssertionWithOwnKeyOrAlgNoneNeedsNoClientKey) {
  Step other_key = make_step(StepKind::push);
  other_key.request.auth = AuthMethod::private_key_jwt;
  other_key.request.assertion.key_path = key_path("attacker_rsa.pem");
  Step alg_none = make_step(StepKind::push);
  alg_none.request.auth = AuthMethod::private_key_jwt;
  alg_none.request.assertion.alg = "none";
  EXPECT_EQ(skip_reason_of(make_case("s", "k", {other_key, alg_none})), "");
}

TEST(MakePlanTest, UndefinedVariableIsALoadErrorWithSuggestion) {
  Step authorize = make_step(StepKind::authorize);
  authorize.request.params = {{"request_uri", text("${reqest_uri}", 12)}};
  EXPECT_EQ(load_error_of(make_case("s", "typo", {push_capturing_request_uri(), authorize})),
            "test.yaml:12:1: undefined variable 'reqest_uri' (did you mean 'request_uri'?)");
}

TEST(MakePlanTest, DefaultParameterNeedsAnEarlierCapture) {
  Step authorize = make_step(StepKind::authorize);
  authorize.where = {"test.yaml", 20, 9};
  EXPECT_EQ(load_error_of(make_case("s", "nocapture", {authorize})),
            "test.yaml:20:9: undefined variable 'request_uri'");
  EXPECT_EQ(load_error_of(make_case("s", "captured", {push_capturing_request_uri(), authorize})),
            "no error");
  authorize.request.omit = {"request_uri"};
  EXPECT_EQ(load_error_of(make_case("s", "omitted", {authorize})), "no error");
}

TEST(MakePlanTest, CaptureOfTheSameOrALaterStepIsUndefined) {
  Step push = push_capturing_request_uri();
  push.request.params = {{"state", text("${request_uri}", 4)}};
  EXPECT_EQ(load_error_of(make_case("s", "self", {push})),
            "test.yaml:4:1: undefined variable 'request_uri'");
}

TEST(MakePlanTest, VarsAndOperandsAndWaitAreChecked) {
  Case spec = make_case("s", "vars", {make_step(StepKind::push)});
  VarSpec short_state{"short_state", VarSpec::Kind::random, {}, 7, {}};
  VarSpec fixed{"fixed", VarSpec::Kind::literal, text("x ${short_state} ${client.id}"), 0, {}};
  spec.vars = {short_state, fixed};
  spec.steps[0].request.params = {{"state", text("${fixed}")}};
  spec.steps[0].expect.push_back(expect_equals({{"json:/state", "${fixed}"}}));
  EXPECT_EQ(load_error_of(spec), "no error");

  spec.steps[0].expect.push_back(expect_equals({{"json:/x", {{"nested", "${nope}"}}}}));
  EXPECT_EQ(load_error_of(spec), "test.yaml:1:1: undefined variable 'nope'");

  Step wait = make_step(StepKind::wait);
  wait.wait = text("${expires_in}s", 30);
  EXPECT_EQ(load_error_of(make_case("s", "wait", {wait})),
            "test.yaml:30:1: undefined variable 'expires_in'");
}

TEST(MakePlanTest, UndocumentedPolicySkips) {
  Step push = make_step(StepKind::push);
  push.request.params = {{"state", text("${policy.min_state_length}")}};
  EXPECT_EQ(skip_reason_of(make_case("s", "pol", {push})),
            "profile documents no policy 'min_state_length'");
  Profile profile = test_profile();
  profile.policies["min_state_length"] = 8;
  EXPECT_EQ(skip_reason_of(make_case("s", "pol", {push}), profile), "");
}

TEST(MakePlanTest, PolicyInABlockThatDoesNotApplyDoesNotSkip) {
  Step push = make_step(StepKind::push);
  ExpectBlock guarded = expect_equals({{"json:/min", "${policy.min_state_length}"}});
  Predicate exists{Predicate::Op::exists, true, {"test.yaml", 1, 1}};
  guarded.when.push_back({"policy:min_state_length", {exists}, {"test.yaml", 1, 1}});
  push.expect = {guarded, expect_equals({{"status", 400}})};
  EXPECT_EQ(skip_reason_of(make_case("s", "guarded", {push})), "");
}

TEST(MakePlanTest, CopiedPlanPointsIntoItsOwnSuites) {
  const std::vector<Suite> suites = {
      {"one", "One", "one.yaml", {make_case("one", "a", {make_step(StepKind::push)})}},
      {"two", "Two", "two.yaml", {make_case("two", "b", {make_step(StepKind::push)})}}};
  const Plan original = make_plan(test_profile(), suites, {});
  const Plan copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  ASSERT_EQ(copy.cases.size(), 2U);
  EXPECT_EQ(copy.cases[1].spec, &copy.suites[1].cases[0]);
  Plan moved = Plan(copy);
  EXPECT_EQ(moved.cases[0].spec, &moved.suites[0].cases[0]);
}

TEST(ClosestNameTest, SuggestsOnlyCloseNames) {
  EXPECT_EQ(suggest("reqest_uri", {"request_uri", "state"}), "request_uri");
  EXPECT_EQ(suggest("stat", {"request_uri", "state"}), "state");
  EXPECT_EQ(suggest("completely_different", {"state"}), "");
}

}  // namespace
}  // namespace parity::run
