#include "eval/aggregate.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace parity::eval {
namespace {

using Op = Predicate::Op;

std::string random_string(std::mt19937& generator, std::size_t length) {
  static constexpr char k_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::uniform_int_distribution<int> pick(0, 63);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    out += k_alphabet[pick(generator)];
  }
  return out;
}

http::Exchange exchange_with(int status, const std::string& body) {
  http::Exchange exchange;
  exchange.response.status = status;
  exchange.response.headers = {{"Content-Type", "application/json"}};
  exchange.response.body = body;
  return exchange;
}

AggregateAssertion assertion(const std::string& selector, Op op, nlohmann::json operand) {
  return AggregateAssertion{selector, {Predicate{op, std::move(operand), {}}}, {}};
}

TEST(AggregateSelectorParse, AcceptsCountAndPrefixedResponseSelectors) {
  EXPECT_EQ(parse_aggregate_selector("count")->kind, AggregateSelector::Kind::count);
  const auto present = parse_aggregate_selector("present:location:code");
  ASSERT_TRUE(present.has_value());
  EXPECT_EQ(present->kind, AggregateSelector::Kind::present);
  EXPECT_EQ(present->inner, "location:code");
  EXPECT_EQ(parse_aggregate_selector("distinct:json:/request_uri")->inner, "json:/request_uri");
  EXPECT_EQ(parse_aggregate_selector("entropy_bits:body")->kind,
            AggregateSelector::Kind::entropy_bits);
}

TEST(AggregateSelectorParse, RejectsUnknownPrefixesAndBadInnerSelectors) {
  EXPECT_FALSE(parse_aggregate_selector("status"));
  EXPECT_FALSE(parse_aggregate_selector("counts"));
  EXPECT_FALSE(parse_aggregate_selector("distinct:"));
  EXPECT_FALSE(parse_aggregate_selector("present:jsn:/x"));
  EXPECT_FALSE(parse_aggregate_selector("unique:status"));
}

TEST(EntropyEstimate, RandomStringsScoreHighCountersLow) {
  std::mt19937 generator(42);
  std::vector<std::string> random;
  std::vector<std::string> counter;
  for (int i = 0; i < 100; ++i) {
    random.push_back("urn:ietf:params:oauth:request_uri:" + random_string(generator, 43));
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06d", i);
    counter.push_back("urn:ietf:params:oauth:request_uri:" + std::string(digits));
  }
  const double random_bits = estimate_entropy_bits(random);
  EXPECT_GT(random_bits, 200.0);
  EXPECT_LT(random_bits, 43 * 6.0 + 0.001);
  EXPECT_LT(estimate_entropy_bits(counter), 16.0);
}

TEST(EntropyEstimate, CommonPrefixAndSuffixCarryNoInformation) {
  EXPECT_DOUBLE_EQ(estimate_entropy_bits({"pre-ab-post", "pre-ba-post"}), 2.0);
  EXPECT_DOUBLE_EQ(estimate_entropy_bits({"same", "same", "same"}), 0.0);
  EXPECT_DOUBLE_EQ(estimate_entropy_bits({"only-one"}), 0.0);
  EXPECT_DOUBLE_EQ(estimate_entropy_bits({}), 0.0);
}

TEST(AggregateCollector, CountsPresentAndDistinctValues) {
  const std::vector<AggregateAssertion> aggregate = {
      assertion("count", Op::equals, 4),
      assertion("present:json:/code", Op::at_most, 1),
      assertion("distinct:json:/id", Op::equals, 3),
  };
  AggregateCollector collector(aggregate);
  collector.add(exchange_with(200, R"({"id": "a", "code": "x"})"));
  collector.add(exchange_with(400, R"({"id": "b"})"));
  collector.add(exchange_with(400, R"({"id": "b"})"));
  collector.add(exchange_with(400, R"({"id": "c"})"));
  const std::vector<Check> checks = collector.evaluate(aggregate);
  ASSERT_EQ(checks.size(), 3U);
  for (const Check& check : checks) {
    EXPECT_TRUE(check.passed) << check.description << ": " << check.actual;
  }
  EXPECT_EQ(checks[1].description, "aggregate present:json:/code at_most 1");
}

TEST(AggregateCollector, FailsWhenTwoRepetitionsGetACode) {
  const std::vector<AggregateAssertion> aggregate = {
      assertion("present:json:/code", Op::at_most, 1)};
  AggregateCollector collector(aggregate);
  collector.add(exchange_with(200, R"({"code": "x"})"));
  collector.add(exchange_with(200, R"({"code": "y"})"));
  collector.add(http::Exchange{});  // no response at all: absent
  const std::vector<Check> checks = collector.evaluate(aggregate);
  ASSERT_EQ(checks.size(), 1U);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_EQ(checks[0].actual, "2 of 3 repetitions");
}

TEST(AggregateCollector, EntropyIsComparedRoundedDown) {
  const std::vector<AggregateAssertion> aggregate = {
      assertion("entropy_bits:json:/v", Op::at_least, 2)};
  AggregateCollector collector(aggregate);
  collector.add(exchange_with(200, R"({"v": "pre-ab-post"})"));
  collector.add(exchange_with(200, R"({"v": "pre-ba-post"})"));
  EXPECT_TRUE(collector.evaluate(aggregate)[0].passed);
  const std::vector<AggregateAssertion> stricter = {
      assertion("entropy_bits:json:/v", Op::at_least, 3)};
  EXPECT_FALSE(collector.evaluate(stricter)[0].passed);
}

TEST(AggregatePredicates, OnlyIntegerPredicatesAreAllowed) {
  EXPECT_TRUE(is_aggregate_predicate(Op::at_most));
  EXPECT_TRUE(is_aggregate_predicate(Op::between));
  EXPECT_FALSE(is_aggregate_predicate(Op::matches));
  EXPECT_FALSE(is_aggregate_predicate(Op::exists));
}

}  // namespace
}  // namespace parity::eval
