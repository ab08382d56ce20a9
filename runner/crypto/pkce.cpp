#include "crypto/pkce.hpp"

#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "crypto/random.hpp"

#include <algorithm>

namespace parity::crypto {
namespace {

// RFC 7636 §4.1 unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string make_code_verifier() {
  return base64url_encode(random_bytes(32));
}

std::string s256_challenge(std::string_view verifier) {
  return base64url_encode(sha256(verifier));
}

bool is_valid_pkce_value(std::string_view value) {
  return value.size() >= 43 && value.size() <= 128 &&
         std::all_of(value.begin(), value.end(), is_unreserved);
}

}  // namespace parity::crypto
