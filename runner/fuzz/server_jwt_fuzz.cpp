// libFuzzer target: the reference server's JWT checks with correctly signed JWTs, so the
// claim checks behind the signature (exp, iat, nbf, aud, iss, jti, htm, htu, typ, jwk) are
// reached: client assertions (RFC 7523), Request Objects (RFC 9101) and DPoP proofs
// (RFC 9449). Input lines: the kind ("assertion", "request" or "dpop"), the client_id, the JWS
// header JSON, then the payload JSON. The harness signs header and payload with the key the
// header's alg and the client call for (the client's secret for HS256, the fixture RSA or EC
// key otherwise; unsigned for any other alg). When header or payload is not a JSON object,
// the text from the header line on is sent as the JWT as is. "@now@" in the payload stands for
// the current time in seconds (iat must be recent).

#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "fuzz/fuzz_support.hpp"
#include "server/authorization_request.hpp"
#include "server/client_auth.hpp"
#include "server/config.hpp"
#include "server/context.hpp"
#include "server/dpop.hpp"
#include "server/request_object.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>

namespace {

using nlohmann::json;
using parity::fuzz::take_line;
using parity::server::RegisteredClient;
using parity::server::ServerContext;

struct Fixed {
  parity::server::ServerConfig config;
  parity::crypto::Key rsa;
  parity::crypto::Key ec;
};

const Fixed& fixed() {
  static const Fixed loaded = [] {
    Fixed all{parity::server::load_server_config(parity::fuzz::fixture("reference/default.yaml")),
              parity::crypto::Key::from_pem_file(parity::fuzz::fixture("keys/client_rsa.pem")),
              parity::crypto::Key::from_pem_file(parity::fuzz::fixture("keys/client_ec.pem"))};
    all.config.tls.reset();
    return all;
  }();
  return loaded;
}

// Signs like a well-behaved client would, whatever the header and payload say.
std::string sign(json header, const json& payload, const RegisteredClient* client, bool dpop) {
  const std::string alg =
      header.value("alg", json()).is_string() ? header["alg"].get<std::string>() : "";
  if (alg == "HS256") {
    const std::string secret = client != nullptr ? client->secret : "";
    return parity::crypto::sign_jws_hmac(std::move(header), payload, secret);
  }
  if (alg != "RS256" && alg != "PS256" && alg != "ES256") {
    return parity::crypto::unsigned_jws(std::move(header), payload);
  }
  const parity::crypto::Key& key = alg == "ES256" ? fixed().ec : fixed().rsa;
  if (dpop && !header.contains("jwk")) {
    header["jwk"] = key.public_jwk();
  }
  return parity::crypto::sign_jws(std::move(header), payload, key, alg);
}

std::string with_now(std::string_view text) {
  std::string out(text);
  const std::string now = std::to_string(std::time(nullptr));
  for (std::size_t at = out.find("@now@"); at != std::string::npos; at = out.find("@now@", at)) {
    out.replace(at, 5, now);
  }
  return out;
}

void check_assertion(ServerContext& ctx, const std::string& client_id, const std::string& jwt) {
  parity::http::Params params{
      {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
      {"client_assertion", jwt}};
  if (!client_id.empty()) {
    params.emplace_back("client_id", client_id);
  }
  (void)parity::server::authenticate_with_assertion(ctx, params);
}

void check_request_object(ServerContext& ctx,
                          const RegisteredClient* client,
                          const std::string& jwt) {
  const parity::http::Params params{{"request", jwt}};
  const auto unpacked = parity::server::unpack_request_object(ctx, params, client);
  if (!unpacked.error) {
    (void)parity::server::validate_authorization_request(ctx, unpacked.params, client, false);
  }
}

void check_dpop(ServerContext& ctx, const RegisteredClient* client, const std::string& jwt) {
  httplib::Request req;
  req.method = "POST";
  req.target = "/par";
  req.headers.emplace("DPoP", jwt);
  (void)parity::server::check_dpop_proof(ctx, req, ctx.par_endpoint(), client);
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)fixed();
  return 0;
}

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = parity::fuzz::as_text(data, size);
  const std::string_view kind = take_line(text);
  const std::string client_id(take_line(text));
  const std::string_view raw = text;
  const json header = json::parse(take_line(text), nullptr, false);
  const json payload = json::parse(with_now(text), nullptr, false);
  ServerContext ctx(fixed().config);
  ctx.origin = "http://127.0.0.1:8443";
  ctx.issuer = ctx.origin;
  const RegisteredClient* client = ctx.find_client(client_id);
  const bool dpop = kind == "dpop";
  const std::string jwt = header.is_object() && payload.is_object()
                              ? sign(header, payload, client, dpop)
                              : std::string(raw);
  if (dpop) {
    check_dpop(ctx, client, jwt);
  } else if (kind == "request") {
    check_request_object(ctx, client, jwt);
  } else {
    check_assertion(ctx, client_id, jwt);
  }
  return 0;
}
