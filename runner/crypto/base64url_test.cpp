#include "crypto/base64url.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::crypto {
namespace {

TEST(Base64urlTest, EncodesRfc4648Vectors) {
  // RFC 4648 §10 vectors, without padding.
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64urlTest, UsesUrlSafeAlphabet) {
  EXPECT_EQ(base64url_encode(std::string("\xfb\xff\xbf", 3)), "-_-_");
  EXPECT_EQ(base64url_decode("-_-_"), std::string("\xfb\xff\xbf", 3));
}

TEST(Base64urlTest, RoundTripsEveryByteValueAndLength) {
  std::string all;
  for (int i = 0; i < 256; ++i) {
    all += static_cast<char>(i);
  }
  for (std::size_t length = 0; length <= all.size(); ++length) {
    const std::string bytes = all.substr(all.size() - length);
    const std::string encoded = base64url_encode(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    EXPECT_EQ(base64url_decode(encoded), bytes) << "length " << length;
  }
}

TEST(Base64urlTest, AcceptsCorrectPadding) {
  EXPECT_EQ(base64url_decode("Zg=="), "f");
  EXPECT_EQ(base64url_decode("Zm8="), "fo");
}

TEST(Base64urlTest, RejectsInvalidInput) {
  EXPECT_EQ(base64url_decode("Zm9v+A"), std::nullopt);  // standard alphabet
  EXPECT_EQ(base64url_decode("Zm9v/A"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm 9v"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9vY"), std::nullopt);  // 1 leftover character
  EXPECT_EQ(base64url_decode("Zg="), std::nullopt);    // padded but not a multiple of 4
  EXPECT_EQ(base64url_decode("Zg==="), std::nullopt);
  EXPECT_EQ(base64url_decode("Z=g="), std::nullopt);  // padding in the middle
  EXPECT_EQ(base64url_decode("Zh"), std::nullopt);    // non-zero unused bits
  EXPECT_EQ(base64url_decode(std::string("Zg\0\0", 4)), std::nullopt);
}

TEST(Base64Test, EncodesRfc4648Vectors) {
  // RFC 4648 §10 vectors, with padding.
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Test, DecodesRfc4648Vectors) {
  EXPECT_EQ(base64_decode(""), "");
  EXPECT_EQ(base64_decode("Zg=="), "f");
  EXPECT_EQ(base64_decode("Zm8="), "fo");
  EXPECT_EQ(base64_decode("Zm9v"), "foo");
  EXPECT_EQ(base64_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(base64_decode("Zm9vYmE="), "fooba");
  EXPECT_EQ(base64_decode("Zm9vYmFy"), "foobar");
}

TEST(Base64Test, UsesStandardAlphabet) {
  EXPECT_EQ(base64_encode(std::string("\xfb\xff\xbf", 3)), "+/+/");
  EXPECT_EQ(base64_decode("+/+/"), std::string("\xfb\xff\xbf", 3));
  EXPECT_EQ(base64_decode("-_-_"), std::nullopt);
}

TEST(Base64Test, RoundTripsEveryByteValueAndLength) {
  std::string all;
  for (int i = 0; i < 256; ++i) {
    all += static_cast<char>(i);
  }
  for (std::size_t length = 0; length <= all.size(); ++length) {
    const std::string bytes = all.substr(all.size() - length);
    const std::string encoded = base64_encode(bytes);
    EXPECT_EQ(encoded.size() % 4, 0U);
    EXPECT_EQ(encoded.find_first_of("-_"), std::string::npos);
    EXPECT_EQ(base64_decode(encoded), bytes) << "length " << length;
  }
}

TEST(Base64Test, RejectsInvalidInput) {
  EXPECT_EQ(base64_decode("Zg"), std::nullopt);  // padding is required
  EXPECT_EQ(base64_decode("Zm8"), std::nullopt);
  EXPECT_EQ(base64_decode("Zg="), std::nullopt);
  EXPECT_EQ(base64_decode("Zg==="), std::nullopt);
  EXPECT_EQ(base64_decode("Z=g="), std::nullopt);  // padding in the middle
  EXPECT_EQ(base64_decode("Zm9vY==="), std::nullopt);
  EXPECT_EQ(base64_decode("Zm 9v"), std::nullopt);
  EXPECT_EQ(base64_decode("Zh=="), std::nullopt);  // non-zero unused bits
}

}  // namespace
}  // namespace parity::crypto
