#pragma once

#include "core/client_traits.hpp"
#include "core/errors.hpp"
#include "core/transport.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parity {

/// Client authentication methods (RFC 6749 §2.3, RFC 7523, OIDC Core §9, RFC 8705).
enum class AuthMethod {
  none,
  client_secret_basic,
  client_secret_post,
  client_secret_jwt,
  private_key_jwt,
  tls_client_auth,
  self_signed_tls_client_auth,
};

/// Returns the registered name of `method` (e.g. "client_secret_basic").
std::string_view to_string(AuthMethod method);
/// Parses a registered method name; nullopt when unknown.
std::optional<AuthMethod> parse_auth_method(std::string_view name);
/// Every registered method name, in a stable order (for messages and suggestions).
std::vector<std::string> auth_method_names();
/// True for methods that authenticate with the client secret (RFC 6749 §2.3.1, OIDC Core §9).
bool uses_secret(AuthMethod method);
/// True for the mutual-TLS methods, which authenticate with a certificate (RFC 8705 §2).
bool uses_tls_certificate(AuthMethod method);

/// One client the suite may act as. Secrets are resolved at load time and never reported.
struct Client {
  std::string name;  ///< key in the profile's `clients` map
  std::string id;    ///< client_id
  AuthMethod auth_method = AuthMethod::client_secret_basic;
  std::string secret;            ///< resolved client secret (empty when none)
  std::string secret_source;     ///< where it came from, e.g. "environment variable PARITY_X"
  std::string private_key_path;  ///< resolved absolute path of the PEM private key
  std::string
      signing_alg;     ///< JWS alg for assertions and request objects (RS256, PS256, ES256, HS256)
  std::string key_id;  ///< optional `kid`
  /// RFC 8705 §2: the PEM certificate and private key a tls_client_auth or
  /// self_signed_tls_client_auth client presents (its own `tls_client_cert`/`tls_client_key`,
  /// else the profile's `tls.client_cert`/`client_key`); empty for other methods.
  std::string tls_certificate_pem;
  std::string tls_private_key_pem;
  std::string tls_certificate_file;        ///< where the certificate came from, for reports
  std::vector<std::string> redirect_uris;  ///< the first one is used by default
  std::string scope;                       ///< default scope for pushes
  /// Roles from `roles:` (client_role); each role belongs to one client of the profile.
  std::set<std::string> roles;
  /// Registration properties from `properties:` (client_property), e.g. "pkce_required".
  std::set<std::string> properties;
  /// Parameters added to every push (the profile's `push_params`, then the client's, which
  /// win); templates, e.g. nonce=${nonce}. A case that sets the parameter itself wins.
  std::vector<std::pair<std::string, std::string>> push_params;
  /// The `aud` of its client assertions (the client's, else the profile's, else the issuer).
  AssertionAudience assertion_audience = AssertionAudience::issuer;
  /// Non-empty when the client cannot be used (e.g. its secret variable is unset);
  /// cases needing it are skipped with this reason.
  std::string unavailable_reason;
  SourceLocation where;
};

/// Endpoint URLs; empty ones are filled from discovery when the profile asks for it.
struct Endpoints {
  std::string authorization;
  std::string token;
  std::string par;
};

/// One rule of a profile's login script (profiles/README.md, "Login"): which HTML form of the
/// provider's login or consent pages it handles, and how it fills and submits that form.
/// A form matches when every given condition holds.
struct LoginForm {
  std::string name;                     ///< the rule's name, for messages
  std::string form_id;                  ///< match: the form's `id` attribute
  std::string action_contains;          ///< match: a substring of the resolved action URL
  std::vector<std::string> has_fields;  ///< match: controls with these names exist
  std::vector<std::pair<std::string, std::string>> field_values;  ///< match: control values
  /// Values typed into controls (added when absent); `${env:NAME}` already resolved.
  std::vector<std::pair<std::string, std::string>> fill;
  std::string submit;  ///< the submit button's name, value or text; empty: the first one
  SourceLocation where;
};

/// One step of a browser login (profiles/README.md, "Browser login"), done by a real browser
/// through W3C WebDriver.
struct BrowserStep {
  enum class Kind {
    wait_url,       ///< wait until the page URL matches `target`, a glob ('*' any text)
    wait_selector,  ///< wait until an element matching the CSS selector `target` is shown
    fill,           ///< type `value` into the element `target` (cleared first)
    click,          ///< click the element `target`
  };
  Kind kind = Kind::wait_selector;
  std::string target;  ///< URL glob or CSS selector
  std::string value;   ///< fill: the text typed, `${env:NAME}` resolved
  bool secret =
      false;  ///< `value` came from the environment: never reported, cleared before a screenshot
  /// Done only when `target` shows up within `timeout_ms` (default: the script's
  /// `optional_timeout_ms`), before the element of the next required step shows and before
  /// the browser is sent to the client; skipped otherwise (a consent page that only some
  /// logins show).
  bool optional = false;
  long timeout_ms = 0;  ///< 0: the script's default for this kind of step
  SourceLocation where;
};

