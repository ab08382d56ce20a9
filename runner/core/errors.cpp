#include "core/errors.hpp"

namespace parity {

std::string SourceLocation::str() const {
  if (line <= 0) {
    return file;
  }
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

LoadError::LoadError(SourceLocation where, const std::string& message)
    : std::runtime_error(where.str().empty() ? message : where.str() + ": " + message),
      m_where(std::move(where)),
      m_message(message) {}

}  // namespace parity
