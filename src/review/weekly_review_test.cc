// The weekly review on a fixture week whose figures are worked out by hand below: ISO weeks in
// the company's zone, outcomes, time to first attempt in clock and business time, handoff
// failures and the leak.
#include "review/weekly_review.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ringback {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Timestamp At(const std::string& text) { return ParseUtc(text).value(); }

// Open Monday-Friday 08:00-17:00 Central.
CompanyConfig Company() {
  CompanyConfig c;
  c.time_zone = "America/Chicago";
  for (int day = 1; day <= 5; ++day) c.hours[day] = DayHours{8 * 60, 17 * 60};
  return c;
}

ReviewRow Row(std::string id, Channel channel, Category category, const std::string& received,
              std::optional<std::string> deadline, std::optional<std::string> attempt,
              OpportunityStatus status, std::string owner) {
  ReviewRow row;
  Opportunity& o = row.opportunity;
  o.id = std::move(id);
  o.contact_display = "Contact " + o.id;
  o.channel = channel;
  o.category = category;
  o.received_at = At(received);
  if (deadline) o.deadline = At(*deadline);
  if (attempt) o.first_attempt_at = At(*attempt);
  o.status = status;
  o.owner = std::move(owner);
  row.contact_in_estimates = true;
  return row;
}

LeakAssumptions Assumptions() {
  LeakAssumptions a;
  a.booking_rate = 0.5;
  a.average_job_value_cents = {{Category::kActiveEstimate, 1'000'000}, {Category::kRoutine, 20'000},
                               {Category::kWarranty, 0}};
  a.default_job_value_cents = 50'000;
  return a;
}

// Week 2026-W47: Monday 2026-11-16 00:00 CST (06:00Z) to Monday 2026-11-23 00:00 CST.
std::vector<ReviewRow> FixtureWeek() {
  std::vector<ReviewRow> rows;
  // R1 Mon 09:00 emergency call, called back 10 min later, booked.
  rows.push_back(Row("R1", Channel::kCall, Category::kEmergency, "2026-11-16T09:00:00-06:00",
                     "2026-11-16T09:15:00-06:00", "2026-11-16T09:10:00-06:00", OpportunityStatus::kReached, "Luis"));
  rows.back().outcomes.push_back({"R1", At("2026-11-16T09:10:00-06:00"), OutcomeKind::kBooked, "Dana", "", false});
  // R2 Mon 16:00 form asking for an estimate; due Tue 09:00 (2h business); answered Tue 11:00:
  // 19h clock, 4h business (Mon 16-17, Tue 08-11). Not in the estimate export.
  rows.push_back(Row("R2", Channel::kForm, Category::kActiveEstimate, "2026-11-16T16:00:00-06:00",
                     "2026-11-17T09:00:00-06:00", "2026-11-17T11:00:00-06:00", OpportunityStatus::kAttempted, "Rick"));
  rows.back().contact_in_estimates = false;
  // R3 Wed voicemail, routine, never called back, escalated once.
  rows.push_back(Row("R3", Channel::kVoicemail, Category::kRoutine, "2026-11-18T10:00:00-06:00",
                     "2026-11-19T10:00:00-06:00", std::nullopt, OpportunityStatus::kOverdue, "Tom"));
  rows.back().opportunity.escalations = 1;
  // R4 Thu email, routine, answered in 30 minutes and reached.
  rows.push_back(Row("R4", Channel::kEmail, Category::kRoutine, "2026-11-19T12:00:00-06:00",
                     "2026-11-20T12:00:00-06:00", "2026-11-19T12:30:00-06:00", OpportunityStatus::kReached, "Tom"));
  // R5 spam, R6 a duplicate of R1, R7 a stop.
  rows.push_back(Row("R5", Channel::kSms, Category::kSpam, "2026-11-17T10:00:00-06:00", std::nullopt, std::nullopt,
                     OpportunityStatus::kClosed, ""));
  rows.push_back(Row("R6", Channel::kSms, Category::kEmergency, "2026-11-16T09:05:00-06:00", std::nullopt,
                     std::nullopt, OpportunityStatus::kClosed, ""));
  rows.back().opportunity.duplicate_of = "R1";
  rows.push_back(Row("R7", Channel::kSms, Category::kStop, "2026-11-20T10:00:00-06:00", std::nullopt, std::nullopt,
                     OpportunityStatus::kDoNotContact, ""));
  // R8 the week before: a missed call never called back.
  rows.push_back(Row("R8", Channel::kCall, Category::kActiveEstimate, "2026-11-09T09:00:00-06:00",
                     "2026-11-09T11:00:00-06:00", std::nullopt, OpportunityStatus::kOverdue, "Rick"));
  // R9 Fri Business Profile message about a warranty problem, nobody owns it.
  rows.push_back(Row("R9", Channel::kProfile, Category::kWarranty, "2026-11-20T09:00:00-06:00",
                     "2026-11-20T13:00:00-06:00", std::nullopt, OpportunityStatus::kOverdue, ""));
  // R10 Tue call answered by a technician in 30 minutes; no office record of it.
  rows.push_back(Row("R10", Channel::kCall, Category::kActiveEstimate, "2026-11-17T09:00:00-06:00",
                     "2026-11-17T11:00:00-06:00", "2026-11-17T09:30:00-06:00", OpportunityStatus::kAttempted, "Rick"));
  rows.back().technician_attempt = true;
  rows.back().outcomes.push_back({"R10", At("2026-11-17T09:30:00-06:00"), OutcomeKind::kReached, "", "", true});
  return rows;
}

WeekMetrics Review(const std::string& week) {
  const CompanyConfig config = Company();
  WeekReviewBuilder builder(config, ParseIsoWeek(week, config.time_zone).value(), Assumptions(), true, At("2026-11-23T08:00:00-06:00"));
  for (const ReviewRow& row : FixtureWeek()) builder.Add(row);
  return builder.Finish();
}

TEST(IsoWeek, IsMondayToMondayInTheCompanyZone) {
  const StatusOr<IsoWeek> w = ParseIsoWeek("2026-W47", "America/Chicago");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->start, At("2026-11-16T00:00:00-06:00"));
  EXPECT_EQ(w->end, At("2026-11-23T00:00:00-06:00"));
  EXPECT_EQ(w->Label(), "2026-W47");
  EXPECT_EQ(PreviousWeek(*w, "America/Chicago").Label(), "2026-W46");
  // Sunday 23:30 local is still week 47, although it is Monday in UTC.
  EXPECT_EQ(IsoWeekOf(At("2026-11-22T23:30:00-06:00"), "America/Chicago").Label(), "2026-W47");
  // The first ISO week of 2027 starts on Monday 2027-01-04; 2026 has 53 weeks.
  EXPECT_EQ(IsoWeekOf(At("2027-01-03T12:00:00-06:00"), "America/Chicago").Label(), "2026-W53");
  EXPECT_EQ(ParseIsoWeek("2027w01", "America/Chicago")->start, At("2027-01-04T00:00:00-06:00"));
  EXPECT_FALSE(ParseIsoWeek("2025-W53", "America/Chicago").ok());  // 2025 has 52 weeks
  EXPECT_FALSE(ParseIsoWeek("2026-47", "America/Chicago").ok());
  EXPECT_FALSE(ParseIsoWeek("last week", "America/Chicago").ok());
}

