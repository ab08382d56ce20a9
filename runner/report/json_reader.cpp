// Reading half of json_report.hpp: rebuilds a RunResult and reports malformed input by JSON path.
#include "core/errors.hpp"
#include "report/json_report.hpp"

#include <array>
#include <optional>

namespace parity::report {
namespace {

using nlohmann::json;

constexpr std::array k_outcomes{
    Outcome::passed, Outcome::warned, Outcome::failed, Outcome::errored, Outcome::skipped};
constexpr std::array k_step_kinds{
    StepKind::push, StepKind::authorize, StepKind::token, StepKind::wait, StepKind::discover};

/// Reads one document; every accessor names the JSON path of what it reads in its errors.
class Reader {
 public:
  explicit Reader(std::string source) : m_source(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw LoadError(SourceLocation{m_source, 0, 0}, (path.empty() ? "" : path + ": ") + message);
  }

  /// Returns member `key` of object `node` (at `path`), or nullptr when absent; fails if
  /// `required` and absent.
  const json* member(const json& node,
                     const std::string& path,
                     const char* key,
                     bool required) const {
    const auto found = node.find(key);
    if (found == node.end()) {
      if (required) {
        fail(path, std::string("missing member '") + key + "'");
      }
      return nullptr;
    }
    return &*found;
  }

  const json& expect(const json& value,
                     const std::string& path,
                     json::value_t type,
                     const char* type_name) const {
    const bool ok = value.type() == type ||
                    (type == json::value_t::number_integer && value.is_number_unsigned());
    if (!ok) {
      fail(path, std::string("expected ") + type_name + ", got " + value.type_name());
    }
    return value;
  }

  std::string string(const json& node,
                     const std::string& path,
                     const char* key,
                     bool required = false) const {
    const json* value = member(node, path, key, required);
    return value == nullptr ? std::string()
                            : expect(*value, join(path, key), json::value_t::string, "a string")
                                  .get<std::string>();
  }

  std::int64_t integer(const json& node, const std::string& path, const char* key) const {
    const json* value = member(node, path, key, false);
    return value == nullptr
               ? 0
               : expect(*value, join(path, key), json::value_t::number_integer, "an integer")
                     .get<std::int64_t>();
  }

  bool boolean(const json& node, const std::string& path, const char* key, bool fallback) const {
    const json* value = member(node, path, key, false);
    return value == nullptr
               ? fallback
               : expect(*value, join(path, key), json::value_t::boolean, "a boolean").get<bool>();
  }

  /// Returns array member `key` (empty when absent).
  const json& array(const json& node,
                    const std::string& path,
                    const char* key,
                    bool required = false) const {
    static const json k_empty = json::array();
    const json* value = member(node, path, key, required);
    return value == nullptr ? k_empty
                            : expect(*value, join(path, key), json::value_t::array, "an array");
  }

  /// Returns object member `key` (empty when absent).
  const json& object(const json& node,
                     const std::string& path,
                     const char* key,
                     bool required = false) const {
    static const json k_empty = json::object();
    const json* value = member(node, path, key, required);
    return value == nullptr ? k_empty
                            : expect(*value, join(path, key), json::value_t::object, "an object");
  }

