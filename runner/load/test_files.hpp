#pragma once

#include "core/build_info.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace parity::load::test_support {

/// A fresh temporary directory, removed with everything in it on destruction (tests only).
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parity-load-XXXXXX").string();
    m_path = ::mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&&) = delete;
  TempDir& operator=(TempDir&&) = delete;

  /// The directory's absolute path.
  const std::string& path() const { return m_path; }

  /// Writes `text` to `name` (sub-directories created) and returns the file's path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = std::filesystem::path(m_path) / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

  /// Copies fixtures/keys/`key` to `name` and returns the copy's path.
  std::string copy_key(const std::string& key, const std::string& name) const {
    return copy_fixture("keys/" + key, name);
  }

  /// Copies fixtures/`fixture` (e.g. "tls/client.pem") to `name` and returns the copy's path.
  std::string copy_fixture(const std::string& fixture, const std::string& name) const {
    const std::filesystem::path file = std::filesystem::path(m_path) / name;
    std::filesystem::create_directories(file.parent_path());
    std::filesystem::copy_file(
        std::filesystem::path(parity::build_info::source_path("fixtures")) / fixture, file);
    return file.string();
  }

 private:
  std::string m_path;
};

}  // namespace parity::load::test_support
