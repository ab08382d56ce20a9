#pragma once

#include "core/http_message.hpp"

#include <functional>
#include <memory>

namespace parity::run {

/// Makes one HTTP client for one worker thread (cases, concurrent repetitions).
using HttpClientFactory = std::function<std::unique_ptr<http::HttpClient>()>;

/// Returns a client from `make_client`. When the factory throws or returns none, returns a
/// stand-in whose every exchange is a transport error "cannot create an HTTP client: …", so
/// the requests of that worker end as errored instead of stopping the run.
std::unique_ptr<http::HttpClient> make_client_or_stand_in(const HttpClientFactory& make_client);

}  // namespace parity::run
