#pragma once

#include "core/http_message.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parity::login {

/// What the browser sent and received during a login, rebuilt from Chromium's performance log
/// (DevTools Network events as ChromeDriver records them: requestWillBeSent, responseReceived,
/// loadingFailed). Keeps the page loads, XHR and fetch requests to http(s) URLs; request bodies
/// are never kept (they carry what was typed).
class NetworkLog {
 public:
  /// Adds the entries of one read of the log (ChromeDriver's {"message": "<JSON>"} objects);
  /// entries it cannot read are ignored.
  void add(const nlohmann::json& entries);

  /// How the login ended, as far as the log shows.
  struct Ending {
    enum class Kind {
      /// The browser was sent to one of the client's redirect_uris (RFC 6749 §4.1.2).
      redirect_to_client,
      /// The main frame loaded a page with an error status (4xx/5xx): the server's answer.
      error_page,
    };
    Kind kind = Kind::redirect_to_client;
    /// The answer the case judges: the HTTP redirect to the client; or, when the page's
    /// script or a form navigated there, the page's own response with a Location set to the
    /// target and a header X-Parity-Browser-Navigation naming what navigated; or the error
    /// page's response.
    http::Exchange judged;
    /// Which kept exchange `judged` is (none when it was synthesised from a navigation).
    std::optional<std::size_t> judged_index;
  };
  /// The first ending in the order of the requests, or nullopt while the login goes on.
  std::optional<Ending> ending(const std::vector<std::string>& redirect_uris) const;

  /// Every kept exchange in the order its request started, except navigations to one of
  /// `redirect_uris` (the browser never loads them) and page loads that never got an answer;
  /// `ending`'s judged exchange, when given, is moved to the end.
  std::vector<http::Exchange> exchanges(const std::vector<std::string>& redirect_uris,
                                        const std::optional<Ending>& ending) const;

  /// The URL of the latest page the main frame asked for ("" before the first).
  std::string last_document_url() const;

 private:
  struct Record {
    std::string request_id;
    std::string type;  ///< DevTools resource type: Document, XHR, Fetch
    std::string frame_id;
    std::string initiator;  ///< DevTools initiator type: other, script, parser, …
    http::Exchange exchange;
    bool answered = false;
    std::optional<std::size_t> redirected_from;  ///< the record whose response redirected here
  };
  void on_request(const nlohmann::json& params);
  void on_response(const nlohmann::json& params);
  void on_failure(const nlohmann::json& params);
  bool is_main_document(const Record& record) const;

  std::vector<Record> m_records;
  std::map<std::string, std::size_t> m_latest;  ///< request id → its latest record
  std::string m_main_frame;
};

/// DevTools headers ({"Name": "value"}) as a header list.
http::Headers headers_of(const nlohmann::json& object);

}  // namespace parity::login
