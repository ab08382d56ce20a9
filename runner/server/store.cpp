#include "server/store.hpp"

#include <thread>
#include <utility>

namespace parity::server {
namespace {

// Stale expiries (of keys stored again) tolerated beyond the live entries before a rebuild.
constexpr std::size_t k_stale_expiries = 256;

}  // namespace

std::string describe(Redemption status, std::string_view noun) {
  const std::string subject(noun);
  switch (status) {
    case Redemption::ok:
      break;
    case Redemption::unknown:
      return subject + " is unknown";
    case Redemption::expired:
      return subject + " has expired";
    case Redemption::used:
      return subject + " was already used";
    case Redemption::wrong_client:
      return subject + " was issued to another client";
  }
  return "";
}

bool Store::add_request(const std::string& request_uri,
                        const AuthorizationRequest& request,
                        StoreClock::time_point expires_at) {
  std::lock_guard lock(m_mutex);
  return add_entry(m_requests, Kind::request, request_uri, Entry{request, expires_at, false});
}

Redeemed Store::redeem_request(const std::string& request_uri,
                               const std::string& client_id,
                               RedeemRules rules) {
  if (!rules.atomic) {
    return redeem_check_then_mark(request_uri, client_id, rules);
  }
  std::lock_guard lock(m_mutex);
  return redeem(m_requests, request_uri, client_id, rules);
}

Redeemed Store::redeem_check_then_mark(const std::string& request_uri,
                                       const std::string& client_id,
                                       RedeemRules rules) {
  Redeemed checked;
  {
    std::lock_guard lock(m_mutex);
    checked = redeem(m_requests, request_uri, client_id, rules, false);
  }
  // The window of a read and an update that are not one transaction (a database round trip).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::lock_guard lock(m_mutex);
  if (const auto found = m_requests.find(request_uri);
      found != m_requests.end() && checked.status == Redemption::ok) {
    found->second.used = true;
  }
  return checked;
}

bool Store::add_code(const std::string& code,
                     const AuthorizationRequest& request,
                     StoreClock::time_point expires_at) {
  std::lock_guard lock(m_mutex);
  return add_entry(m_codes, Kind::code, code, Entry{request, expires_at, false});
}

Redeemed Store::redeem_code(const std::string& code,
                            const std::string& client_id,
                            RedeemRules rules) {
  rules.resume_presented = false;
  std::lock_guard lock(m_mutex);
  return redeem(m_codes, code, client_id, rules);
}

JtiResult Store::remember_jti(const std::string& client_id,
                              const std::string& jti,
                              StoreClock::time_point keep_until) {
  std::lock_guard lock(m_mutex);
  const std::string key = client_id + '\n' + jti;
  const auto now = StoreClock::now();
  const auto found = m_jtis.find(key);
  if (found != m_jtis.end() && found->second > now) {
    return JtiResult::replayed;
  }
  // Decided before purging: purge_expired() may erase the entry `found` points to.
  const bool known = found != m_jtis.end();
  purge_expired();
  if (!known && m_jtis.size() >= m_capacity) {
    return JtiResult::full;
  }
  m_jtis[key] = keep_until;
  schedule(Kind::jti, key, keep_until);
  return JtiResult::fresh;
}

bool Store::add_entry(EntryMap& map, Kind kind, const std::string& key, Entry entry) {
  purge_expired();
  if (map.size() >= m_capacity) {
    return false;
  }
  const StoreClock::time_point expires_at = entry.expires_at;
  map.insert_or_assign(key, std::move(entry));
  schedule(kind, key, expires_at);
  return true;
}

void Store::schedule(Kind kind, const std::string& key, StoreClock::time_point at) {
  m_expiries.push(Expiry{at, kind, key});
  // A key stored again (a jti remembered anew, a request_uri minted twice by a fault) leaves
  // its earlier expiry behind; rebuild before such stale ones outnumber the live entries.
  const std::size_t live = m_requests.size() + m_codes.size() + m_jtis.size();
  if (m_expiries.size() > 2 * live + k_stale_expiries) {
    rebuild_expiries();
  }
}

void Store::rebuild_expiries() {
  std::vector<Expiry> expiries;
  expiries.reserve(m_requests.size() + m_codes.size() + m_jtis.size());
  for (const auto& [key, entry] : m_requests) {
    expiries.push_back(Expiry{entry.expires_at, Kind::request, key});
  }
  for (const auto& [key, entry] : m_codes) {
    expiries.push_back(Expiry{entry.expires_at, Kind::code, key});
  }
  for (const auto& [key, keep_until] : m_jtis) {
    expiries.push_back(Expiry{keep_until, Kind::jti, key});
  }
  m_expiries = decltype(m_expiries)(std::greater<>{}, std::move(expiries));
}

void Store::erase_if_expired(const Expiry& expiry, StoreClock::time_point now) {
  // The key may have been stored again since, with a later expiry: then it stays.
  if (expiry.kind == Kind::jti) {
    if (const auto found = m_jtis.find(expiry.key); found != m_jtis.end() && found->second <= now) {
      m_jtis.erase(found);
    }
    return;
  }
  EntryMap& map = expiry.kind == Kind::request ? m_requests : m_codes;
  if (const auto found = map.find(expiry.key);
      found != map.end() && found->second.expires_at <= now) {
    map.erase(found);
  }
}

Redeemed Store::redeem(EntryMap& map,
                       const std::string& key,
                       const std::string& client_id,
                       RedeemRules rules,
                       bool mark_used) {
  const auto found = map.find(key);
  if (found == map.end()) {
    return {Redemption::unknown, {}};
  }
  Entry& entry = found->second;
  if (rules.bind_to_client && entry.request.client_id != client_id) {
    return {Redemption::wrong_client, {}};
  }
  if (rules.resume_presented && entry.used) {
    return {Redemption::ok, entry.request};  // the bug: no expiry check on a later presentation
  }
  if (entry.expires_at <= StoreClock::now()) {
    return {Redemption::expired, {}};
  }
  if (rules.one_time && entry.used) {
    return {Redemption::used, {}};
  }
  entry.used = entry.used || mark_used;
  if (rules.resume_presented) {
    entry.expires_at = StoreClock::time_point::max();  // kept as the resumable session
  }
  return {Redemption::ok, entry.request};
}

// Earliest first, and only what has expired: a full store of live entries costs one
// comparison per insertion, not a scan of every map.
void Store::purge_expired() {
  const auto now = StoreClock::now();
  while (!m_expiries.empty() && m_expiries.top().at <= now) {
    erase_if_expired(m_expiries.top(), now);
    m_expiries.pop();
  }
}

}  // namespace parity::server
