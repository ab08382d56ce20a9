#pragma once

// The UTF-8 helpers live in core/utf8.hpp (the display escaping of core/display_text.hpp
// needs them too); reporters keep calling them by their report:: names.
#include "core/utf8.hpp"

namespace parity::report {

using parity::append_utf8;
using parity::decode_utf8;
using parity::Decoded;
using parity::sanitize_utf8;
using parity::truncate_utf8;

}  // namespace parity::report
