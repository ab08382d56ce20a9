#include "crypto/pkce.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::crypto {
namespace {

TEST(PkceTest, S256MatchesRfc7636AppendixB) {
  EXPECT_EQ(s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(PkceTest, FreshVerifierIs43ValidCharacters) {
  const std::string verifier = make_code_verifier();
  EXPECT_EQ(verifier.size(), 43U);
  EXPECT_TRUE(is_valid_pkce_value(verifier));
  EXPECT_NE(verifier, make_code_verifier());
}

TEST(PkceTest, VerifierSyntaxFollowsRfc7636Abnf) {
  EXPECT_TRUE(is_valid_pkce_value(std::string(43, 'a')));
  EXPECT_TRUE(is_valid_pkce_value(std::string(128, '~')));
  EXPECT_TRUE(is_valid_pkce_value("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ-._~0123456789"));
  EXPECT_FALSE(is_valid_pkce_value(std::string(42, 'a')));
  EXPECT_FALSE(is_valid_pkce_value(std::string(129, 'a')));
  EXPECT_FALSE(is_valid_pkce_value(std::string(42, 'a') + "+"));
  EXPECT_FALSE(is_valid_pkce_value(std::string(42, 'a') + "="));
  EXPECT_FALSE(is_valid_pkce_value(std::string(42, 'a') + " "));
  EXPECT_FALSE(is_valid_pkce_value(""));
}

}  // namespace
}  // namespace parity::crypto
