#include "run/discovery.hpp"

#include "core/display_text.hpp"
#include "eval/json_depth.hpp"
#include "http/url.hpp"

#include <nlohmann/json.hpp>

#include <string_view>
#include <tuple>

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

std::string json_type(const nlohmann::json& value) {
  if (value.is_number()) {
    return "a number";
  }
  if (value.is_boolean()) {
    return "a boolean";
  }
  if (value.is_null()) {
    return "null";
  }
  return value.is_array() ? "an array" : "an object";
}

/// Fills `target` (an endpoint the profile leaves empty) from `member`; returns what is wrong
/// with the member when it cannot ("" when filled, or when the profile gives the endpoint).
std::string fill_endpoint(std::string& target,
                          const nlohmann::json& metadata,
                          const char* member,
                          const char* profile_key) {
  if (!target.empty()) {
    return "";
  }
  const auto found = metadata.find(member);
  const std::string missing =
      std::string(" (and the profile's endpoints give no '") + profile_key + "')";
  if (found == metadata.end()) {
    return std::string(member) + " is missing" + missing;
  }
  if (!found->is_string()) {
    return std::string(member) + " is " + json_type(*found) + ", not a URL string" + missing;
  }
  const std::string url = found->get<std::string>();
  if (!http::parse_url(url)) {
    constexpr std::size_t k_max_shown = 120;
    return std::string(member) + " '" + display_line(url, k_max_shown) + "' is not an http(s) URL" +
           missing;
  }
  target = url;
  return "";
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
  // Every case needs these three: one clear setup error naming each bad member, rather than
  // every case erroring on an empty URL.
  std::string problems;
  for (const auto& [target, member, key] :
       {std::tuple{&profile.endpoints.par, "pushed_authorization_request_endpoint", "par"},
        std::tuple{&profile.endpoints.authorization, "authorization_endpoint", "authorization"},
        std::tuple{&profile.endpoints.token, "token_endpoint", "token"}}) {
    const std::string problem = fill_endpoint(*target, metadata, member, key);
    if (!problem.empty()) {
      problems += (problems.empty() ? "" : "; ") + problem;
    }
  }
  if (!problems.empty()) {
    return "metadata " + url + ": " + problems;
  }
  if (profile.issuer.empty() && metadata.contains("issuer") && metadata["issuer"].is_string()) {
    profile.issuer = metadata["issuer"].get<std::string>();
  }
  profile.capabilities.insert("discovery");
  return "";
}

}  // namespace parity::run
