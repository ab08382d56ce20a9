#pragma once

/// The cpp-httplib types the server's headers name, declared without <httplib.h>, so that only
/// the .cpp files that handle requests pay for that header.
namespace httplib {
struct Request;
struct Response;
}  // namespace httplib