  static std::string join(const std::string& path, const char* key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string index(const std::string& path, const char* key, std::size_t i) {
    return join(path, key) + "[" + std::to_string(i) + "]";
  }

 private:
  std::string m_source;
};

std::vector<std::string> string_list(const Reader& in,
                                     const json& node,
                                     const std::string& path,
                                     const char* key) {
  std::vector<std::string> out;
  const json& values = in.array(node, path, key);
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.push_back(
        in.expect(values[i], Reader::index(path, key, i), json::value_t::string, "a string")
            .get<std::string>());
  }
  return out;
}

http::Headers headers(const Reader& in, const json& node, const std::string& path) {
  http::Headers out;
  const json& values = in.array(node, path, "headers");
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string at = Reader::index(path, "headers", i);
    const json& pair = values[i];
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
      in.fail(at, "expected a [name, value] pair of strings");
    }
    out.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return out;
}

template <typename Enum, std::size_t N>
Enum enum_value(const Reader& in,
                const json& node,
                const std::string& path,
                const char* key,
                const std::array<Enum, N>& values) {
  const std::string name = in.string(node, path, key, true);
  std::string known;
  for (const Enum value : values) {
    if (to_string(value) == name) {
      return value;
    }
    known += (known.empty() ? "" : ", ") + std::string(to_string(value));
  }
  in.fail(Reader::join(path, key),
          "unknown " + std::string(key) + " '" + name + "' (expected one of " + known + ")");
}

Level level_value(const Reader& in, const json& node, const std::string& path) {
  const std::string name = in.string(node, path, "level");
  if (name.empty() || name == "must") {
    return Level::must;
  }
  if (name == "should") {
    return Level::should;
  }
  in.fail(Reader::join(path, "level"), "unknown level '" + name + "' (expected must or should)");
}

http::Exchange read_exchange(const Reader& in, const json& node, const std::string& path) {
  in.expect(node, path, json::value_t::object, "an object");
  http::Exchange out;
  const std::string request_path = Reader::join(path, "request");
  const json& request = in.object(node, path, "request");
  out.request.method = in.string(request, request_path, "method");
  out.request.url = in.string(request, request_path, "url");
  out.request.headers = headers(in, request, request_path);
  out.request.body = in.string(request, request_path, "body");
  if (request.contains("tls_client_certificate")) {
    out.request.tls_identity =
        http::TlsIdentity{"", "", in.string(request, request_path, "tls_client_certificate")};
  }
  const std::string response_path = Reader::join(path, "response");
  const json& response = in.object(node, path, "response");
  out.response.status = static_cast<int>(in.integer(response, response_path, "status"));
  out.response.headers = headers(in, response, response_path);
  out.response.body = in.string(response, response_path, "body");
  out.transport_error = in.string(node, path, "transport_error");
  out.elapsed_ms = in.integer(node, path, "elapsed_ms");
  return out;
}

Check read_check(const Reader& in, const json& node, const std::string& path) {
  in.expect(node, path, json::value_t::object, "an object");
  Check out;
  out.description = in.string(node, path, "description");
  out.passed = in.boolean(node, path, "passed", false);
  out.expected = in.string(node, path, "expected");
  out.actual = in.string(node, path, "actual");
  const std::string where_path = Reader::join(path, "where");
  const json& where = in.object(node, path, "where");
  out.where.file = in.string(where, where_path, "file");
  out.where.line = static_cast<int>(in.integer(where, where_path, "line"));
  out.where.column = static_cast<int>(in.integer(where, where_path, "column"));
  return out;
}

StepResult read_step(const Reader& in, const json& node, const std::string& path) {
  in.expect(node, path, json::value_t::object, "an object");
  StepResult out;
  out.name = in.string(node, path, "name");
  out.kind = enum_value(in, node, path, "kind", k_step_kinds);
  out.outcome = enum_value(in, node, path, "outcome", k_outcomes);
  out.error = in.string(node, path, "error");
  out.elapsed_ms = in.integer(node, path, "elapsed_ms");
  const json& observed = in.object(node, path, "observed");
  for (const auto& [key, value] : observed.items()) {
    in.expect(value, Reader::join(path, "observed") + "." + key, json::value_t::string, "a string");
    out.observed[key] = value.get<std::string>();
  }
  const json& checks = in.array(node, path, "checks");
  for (std::size_t i = 0; i < checks.size(); ++i) {
    out.checks.push_back(read_check(in, checks[i], Reader::index(path, "checks", i)));
  }
  const json& exchanges = in.array(node, path, "exchanges");
  for (std::size_t i = 0; i < exchanges.size(); ++i) {
    out.exchanges.push_back(read_exchange(in, exchanges[i], Reader::index(path, "exchanges", i)));
  }
  return out;
}

CaseResult read_case(const Reader& in, const json& node, const std::string& path) {
  in.expect(node, path, json::value_t::object, "an object");
  CaseResult out;
  out.suite = in.string(node, path, "suite", true);
  out.id = in.string(node, path, "id", true);
  out.title = in.string(node, path, "title");
  out.file = in.string(node, path, "file");
  out.requirements = string_list(in, node, path, "requirements");
  out.tags = string_list(in, node, path, "tags");
  out.level = level_value(in, node, path);
  out.level_reason = in.string(node, path, "level_reason");
  out.outcome = enum_value(in, node, path, "outcome", k_outcomes);
  out.skip_reason = in.string(node, path, "skip_reason");
  out.error = in.string(node, path, "error");
  out.login_screenshot = in.string(node, path, "login_screenshot");
  out.elapsed_ms = in.integer(node, path, "elapsed_ms");
  const json& steps = in.array(node, path, "steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    out.steps.push_back(read_step(in, steps[i], Reader::index(path, "steps", i)));
  }
  return out;
}

/// Says plainly when `doc` is not the JSON report of a run, before any member is read.
void check_header(const Reader& in, const json& doc) {
  if (!doc.is_object()) {
    in.fail("",
            std::string("not a parity JSON report (the document is ") + doc.type_name() +
                ", not an object); give the <profile>.json that `parity run` wrote");
  }
  const auto tool = doc.find("tool");
  const auto kind = doc.find("kind");
  if (tool == doc.end() || !tool->is_string() || *tool != "parity") {
    in.fail("",
            "not a parity JSON report (it has no \"tool\": \"parity\"); give the "
            "<profile>.json that `parity run` wrote");
  }
  if (kind != doc.end() && kind->is_string()) {
    in.fail("",
            "not the report of a run: it is a parity " + kind->get<std::string>() +
                " document; give the <profile>.json that `parity run` wrote");
  }
  const json* version = in.member(doc, "", "schema_version", true);
  in.expect(*version, "schema_version", json::value_t::number_integer, "an integer");
  if (version->get<std::int64_t>() != k_json_schema_version) {
    in.fail("schema_version",
            "unsupported schema_version " + version->dump() + " (this parity reads " +
                std::to_string(k_json_schema_version) + ")");
  }
}

}  // namespace

