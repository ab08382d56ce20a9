#include "cli/numeric_option.hpp"

#include "core/display_text.hpp"

#include <charconv>
#include <string>

namespace parity::cli {

CLI::Validator integer_between(long min, long max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return {[min, max, range](std::string& text) -> std::string {
            constexpr std::size_t k_max_shown = 40;
            long value = 0;
            const char* end = text.data() + text.size();
            const auto [stop, error] = std::from_chars(text.data(), end, value);
            if (text.empty() || stop != end || error == std::errc::invalid_argument) {
              return "'" + display_line(text, k_max_shown) +
                     "' is not a number (expected a whole number from " + range + ")";
            }
            if (error == std::errc::result_out_of_range || value < min || value > max) {
              return display_line(text, k_max_shown) + " is not between " + std::to_string(min) +
                     " and " + std::to_string(max);
            }
            return "";
          },
          "INT in [" + range + "]"};
}

}  // namespace parity::cli
