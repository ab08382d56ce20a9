#include "core/build_info.hpp"

#include <filesystem>
#include <system_error>

// The only translation unit that sees the build's paths and version (CMakeLists.txt sets them
// on this file alone), so that every other object is the same whatever the checkout's path and
// a compiler cache can share it between checkouts.

namespace parity::build_info {
namespace {

/// The data of an installed parity (the Debian package: /usr/bin/parity and
/// /usr/share/parity), found from the executable's own path so that an installation extracted
/// under any root works; empty when this binary is not installed that way.
std::string installed_data_dir() {
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    return "";
  }
  const std::filesystem::path data = executable.parent_path().parent_path() / "share" / "parity";
  if (!std::filesystem::is_directory(data / "suites", error)) {
    return "";
  }
  return data.string();
}

}  // namespace

std::string_view version() {
  return PARITY_VERSION;
}

std::string_view source_dir() {
  static const std::string dir = [] {
    std::string installed = installed_data_dir();
    return installed.empty() ? std::string(PARITY_SOURCE_DIR) : installed;
  }();
  return dir;
}

std::string source_path(std::string_view relative) {
  std::string path(source_dir());
  path += '/';
  path += relative;
  return path;
}

std::string fixture_path(std::string_view relative) {
  return source_path(std::string("fixtures/") + std::string(relative));
}

}  // namespace parity::build_info
