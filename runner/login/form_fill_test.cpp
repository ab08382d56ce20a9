#include "login/form_fill.hpp"

#include "http/url.hpp"

#include <gtest/gtest.h>

namespace parity::login {
namespace {

const std::string k_page = R"(<title>Sign in</title>
<form id=search action=/search><input name=q></form>
<form id=signin method=post action="/login?flow=7">
  <input type=hidden name=csrf value=t0k3n>
  <input name=username>
  <input type=password name=password>
  <input type=checkbox name=remember value=yes>
  <input type=checkbox name=terms checked>
  <button type=button name=show>Show password</button>
  <button name=action value=cancel>Cancel</button>
  <button name=action value=login>Log in</button>
</form>)";

LoginForm rule_with(std::vector<std::string> fields) {
  LoginForm rule;
  rule.name = "sign-in";
  rule.has_fields = std::move(fields);
  return rule;
}

TEST(FormFill, MatchesOnlyWhenEveryConditionHolds) {
  const HtmlPage page = parse_html_page(k_page, "https://as.example/start");
  const HtmlForm& signin = page.forms[1];
  EXPECT_TRUE(form_matches(signin, rule_with({"username", "password"})));
  EXPECT_FALSE(form_matches(signin, rule_with({"username", "otp"})));
  LoginForm rule = rule_with({"password"});
  rule.action_contains = "/login";
  rule.form_id = "signin";
  rule.field_values = {{"csrf", "t0k3n"}};
  EXPECT_TRUE(form_matches(signin, rule));
  rule.field_values = {{"csrf", "other"}};
  EXPECT_FALSE(form_matches(signin, rule));
  rule.field_values.clear();
  rule.form_id = "search";
  EXPECT_FALSE(form_matches(signin, rule));
}

TEST(FormFill, ChoosesTheFirstRuleInOrderThatMatchesAnyForm) {
  const HtmlPage page = parse_html_page(k_page, "https://as.example/start");
  LoginScript script;
  script.forms = {rule_with({"otp"}), rule_with({"q"}), rule_with({"username"})};
  const FormChoice choice = choose_form(page, script);
  ASSERT_NE(choice.rule, nullptr);
  EXPECT_EQ(choice.rule, &script.forms[1]);
  EXPECT_EQ(choice.form->id, "search");
  script.forms = {rule_with({"otp"})};
  EXPECT_EQ(choose_form(page, script).rule, nullptr);
}

TEST(FormFill, PostSubmissionSendsWhatABrowserSends) {
  const HtmlPage page = parse_html_page(k_page, "https://as.example/start");
  LoginForm rule = rule_with({"username"});
  rule.fill = {{"username", "alice"}, {"password", "p w&d"}, {"extra", "1"}};
  rule.submit = "Log in";
  const Submission submission = build_submission(page.forms[1], rule);
  ASSERT_EQ(submission.error, "");
  EXPECT_EQ(submission.request.method, "POST");
  EXPECT_EQ(submission.request.url, "https://as.example/login?flow=7");
  EXPECT_EQ(http::find_header(submission.request.headers, "Content-Type"),
            "application/x-www-form-urlencoded");
  const http::Params body = http::form_decode(submission.request.body);
  const http::Params expected{{"csrf", "t0k3n"},
                              {"username", "alice"},
                              {"password", "p w&d"},
                              {"terms", "on"},
                              {"action", "login"},
                              {"extra", "1"}};
  EXPECT_EQ(body, expected);
}

TEST(FormFill, DefaultSubmitterIsTheFirstSubmitButton) {
  const HtmlPage page = parse_html_page(k_page, "https://as.example/start");
  const Submission submission = build_submission(page.forms[1], rule_with({}));
  ASSERT_EQ(submission.error, "");
  EXPECT_EQ(http::find_param(http::form_decode(submission.request.body), "action"), "cancel");
  EXPECT_EQ(http::count_param(http::form_decode(submission.request.body), "show"), 0);
}

TEST(FormFill, GetSubmissionReplacesTheActionQuery) {
  const HtmlPage page = parse_html_page(
      "<form action='/next?old=1#frag'><input name=a value='x y'></form>", "https://as.example/");
  const Submission submission = build_submission(page.forms[0], rule_with({}));
  ASSERT_EQ(submission.error, "");
  EXPECT_EQ(submission.request.method, "GET");
  EXPECT_EQ(submission.request.url, "https://as.example/next?a=x+y");
  EXPECT_TRUE(submission.request.body.empty());
}

TEST(FormFill, UnknownSubmitButtonAndMultipartFormsAreErrors) {
  const HtmlPage page = parse_html_page(k_page, "https://as.example/start");
  LoginForm rule = rule_with({});
  rule.submit = "Approve";
  EXPECT_NE(build_submission(page.forms[1], rule).error.find("no submit button 'Approve'"),
            std::string::npos);
  const HtmlPage multipart = parse_html_page(
      "<form method=post enctype=multipart/form-data><input name=a></form>", "https://as.example/");
  EXPECT_NE(build_submission(multipart.forms[0], rule_with({})).error.find("multipart/form-data"),
            std::string::npos);
}

}  // namespace
}  // namespace parity::login
