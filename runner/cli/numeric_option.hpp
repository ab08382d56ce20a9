#pragma once

#include <CLI/CLI.hpp>

namespace parity::cli {

/// A CLI11 check for a numeric option: the whole value must be a decimal integer (no sign
/// other than '-', no suffix, no fraction) from `min` to `max`. "8x" is refused as "'8x' is
/// not a number", "0" as "0 is not between 1 and 64", before CLI11 converts anything.
CLI::Validator integer_between(long min, long max);

}  // namespace parity::cli
