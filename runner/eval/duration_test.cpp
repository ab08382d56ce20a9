#include "eval/duration.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parity::eval {
namespace {

using std::chrono::milliseconds;

struct DurationCase {
  std::string text;
  std::optional<long long> ms;
};

TEST(DurationTest, ParsesDocumentedForms) {
  const std::vector<DurationCase> cases = {
      {"5", 5000},
      {"0", 0},
      {"2s", 2000},
      {"1500ms", 1500},
      {"30s + 2s", 32000},
      {"30 + 2", 32000},
      {"60s+2s", 62000},
      {" 1s + 500ms ", 1500},
      {"60 s", 60000},
      {"250 ms + 1", 1250},
      {"1+1+1", 3000},
      {"007", 7000},
  };
  for (const auto& c : cases) {
    const auto parsed = parse_duration(c.text);
    ASSERT_TRUE(parsed.has_value()) << c.text;
    EXPECT_EQ(parsed->count(), *c.ms) << c.text;
  }
}

TEST(DurationTest, RejectsMalformedText) {
  const std::vector<std::string> bad = {
      "",     " ",   "-5",    "5s + -1s", "+5",    "5 +",  "5 + + 2", "5++2",
      "1.5s", "5m",  "5min",  "2h",       "5S",    "5MS",  "s",       "ms",
      "5 5",  "5s5", "${x}s", "abc",      "5 s s", "0x10", "5sec",    "1e3",
  };
  for (const auto& text : bad) {
    EXPECT_FALSE(parse_duration(text).has_value()) << "'" << text << "'";
  }
}

TEST(DurationTest, RejectsOverflow) {
  EXPECT_FALSE(parse_duration("99999999999999999999").has_value());
  EXPECT_FALSE(parse_duration("9223372036854775807").has_value());  // seconds → ms overflows
  EXPECT_EQ(parse_duration("9223372036854775807ms"), milliseconds(9223372036854775807LL));
  EXPECT_FALSE(parse_duration("9223372036854775807ms + 1ms").has_value());
  EXPECT_EQ(parse_duration("9223372036854775s + 807ms"), milliseconds(9223372036854775807LL));
  EXPECT_FALSE(parse_duration("9223372036854775s + 808ms").has_value());
}

}  // namespace
}  // namespace parity::eval
