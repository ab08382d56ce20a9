#include "server/syntax.hpp"

#include <gtest/gtest.h>

namespace parity::server {
namespace {

TEST(SyntaxTest, EmptyValuesAreDropped) {
  const http::Params params = without_empty_values({{"a", ""}, {"b", "1"}, {"a", "2"}});
  EXPECT_EQ(params, (http::Params{{"b", "1"}, {"a", "2"}}));
}

TEST(SyntaxTest, FindsFirstDuplicate) {
  EXPECT_EQ(find_duplicate({{"a", "1"}, {"b", "1"}, {"b", "2"}}), "b");
  EXPECT_FALSE(find_duplicate({{"a", "1"}, {"b", "1"}}));
}

TEST(SyntaxTest, FormContentTypeIgnoresCaseAndParameters) {
  EXPECT_TRUE(is_form_content_type("application/x-www-form-urlencoded"));
  EXPECT_TRUE(is_form_content_type("Application/X-WWW-Form-Urlencoded ; charset=UTF-8"));
  EXPECT_FALSE(is_form_content_type("application/json"));
  EXPECT_FALSE(is_form_content_type(""));
  EXPECT_FALSE(is_form_content_type("application/x-www-form-urlencoded-not"));
}

TEST(SyntaxTest, QueryOfTarget) {
  EXPECT_EQ(query_of("/authorize?a=1&b=2"), "a=1&b=2");
  EXPECT_EQ(query_of("/authorize"), "");
  EXPECT_EQ(query_of("/authorize?a=1#frag"), "a=1");
}

TEST(SyntaxTest, AbsoluteUriWithoutFragment) {
  EXPECT_TRUE(is_absolute_uri_without_fragment("https://client.example/cb"));
  EXPECT_TRUE(is_absolute_uri_without_fragment("com.example.app:/callback"));
  EXPECT_FALSE(is_absolute_uri_without_fragment("/cb"));
  EXPECT_FALSE(is_absolute_uri_without_fragment("https://client.example/cb#x"));
  EXPECT_FALSE(is_absolute_uri_without_fragment("1https://client.example/cb"));
  EXPECT_FALSE(is_absolute_uri_without_fragment("https://client.example/c b"));
  EXPECT_FALSE(is_absolute_uri_without_fragment("https:"));
}

TEST(SyntaxTest, DescriptionIsSanitized) {
  EXPECT_EQ(sanitize_description("bad \"x\" \\ \n"), "bad ?x? ? ?");
}

}  // namespace
}  // namespace parity::server
