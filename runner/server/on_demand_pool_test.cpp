#include "server/on_demand_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace parity::server {
namespace {

using namespace std::chrono_literals;

TEST(OnDemandPoolTest, StartsAThreadOnlyWhenEveryThreadIsBusyUpToItsLimit) {
  OnDemandPool pool(2);
  EXPECT_EQ(pool.threads(), 0U);
  std::promise<void> release;
  const std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  const auto blocking = [&] {
    ++started;
    released.wait();
  };
  pool.enqueue(blocking);
  pool.enqueue(blocking);
  pool.enqueue(blocking);  // over the limit: waits for a free thread
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (started < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(started, 2);
  EXPECT_EQ(pool.threads(), 2U);
  release.set_value();
  pool.shutdown();
  EXPECT_EQ(started, 3);  // the queued task ran before shutdown returned
}

TEST(OnDemandPoolTest, ShutdownRunsWhatIsQueuedAndJoins) {
  std::atomic<int> ran{0};
  {
    OnDemandPool pool(1);
    for (int i = 0; i < 5; ++i) {
      pool.enqueue([&ran] {
        std::this_thread::sleep_for(2ms);
        ++ran;
      });
    }
    pool.shutdown();
    EXPECT_EQ(ran, 5);
    EXPECT_EQ(pool.threads(), 0U);
  }
  EXPECT_EQ(ran, 5);
}

}  // namespace
}  // namespace parity::server
