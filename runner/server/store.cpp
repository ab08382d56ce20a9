#include "server/store.hpp"

#include <thread>
#include <utility>

namespace parity::server {
namespace {

// Scanning every map on each insertion would be quadratic; purge every so often instead.
constexpr std::size_t k_purge_interval = 256;

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
  return add_entry(m_requests, request_uri, Entry{request, expires_at, false});
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
  return add_entry(m_codes, code, Entry{request, expires_at, false});
}

Redeemed Store::redeem_code(const std::string& code, const std::string& client_id) {
  std::lock_guard lock(m_mutex);
  return redeem(m_codes, code, client_id, RedeemRules{});
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
  if (++m_insertions % k_purge_interval == 0 || m_jtis.size() >= m_capacity) {
    purge_expired();
  }
  if (!known && m_jtis.size() >= m_capacity) {
    return JtiResult::full;
  }
  m_jtis[key] = keep_until;
  return JtiResult::fresh;
}

bool Store::add_entry(EntryMap& map, const std::string& key, Entry entry) {
  if (++m_insertions % k_purge_interval == 0 || map.size() >= m_capacity) {
    purge_expired();
  }
  if (map.size() >= m_capacity) {
    return false;
  }
  map.insert_or_assign(key, std::move(entry));
  return true;
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
  if (entry.expires_at <= StoreClock::now()) {
    return {Redemption::expired, {}};
  }
  if (rules.one_time && entry.used) {
    return {Redemption::used, {}};
  }
  entry.used = entry.used || mark_used;
  return {Redemption::ok, entry.request};
}

void Store::purge_expired() {
  const auto now = StoreClock::now();
  const auto is_expired = [&](const auto& item) {
    return item.second.expires_at <= now;
  };
  std::erase_if(m_requests, is_expired);
  std::erase_if(m_codes, is_expired);
  std::erase_if(m_jtis, [&](const auto& item) { return item.second <= now; });
}

}  // namespace parity::server
