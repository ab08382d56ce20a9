#include "hostile/bombs.hpp"

#include <array>
#include <brotli/encode.h>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <zlib.h>

namespace parity::hostile {
namespace {

constexpr std::string_view k_head = R"({"request_uri": "urn:hostile:bomb")";
constexpr std::string_view k_tail = "}";
constexpr std::size_t k_slice = 1024 * 1024;

// Feeds the bomb JSON to `compress` in slices of at most k_slice bytes; the last call has
// `last` set.
void for_each_slice(std::size_t padding,
                    const std::function<void(std::string_view, bool last)>& compress) {
  const std::string spaces(k_slice, ' ');
  compress(k_head, false);
  for (std::size_t left = padding; left > 0;) {
    const std::size_t n = std::min(left, k_slice);
    compress(std::string_view(spaces).substr(0, n), false);
    left -= n;
  }
  compress(k_tail, true);
}

struct DeflateEnd {
  void operator()(z_stream* stream) const { deflateEnd(stream); }
};
struct BrotliEnd {
  void operator()(BrotliEncoderState* state) const { BrotliEncoderDestroyInstance(state); }
};

}  // namespace

std::size_t bomb_inflated_size(std::size_t padding) {
  return k_head.size() + padding + k_tail.size();
}

std::string gzip_bomb(std::size_t padding) {
  z_stream stream{};
  // windowBits 15 + 16 selects the gzip wrapper (zlib manual, deflateInit2).
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  const std::unique_ptr<z_stream, DeflateEnd> guard(&stream);
  std::string out;
  std::array<char, 64 * 1024> buffer{};
  for_each_slice(padding, [&](std::string_view slice, bool last) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(slice.data()));
    stream.avail_in = static_cast<uInt>(slice.size());
    int result = Z_OK;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
      stream.avail_out = static_cast<uInt>(buffer.size());
      result = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer.data(), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (last && result != Z_STREAM_END));
  });
  return out;
}

std::string brotli_bomb(std::size_t padding) {
  const std::unique_ptr<BrotliEncoderState, BrotliEnd> state(
      BrotliEncoderCreateInstance(nullptr, nullptr, nullptr));
  if (!state) {
    throw std::runtime_error("BrotliEncoderCreateInstance failed");
  }
  // Quality 5 is fast and still shrinks runs of spaces by several thousand times.
  BrotliEncoderSetParameter(state.get(), BROTLI_PARAM_QUALITY, 5);
  std::string out;
  for_each_slice(padding, [&](std::string_view slice, bool last) {
    std::size_t available_in = slice.size();
    const auto* next_in = reinterpret_cast<const std::uint8_t*>(slice.data());
    const BrotliEncoderOperation operation =
        last ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS;
    do {
      std::size_t available_out = 0;
      if (BrotliEncoderCompressStream(
              state.get(), operation, &available_in, &next_in, &available_out, nullptr, nullptr) ==
          BROTLI_FALSE) {
        throw std::runtime_error("BrotliEncoderCompressStream failed");
      }
      std::size_t size = 0;
      const std::uint8_t* produced = BrotliEncoderTakeOutput(state.get(), &size);
      out.append(reinterpret_cast<const char*>(produced), size);
    } while (available_in > 0 || BrotliEncoderHasMoreOutput(state.get()) == BROTLI_TRUE ||
             (last && BrotliEncoderIsFinished(state.get()) == BROTLI_FALSE));
  });
  return out;
}

}  // namespace parity::hostile
