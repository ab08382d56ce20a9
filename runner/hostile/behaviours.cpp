#include "hostile/behaviours.hpp"

#include "hostile/bombs.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>

namespace parity::hostile {
namespace {

using namespace std::chrono_literals;

// Big enough to exceed any sane response cap (the runner's default is 1 MiB).
constexpr std::size_t k_flood_bytes = 64 * 1024 * 1024;
// Inflated size of the compression bombs (compressed they stay far below 1 MiB).
constexpr std::size_t k_bomb_bytes = 32 * 1024 * 1024;
// Nesting of the deep-JSON answers (a 1 MiB cap leaves room for about 500000).
constexpr std::size_t k_json_depth = 200000;
// The HTML error page: 1 MiB less room for its status line and headers, so it fits the cap.
constexpr std::size_t k_error_page_bytes = 1024 * 1024 - 4096;
constexpr int k_header_count = 10000;

std::string response(const std::string& status_line,
                     const std::string& headers,
                     const std::string& body) {
  return "HTTP/1.1 " + status_line + "\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

std::string json_created(const std::string& body) {
  return response("201 Created", "Content-Type: application/json\r\n", body);
}

void send_ok(const Connection& c) {
  c.send(json_created(R"({"request_uri": "urn:hostile:ok", "expires_in": 60})"));
}

void never_answer(const Connection& c) {
  c.pause(24h);  // until the server stops
}

// A valid answer, one byte per second: only a total timeout ends it.
void trickle(const Connection& c) {
  const std::string answer = json_created(R"({"request_uri": "urn:hostile:slow"})");
  for (const char byte : answer) {
    if (!c.send(std::string(1, byte)) || !c.pause(1s)) {
      return;
    }
  }
}

void huge_body(const Connection& c) {
  if (!c.send("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
              R"({"request_uri": ")")) {
    return;
  }
  const std::string chunk(64 * 1024, 'a');
  for (std::size_t sent = 0; sent < k_flood_bytes && c.send(chunk); sent += chunk.size()) {
  }
}

void huge_header(const Connection& c) {
  c.send(response(
      "201 Created",
      "Content-Type: application/json\r\nX-Huge: " + std::string(1024 * 1024, 'h') + "\r\n",
      R"({"request_uri": "urn:hostile:huge-header"})"));
}

void many_headers(const Connection& c) {
  if (!c.send("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n")) {
    return;
  }
  std::string batch;
  for (int i = 0; i < 1000; ++i) {
    batch += "X-Many-" + std::to_string(i) + ": v\r\n";
  }
  for (std::size_t sent = 0; sent < k_flood_bytes && c.send(batch); sent += batch.size()) {
  }
}

std::string nested_array(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

// Oversized answers a runner must record in bounded memory and report in bounded size
// (README, "Limits"): each also keeps its status line and headers in the record.

// A 1 MiB HTML error page, under the 1 MiB cap with its headers: judged whole, recorded as an
// excerpt.
void error_page(const Connection& c) {
  std::string page = "<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1><pre>";
  const std::string line = "at com.example.Handler.handle(Handler.java:42) &lt;trace&gt;\n";
  while (page.size() + line.size() < k_error_page_bytes) {
    page += line;
  }
  page += "</pre></body></html>";
  c.send(response("500 Internal Server Error", "Content-Type: text/html\r\n", page));
}

// Ten thousand short headers (about 220 KB: under curl's 300 KiB total).
void ten_thousand_headers(const Connection& c) {
  std::string headers = "Content-Type: application/json\r\n";
  for (int i = 0; i < k_header_count; ++i) {
    headers += "X-Pad-" + std::to_string(i) + ": " + std::to_string(i * 7919) + "\r\n";
  }
  c.send(response("500 Internal Server Error", headers, R"({"error": "server_error"})"));
}

// A 500 whose body streams 64 MiB: over the cap, yet the status must still be reported.
void huge_error(const Connection& c) {
  if (!c.send("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n"
              "Connection: close\r\n\r\n<html><body>")) {
    return;
  }
  const std::string chunk(std::size_t{64} * 1024, 'e');
  for (std::size_t sent = 0; sent < k_flood_bytes && c.send(chunk); sent += chunk.size()) {
  }
}

// A body in ISO-8859-1 labelled as JSON: not JSON (JSON is UTF-8, RFC 8259 §8.1).
void latin1_json(const Connection& c) {
  c.send(json_created("{\"request_uri\": \"urn:caf\xe9\"}"));
}

// U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LEFT-TO-RIGHT ISOLATE in the reason phrase, a
// header and the error_description: a terminal or a report viewer would reorder what follows.
void bidi(const Connection& c) {
  // Spelt as bytes: a string literal holding them would be what it warns about.
  const std::string rlo{'\xe2', '\x80', '\xae'};
  const std::string lri{'\xe2', '\x81', '\xa6'};
  c.send(response(
      "400 Bad " + rlo + "tseuqeR",
      "Content-Type: application/json\r\nX-Note: " + lri + "note" + rlo + "txt\r\n",
      R"({"error": "invalid_request", "error_description": "see )" + rlo + R"(gpj.exe"})"));
}

// Authorization server metadata (RFC 8414 §2) whose endpoint members are missing or of the
// wrong type: one setup error must name them.
void bad_metadata(const Connection& c) {
  c.send(response("200 OK",
                  "Content-Type: application/json\r\n",
                  R"({"issuer": "http://127.0.0.1", "authorization_endpoint": ["/authorize"],)"
                  R"( "token_endpoint": 42})"));
}

void nested_member(const Connection& c) {
  c.send(json_created(R"({"request_uri": )" + nested_array(k_json_depth) + "}"));
}

void nested_document(const Connection& c) {
  c.send(json_created(nested_array(k_json_depth)));
}

void invalid_json(const Connection& c) {
  c.send(json_created(R"({"request_uri": "urn:hostile:cut", "expires_in": 6)"));
}

void wrong_types(const Connection& c) {
  c.send(json_created(R"({"request_uri": 42, "expires_in": "soon"})"));
}

// Control characters, CDATA terminators, markup and ill-formed UTF-8 (a stray continuation
// byte, an overlong, a truncated sequence, an encoded surrogate, 0xFF). No NUL: it goes in
// header lines, where curl refuses NUL.
std::string hostile_text() {
  return "ctl:\x01\x02\x1b\x7f cdata:]]> markup:<x a=\"1\">&amp;</x> "
         "bad:\x80\xc0\xaf\xe2\x82\xed\xa0\x80\xff end";
}

void hostile_chars(const Connection& c) {
  const std::string text = hostile_text();
  c.send(response("400 " + text,
                  "Content-Type: application/json\r\nX-Hostile: " + text + "\r\n",
                  R"({"error": "invalid_request", "error_description": ")" + text +
                      "nul:" + std::string(1, '\0') + "\"}"));
}

void json_hostile_chars(const Connection& c) {
  c.send(json_created(R"({"request_uri": ")" + hostile_text() + "\"}"));
}

void encoded(const Connection& c, const std::string& coding, const std::string& body) {
  c.send(response("201 Created",
                  "Content-Type: application/json\r\nContent-Encoding: " + coding + "\r\n",
                  body));
}

const std::string& cached_gzip_bomb() {
  static const std::string bomb = gzip_bomb(k_bomb_bytes);
  return bomb;
}

const std::string& cached_brotli_bomb() {
  static const std::string bomb = brotli_bomb(k_bomb_bytes);
  return bomb;
}

void connection_reset(const Connection& c) {
  c.send(
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n"
      R"({"request_uri": "urn:hos)");
  c.pause(100ms);
  c.reset();
}

void not_http(const Connection& c) {
  // The sv literal keeps its embedded NUL bytes and knows its own length (a hard-coded length
  // of 42 read past the end of this 34-byte literal: found by AddressSanitizer).
  using namespace std::string_view_literals;
  c.send(std::string("\x16\x03\x01\x00\xa5garbage\0\xff not HTTP at all\r\n\r\n"sv));
}

void interim_only(const Connection& c) {
  c.send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n");
}

void short_body(const Connection& c) {
  c.send(
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
      R"({"request_uri": "urn)");
}

// The credential headers of `request` as "Name: value" lines.
std::string credential_headers(const ReceivedRequest& request) {
  std::string lines;
  for (const char* name : {"Authorization", "DPoP"}) {
    const std::string marker = std::string("\r\n") + name + ": ";
    const auto at = request.head.find(marker);
    if (at != std::string::npos) {
      const auto start = at + marker.size();
      lines += std::string(name) + ": " +
               request.head.substr(start, request.head.find("\r\n", start) - start) + "\n";
    }
  }
  return lines;
}

// An error page that shows the request back, as some debugging servers do; the credential
// headers are also sent back as X-Echo-<Name> response headers.
void echo(const ReceivedRequest& request, const Connection& c) {
  std::string echoed_headers;
  std::string lines = credential_headers(request);
  for (auto end = lines.find('\n'); end != std::string::npos; end = lines.find('\n')) {
    echoed_headers += "X-Echo-" + lines.substr(0, end) + "\r\n";
    lines.erase(0, end + 1);
  }
  c.send(response("400 Bad Request",
                  "Content-Type: text/plain\r\n" + echoed_headers,
                  "You sent:\n" + request.head + "\n\n" + request.body));
}

// The echo inside a JSON member, credentials first, so that captures and the (truncated)
// texts of failed checks quote them.
void echo_json(const ReceivedRequest& request, const Connection& c) {
  const nlohmann::json body = {
      {"request_uri", credential_headers(request) + request.body + "\n" + request.head}};
  c.send(json_created(body.dump()));
}

using Action = std::function<void(const ReceivedRequest&, const std::string&, const Connection&)>;

template <typename F>
Action simple(F f) {
  return [f](const ReceivedRequest&, const std::string&, const Connection& c) {
    f(c);
  };
}

const std::map<std::string, Action>& actions() {
  static const std::map<std::string, Action> table = {
      {"/ok", simple(send_ok)},
      {"/landed", simple(send_ok)},
      {"/never", simple(never_answer)},
      {"/slow", simple(trickle)},
      {"/huge-body", simple(huge_body)},
      {"/huge-header", simple(huge_header)},
      {"/many-headers", simple(many_headers)},
      {"/nested-json", simple(nested_member)},
      {"/nested-json-document", simple(nested_document)},
      {"/invalid-json", simple(invalid_json)},
      {"/wrong-types", simple(wrong_types)},
      {"/hostile-chars", simple(hostile_chars)},
      {"/hostile-chars-json", simple(json_hostile_chars)},
      {"/gzip-bomb", simple([](const Connection& c) { encoded(c, "gzip", cached_gzip_bomb()); })},
      {"/br-bomb", simple([](const Connection& c) { encoded(c, "br", cached_brotli_bomb()); })},
      {"/reset", simple(connection_reset)},
      {"/not-http", simple(not_http)},
      {"/redirect-loop", simple([](const Connection& c) {
         c.send(response("302 Found", "Location: /redirect-loop\r\n", ""));
       })},
      {"/redirect-other",
       [](const ReceivedRequest&, const std::string& other, const Connection& c) {
         c.send(response("307 Temporary Redirect", "Location: " + other + "\r\n", ""));
       }},
      {"/interim-only", simple(interim_only)},
      {"/status-999", simple([](const Connection& c) { c.send(response("999 Nine", "", "")); })},
      {"/status-000", simple([](const Connection& c) { c.send(response("000 Zero", "", "")); })},
      {"/short-body", simple(short_body)},
      {"/error-page", simple(error_page)},
      {"/ten-thousand-headers", simple(ten_thousand_headers)},
      {"/huge-error", simple(huge_error)},
      {"/latin1-json", simple(latin1_json)},
      {"/bidi", simple(bidi)},
      {"/bad-metadata", simple(bad_metadata)},
      {"/echo",
       [](const ReceivedRequest& r, const std::string&, const Connection& c) {
         echo(r, c);
       }},
      {"/echo-json",
       [](const ReceivedRequest& r, const std::string&, const Connection& c) {
         echo_json(r, c);
       }},
  };
  return table;
}

}  // namespace

const std::vector<Behaviour>& behaviours() {
  static const std::vector<Behaviour> list = {
      {"/ok", "a well-formed 201 PAR response (the control)"},
      {"/never", "reads the request and never answers"},
      {"/slow", "a valid 201 response sent one byte per second"},
      {"/huge-body", "a 201 whose body streams 64 MiB without Content-Length"},
      {"/huge-header", "one 1 MiB response header"},
      {"/many-headers", "response headers without end (about 64 MiB of them)"},
      {"/nested-json", "request_uri is an array nested 200000 deep"},
      {"/nested-json-document", "the whole body is an array nested 200000 deep"},
      {"/invalid-json", "a 201 whose JSON body is cut short"},
      {"/wrong-types", "request_uri is a number, expires_in a string"},
      {"/hostile-chars",
       "control characters, ]]>, markup and invalid UTF-8 in status, header, body"},
      {"/hostile-chars-json", "a 201 whose request_uri holds the same hostile characters"},
      {"/gzip-bomb", "Content-Encoding: gzip inflating to 32 MiB"},
      {"/br-bomb", "Content-Encoding: br inflating to 32 MiB"},
      {"/reset", "a TCP reset in the middle of the body"},
      {"/not-http", "bytes that are not HTTP"},
      {"/redirect-loop", "302 to itself"},
      {"/redirect-other", "307 to another host"},
      {"/interim-only", "only 1xx interim responses, then the connection closes"},
      {"/status-999", "status code 999"},
      {"/status-000", "status code 000"},
      {"/short-body", "a body shorter than its Content-Length"},
      {"/error-page", "a 500 with a 1 MiB HTML error page (under the size cap)"},
      {"/ten-thousand-headers", "a 500 with 10000 short response headers"},
      {"/huge-error", "a 500 whose HTML body streams 64 MiB (over the size cap)"},
      {"/latin1-json", "a 201 whose JSON body is ISO-8859-1, not UTF-8"},
      {"/bidi", "bidirectional overrides in reason phrase, header and error_description"},
      {"/bad-metadata", "metadata without a PAR endpoint, other endpoints of the wrong type"},
      {"/echo", "a 400 error page echoing the request line, headers and body"},
      {"/echo-json", "a 201 whose request_uri echoes the request"},
  };
  return list;
}

void prepare_behaviours() {
  static_cast<void>(cached_gzip_bomb());
  static_cast<void>(cached_brotli_bomb());
}

void respond(const ReceivedRequest& request,
             const std::string& other_host,
             const Connection& connection) {
  const auto& table = actions();
  const auto found = table.find(request.path);
  if (found == table.end()) {
    connection.send(response("404 Not Found", "Content-Type: application/json\r\n", "{}"));
    return;
  }
  found->second(request, other_host, connection);
}

}  // namespace parity::hostile
