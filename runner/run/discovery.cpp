#include "run/discovery.hpp"

#include "eval/json_depth.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace parity::run {
namespace {

constexpr std::string_view k_oauth_suffix = "/.well-known/oauth-authorization-server";
constexpr std::string_view k_openid_suffix = "/.well-known/openid-configuration";
constexpr int k_not_found = 404;
constexpr int k_ok = 200;

http::Exchange fetch(http::HttpClient& client, const std::string& url) {
  http::Request request;
  request.method = "GET";
  request.url = url;
  request.headers.emplace_back("Accept", "application/json");
  http::Exchange exchange = client.send(request);
  exchange.request = request;  // the URL is quoted in error messages
  return exchange;
}

void fill(std::string& target, const nlohmann::json& metadata, const char* member) {
  if (target.empty() && metadata.contains(member) && metadata[member].is_string()) {
    target = metadata[member].get<std::string>();
  }
}

// Fetches the metadata URL, falling back from the RFC 8414 to the OIDC well-known path.
http::Exchange fetch_metadata(Profile& profile, http::HttpClient& client) {
  http::Exchange exchange = fetch(client, profile.metadata_url);
  if (exchange.transport_error.empty() && exchange.response.status == k_not_found &&
      profile.metadata_url.ends_with(k_oauth_suffix)) {
    const std::string fallback =
        profile.metadata_url.substr(0, profile.metadata_url.size() - k_oauth_suffix.size()) +
        std::string(k_openid_suffix);
    http::Exchange second = fetch(client, fallback);
    if (second.transport_error.empty() && second.response.status == k_ok) {
      profile.metadata_url = fallback;
    }
    return second;
  }
  return exchange;
}

}  // namespace

std::string discover_endpoints(Profile& profile, http::HttpClient& client) {
  if (profile.metadata_url.empty()) {
    return "";
  }
  const http::Exchange exchange = fetch_metadata(profile, client);
  const std::string url = exchange.request.url;
  if (!exchange.transport_error.empty()) {
    return "cannot fetch metadata " + url + ": " + exchange.transport_error;
  }
  if (exchange.response.status != k_ok) {
    return "metadata " + url + " answered HTTP " + std::to_string(exchange.response.status);
  }
  const nlohmann::json metadata =
      eval::parse_bounded_json(exchange.response.body).value_or(nlohmann::json());
  if (!metadata.is_object()) {
    return "metadata " + url + " is not a JSON object";
  }
  fill(profile.endpoints.par, metadata, "pushed_authorization_request_endpoint");
  fill(profile.endpoints.authorization, metadata, "authorization_endpoint");
  fill(profile.endpoints.token, metadata, "token_endpoint");
  fill(profile.issuer, metadata, "issuer");
  profile.capabilities.insert("discovery");
  return "";
}

}  // namespace parity::run
