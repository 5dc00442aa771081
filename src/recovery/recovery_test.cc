// PlanRecovery on its own: a long list of unsold quotes never turns into a year of calls.
#include "recovery/recovery.h"

#include <gtest/gtest.h>

namespace ringback {
namespace {

TEST(PlanRecovery, FollowUpsBeyondTheHorizonAreDeferredLowestValueFirst) {
  CompanyConfig config;
  config.time_zone = "America/Chicago";
  for (int day = 1; day <= 5; ++day) config.hours[day] = DayHours{8 * 60, 17 * 60};
  Person rick;
  rick.name = "Rick Hollis";
  rick.role = Role::kEstimator;
  Person dana;
  dana.name = "Dana Brooks";
  dana.role = Role::kDispatcher;
  config.team = {rick, dana};
  const Timestamp now = ParseUtc("2026-11-23T14:00:00Z").value();
  std::vector<QuoteFacts> quotes;
  for (int i = 0; i < 20; ++i) {
    QuoteFacts q;
    q.estimate.id = "e" + std::to_string(i);
    q.estimate.number = std::to_string(1000 + i);
    q.estimate.phone = "+1512555" + std::to_string(1000 + i);
    q.estimate.status = "sent";
    q.estimate.estimator = "Rick Hollis";
    q.estimate.total_cents = (i + 1) * 100'000;  // quote 19 is worth the most
    q.estimate.sent_at = now - std::chrono::days(45);
    q.contact_key = "tel:" + q.estimate.phone;
    quotes.push_back(q);
  }
  RecoveryOptions options;
  options.per_owner_per_day = 2;
  options.horizon_business_days = 3;
  StatusOr<RecoveryPlan> plan = PlanRecovery(config, quotes, options, now);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  int follow_ups = 0, deferred = 0;
  for (const RecoveryItem& item : plan->items) {
    if (item.decision == RecoveryDecision::kFollowUp) {
      ++follow_ups;
      EXPECT_GE(item.estimate.total_cents, 15 * 100'000) << "the six most valuable go first";
      ASSERT_TRUE(item.deadline.has_value());
      EXPECT_LE(*item.deadline, ParseUtc("2026-11-27T00:00:00Z").value()) << "within three business days";
    } else {
      ++deferred;
      EXPECT_EQ(item.reasons.front().rfind("deferred: ", 0), 0u) << item.reasons.front();
    }
  }
  EXPECT_EQ(follow_ups, 6);
  EXPECT_EQ(deferred, 14);
  EXPECT_EQ(plan->excluded_by_reason.at("deferred"), 14);
}

}  // namespace
}  // namespace ringback
