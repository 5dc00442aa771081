// Login throttling: five wrong passwords for one login, or thirty from one address, within 15
// minutes block further tries until 15 minutes after the last failure.
#include <gtest/gtest.h>

#include <string>

#include "web/login_throttle.h"

namespace ringback::web {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kStart = *ParseUtc("2026-11-23T14:00:00Z");

// Fails `n` times for `login`, each from its own address, a second apart, from `at` on.
void FailFromManyAddresses(LoginThrottle& t, const std::string& login, int n, Timestamp at) {
  for (int i = 0; i < n; ++i) t.RecordFailure(login, "10.0.0." + std::to_string(i + 1), at + seconds(i));
}

TEST(LoginThrottle, FreshLoginIsNotBlocked) {
  LoginThrottle t;
  EXPECT_FALSE(t.Blocked("maria", "10.0.0.1", kStart));
}

TEST(LoginThrottle, FiveFailuresForOneLoginBlockItFromAnyAddress) {
  LoginThrottle t;
  FailFromManyAddresses(t, "maria", LoginThrottle::kMaxFailures - 1, kStart);
  EXPECT_FALSE(t.Blocked("maria", "192.168.1.9", kStart + seconds(10))) << "four failures are still allowed";
  t.RecordFailure("maria", "10.0.0.99", kStart + seconds(20));
  EXPECT_TRUE(t.Blocked("maria", "192.168.1.9", kStart + seconds(21)))
      << "guessing one account from many addresses is stopped";
}

TEST(LoginThrottle, AnOfficeSharingOneAddressSurvivesAFewTypos) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxFailures; ++i)
    t.RecordFailure("user" + std::to_string(i), "203.0.113.7", kStart + seconds(i));
  EXPECT_FALSE(t.Blocked("dana", "203.0.113.7", kStart + seconds(10)))
      << "five typos by five people behind one address lock nobody else out";
}

TEST(LoginThrottle, ManyFailuresFromOneAddressBlockEveryLoginFromIt) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxAddressFailures; ++i)
    t.RecordFailure("user" + std::to_string(i), "203.0.113.7", kStart + seconds(i));
  EXPECT_TRUE(t.Blocked("somebody-new", "203.0.113.7", kStart + seconds(10)))
      << "spraying many accounts from one address is stopped";
  EXPECT_FALSE(t.Blocked("somebody-new", "203.0.113.8", kStart + seconds(10)));
  EXPECT_FALSE(t.Blocked("user0", "198.51.100.1", kStart + seconds(10)))
      << "one failure of user0 does not block it elsewhere";
}

TEST(LoginThrottle, BlockEndsFifteenMinutesAfterTheLastFailure) {
  LoginThrottle t;
  FailFromManyAddresses(t, "maria", LoginThrottle::kMaxFailures, kStart);
  const Timestamp last = kStart + seconds(LoginThrottle::kMaxFailures - 1);
  EXPECT_TRUE(t.Blocked("maria", "10.9.9.9", last + minutes(15) - seconds(1)));
  EXPECT_FALSE(t.Blocked("maria", "10.9.9.9", last + minutes(15)));
}

TEST(LoginThrottle, FailuresOlderThanTheWindowDoNotAddUp) {
  LoginThrottle t;
  FailFromManyAddresses(t, "maria", LoginThrottle::kMaxFailures - 1, kStart);
  // Twenty minutes later one more wrong password: a new streak of one, not the fifth.
  t.RecordFailure("maria", "10.0.0.50", kStart + minutes(20));
  EXPECT_FALSE(t.Blocked("maria", "10.0.0.51", kStart + minutes(20) + seconds(1)));
}

TEST(LoginThrottle, SuccessClearsTheLoginsCount) {
  LoginThrottle t;
  FailFromManyAddresses(t, "maria", LoginThrottle::kMaxFailures - 1, kStart);
  t.RecordSuccess("maria");
  FailFromManyAddresses(t, "maria", LoginThrottle::kMaxFailures - 1, kStart + minutes(1));
  EXPECT_FALSE(t.Blocked("maria", "10.9.9.9", kStart + minutes(2))) << "the count restarted at the success";
  t.RecordFailure("maria", "10.0.0.77", kStart + minutes(2));
  EXPECT_TRUE(t.Blocked("maria", "10.9.9.9", kStart + minutes(2) + seconds(1)));
}

TEST(LoginThrottle, SuccessDoesNotClearTheAddressCount) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxAddressFailures; ++i)
    t.RecordFailure(i == 0 ? "maria" : "guess" + std::to_string(i), "203.0.113.7", kStart + seconds(i));
  t.RecordSuccess("maria");
  EXPECT_TRUE(t.Blocked("dana", "203.0.113.7", kStart + minutes(1)));
}

TEST(LoginThrottle, OtherLoginsAreUnaffected) {
  LoginThrottle t;
  FailFromManyAddresses(t, "maria", LoginThrottle::kMaxFailures + 3, kStart);
  EXPECT_TRUE(t.Blocked("maria", "172.16.0.1", kStart + minutes(1)));
  EXPECT_FALSE(t.Blocked("dana", "172.16.0.1", kStart + minutes(1)));
}

}  // namespace
}  // namespace ringback::web