TEST(WeekReview, CountsWhatTheOfficeDid) {
  const WeekMetrics m = Review("2026-W47");
  EXPECT_EQ(m.rows, 9);               // R8 belongs to the week before
  EXPECT_EQ(m.real_opportunities, 6);  // R1-R4, R9, R10
  EXPECT_EQ(m.attempted, 4);           // R1, R2, R4, R10
  EXPECT_EQ(m.attempted_within_sla, 3);  // R2 was late
  EXPECT_EQ(m.reached, 3);             // R1 booked, R4 reached, R10 reached (inferred)
  EXPECT_EQ(m.booked, 1);
  EXPECT_EQ(m.stopped, 1);
  EXPECT_EQ(m.spam, 1);
  EXPECT_EQ(m.duplicates, 1);
  EXPECT_EQ(m.overdue, 2);             // R3, R9
  EXPECT_EQ(m.escalated, 1);
  EXPECT_EQ(m.open_at_week_end, 2);    // R3, R9
  EXPECT_EQ(m.inferred_outcomes, 1);
  EXPECT_EQ(m.rows_by_channel.at(Channel::kSms).at(Category::kSpam), 1);
}

TEST(WeekReview, TimeToFirstAttemptInClockAndBusinessTime) {
  const WeekMetrics m = Review("2026-W47");
  // Clock: 10m, 30m, 30m, 19h -> median (2nd of 4) 30m, 90th percentile (4th of 4) 19h.
  EXPECT_EQ(m.clock_all.count, 4);
  EXPECT_EQ(m.clock_all.median, minutes(30));
  EXPECT_EQ(m.clock_all.p90, hours(19));
  // Business: R2 waited 4 business hours overnight.
  EXPECT_EQ(m.business_all.median, minutes(30));
  EXPECT_EQ(m.business_all.p90, hours(4));
  EXPECT_EQ(m.business_by_category.at(Category::kActiveEstimate).p90, hours(4));
  EXPECT_EQ(m.clock_by_owner.at("Rick").count, 2);
  EXPECT_EQ(m.clock_by_owner.at("Luis").median, minutes(10));
  ASSERT_TRUE(m.median_reach_chance.has_value());
  EXPECT_NEAR(*m.median_reach_chance, 1.0 / 21, 1e-9);  // 30 minutes: the 21-fold drop
}

