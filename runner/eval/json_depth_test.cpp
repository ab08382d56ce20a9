#include "eval/json_depth.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::eval {
namespace {

std::string nested(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(JsonDepthTest, CountsArraysAndObjectsButNotBracketsInStrings) {
  EXPECT_EQ(json_nesting_depth(R"(42)"), 0U);
  EXPECT_EQ(json_nesting_depth(R"({"a": [1, {"b": []}]})"), 4U);
  EXPECT_EQ(json_nesting_depth(R"({"a": "[[[{{{\"[[["})"), 1U);
  EXPECT_EQ(json_nesting_depth(R"([[], [], []])"), 2U);
}

TEST(JsonDepthTest, StopsScanningPastTheLimit) {
  EXPECT_EQ(json_nesting_depth(nested(100000), 10), 11U);
}

TEST(JsonDepthTest, ParsesDocumentsUpToTheLimit) {
  const auto parsed = parse_bounded_json(nested(k_max_json_depth));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(parsed->is_array());
  EXPECT_EQ(parse_bounded_json(R"({"request_uri": "urn:x"})")->at("request_uri"), "urn:x");
}

TEST(JsonDepthTest, RefusesDeeperDocumentsAndInvalidJson) {
  EXPECT_FALSE(parse_bounded_json(nested(k_max_json_depth + 1)).has_value());
  // Deep enough to overflow a thread's stack if it were copied or dumped recursively.
  EXPECT_FALSE(parse_bounded_json(R"({"request_uri": )" + nested(400000) + "}").has_value());
  EXPECT_FALSE(parse_bounded_json(R"({"request_uri": "urn:)").has_value());
}

}  // namespace
}  // namespace parity::eval
