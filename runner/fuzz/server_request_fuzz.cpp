// libFuzzer target: the reference server's request handling without a socket — form and
// query parsing, client authentication (Basic, post, JWT assertions), DPoP proofs, Request
// Objects, validation, the store, /authorize and /token (server/endpoints.hpp).
// Input: optional first line "#config <n>" choosing a fixture config, then requests separated
// by a line "====". Each request is "METHOD target", "Name: value" header lines, an empty line
// and the body. In a request, "@request_uri@" and "@code@" stand for the last request_uri
// minted and the last code issued, "@challenge@" for the S256 challenge of "@verifier@", so
// one input can walk a whole push → authorize → token flow. Every input gets a fresh server.

#include "crypto/pkce.hpp"
#include "fuzz/fuzz_support.hpp"
#include "http/url.hpp"
#include "server/config.hpp"
#include "server/context.hpp"
#include "server/endpoints.hpp"
#include "server/syntax.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using parity::fuzz::split_once;
using parity::fuzz::take_line;
using parity::server::ServerConfig;
using parity::server::ServerContext;

constexpr const char* k_verifier = "fuzz-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

const std::vector<ServerConfig>& configs() {
  static const std::vector<ServerConfig> loaded = [] {
    std::vector<ServerConfig> all;
    for (const char* file : {"default.yaml",
                             "par-required.yaml",
                             "state8.yaml",
                             "emulations/auth0.yaml",
                             "emulations/ibm-verify.yaml",
                             "emulations/pingone.yaml"}) {
      all.push_back(parity::server::load_server_config(
          parity::fuzz::fixture(std::string("reference/") + file)));
      all.back().tls.reset();
    }
    return all;
  }();
  return loaded;
}

// What later requests of the same input may refer to.
struct FlowState {
  std::string request_uri;
  std::string code;
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

std::string substitute(std::string_view raw, const FlowState& state) {
  std::string text(raw);
  replace_all(text, "@request_uri@", state.request_uri);
  replace_all(text, "@code@", state.code);
  replace_all(text, "@challenge@", parity::crypto::s256_challenge(k_verifier));
  replace_all(text, "@verifier@", k_verifier);
  return text;
}

httplib::Request read_request(std::string_view text, std::string& body) {
  httplib::Request req;
  const auto [method, target] = split_once(take_line(text), " ");
  req.method = std::string(method);
  req.target = std::string(target.value_or("/"));
  req.path = std::string(split_once(req.target, "?").first);
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (line.empty()) {
      break;
    }
    const auto [name, value] = split_once(line, ": ");
    req.headers.emplace(std::string(name), std::string(value.value_or("")));
  }
  body = std::string(text);
  req.body = body;
  return req;
}

void remember(const httplib::Response& res, FlowState& state) {
  if (res.status == 201 || res.status == 200) {
    const auto document = nlohmann::json::parse(res.body, nullptr, false);
    if (document.is_object() && document.contains("request_uri") &&
        document["request_uri"].is_string()) {
      state.request_uri = document["request_uri"].get<std::string>();
    }
  }
  if (res.has_header("Location")) {
    const auto url = parity::http::parse_url(res.get_header_value("Location"));
    if (const auto code =
            url ? parity::http::find_param(parity::http::form_decode(url->query), "code")
                : std::nullopt) {
      state.code = *code;
    }
  }
}

// Routes like install_routes() (server/reference_server.cpp), without the network.
void route(ServerContext& ctx,
           const httplib::Request& req,
           const std::string& body,
           httplib::Response& res) {
  const auto& emulation = ctx.config.emulation;
  if (req.path == emulation.par_path) {
    parity::server::handle_par(ctx, req, body, res);
  } else if (req.path == emulation.token_path) {
    parity::server::handle_token(ctx, req, body, res);
  } else if (req.path == emulation.authorization_path) {
    parity::server::handle_authorize(ctx, req, res);
  } else {
    res.body = parity::server::metadata_document(ctx).dump(2);
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)configs();
  return 0;
}

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = parity::fuzz::as_text(data, size);
  std::size_t config = 0;
  if (text.starts_with("#config ") && text.size() > 8) {
    config = static_cast<unsigned char>(text[8]) % configs().size();
    take_line(text);
  }
  ServerContext ctx(configs()[config]);
  ctx.origin = "http://127.0.0.1:8443";
  ctx.issuer = ctx.origin + ctx.config.emulation.issuer_path;
  FlowState state;
  for (std::optional<std::string_view> rest = text; rest;) {
    const auto [raw, next] = split_once(*rest, "\n====\n");
    std::string body;
    const std::string request = substitute(raw, state);
    const httplib::Request req = read_request(request, body);
    httplib::Response res;
    route(ctx, req, body, res);
    remember(res, state);
    rest = next;
  }
  return 0;
}
