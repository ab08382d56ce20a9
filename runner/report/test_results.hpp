#pragma once

#include "core/result.hpp"

#include <filesystem>
#include <string>

namespace parity::report::test_support {

/// Bytes a hostile server might send: ill-formed UTF-8 (stray byte, encoded surrogate,
/// truncated sequence), C0 controls including ESC, a CDATA terminator and XML specials.
inline const std::string k_hostile =
    std::string("bad\xff\xfe utf8 \xed\xa0\x80 cut\xe2\x82 ctl\x01\x1b[31m ]]> <&>\"' end");

/// Returns a run against profile "reference" with five cases in this order:
/// par.basic/push_returns_request_uri (passed), par.basic/cache_control_no_store (warned),
/// par.errors/timeout_is_reported (errored, transport error), par.basic/rejects_request_uri
/// (failed, two failing checks, hostile response body of 20 KiB), par.jar/signed_request_object
/// (skipped). TLS verification is off when `tls_verified` is false.
RunResult sample_run(bool tls_verified = true);

/// A fresh directory under the system temp dir, removed with its content on destruction.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  ~TempDir();

  /// The directory.
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

/// Returns the whole content of `path` ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

}  // namespace parity::report::test_support
