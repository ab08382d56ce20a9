#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace parity::report {

/// Writes `content` to `path` atomically: it goes to a temporary file in the same directory,
/// is flushed to disk, and is then renamed over `path`, so readers (and a crash) never see a
/// half-written report. Missing parent directories are created. Throws std::runtime_error
/// naming the path and the system error (strerror) on failure; no temporary file is left.
void write_text_atomic(const std::filesystem::path& path, std::string_view content);

/// Why a report cannot be written at `path` ("" when it can), checked before a run so that
/// the results are not lost at the end: the path is a directory; its directory cannot be
/// created (a parent is a regular file, or cannot be written to); or nothing can be created in
/// its directory (read-only, full, no permission; found by creating and removing a probe
/// file). Creates the missing directories, as write_text_atomic() would.
std::string unwritable_reason(const std::filesystem::path& path);

}  // namespace parity::report
