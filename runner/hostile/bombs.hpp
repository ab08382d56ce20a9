#pragma once

#include <cstddef>
#include <string>

namespace parity::hostile {

/// The JSON a compression bomb inflates to: `{"request_uri": "urn:hostile:bomb"` followed by
/// `padding` spaces and `}`.
std::size_t bomb_inflated_size(std::size_t padding);

/// A gzip member (RFC 1952) that inflates to the bomb JSON with `padding` spaces. Compressed
/// in slices, so building it never holds the inflated text.
std::string gzip_bomb(std::size_t padding);

/// The same JSON as a brotli stream (RFC 7932), built the same way.
std::string brotli_bomb(std::size_t padding);

}  // namespace parity::hostile