/// A login done by a real headless browser (profiles/README.md, "Browser login").
struct BrowserScript {
  bool declared = false;  ///< the profile has `login: { browser: … }`
  std::vector<BrowserStep> steps;
  long step_timeout_ms = 10000;     ///< how long a step waits for its URL or element
  long optional_timeout_ms = 3000;  ///< how long an optional step waits before it is skipped
  long timeout_ms = 60000;          ///< the whole login, from the first navigation
  int sessions = 2;                 ///< browser sessions at most at once; more logins wait
  std::string chromium;             ///< the browser binary; empty: found at run time
  std::string chromedriver;         ///< the driver binary; empty: found at run time
  SourceLocation where;
};

/// One request of a login through HTTP steps (profiles/README.md, "Login through HTTP
/// steps"). Text values are templates: `${env:NAME}` is resolved at load time, `${name}`
/// at run time from the login's variables (authorize_url, location, origin, client_id,
/// redirect_uri and the captures).
struct HttpLoginStep {
  std::string name;
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> query;    ///< appended to `url`
  std::vector<std::pair<std::string, std::string>> headers;  ///< sent as given
  /// A JSON body (its string values are templates); null: none.
  nlohmann::json json_body;
  /// A form body (application/x-www-form-urlencoded); used when `has_form_body`.
  std::vector<std::pair<std::string, std::string>> form_body;
  bool has_form_body = false;
  /// Other statuses make the login fail; empty: any status (the last step's answer may be
  /// the server's refusal, which the case judges).
  std::vector<int> expect_status;
  /// Variables read from this step's response: name → selector (`location`,
  /// `location:<param>`, `header:<name>`, `json:<pointer>`).
  std::vector<std::pair<std::string, std::string>> captures;
  SourceLocation where;
};

/// A profile's declarative login automation (profiles/README.md, "Login"): how parity gets
/// from the authorization endpoint's first response to the redirect to the client.
struct LoginScript {
  bool declared = false;         ///< the profile has a `login:` block
  std::vector<LoginForm> forms;  ///< tried in order on each HTML page
  /// Sent in order after the authorization response, before the forms are tried; the last
  /// one's response continues the login (redirects followed, forms filled).
  std::vector<HttpLoginStep> http_steps;
  /// Variables read from the authorization response itself (name → selector).
  std::vector<std::pair<std::string, std::string>> http_captures;
  /// Declared: a real browser does the whole login instead of parity's HTTP client.
  BrowserScript browser;
  int max_requests = 12;             ///< requests one authorization may take after the first
  std::vector<std::string> secrets;  ///< values read from the environment: always redacted
  std::string unavailable_reason;    ///< non-empty: a variable is unset; `login` is withheld
  SourceLocation where;
};

/// TLS settings for every request to this provider.
struct TlsConfig {
  bool verify = true;       ///< false only when the profile says `insecure: true`; reports flag it
  std::string ca_file;      ///< extra CA bundle (PEM)
  std::string client_cert;  ///< PEM certificate for mTLS
  std::string client_key;   ///< PEM key for mTLS
};

/// A provider under test: where it is, how to act as its clients, and what it declares.
struct Profile {
  std::string id;    ///< stable id, e.g. "reference" or "okta"; used in report names
  std::string name;  ///< human name
  /// Non-empty: the profile targets an emulation of a vendor built from its documentation, not
  /// the live service; says so in every report (profiles/README.md, "Emulated vendors").
  std::string emulation;
  std::string file;  ///< the YAML file it was loaded from
  std::string issuer;
  /// Metadata URL (RFC 8414 / OIDC discovery). Empty: no discovery.
  std::string metadata_url;
  Endpoints endpoints;
  /// Declared capabilities (e.g. "pkce_s256", "pkce_plain", "jar"); see profiles/README.md.
  std::set<std::string> capabilities;
  /// Documented policies, name → scalar JSON value (e.g. "min_state_length": 8).
  std::map<std::string, nlohmann::json> policies;
  /// In file order, which carries no meaning: cases pick clients by role and property
  /// (plan/client_selector.hpp).
  std::vector<Client> clients;
  TlsConfig tls;
  /// `transport: plain_http` declares a plain-HTTP test rig: cases that require https
  /// (RFC 9126 §2) are skipped and every report names the transport.
  Transport transport = Transport::https;
  LoginScript login;  ///< login automation for cases that need a completed authorization
  /// RFC 9449: absolute path of the PEM private key that signs DPoP proofs (empty: none, and
  /// cases that need it are skipped), and its JWS alg (ES256 for EC, PS256 for RSA by default).
  std::string dpop_key;
  std::string dpop_alg;
  /// Non-empty: start the embedded reference server with this config file (absolute path)
  /// and take issuer and endpoints from it.
  std::string embedded_server_config;
  /// `--variable NAME=VALUE`: ${NAME} in every case, over a same-named case var or profile
  /// value (suites/README.md, "Variables").
  std::map<std::string, std::string> variables;
  long timeout_ms = 10000;                   ///< per-request timeout
  std::size_t max_response_bytes = 1 << 20;  ///< responses larger than this are an error
  /// Each case's deadline: its requests (login included) end by then or the case is errored;
  /// its `wait` steps move the deadline (profiles/README.md, "Limits").
  long case_deadline_ms = 120000;
  /// Each recorded body and header set keeps an excerpt of at most this many bytes, with its
  /// original size (http/excerpt.hpp); judging always sees the whole response.
  std::size_t max_recorded_bytes = std::size_t{16} * 1024;
  SourceLocation where;
};

}  // namespace parity
