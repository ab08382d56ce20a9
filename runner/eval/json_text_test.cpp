#include "eval/json_text.hpp"

#include <gtest/gtest.h>

namespace parity::eval {
namespace {

using nlohmann::json;

TEST(JsonTextTest, DisplaysCompactJsonWithSpaces) {
  EXPECT_EQ(display_json(json::array({1, "a", nullptr})), R"([1, "a", null])");
  EXPECT_EQ(display_json(json::parse(R"({"a":{"b":[]},"c":true})")),
            R"({"a": {"b": []}, "c": true})");
  EXPECT_EQ(display_json(json("line\nbreak")), R"("line\nbreak")");
  EXPECT_EQ(display_json(json(60.0)), "60.0");
  EXPECT_EQ(display_json(json::array()), "[]");
  EXPECT_EQ(display_json(json::object()), "{}");
}

TEST(JsonTextTest, DisplayReplacesInvalidUtf8InsteadOfThrowing) {
  EXPECT_EQ(display_json(json(std::string("a\xff"
                                          "b"))),
            "\"a\xEF\xBF\xBD"
            "b\"");
}

TEST(JsonTextTest, TruncatesOnUtf8Boundary) {
  EXPECT_EQ(truncate_text("short", 10), "short");
  EXPECT_EQ(truncate_text("abcdef", 3), "abc…");
  // "é" is two bytes: cutting after one byte must back off to before it.
  EXPECT_EQ(truncate_text("aé", 2), "a…");
  EXPECT_EQ(truncate_text(std::string(300, 'x')).size(), k_max_shown_bytes + 3);
}

TEST(JsonTextTest, StringFormAndTypeName) {
  EXPECT_EQ(string_form(json("abc")), "abc");
  EXPECT_EQ(string_form(json(60)), "60");
  EXPECT_EQ(string_form(json(1.5)), "1.5");
  EXPECT_EQ(string_form(json(true)), "true");
  EXPECT_EQ(string_form(json(nullptr)), "null");
  EXPECT_EQ(string_form(json::parse(R"({"a":[1]})")), R"({"a":[1]})");
  EXPECT_EQ(type_name(json(std::uint64_t{1})), "integer");
  EXPECT_EQ(type_name(json(-1)), "integer");
  EXPECT_EQ(type_name(json(0.5)), "number");
  EXPECT_EQ(type_name(json::array()), "array");
}

}  // namespace
}  // namespace parity::eval
