#include "crypto/base64url.hpp"

#include <array>
#include <cstdint>

namespace parity::crypto {
namespace {

using DecodeTable = std::array<std::int8_t, 256>;

constexpr std::string_view k_url_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view k_standard_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr DecodeTable make_decode_table(std::string_view alphabet) {
  DecodeTable table{};
  table.fill(-1);
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  }
  return table;
}

constexpr auto k_url_decode_table = make_decode_table(k_url_alphabet);
constexpr auto k_standard_decode_table = make_decode_table(k_standard_alphabet);

// Strips up to two '=' so that the rest is a multiple of 4 long; nullopt when the padding is
// malformed (padding in the middle, too much, or padded text that is not a multiple of 4).
std::optional<std::string_view> strip_padding(std::string_view text) {
  const auto first_pad = text.find('=');
  if (first_pad == std::string_view::npos) {
    return text;
  }
  const std::size_t pad_count = text.size() - first_pad;
  if (text.size() % 4 != 0 || pad_count > 2 ||
      text.find_first_not_of('=', first_pad) != std::string_view::npos) {
    return std::nullopt;
  }
  return text.substr(0, first_pad);
}

std::string encode(std::string_view bytes, std::string_view alphabet) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) {
    out += alphabet[(buffer << (6 - bits)) & 0x3F];
  }
  return out;
}

std::optional<std::string> decode(std::string_view data, const DecodeTable& table) {
  // One leftover character carries only 6 bits: never a valid encoding.
  if (data.size() % 4 == 1) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(data.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : data) {
    const std::int8_t value = table[static_cast<unsigned char>(c)];
    if (value < 0) {
      return std::nullopt;
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // RFC 4648 §3.5: reject non-zero pad bits so every byte string has exactly one encoding.
  if ((buffer & ((1U << bits) - 1)) != 0) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  return encode(bytes, k_url_alphabet);
}

std::optional<std::string> base64url_decode(std::string_view text) {
  const auto data = strip_padding(text);
  if (!data) {
    return std::nullopt;
  }
  return decode(*data, k_url_decode_table);
}

std::string base64_encode(std::string_view bytes) {
  std::string out = encode(bytes, k_standard_alphabet);
  out.append((4 - out.size() % 4) % 4, '=');
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  // RFC 4648 §3.2: standard base64 is padded, so its length is always a multiple of 4.
  const auto data = strip_padding(text);
  if (!data || text.size() % 4 != 0) {
    return std::nullopt;
  }
  return decode(*data, k_standard_decode_table);
}

}  // namespace parity::crypto
