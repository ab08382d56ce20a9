#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace parity::server {

/// httplib's task queue with threads started on demand: a task finding every thread busy
/// starts a new one, up to `max_threads`; threads stay for later tasks until shutdown. httplib
/// holds a thread for each open connection (idle keep-alive time included), so a server needs
/// as many threads as clients keep connections open, and most runs need few.
class OnDemandPool final : public httplib::TaskQueue {
 public:
  explicit OnDemandPool(std::size_t max_threads);
  OnDemandPool(const OnDemandPool&) = delete;
  OnDemandPool& operator=(const OnDemandPool&) = delete;
  OnDemandPool(OnDemandPool&&) = delete;
  OnDemandPool& operator=(OnDemandPool&&) = delete;
  ~OnDemandPool() override;

  void enqueue(std::function<void()> task) override;
  /// Runs the tasks still queued, then joins every thread.
  void shutdown() override;

  std::size_t threads() const;

 private:
  void work();

  const std::size_t m_max_threads;
  mutable std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<std::function<void()>> m_tasks;
  std::vector<std::thread> m_threads;
  std::size_t m_idle = 0;  ///< threads waiting for a task
  bool m_stopping = false;
};

}  // namespace parity::server
