#pragma once

#include "server/httplib_fwd.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace parity::server {

struct ServerContext;

/// RFC 9126 §2: POST /par with the form `body`; 201 with request_uri and expires_in.
void handle_par(ServerContext& ctx,
                const httplib::Request& req,
                const std::string& body,
                httplib::Response& res);
/// RFC 6749 §4.1.1 / RFC 9126 §4: GET /authorize, with a pushed or a front-channel request;
/// the test user consents at once.
void handle_authorize(ServerContext& ctx, const httplib::Request& req, httplib::Response& res);
/// RFC 6749 §4.1.3 / RFC 7636 §4.6: POST /token, authorization_code grant.
void handle_token(ServerContext& ctx,
                  const httplib::Request& req,
                  const std::string& body,
                  httplib::Response& res);
/// RFC 8414 §2 / RFC 9126 §5: the authorization server metadata document.
nlohmann::json metadata_document(const ServerContext& ctx);

}  // namespace parity::server
