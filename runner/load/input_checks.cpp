#include "load/input_checks.hpp"

#include "core/display_text.hpp"

namespace parity::load {

std::string shown_value(std::string_view value) {
  constexpr std::size_t k_max_quoted_chars = 200;
  return display_line(value, k_max_quoted_chars);
}

void require_file(const std::string& path, const SourceLocation& where, std::size_t max_bytes) {
  try {
    check_input_file(path, max_bytes);
  } catch (const InputFileError& error) {
    throw LoadError(where, std::string(error.what()) + ": " + shown_value(path));
  }
}

}  // namespace parity::load
