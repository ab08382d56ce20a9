#include "fuzz/fuzz_support.hpp"

#include "core/build_info.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace parity::fuzz {
namespace {

namespace fs = std::filesystem;

// One scratch root per process: libFuzzer's -jobs/-workers run several processes at once.
const fs::path& scratch_root() {
  static const fs::path root = [] {
    fs::path dir = fs::temp_directory_path() / ("parity-fuzz-" + std::to_string(getpid()));
    fs::create_directories(dir / "input");
    std::error_code ignored;
    fs::create_directory_symlink(
        parity::build_info::source_path("fixtures"), dir / "fixtures", ignored);
    return dir;
  }();
  return root;
}

}  // namespace

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

std::pair<std::string_view, std::optional<std::string_view>> split_once(
    std::string_view text, std::string_view separator) {
  const std::size_t at = text.find(separator);
  if (at == std::string_view::npos) {
    return {text, std::nullopt};
  }
  return {text.substr(0, at), text.substr(at + separator.size())};
}

std::string_view take_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

std::string write_scratch_file(const std::string& name, std::string_view text) {
  const fs::path path = scratch_root() / "input" / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return path.string();
}

std::string fixture(const std::string& relative) {
  return parity::build_info::fixture_path("") + relative;
}

std::string source_path(const std::string& relative) {
  return parity::build_info::source_path("") + relative;
}

}  // namespace parity::fuzz