std::string not_json_message(std::size_t byte) {
  return "not a parity JSON report: not JSON (syntax error at byte " + std::to_string(byte) +
         "); give the <profile>.json that `parity run` wrote";
}

// "transport" (absent in reports written before it existed: https).
Transport read_transport(const Reader& in, const json& doc) {
  const std::string name = in.string(doc, "", "transport");
  if (name.empty()) {
    return Transport::https;
  }
  if (const auto transport = parse_transport(name)) {
    return *transport;
  }
  in.fail("transport", "unknown transport '" + name + "' (expected https or plain_http)");
}

RunResult from_json(const json& doc, const std::string& source_name) {
  const Reader in(source_name);
  check_header(in, doc);
  RunResult out;
  out.tool_version = in.string(doc, "", "tool_version");
  const json& profile = in.object(doc, "", "profile", true);
  out.profile_id = in.string(profile, "profile", "id", true);
  out.profile_name = in.string(profile, "profile", "name");
  out.emulation = in.string(profile, "profile", "emulation");
  out.issuer = in.string(profile, "profile", "issuer");
  out.started_at = in.string(doc, "", "started_at");
  out.hostname = in.string(doc, "", "hostname");
  out.setup_error = in.string(doc, "", "setup_error");
  out.elapsed_ms = in.integer(doc, "", "elapsed_ms");
  out.tls_verified = in.boolean(doc, "", "tls_verified", true);
  out.transport = read_transport(in, doc);
  out.embedded_server = in.boolean(doc, "", "embedded_server", false);
  const json& cases = in.array(doc, "", "cases", true);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    out.cases.push_back(read_case(in, cases[i], Reader::index("", "cases", i)));
  }
  return out;
}

RunResult read_json(std::istream& in, const std::string& source_name) {
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::parse_error& error) {
    throw LoadError(SourceLocation{source_name, 0, 0}, not_json_message(error.byte));
  }
  return from_json(doc, source_name);
}

}  // namespace parity::report
