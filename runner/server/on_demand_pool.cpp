#include "server/on_demand_pool.hpp"

#include <system_error>
#include <utility>

namespace parity::server {

OnDemandPool::OnDemandPool(std::size_t max_threads) : m_max_threads(max_threads) {}

OnDemandPool::~OnDemandPool() {
  shutdown();
}

void OnDemandPool::enqueue(std::function<void()> task) {
  const std::lock_guard lock(m_mutex);
  m_tasks.push_back(std::move(task));
  // Each idle thread takes one queued task; the tasks beyond them need threads of their own.
  if (m_tasks.size() > m_idle && m_threads.size() < m_max_threads) {
    try {
      m_threads.emplace_back([this] { work(); });
      return;
    } catch (const std::system_error&) {
      // No new thread to be had (a process limit): the task waits for a running one.
      if (m_threads.empty()) {
        m_tasks.pop_back();
        throw;  // none would ever run it: fail as httplib's own pool fails to start
      }
    }
  }
  m_ready.notify_one();
}

void OnDemandPool::shutdown() {
  std::vector<std::thread> threads;
  {
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
    threads.swap(m_threads);
  }
  m_ready.notify_all();
  for (std::thread& thread : threads) {
    thread.join();
  }
}

std::size_t OnDemandPool::threads() const {
  const std::lock_guard lock(m_mutex);
  return m_threads.size();
}

void OnDemandPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(m_mutex);
      ++m_idle;
      m_ready.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
      --m_idle;
      if (m_tasks.empty()) {
        return;  // stopping, nothing left to run
      }
      task = std::move(m_tasks.front());
      m_tasks.pop_front();
    }
    task();
  }
}

}  // namespace parity::server
