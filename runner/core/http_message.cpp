#include "core/http_message.hpp"

#include "core/strings.hpp"

namespace parity::http {

std::optional<std::string> find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_case(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace parity::http
