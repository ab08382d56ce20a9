#pragma once

#include "core/http_message.hpp"

#include <cstddef>

namespace parity::http {

/// Default size of each recorded excerpt (profile key `max_recorded_bytes`).
inline constexpr std::size_t k_default_excerpt_bytes = std::size_t{16} * 1024;

/// Each header kept in an excerpt counts this much beyond its name and value: about what the
/// indented JSON report spends around it. Ten thousand short headers must not make a large
/// report.
inline constexpr std::size_t k_header_excerpt_overhead = 64;

/// Returns `exchange` as it is recorded for reports: each body (request and response) cut to
/// its longest prefix whose escaped form (core/display_text.hpp) takes at most `max_bytes`,
/// and each header set cut to the headers (in order) that fit in `max_bytes`, counting name,
/// value and k_header_excerpt_overhead for each; a name or value longer than an eighth of
/// `max_bytes` is cut itself, ending in "…". What was cut is marked in `body_cut` and
/// `headers_cut` with the original sizes. Memory and report size per exchange stay bounded
/// whatever a server sends; judging happens before, on the whole exchange.
Exchange excerpt(Exchange exchange, std::size_t max_bytes);

}  // namespace parity::http
