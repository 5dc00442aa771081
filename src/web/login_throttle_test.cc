// Login throttling: wrong passwords slow down one (login, address) pair with growing delays,
// never the same login from elsewhere; thirty failures from one address block that address.
#include <gtest/gtest.h>

#include <string>

#include "web/login_throttle.h"

namespace ringback::web {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const Timestamp kStart = *ParseUtc("2026-11-23T14:00:00Z");
constexpr const char* kStranger = "198.51.100.66";
constexpr const char* kOffice = "203.0.113.7";

// Fails `n` times for `login` from `address`, a second apart, from `at` on; returns the last time.
Timestamp Fail(LoginThrottle& t, const std::string& login, const std::string& address, int n, Timestamp at) {
  for (int i = 0; i < n; ++i) t.RecordFailure(login, address, at + seconds(i));
  return at + seconds(n - 1);
}

TEST(LoginThrottle, FreshLoginIsNotBlocked) {
  LoginThrottle t;
  EXPECT_FALSE(t.Blocked("maria", "10.0.0.1", kStart));
  EXPECT_EQ(t.Wait("maria", "10.0.0.1", kStart), seconds(0));
}

TEST(LoginThrottle, AfterFiveFailuresThePairWaitsThirtySeconds) {
  LoginThrottle t;
  Timestamp last = Fail(t, "maria", kStranger, LoginThrottle::kFreeFailures - 1, kStart);
  EXPECT_FALSE(t.Blocked("maria", kStranger, last + seconds(1))) << "four failures are still free";
  last = Fail(t, "maria", kStranger, 1, last + seconds(1));
  EXPECT_EQ(t.Wait("maria", kStranger, last + seconds(10)), seconds(20));
  EXPECT_TRUE(t.Blocked("maria", kStranger, last + seconds(29)));
  EXPECT_FALSE(t.Blocked("maria", kStranger, last + seconds(30)));
}

TEST(LoginThrottle, DelaysDoubleAndStopAtFifteenMinutes) {
  EXPECT_EQ(LoginThrottle::DelayAfter(4), seconds(0));
  EXPECT_EQ(LoginThrottle::DelayAfter(5), seconds(30));
  EXPECT_EQ(LoginThrottle::DelayAfter(6), seconds(60));
  EXPECT_EQ(LoginThrottle::DelayAfter(7), seconds(120));
  EXPECT_EQ(LoginThrottle::DelayAfter(9), seconds(480));
  EXPECT_EQ(LoginThrottle::DelayAfter(10), minutes(15)) << "960 s is capped";
  EXPECT_EQ(LoginThrottle::DelayAfter(1000), minutes(15));
  LoginThrottle t;
  // An attacker who waits out each delay still meets a longer one.
  Timestamp at = kStart;
  for (int i = 1; i <= 7; ++i) {
    ASSERT_FALSE(t.Blocked("maria", kStranger, at)) << "try " << i;
    t.RecordFailure("maria", kStranger, at);
    at += LoginThrottle::DelayAfter(i);
  }
  EXPECT_EQ(t.Wait("maria", kStranger, at - seconds(1)), seconds(1));
}

// The case: someone who knows a login guesses from elsewhere; the owner at the office
// signs in as always.
TEST(LoginThrottle, AStrangersWrongPasswordsDoNotSlowTheOwnerFromAnotherAddress) {
  LoginThrottle t;
  const Timestamp last = Fail(t, "maria", kStranger, 20, kStart);
  EXPECT_TRUE(t.Blocked("maria", kStranger, last + seconds(1)));
  EXPECT_EQ(t.Wait("maria", kOffice, last + seconds(1)), seconds(0));
  EXPECT_FALSE(t.Blocked("maria", "2001:db8::1", last + seconds(1)));
}

TEST(LoginThrottle, AnOfficeSharingOneAddressSurvivesAFewTypos) {
  LoginThrottle t;
  for (int i = 0; i < 5; ++i) Fail(t, "user" + std::to_string(i), kOffice, 4, kStart + seconds(10 * i));
  EXPECT_FALSE(t.Blocked("dana", kOffice, kStart + minutes(1))) << "twenty typos by five people lock nobody out";
  EXPECT_FALSE(t.Blocked("user0", kOffice, kStart + minutes(1))) << "four typos of one person are free";
}

TEST(LoginThrottle, ManyFailuresFromOneAddressBlockEveryLoginFromIt) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxAddressFailures; ++i)
    t.RecordFailure("user" + std::to_string(i), kStranger, kStart + seconds(i));
  const Timestamp last = kStart + seconds(LoginThrottle::kMaxAddressFailures - 1);
  EXPECT_TRUE(t.Blocked("somebody-new", kStranger, last + seconds(1))) << "spraying many accounts from one address";
  EXPECT_FALSE(t.Blocked("somebody-new", kOffice, last + seconds(1)));
  EXPECT_FALSE(t.Blocked("user0", kOffice, last + seconds(1))) << "user0 elsewhere is unaffected";
  EXPECT_TRUE(t.Blocked("user0", kStranger, last + minutes(15) - seconds(1)));
  EXPECT_FALSE(t.Blocked("user0", kStranger, last + minutes(15)));
}

TEST(LoginThrottle, FailuresOlderThanTheWindowDoNotAddUp) {
  LoginThrottle t;
  Fail(t, "maria", kStranger, LoginThrottle::kFreeFailures - 1, kStart);
  // Twenty minutes later one more wrong password: a new streak of one, not the fifth.
  t.RecordFailure("maria", kStranger, kStart + minutes(20));
  EXPECT_FALSE(t.Blocked("maria", kStranger, kStart + minutes(20) + seconds(1)));
}

TEST(LoginThrottle, SuccessClearsThePairsCount) {
  LoginThrottle t;
  Fail(t, "maria", kOffice, LoginThrottle::kFreeFailures - 1, kStart);
  t.RecordSuccess("maria", kOffice);
  Fail(t, "maria", kOffice, LoginThrottle::kFreeFailures - 1, kStart + minutes(1));
  EXPECT_FALSE(t.Blocked("maria", kOffice, kStart + minutes(2))) << "the count restarted at the success";
  t.RecordFailure("maria", kOffice, kStart + minutes(2));
  EXPECT_TRUE(t.Blocked("maria", kOffice, kStart + minutes(2) + seconds(1)));
}

TEST(LoginThrottle, SuccessElsewhereDoesNotClearAStrangersPair) {
  LoginThrottle t;
  const Timestamp last = Fail(t, "maria", kStranger, 8, kStart);
  t.RecordSuccess("maria", kOffice);
  EXPECT_TRUE(t.Blocked("maria", kStranger, last + seconds(1)));
}

TEST(LoginThrottle, SuccessDoesNotClearTheAddressCount) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kMaxAddressFailures; ++i)
    t.RecordFailure(i == 0 ? "maria" : "guess" + std::to_string(i), kOffice, kStart + seconds(i));
  t.RecordSuccess("maria", kOffice);
  EXPECT_TRUE(t.Blocked("dana", kOffice, kStart + minutes(1)));
}

TEST(LoginThrottle, OtherLoginsAreUnaffected) {
  LoginThrottle t;
  const Timestamp last = Fail(t, "maria", "172.16.0.1", LoginThrottle::kFreeFailures + 3, kStart);
  EXPECT_TRUE(t.Blocked("maria", "172.16.0.1", last + minutes(1)));
  EXPECT_FALSE(t.Blocked("dana", "172.16.0.1", last + minutes(1)));
}

}  // namespace
}  // namespace ringback::web
