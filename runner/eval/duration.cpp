#include "eval/duration.hpp"

#include "core/strings.hpp"

#include <charconv>
#include <cstdint>
#include <limits>

namespace parity::eval {
namespace {

constexpr std::int64_t k_max_ms = std::numeric_limits<std::int64_t>::max();

/// One term: digits, optional blanks, optional unit "ms" or "s" (default seconds).
std::optional<std::int64_t> parse_term_ms(std::string_view term) {
  term = trim(term);
  std::int64_t number = 0;
  const char* end = term.data() + term.size();
  const auto [rest, error] = std::from_chars(term.data(), end, number);
  // from_chars accepts a leading '-', which a wait never has.
  if (term.empty() || term.front() == '-' || error != std::errc()) {
    return std::nullopt;
  }
  const std::string_view unit = trim(std::string_view(rest, static_cast<std::size_t>(end - rest)));
  if (unit == "ms") {
    return number;
  }
  if (unit.empty() || unit == "s") {
    if (number > k_max_ms / 1000) {
      return std::nullopt;
    }
    return number * 1000;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  std::int64_t total = 0;
  std::size_t pos = 0;
  while (true) {
    const std::size_t plus = text.find('+', pos);
    const auto term =
        parse_term_ms(text.substr(pos, plus == std::string_view::npos ? plus : plus - pos));
    if (!term || *term > k_max_ms - total) {
      return std::nullopt;
    }
    total += *term;
    if (plus == std::string_view::npos) {
      break;
    }
    pos = plus + 1;
  }
  return std::chrono::milliseconds(total);
}

}  // namespace parity::eval
