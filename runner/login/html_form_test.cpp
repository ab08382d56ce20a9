#include "login/html_form.hpp"

#include <gtest/gtest.h>

namespace parity::login {
namespace {

// oidc-provider 9's development login page (lib/views/login.js inside its layout), trimmed.
const std::string k_login_page = R"(<!DOCTYPE html>
<html ><head><title>Sign-in</title><style>.login-card [type=submit] { width: 100%; }</style></head>
<body><div class="login-card"><h1>Sign-in</h1>
<form autocomplete="off" action="http://127.0.0.1:9126/interaction/U1" method="post">
  <input type="hidden" name="prompt" value="login"/>
  <input required type="text" name="login" placeholder="Enter any login" autofocus="on">
  <input required type="password" name="password" placeholder="and password" >
  <button type="submit" class="login login-submit">Sign-in</button>
</form><div class="login-help"><a href="/interaction/U1/abort">[ Cancel ]</a></div></div>
<details><strong>client_id</strong>: &#39;parity-basic&#39;<br/></details></body></html>)";

TEST(HtmlForm, ParsesTheOidcProviderLoginPage) {
  const HtmlPage page = parse_html_page(k_login_page, "http://127.0.0.1:9126/interaction/U1");
  EXPECT_EQ(page.title, "Sign-in");
  ASSERT_EQ(page.forms.size(), 1U);
  const HtmlForm& form = page.forms[0];
  EXPECT_EQ(form.method, "POST");
  EXPECT_EQ(form.action, "http://127.0.0.1:9126/interaction/U1");
  EXPECT_EQ(form.enctype, "application/x-www-form-urlencoded");
  ASSERT_EQ(form.controls.size(), 4U);
  EXPECT_EQ(form.controls[0].type, "hidden");
  EXPECT_EQ(form.controls[0].value, "login");
  EXPECT_EQ(form.controls[1].name, "login");
  EXPECT_EQ(form.controls[1].type, "text");
  EXPECT_EQ(form.controls[2].type, "password");
  EXPECT_TRUE(is_submit_button(form.controls[3]));
  EXPECT_EQ(form.controls[3].text, "Sign-in");
}

TEST(HtmlForm, ResolvesRelativeActionsAndDefaultsToGetAndThePageUrl) {
  const std::string html =
      "<form action='next?step=2'><input name=a></form>"
      "<form method=POST><input name=b></form>";
  const HtmlPage page = parse_html_page(html, "https://as.example/login/start?x=1");
  ASSERT_EQ(page.forms.size(), 2U);
  EXPECT_EQ(page.forms[0].method, "GET");
  EXPECT_EQ(page.forms[0].action, "https://as.example/login/next?step=2");
  EXPECT_EQ(page.forms[1].method, "POST");
  EXPECT_EQ(page.forms[1].action, "https://as.example/login/start?x=1");
}

TEST(HtmlForm, ReadsSelectTextareaCheckboxDisabledAndEntities) {
  const std::string html = R"(<form id=f1 enctype="Multipart/Form-Data">
    <select name=s><option value=a>A</option><option selected>B &amp; C</option></select>
    <select name=t><option value=first>1</option></select>
    <textarea name=note>  hello  </textarea>
    <input type=checkbox name=remember checked>
    <input name=off disabled value=x>
    <input type=submit name=go value="Allow &quot;it&quot;">
  </form>)";
  const HtmlPage page = parse_html_page(html, "https://as.example/");
  ASSERT_EQ(page.forms.size(), 1U);
  const HtmlForm& form = page.forms[0];
  EXPECT_EQ(form.id, "f1");
  EXPECT_EQ(form.enctype, "multipart/form-data");
  ASSERT_EQ(form.controls.size(), 6U);
  EXPECT_EQ(form.controls[0].value, "B & C");
  EXPECT_EQ(form.controls[1].value, "first");
  EXPECT_EQ(form.controls[2].value, "hello");
  EXPECT_TRUE(form.controls[3].checked);
  EXPECT_TRUE(form.controls[4].disabled);
  EXPECT_EQ(form.controls[5].value, "Allow \"it\"");
  EXPECT_TRUE(is_submit_button(form.controls[5]));
}

TEST(HtmlForm, RecoversFromMalformedMarkup) {
  const std::string html =
      "<html><body><p>unclosed <b>bold<form action=/x method=post>"
      "<input name=a value=1><input name=b value=2</form>";
  const HtmlPage page = parse_html_page(html, "http://as.example/");
  ASSERT_EQ(page.forms.size(), 1U);
  EXPECT_EQ(page.forms[0].action, "http://as.example/x");
  ASSERT_GE(page.forms[0].controls.size(), 1U);
  EXPECT_EQ(page.forms[0].controls[0].name, "a");
}

TEST(HtmlForm, DescribePageNamesFieldsButNotValues) {
  const HtmlPage page = parse_html_page(
      "<title>Consent</title><form method=post action=/c>"
      "<input type=hidden name=csrf value=very-secret-token><button>OK</button></form>",
      "http://as.example/");
  const std::string text = describe_page(page);
  EXPECT_NE(text.find("Consent"), std::string::npos);
  EXPECT_NE(text.find("POST /c [csrf]"), std::string::npos);
  EXPECT_EQ(text.find("very-secret-token"), std::string::npos);
}

TEST(HtmlForm, PageWithoutFormsHasNone) {
  const HtmlPage page = parse_html_page("<p>Error: invalid request</p>", "http://as.example/");
  EXPECT_TRUE(page.forms.empty());
  EXPECT_NE(describe_page(page).find("no forms"), std::string::npos);
  EXPECT_TRUE(parse_html_page("", "http://as.example/").forms.empty());
}

}  // namespace
}  // namespace parity::login
