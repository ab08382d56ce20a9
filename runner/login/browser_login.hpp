#pragma once

#include "core/profile.hpp"
#include "login/browser_service.hpp"
#include "login/login_flow.hpp"

#include <string>
#include <vector>

namespace parity::login {

/// One authorization completed by a real browser.
struct BrowserLoginRequest {
  std::string authorize_url;               ///< the authorization request (RFC 6749 §4.1.1)
  std::vector<std::string> redirect_uris;  ///< the client's: reaching one ends the login
  std::string case_id;                     ///< names the screenshot of a failure
};

/// Opens a browser session of `service`, sends it to the authorization request and follows
/// the steps of `service.settings().script` (profiles/README.md, "Browser login"). The login
/// ends when the browser is sent to one of the redirect URIs (RFC 6749 §4.1.2; the browser
/// never loads it: its host does not resolve there) or when the main frame loads an error
/// page; that answer, rebuilt from the browser's network log, is the last exchange. Steps
/// left when the login ends are not done; optional steps whose element never shows are
/// skipped. A step that fails or the login's timeout errors the login, naming the step, the
/// page's URL, an excerpt of its source and the screenshot (fields typed from the
/// environment are cleared first). Request bodies are never recorded; the caller redacts.
LoginResult login_in_browser(BrowserService& service, const BrowserLoginRequest& request);

}  // namespace parity::login
