#include "eval/predicate.hpp"

#include <gtest/gtest.h>

namespace parity::eval {
namespace {

using nlohmann::json;
using Op = Predicate::Op;

PredicateOutcome run(Op op, const json& operand, const std::optional<json>& value) {
  Predicate predicate;
  predicate.op = op;
  predicate.operand = operand;
  return apply_predicate(predicate, operand, value);
}

bool holds(Op op, const json& operand, const std::optional<json>& value) {
  return run(op, operand, value).passed;
}

TEST(PredicateTest, NamesRoundTrip) {
  for (const std::string name : {"equals",
                                 "not_equals",
                                 "one_of",
                                 "matches",
                                 "type",
                                 "between",
                                 "at_least",
                                 "at_most",
                                 "exists",
                                 "contains",
                                 "starts_with",
                                 "length_between"}) {
    const auto op = parse_predicate_op(name);
    ASSERT_TRUE(op.has_value()) << name;
    EXPECT_EQ(to_string(*op), name);
  }
  EXPECT_FALSE(parse_predicate_op("equal").has_value());
  EXPECT_FALSE(parse_predicate_op("").has_value());
}

TEST(PredicateTest, EqualsComparesNumbersByValue) {
  EXPECT_TRUE(holds(Op::equals, 201, json(201)));
  EXPECT_TRUE(holds(Op::equals, 1, json(1.0)));
  EXPECT_TRUE(holds(Op::equals, 1.0, json(1)));
  EXPECT_TRUE(holds(Op::equals, json(std::uint64_t{60}), json(std::int64_t{60})));
  EXPECT_FALSE(holds(Op::equals, 1, json(1.5)));
  EXPECT_FALSE(holds(Op::equals, 201, json(200)));
}

TEST(PredicateTest, EqualsNeverMatchesStringWithNumber) {
  EXPECT_FALSE(holds(Op::equals, "201", json(201)));
  EXPECT_FALSE(holds(Op::equals, 201, json("201")));
  EXPECT_FALSE(holds(Op::equals, true, json(1)));
  EXPECT_FALSE(holds(Op::equals, nullptr, json(false)));
  EXPECT_TRUE(holds(Op::equals, "invalid_request", json("invalid_request")));
  EXPECT_FALSE(holds(Op::equals, "invalid_request", json("Invalid_Request")));
}

TEST(PredicateTest, EqualsIsDeepForObjectsAndArrays) {
  EXPECT_TRUE(holds(
      Op::equals, json::parse(R"({"a":[1,{"b":2}]})"), json::parse(R"({"a":[1.0,{"b":2}]})")));
  EXPECT_FALSE(holds(Op::equals, json::parse(R"({"a":[1,2]})"), json::parse(R"({"a":[2,1]})")));
  EXPECT_FALSE(holds(Op::equals, json::parse(R"({"a":1})"), json::parse(R"({"a":1,"b":2})")));
}

TEST(PredicateTest, EqualsReportsReadableTexts) {
  const auto outcome = run(Op::equals, "invalid_request", json("invalid_client"));
  EXPECT_FALSE(outcome.passed);
  EXPECT_EQ(outcome.expected, "\"invalid_request\"");
  EXPECT_EQ(outcome.actual, "\"invalid_client\"");
  const auto status = run(Op::equals, 201, json(400));
  EXPECT_EQ(status.expected, "201");
  EXPECT_EQ(status.actual, "400");
  const auto object = run(Op::equals, json::parse(R"({"a":[1,2]})"), json::parse(R"({"a":1})"));
  EXPECT_EQ(object.expected, R"({"a": [1, 2]})");
  EXPECT_EQ(object.actual, R"({"a": 1})");
}

TEST(PredicateTest, NotEquals) {
  const auto outcome = run(Op::not_equals, "abc", json("abc"));
  EXPECT_FALSE(outcome.passed);
  EXPECT_EQ(outcome.expected, "not \"abc\"");
  EXPECT_TRUE(holds(Op::not_equals, "abc", json("abd")));
  EXPECT_TRUE(holds(Op::not_equals, "60", json(60)));
  EXPECT_FALSE(holds(Op::not_equals, 60, json(60.0)));
}

TEST(PredicateTest, OneOf) {
  const json statuses = json::array({302, 303});
  EXPECT_TRUE(holds(Op::one_of, statuses, json(303)));
  EXPECT_FALSE(holds(Op::one_of, statuses, json(301)));
  EXPECT_FALSE(holds(Op::one_of, statuses, json("302")));
  EXPECT_TRUE(holds(Op::one_of, json::array({"a", 2}), json(2.0)));
  const auto outcome = run(Op::one_of, statuses, json(400));
  EXPECT_EQ(outcome.expected, "one of [302, 303]");
  EXPECT_EQ(outcome.actual, "400");
}

TEST(PredicateTest, MatchesSearchesEcmascriptRegex) {
  const json pattern = "^urn:ietf:params:oauth:request_uri:";
  EXPECT_TRUE(holds(Op::matches, pattern, json("urn:ietf:params:oauth:request_uri:x1")));
  EXPECT_FALSE(holds(Op::matches, pattern, json("x-urn:ietf:params:oauth:request_uri:")));
  EXPECT_TRUE(holds(Op::matches, "no-store", json("no-cache, no-store")));
  EXPECT_TRUE(holds(Op::matches, R"(^\d{3}$)", json("201")));
  EXPECT_TRUE(holds(Op::matches, R"((?:ab)+)", json("xxabab")));
  const auto outcome = run(Op::matches, "^urn:", json("https://x"));
  EXPECT_EQ(outcome.expected, "a string matching '^urn:'");
  EXPECT_EQ(outcome.actual, "\"https://x\"");
}

TEST(PredicateTest, MatchesUsesJsonDumpForNonStrings) {
  EXPECT_TRUE(holds(Op::matches, "^2\\d\\d$", json(201)));
  EXPECT_TRUE(holds(Op::matches, "^true$", json(true)));
  EXPECT_TRUE(holds(Op::matches, R"("a":1)", json::parse(R"({"a":1})")));
}

TEST(PredicateTest, MatchesFailsCleanlyOnInvalidRegex) {
  const auto outcome = run(Op::matches, "([a-z", json("abc"));
  EXPECT_FALSE(outcome.passed);
  EXPECT_NE(outcome.expected.find("invalid regex"), std::string::npos);
}

TEST(PredicateTest, MatchesJudgesLongSubjectsInLinearTime) {
  // A backtracking engine takes exponential time on the first (2^N paths) and overflows the
  // stack on the others; RE2 answers each at once.
  EXPECT_FALSE(holds(Op::matches, "^(a+)+$", json(std::string(64, 'a') + "b")));
  EXPECT_FALSE(holds(Op::matches, "(a|b)*c", json(std::string(100000, 'a'))));
  EXPECT_TRUE(holds(Op::matches, "a$", json(std::string(1 << 20, 'a'))));
}

TEST(PredicateTest, TypeNamesJsonTypes) {
  EXPECT_TRUE(holds(Op::type, "string", json("x")));
  EXPECT_TRUE(holds(Op::type, "integer", json(60)));
  EXPECT_TRUE(holds(Op::type, "integer", json(std::uint64_t{60})));
  EXPECT_FALSE(holds(Op::type, "integer", json(60.0)));
  EXPECT_FALSE(holds(Op::type, "integer", json("60")));
  EXPECT_TRUE(holds(Op::type, "number", json(60.5)));
  EXPECT_TRUE(holds(Op::type, "number", json(60)));
  EXPECT_TRUE(holds(Op::type, "boolean", json(false)));
  EXPECT_TRUE(holds(Op::type, "object", json::object()));
  EXPECT_TRUE(holds(Op::type, "array", json::array()));
  EXPECT_TRUE(holds(Op::type, "null", json(nullptr)));
  EXPECT_FALSE(holds(Op::type, "null", json("null")));
  const auto outcome = run(Op::type, "integer", json("60"));
  EXPECT_EQ(outcome.expected, "type integer");
  EXPECT_EQ(outcome.actual, "\"60\" (string)");
}

TEST(PredicateTest, BetweenIsInclusiveIntegerRange) {
  const json range = json::array({1, 600});
  EXPECT_TRUE(holds(Op::between, range, json(1)));
  EXPECT_TRUE(holds(Op::between, range, json(600)));
  EXPECT_TRUE(holds(Op::between, range, json(60)));
  EXPECT_FALSE(holds(Op::between, range, json(0)));
  EXPECT_FALSE(holds(Op::between, range, json(601)));
  EXPECT_FALSE(holds(Op::between, range, json(-5)));
  EXPECT_FALSE(holds(Op::between, range, json(std::uint64_t{18446744073709551615ULL})));
  const auto outcome = run(Op::between, range, json(601));
  EXPECT_EQ(outcome.expected, "an integer in [1, 600]");
  EXPECT_EQ(outcome.actual, "601");
}

TEST(PredicateTest, IntegerRangesRejectOtherTypes) {
  const auto string = run(Op::at_least, 1, json("60"));
  EXPECT_FALSE(string.passed);
  EXPECT_EQ(string.expected, "an integer >= 1");
  EXPECT_EQ(string.actual, "\"60\" (string)");
  const auto real = run(Op::between, json::array({1, 600}), json(60.0));
  EXPECT_FALSE(real.passed);
  EXPECT_EQ(real.actual, "60.0 (number)");
  EXPECT_FALSE(holds(Op::at_most, 600, json(true)));
  EXPECT_FALSE(holds(Op::at_most, 600, json(nullptr)));
}

TEST(PredicateTest, AtLeastAndAtMost) {
  EXPECT_TRUE(holds(Op::at_least, 1, json(1)));
  EXPECT_FALSE(holds(Op::at_least, 1, json(0)));
  EXPECT_TRUE(holds(Op::at_most, 600, json(600)));
  EXPECT_FALSE(holds(Op::at_most, 600, json(601)));
  EXPECT_TRUE(holds(Op::at_least, -10, json(-3)));
  EXPECT_TRUE(holds(Op::at_least, 0, json(std::uint64_t{18446744073709551615ULL})));
  EXPECT_FALSE(holds(Op::at_most, 0, json(std::uint64_t{18446744073709551615ULL})));
  EXPECT_EQ(run(Op::at_most, 600, json(601)).expected, "an integer <= 600");
}

TEST(PredicateTest, RangeBoundsMayBeRenderedStrings) {
  EXPECT_TRUE(holds(Op::at_least, "8", json(8)));
  EXPECT_FALSE(holds(Op::at_least, "8", json(7)));
  EXPECT_TRUE(holds(Op::between, json::array({"1", "600"}), json(60)));
  EXPECT_EQ(run(Op::at_least, "8", json(7)).expected, "an integer >= 8");
}

TEST(PredicateTest, InvalidRangeOperandFails) {
  const auto outcome = run(Op::between, json::array({1}), json(5));
  EXPECT_FALSE(outcome.passed);
  EXPECT_EQ(outcome.expected, "an integer in [1] (invalid operand)");
  EXPECT_FALSE(holds(Op::at_least, "eight", json(9)));
  EXPECT_FALSE(holds(Op::at_least, 1.5, json(9)));
}

TEST(PredicateTest, LengthBetweenCountsStringLength) {
  const json range = json::array({8, 16});
  EXPECT_TRUE(holds(Op::length_between, range, json("12345678")));
  EXPECT_TRUE(holds(Op::length_between, range, json(std::string(16, 'x'))));
  EXPECT_FALSE(holds(Op::length_between, range, json("1234567")));
  EXPECT_FALSE(holds(Op::length_between, range, json(std::string(17, 'x'))));
  EXPECT_TRUE(holds(Op::length_between, json::array({2, 2}), json("é€")));
  const auto outcome = run(Op::length_between, range, json("short"));
  EXPECT_EQ(outcome.expected, "a string of length in [8, 16]");
  EXPECT_EQ(outcome.actual, "\"short\" (length 5)");
  const auto number = run(Op::length_between, range, json(12345678));
  EXPECT_FALSE(number.passed);
  EXPECT_EQ(number.actual, "12345678 (integer)");
}

TEST(PredicateTest, ExistsTrueAndFalse) {
  EXPECT_TRUE(holds(Op::exists, true, json("")));
  EXPECT_TRUE(holds(Op::exists, true, json(nullptr)));
  EXPECT_FALSE(holds(Op::exists, true, std::nullopt));
  EXPECT_TRUE(holds(Op::exists, false, std::nullopt));
  EXPECT_FALSE(holds(Op::exists, false, json("x")));
  const auto present = run(Op::exists, false, json("x"));
  EXPECT_EQ(present.expected, "absent");
  EXPECT_EQ(present.actual, "\"x\"");
  const auto absent = run(Op::exists, true, std::nullopt);
  EXPECT_EQ(absent.expected, "present");
  EXPECT_EQ(absent.actual, "absent");
}

TEST(PredicateTest, ContainsOnStringsAndArrays) {
  EXPECT_TRUE(holds(Op::contains, "no-store", json("no-cache, no-store")));
  EXPECT_FALSE(holds(Op::contains, "private", json("no-cache, no-store")));
  EXPECT_TRUE(holds(Op::contains, "S256", json::array({"plain", "S256"})));
  EXPECT_FALSE(holds(Op::contains, "S", json::array({"plain", "S256"})));
  EXPECT_TRUE(holds(Op::contains, 2, json::array({1, 2.0})));
  EXPECT_FALSE(holds(Op::contains, "2", json::array({1, 2})));
  EXPECT_FALSE(holds(Op::contains, "a", json::parse(R"({"a":1})")));
  const auto outcome = run(Op::contains, "S256", json::array({"plain"}));
  EXPECT_EQ(outcome.expected, "containing \"S256\"");
  EXPECT_EQ(outcome.actual, "[\"plain\"]");
}

TEST(PredicateTest, StartsWith) {
  EXPECT_TRUE(holds(Op::starts_with, "application/json", json("application/json;charset=UTF-8")));
  EXPECT_FALSE(holds(Op::starts_with, "application/json", json("text/html")));
  EXPECT_TRUE(holds(Op::starts_with, "", json("x")));
  EXPECT_TRUE(holds(Op::starts_with, "2", json(201)));
  EXPECT_EQ(run(Op::starts_with, "urn:", json("x")).expected, "a string starting with \"urn:\"");
}

TEST(PredicateTest, EveryPredicateButExistsFalseFailsOnAbsent) {
  const std::vector<std::pair<Op, json>> cases = {
      {Op::equals, nullptr},
      {Op::not_equals, "x"},
      {Op::one_of, json::array({1})},
      {Op::matches, ".*"},
      {Op::type, "null"},
      {Op::between, json::array({0, 9})},
      {Op::at_least, 0},
      {Op::at_most, 0},
      {Op::exists, true},
      {Op::contains, ""},
      {Op::starts_with, ""},
      {Op::length_between, json::array({0, 9})},
  };
  for (const auto& [op, operand] : cases) {
    const auto outcome = run(op, operand, std::nullopt);
    EXPECT_FALSE(outcome.passed) << to_string(op);
    EXPECT_EQ(outcome.actual, "absent") << to_string(op);
  }
}

TEST(PredicateTest, LongActualValuesAreTruncated) {
  const std::string body(1000, 'x');
  const auto outcome = run(Op::equals, "short", json(body));
  EXPECT_LT(outcome.actual.size(), 210U);
  EXPECT_EQ(outcome.actual.substr(0, 5), "\"xxxx");
  EXPECT_EQ(outcome.actual.substr(outcome.actual.size() - 3), "…");
}

}  // namespace
}  // namespace parity::eval
