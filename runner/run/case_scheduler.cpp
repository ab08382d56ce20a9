#include "run/case_scheduler.hpp"

#include "plan/client_selector.hpp"

#include <algorithm>
#include <utility>

namespace parity::run {
namespace {

bool is_request(StepKind kind) {
  return kind == StepKind::push || kind == StepKind::authorize || kind == StepKind::token;
}

}  // namespace

ClientClaim client_claim(const Case& spec, const Profile& profile) {
  ClientClaim claim;
  const Client* own = select_client(profile, spec.client, nullptr).client;
  if (own != nullptr) {
    claim.client_ids.push_back(own->id);
  }
  int requests = 0;
  bool completes_before_wait = false;
  for (const Step& step : spec.steps) {
    if (!step.request.client.empty()) {
      if (const Client* client = select_client(profile, step.request.client, own).client) {
        claim.client_ids.push_back(client->id);
      }
    }
    if (!claim.waits && (step.kind == StepKind::token ||
                         (step.kind == StepKind::authorize && step.request.login.value_or(true)))) {
      completes_before_wait = true;
    }
    claim.waits = claim.waits || step.kind == StepKind::wait;
    requests += is_request(step.kind) ? step.repeat : 0;
  }
  claim.exclusive = requests > 1;
  claim.idle_until_wait = claim.waits && !completes_before_wait;
  std::sort(claim.client_ids.begin(), claim.client_ids.end());
  claim.client_ids.erase(std::unique(claim.client_ids.begin(), claim.client_ids.end()),
                         claim.client_ids.end());
  return claim;
}

CaseScheduler::CaseScheduler(std::vector<ClientClaim> claims) : m_claims(std::move(claims)) {
  for (std::size_t index = 0; index < m_claims.size(); ++index) {
    m_pending.push_back(index);
  }
  std::stable_partition(m_pending.begin(), m_pending.end(), [this](std::size_t index) {
    return m_claims[index].waits;
  });
}

bool CaseScheduler::can_start(const ClientClaim& claim) const {
  return std::all_of(claim.client_ids.begin(), claim.client_ids.end(), [&](const std::string& id) {
    const Holders& holders = holders_of(id);
    if (holders.exclusive > 0) {
      // Waiting cases idle until their wait share a client among themselves: they push (and
      // abandon) when they start, all together, being started first, and judge what they
      // read back only after the wait, while every other case that needs the client waits
      // for them to end. A server that keeps one request per client (RFC 9126 §2.2) then
      // answers each the same way in every run.
      return claim.exclusive && claim.idle_until_wait && holders.exclusive == holders.idle;
    }
    return !claim.exclusive || holders.sharing == 0;
  });
}

const CaseScheduler::Holders& CaseScheduler::holders_of(const std::string& client_id) const {
  static const Holders none;
  const auto found = m_holders.find(client_id);
  return found == m_holders.end() ? none : found->second;
}

void CaseScheduler::count(std::size_t index, int delta) {
  const ClientClaim& claim = m_claims[index];
  for (const std::string& id : claim.client_ids) {
    Holders& holders = m_holders[id];
    if (!claim.exclusive) {
      holders.sharing += delta;
    } else {
      holders.exclusive += delta;
      holders.idle += claim.idle_until_wait ? delta : 0;
    }
  }
}

std::optional<std::size_t> CaseScheduler::next() {
  std::unique_lock lock(m_mutex);
  while (true) {
    if (m_stopped || m_pending.empty()) {
      return std::nullopt;
    }
    const auto ready = std::find_if(m_pending.begin(), m_pending.end(), [this](std::size_t i) {
      return can_start(m_claims[i]);
    });
    if (ready != m_pending.end()) {
      const std::size_t index = *ready;
      m_pending.erase(ready);
      count(index, +1);
      return index;
    }
    m_changed.wait(lock);
  }
}

void CaseScheduler::finished(std::size_t index) {
  {
    const std::lock_guard lock(m_mutex);
    count(index, -1);
  }
  m_changed.notify_all();
}

void CaseScheduler::stop() {
  {
    const std::lock_guard lock(m_mutex);
    m_stopped = true;
  }
  m_changed.notify_all();
}

}  // namespace parity::run
