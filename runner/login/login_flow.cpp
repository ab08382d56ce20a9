#include "login/login_flow.hpp"

#include "http/url.hpp"
#include "login/cookie_jar.hpp"
#include "login/form_fill.hpp"
#include "login/html_form.hpp"
#include "login/http_steps.hpp"

#include <algorithm>
#include <optional>

namespace parity::login {
namespace {

// What to do after one response: stop (hand it to the case), send `next`, or give up.
struct Decision {
  bool stop = false;
  http::Request next;
  std::string error;
};

std::string origin_of(const std::string& url) {
  const std::optional<http::Url> parsed = http::parse_url(url);
  return parsed ? parsed->scheme + "://" + parsed->host + ":" + parsed->port : "";
}

// The path of `url`, without its query (which may carry credentials).
std::string path_of(const std::string& url) {
  const std::optional<http::Url> parsed = http::parse_url(url);
  return parsed ? parsed->path : url.substr(0, url.find_first_of("?#"));
}

// "GET /interaction/abc (status 200)": where a page came from, without its query.
std::string where_of(const http::Exchange& exchange) {
  return exchange.request.method + " " + path_of(exchange.request.url) + " (status " +
         std::to_string(exchange.response.status) + ")";
}

bool is_html(const http::Response& response) {
  const std::string type = http::find_header(response.headers, "Content-Type").value_or("");
  return type.find("html") != std::string::npos;
}

// RFC 9110 §15.4: 307 and 308 repeat the request; the others become a GET.
Decision follow_redirect(const http::Exchange& current,
                         const std::string& location,
                         const std::string& origin,
                         const std::vector<std::string>& redirect_uris) {
  Decision decision;
  const std::string target = http::resolve_location(current.request.url, location);
  if (is_redirect_uri(target, redirect_uris) || origin_of(target) != origin) {
    decision.stop = true;
    return decision;
  }
  const int status = current.response.status;
  if (status == 307 || status == 308) {
    decision.next = current.request;
  }
  decision.next.url = target;
  return decision;
}

Decision submit_page(const http::Exchange& current,
                     const LoginScript& script,
                     const std::string& origin) {
  Decision decision;
  if (!is_html(current.response)) {
    decision.error = where_of(current) + " is not an HTML page, and not a redirect to the client";
    return decision;
  }
  const HtmlPage page = parse_html_page(current.response.body, current.request.url);
  const FormChoice choice = choose_form(page, script);
  if (choice.rule == nullptr) {
    decision.error = "no form rule of the profile's login script matches the page " +
                     where_of(current) + ": " + describe_page(page);
    return decision;
  }
  Submission submission = build_submission(*choice.form, *choice.rule);
  if (submission.error.empty() && origin_of(submission.request.url) != origin) {
    submission.error = "the form posts to another origin";
  }
  if (!submission.error.empty()) {
    decision.error =
        "login rule '" + choice.rule->name + "' on " + where_of(current) + ": " + submission.error;
    return decision;
  }
  decision.next = std::move(submission.request);
  return decision;
}

Decision decide(const http::Exchange& current,
                const LoginScript& script,
                const std::string& origin,
                const std::vector<std::string>& redirect_uris) {
  const int status = current.response.status;
  const std::optional<std::string> location =
      http::find_header(current.response.headers, "Location");
  if (status >= 300 && status < 400 && location) {
    return follow_redirect(current, *location, origin, redirect_uris);
  }
  if (status >= 200 && status < 300) {
    return submit_page(current, script, origin);
  }
  Decision decision;
  decision.stop = true;  // an error status is the server's answer: the case judges it
  return decision;
}

bool is_redirect(const http::Response& response) {
  return response.status >= 300 && response.status < 400 &&
         http::find_header(response.headers, "Location").has_value();
}

// RFC 9110 §15.4: a client ought to detect infinite redirection. A chain of redirects that
// comes back to a request it already sent, with the same cookies, can only go round again.
class RedirectChain {
 public:
  /// Records `next` (to be sent after a redirect, or after a page when `after_redirect` is
  /// false); returns the hop count of the loop it closes, or 0.
  std::size_t add(const http::Request& next, bool after_redirect) {
    if (!after_redirect) {
      m_seen.clear();
    }
    std::string key = next.method + " " + next.url + "\n" +
                      http::find_header(next.headers, "Cookie").value_or("");
    const auto found = std::find(m_seen.begin(), m_seen.end(), key);
    if (found != m_seen.end()) {
      return static_cast<std::size_t>(m_seen.end() - found);
    }
    m_seen.push_back(std::move(key));
    return 0;
  }

 private:
  std::vector<std::string> m_seen;
};

void prepare(http::Request& request, const CookieJar& jar) {
  request.headers.erase(
      std::remove_if(
          request.headers.begin(),
          request.headers.end(),
          [](const auto& header) { return header.first == "Cookie" || header.first == "Accept"; }),
      request.headers.end());
  request.headers.emplace_back("Accept", "text/html,application/xhtml+xml");
  if (const std::optional<std::string> cookies = jar.header_for(request.url)) {
    request.headers.emplace_back("Cookie", *cookies);
  }
}

}  // namespace

bool is_redirect_uri(const std::string& url, const std::vector<std::string>& redirect_uris) {
  const std::optional<http::Url> parsed = http::parse_url(url);
  if (!parsed) {
    return false;
  }
  for (const std::string& candidate : redirect_uris) {
    const std::optional<http::Url> registered = http::parse_url(candidate);
    if (registered && registered->base() == parsed->base()) {
      return true;
    }
  }
  return false;
}

LoginResult complete_authorization(http::HttpClient& http,
                                   const http::Exchange& first,
                                   const LoginScript& script,
                                   const std::vector<std::string>& redirect_uris) {
  LoginResult result;
  CookieJar jar;
  jar.store(first.request.url, first.response.headers);
  const std::string origin = origin_of(first.request.url);
  const http::Exchange* current = &first;
  RedirectChain chain;
  chain.add(first.request, false);
  if (!script.http_steps.empty() && first.transport_error.empty() &&
      !decide(first, script, origin, redirect_uris).stop) {
    // An API login (profiles/README.md, "Login through HTTP steps"); the last step's answer
    // goes on like any page.
    HttpStepsResult steps = run_http_steps(http, first, script, redirect_uris, jar);
    result.exchanges = std::move(steps.exchanges);
    if (!steps.error.empty()) {
      result.error = std::move(steps.error);
      return result;
    }
    current = &result.exchanges.back();
  }
  while (current->transport_error.empty()) {
    Decision decision = decide(*current, script, origin, redirect_uris);
    if (decision.stop) {
      return result;
    }
    if (!decision.error.empty()) {
      result.error = "login: " + decision.error;
      return result;
    }
    if (static_cast<int>(result.exchanges.size()) >= script.max_requests) {
      result.error = "login: no redirect to the client after " +
                     std::to_string(script.max_requests) + " requests; the last was " +
                     where_of(*current);
      return result;
    }
    prepare(decision.next, jar);
    if (const std::size_t hops = chain.add(decision.next, is_redirect(current->response))) {
      result.error = "login: redirect loop: " + where_of(*current) + " leads back to " +
                     decision.next.method + " " + path_of(decision.next.url) + " after " +
                     std::to_string(hops) + (hops == 1 ? " hop" : " hops") +
                     " with the same cookies";
      return result;
    }
    result.exchanges.push_back(http.send(decision.next));
    current = &result.exchanges.back();
    jar.store(current->request.url, current->response.headers);
  }
  result.error = "login: " + where_of(*current) + ": " + current->transport_error;
  return result;
}

}  // namespace parity::login