TEST(WeekReview, FindsEachHandoffFailure) {
  const WeekMetrics m = Review("2026-W47");
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kForm), 1);        // R2 answered late
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kPhone), 1);       // R3 never called back
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kProfile), 1);     // R9 never answered
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kTechnician), 1);  // R10
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kCrm), 1);         // R2 not in the estimates
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kOwnerReview), 1); // R9 has no owner
  EXPECT_EQ(m.failures_by_point.count(HandoffPoint::kInbox), 0u);   // R4 answered in time
  std::vector<std::string> why;
  for (const HandoffFailure& f : m.failures) why.push_back(f.opportunity_id + ": " + f.why);
  EXPECT_THAT(why, ::testing::Contains("R2: web form answered 19h after it came in; deadline was 17h"));
  EXPECT_THAT(why, ::testing::Contains("R3: voicemail never called back"));
  EXPECT_THAT(why, ::testing::Contains("R9: no owner was assigned"));
}

TEST(WeekReview, LeakCountsRealOpportunitiesMissedOnly) {
  const WeekMetrics m = Review("2026-W47");
  // Missed: R2 (late, not reached), R3 (never), R9 (never). Spam, duplicate and stop never count.
  EXPECT_EQ(m.missed_by_category.at(Category::kActiveEstimate), 1);
  EXPECT_EQ(m.missed_by_category.at(Category::kRoutine), 1);
  EXPECT_EQ(m.missed_by_category.at(Category::kWarranty), 1);
  EXPECT_EQ(m.leak.missed_total, 3);
  // 1 x 0.5 x $10,000 + 1 x 0.5 x $200 + 1 x 0.5 x $0 = $5,100.
  EXPECT_EQ(m.leak.total_cents, 510'000);
}

TEST(WeekReview, TheWeekBeforeIsReviewedOnItsOwn) {
  const WeekMetrics before = Review("2026-W46");
  EXPECT_EQ(before.rows, 1);
  EXPECT_EQ(before.real_opportunities, 1);
  EXPECT_EQ(before.failures_by_point.at(HandoffPoint::kPhone), 1);
  const std::vector<ReviewFigure> figures = ReviewFigures(Review("2026-W47"), before);
  ASSERT_FALSE(figures.empty());
  EXPECT_EQ(figures[1].metric, "real opportunities");
  EXPECT_EQ(figures[1].this_week, 6);
  EXPECT_EQ(figures[1].last_week, 1);
}

TEST(WeekReview, AnEscalatedRowMissedItsOwnDeadline) {
  // Due Mon 10:00, escalated to the backup with a new deadline Mon 12:00, attempted at 11:00.
  const CompanyConfig config = Company();
  WeekReviewBuilder builder(config, ParseIsoWeek("2026-W47", config.time_zone).value(), Assumptions(), false, At("2026-11-23T08:00:00-06:00"));
  ReviewRow row = Row("E1", Channel::kCall, Category::kActiveEstimate, "2026-11-16T08:00:00-06:00",
                      "2026-11-16T12:00:00-06:00", "2026-11-16T11:00:00-06:00", OpportunityStatus::kAttempted, "Dana");
  row.opportunity.escalations = 1;
  builder.Add(row);
  const WeekMetrics m = builder.Finish();
  EXPECT_EQ(m.attempted, 1);
  EXPECT_EQ(m.attempted_within_sla, 0);
  ASSERT_EQ(m.failures.size(), 1u);
  EXPECT_EQ(m.failures[0].why, "missed call called back 3h after it came in; its deadline had passed and it was escalated");
}

TEST(WeekReview, WorkNotYetDueIsPendingNotMissed) {
  // Reviewed Friday 10:00: a form from 09:00 due at 11:00 has not failed anyone yet.
  const CompanyConfig config = Company();
  WeekReviewBuilder builder(config, ParseIsoWeek("2026-W47", config.time_zone).value(), Assumptions(), false,
                            At("2026-11-20T10:00:00-06:00"));
  builder.Add(Row("P1", Channel::kForm, Category::kActiveEstimate, "2026-11-20T09:00:00-06:00",
                  "2026-11-20T11:00:00-06:00", std::nullopt, OpportunityStatus::kOpen, "Rick"));
  builder.Add(Row("P2", Channel::kForm, Category::kActiveEstimate, "2026-11-19T09:00:00-06:00",
                  "2026-11-19T11:00:00-06:00", std::nullopt, OpportunityStatus::kOverdue, "Rick"));
  const WeekMetrics m = builder.Finish();
  EXPECT_EQ(m.real_opportunities, 2);
  EXPECT_EQ(m.pending, 1);
  EXPECT_EQ(m.leak.missed_total, 1);  // P2 only
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kForm), 1);
  ASSERT_EQ(m.failures.size(), 1u);
  EXPECT_EQ(m.failures[0].opportunity_id, "P2");
}

