#pragma once

#include "server/authorization_request.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parity::server {

/// The clock for lifetimes of stored items (monotonic).
using StoreClock = std::chrono::steady_clock;

/// Why a redemption failed, or ok.
enum class Redemption { ok, unknown, expired, used, wrong_client };

/// The error_description for a failed redemption of `noun` ("request_uri", "authorization
/// code"), e.g. "request_uri has expired"; empty for ok.
std::string describe(Redemption status, std::string_view noun);

/// What a redemption enforces; every rule is on for a conformant server.
struct RedeemRules {
  bool bind_to_client = true;  ///< RFC 9126 §2.2: only the pushing client may redeem
  bool one_time = true;        ///< RFC 9126 §4: a request_uri is used once
  /// Check and mark-as-used in one critical section. Off only for the fault
  /// request_uri_redemption_race: a server whose read and update are separate transactions
  /// lets simultaneous redemptions all succeed although a later reuse is refused.
  bool atomic = true;
  /// On only for the fault request_uri_expiry_checked_once: a request_uri presented before is
  /// resumed (RFC 9126 §4 lets a server tolerate a reload) without checking its expiry, and
  /// the entry outlives its expiry from its first presentation on.
  bool resume_presented = false;
};

/// The result of redeeming a request_uri or a code: the bound request when status is ok.
struct Redeemed {
  Redemption status = Redemption::unknown;
  AuthorizationRequest request;
};

/// Outcome of remembering an assertion's jti.
enum class JtiResult { fresh, replayed, full };

/// Thread-safe, bounded store of pushed requests, authorization codes and seen assertion jti
/// values, each with an expiry. Every insertion first purges the entries that have expired,
/// earliest first, at a cost that depends on how many expired, not on how many are stored.
class Store {
 public:
  static constexpr std::size_t k_default_capacity = 100000;

  explicit Store(std::size_t capacity = k_default_capacity) : m_capacity(capacity) {}

  /// RFC 9126 §2.2: stores a pushed request under `request_uri`; false when the store is full.
  bool add_request(const std::string& request_uri,
                   const AuthorizationRequest& request,
                   StoreClock::time_point expires_at);
  /// RFC 9126 §4: looks up, checks and (with `rules.one_time`) marks `request_uri` used,
  /// atomically, for `client_id`.
  Redeemed redeem_request(const std::string& request_uri,
                          const std::string& client_id,
                          RedeemRules rules);
  /// RFC 6749 §4.1.2: stores an authorization code bound to `request`; false when full.
  bool add_code(const std::string& code,
                const AuthorizationRequest& request,
                StoreClock::time_point expires_at);
  /// RFC 6749 §4.1.2: single-use redemption of `code` by `client_id`; a code presented by
  /// another client is reported as wrong_client and stays usable. `rules` relax this only for
  /// faults (atomic and resume_presented do not apply to codes).
  Redeemed redeem_code(const std::string& code,
                       const std::string& client_id,
                       RedeemRules rules = {});
  /// OIDC Core §9: records `jti` of `client_id` until `keep_until`; replayed when seen before.
  JtiResult remember_jti(const std::string& client_id,
                         const std::string& jti,
                         StoreClock::time_point keep_until);

 private:
  struct Entry {
    AuthorizationRequest request;
    StoreClock::time_point expires_at;
    bool used = false;
  };
  using EntryMap = std::unordered_map<std::string, Entry>;
  using JtiMap = std::unordered_map<std::string, StoreClock::time_point>;
  /// Which map an expiry belongs to.
  enum class Kind { request, code, jti };
  /// When an entry expires; kept in a min-heap so that purging never scans live entries.
  struct Expiry {
    StoreClock::time_point at;
    Kind kind;
    std::string key;
    bool operator>(const Expiry& other) const { return at > other.at; }
  };

  bool add_entry(EntryMap& map, Kind kind, const std::string& key, Entry entry);
  void schedule(Kind kind, const std::string& key, StoreClock::time_point at);
  void erase_if_expired(const Expiry& expiry, StoreClock::time_point now);
  void rebuild_expiries();
  Redeemed redeem(EntryMap& map,
                  const std::string& key,
                  const std::string& client_id,
                  RedeemRules rules,
                  bool mark_used = true);
  Redeemed redeem_check_then_mark(const std::string& request_uri,
                                  const std::string& client_id,
                                  RedeemRules rules);
  void purge_expired();

  std::mutex m_mutex;
  std::size_t m_capacity;
  EntryMap m_requests;
  EntryMap m_codes;
  JtiMap m_jtis;
  std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> m_expiries;
};

}  // namespace parity::server
