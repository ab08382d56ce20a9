#pragma once

#include "core/errors.hpp"
#include "core/input_file.hpp"

#include <cstddef>
#include <string>
#include <string_view>

// What every reader of YAML input needs besides the YAML itself (load/yaml_reader.hpp): how a
// value is quoted in a load error, and the check of a file the document names.
namespace parity::load {

/// Returns a value quoted in a load error: on one line, escaped for the terminal
/// (core/display_text.hpp) and cut after 200 characters (a 100 KB URL stays readable).
std::string shown_value(std::string_view value);

/// Throws LoadError at `where` ("file not found: <path>", "not a regular file (a FIFO):
/// <path>", "larger than 1 MiB (…): <path>") unless `path` is a regular file of at most
/// `max_bytes` (core/input_file.hpp; PEM files by default).
void require_file(const std::string& path,
                  const SourceLocation& where,
                  std::size_t max_bytes = k_max_pem_file_bytes);

}  // namespace parity::load
