#include "server/store.hpp"

#include <gtest/gtest.h>

namespace parity::server {
namespace {

AuthorizationRequest request_for(const std::string& client_id) {
  AuthorizationRequest request;
  request.client_id = client_id;
  request.redirect_uri = "https://client.example/cb";
  return request;
}

const auto k_later = [] {
  return StoreClock::now() + std::chrono::minutes(1);
};

TEST(StoreTest, RequestIsRedeemedOnceByItsClient) {
  Store store;
  ASSERT_TRUE(store.add_request("u1", request_for("a"), k_later()));
  EXPECT_EQ(store.redeem_request("u1", "b", {}).status, Redemption::wrong_client);
  const Redeemed first = store.redeem_request("u1", "a", {});
  EXPECT_EQ(first.status, Redemption::ok);
  EXPECT_EQ(first.request.redirect_uri, "https://client.example/cb");
  EXPECT_EQ(store.redeem_request("u1", "a", {}).status, Redemption::used);
  EXPECT_EQ(store.redeem_request("u2", "a", {}).status, Redemption::unknown);
}

TEST(StoreTest, RulesCanBeRelaxed) {
  Store store;
  ASSERT_TRUE(store.add_request("u1", request_for("a"), k_later()));
  RedeemRules relaxed;
  relaxed.bind_to_client = false;
  relaxed.one_time = false;
  EXPECT_EQ(store.redeem_request("u1", "b", relaxed).status, Redemption::ok);
  EXPECT_EQ(store.redeem_request("u1", "b", relaxed).status, Redemption::ok);
}

TEST(StoreTest, ExpiredRequestIsRejected) {
  Store store;
  ASSERT_TRUE(store.add_request("u1", request_for("a"), StoreClock::now()));
  EXPECT_EQ(store.redeem_request("u1", "a", {}).status, Redemption::expired);
}

TEST(StoreTest, CodeOfAnotherClientStaysUsable) {
  Store store;
  ASSERT_TRUE(store.add_code("c1", request_for("a"), k_later()));
  EXPECT_EQ(store.redeem_code("c1", "b").status, Redemption::wrong_client);
  EXPECT_EQ(store.redeem_code("c1", "a").status, Redemption::ok);
  EXPECT_EQ(store.redeem_code("c1", "a").status, Redemption::used);
}

TEST(StoreTest, CapacityIsEnforcedAndExpiredEntriesMakeRoom) {
  Store store(2);
  EXPECT_TRUE(store.add_request("u1", request_for("a"), StoreClock::now()));
  EXPECT_TRUE(store.add_request("u2", request_for("a"), k_later()));
  // u1 has expired and is purged to make room; then the store is full.
  EXPECT_TRUE(store.add_request("u3", request_for("a"), k_later()));
  EXPECT_FALSE(store.add_request("u4", request_for("a"), k_later()));
  EXPECT_EQ(store.redeem_request("u1", "a", {}).status, Redemption::unknown);
}

TEST(StoreTest, DescribesFailedRedemptionsWithTheNoun) {
  EXPECT_EQ(describe(Redemption::unknown, "request_uri"), "request_uri is unknown");
  EXPECT_EQ(describe(Redemption::expired, "authorization code"), "authorization code has expired");
  EXPECT_EQ(describe(Redemption::used, "request_uri"), "request_uri was already used");
  EXPECT_EQ(describe(Redemption::wrong_client, "authorization code"),
            "authorization code was issued to another client");
  EXPECT_EQ(describe(Redemption::ok, "request_uri"), "");
}

TEST(StoreTest, JtiIsAcceptedOncePerClient) {
  Store store;
  EXPECT_EQ(store.remember_jti("a", "j1", k_later()), JtiResult::fresh);
  EXPECT_EQ(store.remember_jti("a", "j1", k_later()), JtiResult::replayed);
  EXPECT_EQ(store.remember_jti("b", "j1", k_later()), JtiResult::fresh);
}

TEST(StoreTest, FullJtiCacheIsReported) {
  Store store(1);
  EXPECT_EQ(store.remember_jti("a", "j1", k_later()), JtiResult::fresh);
  EXPECT_EQ(store.remember_jti("a", "j2", k_later()), JtiResult::full);
}

TEST(StoreTest, ExpiredJtiIsFreshAgainWhenTheFullCacheIsPurged) {
  // Regression: the store is full, so remembering the jti purges its own expired entry first.
  Store store(1);
  ASSERT_EQ(store.remember_jti("a", "j1", StoreClock::now()), JtiResult::fresh);
  EXPECT_EQ(store.remember_jti("a", "j1", k_later()), JtiResult::fresh);
  EXPECT_EQ(store.remember_jti("a", "j1", k_later()), JtiResult::replayed);
  EXPECT_EQ(store.remember_jti("a", "j2", k_later()), JtiResult::full);
}

TEST(StoreTest, KeyStoredAgainOutlivesItsEarlierExpiry) {
  Store store(2);
  ASSERT_TRUE(store.add_request("u1", request_for("a"), StoreClock::now()));
  ASSERT_TRUE(store.add_request("u1", request_for("a"), k_later()));
  // Purging (on the next insertion) reaches the first expiry of u1, which is stale.
  ASSERT_TRUE(store.add_request("u2", request_for("a"), k_later()));
  EXPECT_EQ(store.redeem_request("u1", "a", {}).status, Redemption::ok);
}

TEST(StoreTest, ManyReinsertionsKeepTheStoreConsistent) {
  // Each insertion of the same key leaves a stale expiry; enough of them force a rebuild.
  Store store(2);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(store.add_request("u1", request_for("a"), k_later()));
  }
  ASSERT_TRUE(store.add_request("u2", request_for("a"), StoreClock::now()));
  // u2 has expired and is purged to make room; then the store is full.
  EXPECT_TRUE(store.add_request("u3", request_for("a"), k_later()));
  EXPECT_FALSE(store.add_request("u4", request_for("a"), k_later()));
  EXPECT_EQ(store.redeem_request("u1", "a", {}).status, Redemption::ok);
  EXPECT_EQ(store.redeem_request("u2", "a", {}).status, Redemption::unknown);
}

}  // namespace
}  // namespace parity::server
