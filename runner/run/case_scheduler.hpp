#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace parity::run {

/// What a case needs of the profile's clients while it runs (README, "Parallel runs").
struct ClientClaim {
  std::vector<std::string> client_ids;  ///< client_id of every client its steps use, sorted
  /// The case keeps server state of its clients between requests (a push and then an
  /// authorization, a second push to compare with, repeated requests, with or without a wait
  /// between them): no other case may use those clients meanwhile, or a server that keeps such
  /// state per client (one request_uri per client, RFC 9126 §2.2) would make its verdict
  /// depend on timing.
  bool exclusive = false;
  bool waits = false;  ///< has a wait step: started first so that long waits overlap the rest
  /// Before its first wait, the case only pushes and abandons authorizations (no completed
  /// authorization, no token request): what it reads back is judged only after the wait.
  bool idle_until_wait = false;
};

/// The claim of `spec` against `profile`. Clients that cannot be resolved are left out (the
/// case errors when it runs).
ClientClaim client_claim(const Case& spec, const Profile& profile);

/// Hands out case indices to worker threads: cases that wait start first, then plan order; a
/// case starts only when its claim is compatible with the running ones (an exclusive claim
/// shares none of its clients, a shared claim none with an exclusive one), except that
/// waiting cases that are idle until their wait share their clients with each other, so that
/// those waits overlap. Thread-safe.
class CaseScheduler {
 public:
  explicit CaseScheduler(std::vector<ClientClaim> claims);

  /// Blocks until a case can start and returns its index; nullopt once every case has started
  /// or after stop().
  std::optional<std::size_t> next();
  /// Releases the clients of case `index`, which has finished.
  void finished(std::size_t index);
  /// No further case starts (a worker failed).
  void stop();

 private:
  /// The running cases that use one client.
  struct Holders {
    int sharing = 0;    ///< shared claims
    int exclusive = 0;  ///< exclusive claims …
    int idle = 0;       ///< … of which waiting cases idle until their wait
  };

  bool can_start(const ClientClaim& claim) const;
  const Holders& holders_of(const std::string& client_id) const;
  void count(std::size_t index, int delta);  ///< adds case `index` to its clients' holders

  std::vector<ClientClaim> m_claims;
  std::vector<std::size_t> m_pending;        ///< in start order
  std::map<std::string, Holders> m_holders;  ///< client_id → its running cases
  bool m_stopped = false;
  std::mutex m_mutex;
  std::condition_variable m_changed;
};

}  // namespace parity::run
