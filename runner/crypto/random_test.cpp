#include "crypto/random.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace parity::crypto {
namespace {

TEST(RandomTest, RandomBytesHasRequestedLength) {
  EXPECT_EQ(random_bytes(0).size(), 0U);
  EXPECT_EQ(random_bytes(1).size(), 1U);
  EXPECT_EQ(random_bytes(1000).size(), 1000U);
  EXPECT_NE(random_bytes(32), random_bytes(32));
}

TEST(RandomTest, RandomTokenUsesAlphanumericsOnly) {
  for (const std::size_t length : {0U, 1U, 16U, 43U, 200U}) {
    const std::string token = random_token(length);
    EXPECT_EQ(token.size(), length);
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
        std::string::npos)
        << token;
  }
}

TEST(RandomTest, TwoTokensDiffer) {
  EXPECT_NE(random_token(32), random_token(32));
}

TEST(RandomTest, RandomTokenCoversTheWholeAlphabet) {
  // 62 symbols in 20,000 draws: a missing symbol means a broken mapping, not bad luck.
  const std::string token = random_token(20000);
  const std::set<char> seen(token.begin(), token.end());
  EXPECT_EQ(seen.size(), 62U);
}

}  // namespace
}  // namespace parity::crypto
