#include "eval/vars.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace parity::eval {
namespace {

Text text(std::string raw) {
  return Text{std::move(raw), SourceLocation{"suites/par/core.yaml", 12, 7}};
}

Vars sample_vars() {
  Vars vars;
  vars.set("client.id", "s6BhdRkqt3");
  vars.set("state", "af0ifjsldkj");
  vars.set("expires_in", "60");
  vars.set("a_b-c.d", "x");
  return vars;
}

std::string load_error_message(const std::string& raw) {
  try {
    template_names(text(raw));
  } catch (const LoadError& error) {
    return error.what();
  }
  return "no error";
}

TEST(VarsTest, AtValueAndContainsFollowNlohmannContract) {
  Vars vars = sample_vars();
  EXPECT_TRUE(vars.contains("state"));
  EXPECT_FALSE(vars.contains("nonce"));
  EXPECT_EQ(vars.at("state"), "af0ifjsldkj");
  EXPECT_EQ(vars.value("nonce", "fallback"), "fallback");
  EXPECT_EQ(vars.value("state", "fallback"), "af0ifjsldkj");
  vars.set("state", "replaced");
  EXPECT_EQ(vars.at("state"), "replaced");
}

TEST(VarsTest, AtThrowsOutOfRangeNamingTheVariable) {
  const Vars vars;
  try {
    static_cast<void>(vars.at("request_uri"));
    FAIL() << "expected std::out_of_range";
  } catch (const std::out_of_range& error) {
    EXPECT_EQ(std::string(error.what()), "undefined variable 'request_uri'");
  }
}

TEST(VarsTest, RenderReplacesPlaceholders) {
  const Vars vars = sample_vars();
  EXPECT_EQ(vars.render("client_id=${client.id}&state=${state}"),
            "client_id=s6BhdRkqt3&state=af0ifjsldkj");
  EXPECT_EQ(vars.render("${expires_in}s + 2s"), "60s + 2s");
  EXPECT_EQ(vars.render("${a_b-c.d}${a_b-c.d}"), "xx");
  EXPECT_EQ(vars.render(""), "");
  EXPECT_EQ(vars.render("no placeholders"), "no placeholders");
}

TEST(VarsTest, RenderTreatsDoubleDollarBraceAsLiteral) {
  const Vars vars = sample_vars();
  EXPECT_EQ(vars.render("$${state}"), "${state}");
  EXPECT_EQ(vars.render("a $${x} b ${state}"), "a ${x} b af0ifjsldkj");
}

TEST(VarsTest, RenderKeepsLoneDollar) {
  const Vars vars = sample_vars();
  EXPECT_EQ(vars.render("^[a-z]+$"), "^[a-z]+$");
  EXPECT_EQ(vars.render("$5 and $ and $$"), "$5 and $ and $$");
  EXPECT_EQ(vars.render("$"), "$");
}

TEST(VarsTest, RenderDoesNotExpandSubstitutedValues) {
  Vars vars;
  vars.set("captured", "${secret}");
  EXPECT_EQ(vars.render("value=${captured}"), "value=${secret}");
}

TEST(VarsTest, RenderThrowsForUndefinedVariable) {
  const Vars vars = sample_vars();
  try {
    static_cast<void>(vars.render("x=${state}&y=${request_uri}&z=${other}"));
    FAIL() << "expected std::out_of_range";
  } catch (const std::out_of_range& error) {
    EXPECT_EQ(std::string(error.what()), "undefined variable 'request_uri'");
  }
}

TEST(VarsTest, RenderCopiesMalformedPlaceholders) {
  const Vars vars = sample_vars();
  EXPECT_EQ(vars.render("a${state"), "a${state");
  EXPECT_EQ(vars.render("${}"), "${}");
  EXPECT_EQ(vars.render("${bad name} ${state}"), "${bad name} af0ifjsldkj");
}

TEST(VarsTest, RenderTextUsesRaw) {
  const Vars vars = sample_vars();
  EXPECT_EQ(vars.render(text("${client.id}")), "s6BhdRkqt3");
}

TEST(VarsTest, RenderJsonRendersEveryStringValue) {
  const Vars vars = sample_vars();
  const auto operand = nlohmann::json::parse(
      R"({"${state}": ["${state}", 1, true, null, {"id": "${client.id}"}], "n": 2.5})");
  const auto expected = nlohmann::json::parse(
      R"({"${state}": ["af0ifjsldkj", 1, true, null, {"id": "s6BhdRkqt3"}], "n": 2.5})");
  EXPECT_EQ(vars.render_json(operand), expected);
  EXPECT_EQ(vars.render_json(nlohmann::json(201)), nlohmann::json(201));
  EXPECT_EQ(vars.render_json(nlohmann::json("${expires_in}")), nlohmann::json("60"));
  EXPECT_THROW(static_cast<void>(vars.render_json(nlohmann::json::array({"${missing}"}))),
               std::out_of_range);
}

TEST(TemplateNamesTest, ListsNamesInOrderOfAppearance) {
  EXPECT_EQ(template_names(text("${b}-${a}-${b}")), (std::vector<std::string>{"b", "a", "b"}));
  EXPECT_EQ(template_names(text("${policy.min_state_length}")),
            (std::vector<std::string>{"policy.min_state_length"}));
  EXPECT_TRUE(template_names(text("plain $ text $${literal}")).empty());
  EXPECT_TRUE(template_names(text("")).empty());
}

TEST(TemplateNamesTest, UnterminatedPlaceholderIsLoadError) {
  EXPECT_EQ(load_error_message("x=${state"),
            "suites/par/core.yaml:12:7: unterminated '${' in template 'x=${state'");
}

TEST(TemplateNamesTest, EmptyNameIsLoadError) {
  EXPECT_EQ(load_error_message("a${}b"),
            "suites/par/core.yaml:12:7: empty variable name in template 'a${}b'");
}

TEST(TemplateNamesTest, InvalidNameIsLoadError) {
  EXPECT_EQ(load_error_message("${client id}"),
            "suites/par/core.yaml:12:7: invalid variable name 'client id' (names are "
            "[A-Za-z0-9_.-]+) in template '${client id}'");
  EXPECT_NE(load_error_message("${a/b}").find("invalid variable name 'a/b'"), std::string::npos);
}

TEST(TemplateNamesTest, LoadErrorKeepsTextLocation) {
  try {
    template_names(text("${"));
    FAIL() << "expected LoadError";
  } catch (const LoadError& error) {
    EXPECT_EQ(error.where().line, 12);
    EXPECT_EQ(error.where().column, 7);
    EXPECT_EQ(error.message(), "unterminated '${' in template '${'");
  }
}

}  // namespace
}  // namespace parity::eval
