#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parity::crypto {

/// RFC 4648 §5 base64url without padding (as JWS and PKCE use it).
std::string base64url_encode(std::string_view bytes);
/// Decodes unpadded (or correctly padded) base64url; nullopt on any invalid character,
/// length or padding, or non-zero unused bits (RFC 4648 §3.5, so encodings are canonical).
std::optional<std::string> base64url_decode(std::string_view text);

/// RFC 4648 §4 base64 with the standard alphabet and '=' padding (as HTTP Basic uses it,
/// RFC 7617 §2).
std::string base64_encode(std::string_view bytes);
/// Decodes padded standard base64 (RFC 4648 §4); nullopt on any invalid character, missing or
/// malformed padding, or non-zero unused bits (RFC 4648 §3.5).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace parity::crypto
