// The weekly review's calculators: what missed calls cost, and what a slow first response
// costs, as an owner reads them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>

#include "review/leak.h"

namespace ringback {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(Leak, HandComputedForASmallWeek) {
  LeakAssumptions a;
  a.booking_rate = 0.3;
  a.average_job_value_cents = {{Category::kEmergency, 90000}, {Category::kActiveEstimate, 1000000}};
  a.default_job_value_cents = 50000;
  const LeakEstimate e =
      EstimateLeak({{Category::kEmergency, 3}, {Category::kActiveEstimate, 2}, {Category::kUnknown, 5}}, a);
  ASSERT_EQ(e.lines.size(), 3u);
  // 3 × 0.3 × $900 = $810; 2 × 0.3 × $10,000 = $6,000; 5 × 0.3 × $500 (default) = $750.
  EXPECT_EQ(e.lines[0].category, Category::kEmergency);
  EXPECT_EQ(e.lines[0].missed, 3);
  EXPECT_DOUBLE_EQ(e.lines[0].booking_rate, 0.3);
  EXPECT_EQ(e.lines[0].job_value_cents, 90000);
  EXPECT_EQ(e.lines[0].leak_cents, 81000);
  EXPECT_EQ(e.lines[1].category, Category::kActiveEstimate);
  EXPECT_EQ(e.lines[1].leak_cents, 600000);
  EXPECT_EQ(e.lines[2].category, Category::kUnknown);
  EXPECT_EQ(e.lines[2].job_value_cents, 50000);
  EXPECT_EQ(e.lines[2].leak_cents, 75000);
  EXPECT_EQ(e.total_cents, 756000);
  EXPECT_EQ(e.missed_total, 10);
}

TEST(Leak, RoundsToTheCent) {
  LeakAssumptions a;
  a.booking_rate = 0.35;
  a.default_job_value_cents = 85000;
  // 3 × 0.35 × $850 = $892.50 exactly, though 0.35 is not exact in binary.
  EXPECT_EQ(EstimateLeak({{Category::kEmergency, 3}}, a).total_cents, 89250);
}

TEST(Leak, SpamDuplicatesAndStopsNeverCount) {
  const LeakEstimate e = EstimateLeak(
      {{Category::kSpam, 40}, {Category::kDuplicate, 12}, {Category::kStop, 3}, {Category::kRoutine, 2}},
      DefaultLeakAssumptions());
  ASSERT_EQ(e.lines.size(), 1u);
  EXPECT_EQ(e.lines[0].category, Category::kRoutine);
  EXPECT_EQ(e.missed_total, 2);
  EXPECT_EQ(e.total_cents, 2 * 35 * 350);  // 2 × 0.35 × $350 = $245
  const LeakEstimate none =
      EstimateLeak({{Category::kSpam, 40}, {Category::kDuplicate, 12}, {Category::kStop, 3}}, DefaultLeakAssumptions());
  EXPECT_TRUE(none.lines.empty());
  EXPECT_EQ(none.total_cents, 0);
  EXPECT_EQ(none.missed_total, 0);
}

TEST(Leak, ZeroOrNegativeCountsAreLeftOut) {
  const LeakEstimate e = EstimateLeak({{Category::kEmergency, 0}, {Category::kRoutine, -2}}, DefaultLeakAssumptions());
  EXPECT_TRUE(e.lines.empty());
  EXPECT_EQ(e.total_cents, 0);
}

TEST(Leak, DefaultsCoverEveryRealCategory) {
  const LeakAssumptions a = DefaultLeakAssumptions();
  EXPECT_DOUBLE_EQ(a.booking_rate, 0.35);
  EXPECT_EQ(JobValueCents(a, Category::kEmergency), 85000);
  EXPECT_EQ(JobValueCents(a, Category::kActiveEstimate), 950000);
  EXPECT_EQ(JobValueCents(a, Category::kOldEstimate), 950000);
  EXPECT_EQ(JobValueCents(a, Category::kRoutine), 35000);
  EXPECT_EQ(JobValueCents(a, Category::kWarranty), 0) << "warranty work is not billed";
  EXPECT_EQ(JobValueCents(a, Category::kUnknown), 120000);
}

TEST(ResponseTime, AnsweringWithinFiveMinutesIsTheBaseline) {
  EXPECT_DOUBLE_EQ(RelativeReachChance(seconds(0)), 1.0);
  EXPECT_DOUBLE_EQ(RelativeReachChance(seconds(-30)), 1.0);
  EXPECT_DOUBLE_EQ(RelativeReachChance(minutes(1)), 1.0);
  EXPECT_DOUBLE_EQ(RelativeReachChance(minutes(5)), 1.0);
  EXPECT_LT(RelativeReachChance(minutes(5) + seconds(1)), 1.0);
}

TEST(ResponseTime, AnchorsReproduceThePublishedRatios) {
  // Lead Response Management study (2007): qualifying odds fall 21-fold from 5 to 30 minutes.
  EXPECT_NEAR(RelativeReachChance(minutes(5)) / RelativeReachChance(minutes(30)), 21.0, 1e-9);
  // HBR 2011: within an hour is nearly 7x as likely to qualify as an hour later...
  EXPECT_NEAR(RelativeReachChance(hours(1)) / RelativeReachChance(hours(2)), 7.0, 1e-9);
  // ... and over 60x as likely as 24 hours or more.
  EXPECT_NEAR(RelativeReachChance(hours(1)) / RelativeReachChance(hours(24)), 60.0, 1e-9);
  EXPECT_NEAR(RelativeReachChance(hours(1)) / RelativeReachChance(days(5)), 60.0, 1e-9);
}

TEST(ResponseTime, TheModelPassesThroughEveryListedAnchor) {
  const std::vector<ResponseTimeAnchor>& anchors = ResponseTimeAnchors();
  ASSERT_EQ(anchors.size(), 5u);
  for (const ResponseTimeAnchor& a : anchors) {
    EXPECT_DOUBLE_EQ(RelativeReachChance(a.delay), a.relative) << a.delay.count();
    EXPECT_THAT(std::string(a.source), ::testing::Not(::testing::IsEmpty()));
  }
  EXPECT_EQ(anchors.front().delay, minutes(5));
  EXPECT_EQ(anchors.back().delay, hours(24));
}

TEST(ResponseTime, NeverRisesWithDelayAndFlattensAfterADay) {
  double previous = 1.0;
  for (Seconds d{0}; d <= days(3); d += seconds(37)) {
    const double r = RelativeReachChance(d);
    EXPECT_LE(r, previous) << d.count();
    EXPECT_GT(r, 0.0) << d.count();
    previous = r;
  }
  EXPECT_DOUBLE_EQ(RelativeReachChance(days(2)), RelativeReachChance(hours(24)));
  // Between anchors it falls by the same factor per doubling: 10 minutes is the geometric
  // midpoint of 5 and 20 minutes, on the 5-to-30-minute segment.
  const double r5 = RelativeReachChance(minutes(5)), r10 = RelativeReachChance(minutes(10));
  const double r20 = RelativeReachChance(minutes(20));
  EXPECT_NEAR(r5 / r10, r10 / r20, 1e-9);
}

TEST(ResponseTime, WhatATwoHourDelayCosts) {
  // 20 opportunities × 0.35 = 7 bookings within 5 minutes; at 2 hours 1/147 of them remain.
  const DelayLeak l = LeakFromDelay(20, hours(2), 0.35, 120000);
  EXPECT_NEAR(l.relative_chance, 1.0 / 147, 1e-12);
  EXPECT_NEAR(l.bookings_at_5_min, 7.0, 1e-12);
  EXPECT_NEAR(l.bookings, 7.0 / 147, 1e-12);
  EXPECT_NEAR(l.bookings_lost, 7.0 * 146 / 147, 1e-12);
  EXPECT_EQ(l.lost_cents, 834286);  // 6.9524 × $1,200 = $8,342.86
}

TEST(ResponseTime, AnsweringWithinFiveMinutesLosesNothing) {
  const DelayLeak l = LeakFromDelay(20, minutes(4), 0.35, 120000);
  EXPECT_DOUBLE_EQ(l.bookings_lost, 0.0);
  EXPECT_EQ(l.lost_cents, 0);
  EXPECT_EQ(LeakFromDelay(0, hours(24), 0.35, 120000).lost_cents, 0);
}

}  // namespace
}  // namespace ringback
