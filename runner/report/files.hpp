#pragma once

#include <filesystem>
#include <string_view>

namespace parity::report {

/// Writes `content` to `path` atomically: it goes to a temporary file in the same directory,
/// is flushed to disk, and is then renamed over `path`, so readers (and a crash) never see a
/// half-written report. Missing parent directories are created. Throws std::runtime_error
/// naming the path and the system error (strerror) on failure; no temporary file is left.
void write_text_atomic(const std::filesystem::path& path, std::string_view content);

}  // namespace parity::report
