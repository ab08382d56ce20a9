#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace parity {

/// Size caps for the local files parity reads (README, "Limits"). A file over its cap is
/// refused before it is read, so that no input can exhaust memory.
/// Suites, profiles, server configurations, the requirement catalogue, fault proofs (YAML):
/// yaml-cpp's node graph takes about 75 bytes of memory per byte of YAML, so 1 MiB (some
/// 3,000 cases, or 48,000 policies) keeps loading under 100 MB.
inline constexpr std::size_t k_max_yaml_file_bytes = std::size_t{1} << 20;
/// PEM keys, certificates and CA bundles.
inline constexpr std::size_t k_max_pem_file_bytes = std::size_t{1} << 20;
/// JSON reports read back by `parity compare` and `parity drift`.
inline constexpr std::size_t k_max_report_file_bytes = std::size_t{32} << 20;

/// Why a local file cannot be used; what() is the reason without the path ("not a regular
/// file (a FIFO)", "larger than 1 MiB (52428800 bytes)", "file not found").
class InputFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Returns the whole content of `path`, which must be a regular file (after symbolic links)
/// of at most `max_bytes`. Never blocks on a FIFO or device and never reads past the cap,
/// even when the file grows while it is read. Throws InputFileError.
std::string read_input_file(const std::string& path, std::size_t max_bytes);

/// Checks, without reading it, that `path` is a regular file of at most `max_bytes`, for files
/// that a library opens by name later (CA bundles for curl, server certificates for OpenSSL).
/// Throws InputFileError.
void check_input_file(const std::string& path, std::size_t max_bytes);

/// "8 MiB", "1 MiB", "512 KiB", "100 bytes": a cap as messages state it.
std::string describe_size(std::size_t bytes);

}  // namespace parity