TEST(WeekReview, AnEmailAnsweredFromAPersonalInboxIsAnInboxFailure) {
  const CompanyConfig config = Company();
  WeekReviewBuilder builder(config, ParseIsoWeek("2026-W47", config.time_zone).value(), Assumptions(), false,
                            At("2026-11-23T08:00:00-06:00"));
  ReviewRow row = Row("M1", Channel::kEmail, Category::kRoutine, "2026-11-17T09:00:00-06:00",
                      "2026-11-18T09:00:00-06:00", "2026-11-17T10:00:00-06:00", OpportunityStatus::kAttempted, "Rick");
  row.personal_reply_from = "rick.hollis@gmail.example";
  builder.Add(row);
  row.opportunity.id = "M2";  // the same, answered from the shared inbox: no failure
  row.personal_reply_from.clear();
  builder.Add(row);
  const WeekMetrics m = builder.Finish();
  EXPECT_EQ(m.attempted_within_sla, 2);
  EXPECT_EQ(m.failures_by_point.at(HandoffPoint::kInbox), 1);
  ASSERT_EQ(m.failures.size(), 1u);
  EXPECT_EQ(m.failures[0].opportunity_id, "M1");
  EXPECT_THAT(m.failures[0].why, ::testing::HasSubstr("personal inbox (rick.hollis@gmail.example)"));
}

TEST(FormatDelay, IsShortAndHuman) {
  EXPECT_EQ(FormatDelay(Seconds{45}), "45s");
  EXPECT_EQ(FormatDelay(minutes(30)), "30m");
  EXPECT_EQ(FormatDelay(minutes(190)), "3h 10m");
  EXPECT_EQ(FormatDelay(hours(52)), "2d 4h");
}

}  // namespace
}  // namespace ringback
