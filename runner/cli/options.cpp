#include "cli/options.hpp"

#include <filesystem>

namespace parity::cli {

std::string default_path(const std::string& relative) {
  if (std::filesystem::exists(relative)) {
    return relative;
  }
  return (std::filesystem::path(PARITY_SOURCE_DIR) / relative).string();
}

}  // namespace parity::cli
