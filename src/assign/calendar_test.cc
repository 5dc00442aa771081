// Business calendar (IsBusinessTime, AddSla) and on-call (OnCallAt), in America/Chicago.
// 2026 DST: spring forward Sunday 2026-03-08 02:00 CST -> 03:00 CDT; fall back Sunday
// 2026-11-01 02:00 CDT -> 01:00 CST. Expected times carry their UTC offset.
#include <gtest/gtest.h>

#include "assign/assigner.h"
#include "assign/test_company.h"

namespace ringback {
namespace {

using testing_company::At;
using testing_company::Company;
using testing_company::Date;
using std::chrono::hours;
using std::chrono::minutes;

const Sla kTwoBusinessHours{hours(2), true};
const Sla kOneBusinessDay{hours(24), true};

Timestamp Due(const CompanyConfig& c, const std::string& start, const Sla& sla) {
  auto due = AddSla(c, At(start), sla);
  EXPECT_TRUE(due.ok()) << due.status().ToString();
  return due.ok() ? *due : Timestamp{};
}

CompanyConfig OpenAllWeek(int open_minute, int close_minute) {
  CompanyConfig c = Company();
  c.holidays.clear();
  for (DayHours& h : c.hours) h = DayHours{open_minute, close_minute};
  return c;
}

TEST(IsBusinessTime, InsideWeekdayHoursOnly) {
  const CompanyConfig c = Company();
  EXPECT_TRUE(IsBusinessTime(c, At("2026-03-10T08:00:00-05:00")));   // Tuesday opening
  EXPECT_TRUE(IsBusinessTime(c, At("2026-03-10T16:59:59-05:00")));
  EXPECT_FALSE(IsBusinessTime(c, At("2026-03-10T17:00:00-05:00")));  // closing is exclusive
  EXPECT_FALSE(IsBusinessTime(c, At("2026-03-10T07:59:00-05:00")));
  EXPECT_FALSE(IsBusinessTime(c, At("2026-03-14T10:00:00-05:00")));  // Saturday
  EXPECT_FALSE(IsBusinessTime(c, At("2026-11-26T10:00:00-06:00")));  // Thanksgiving
  EXPECT_TRUE(IsBusinessTime(c, At("2026-11-27T10:00:00-06:00")));
}

TEST(IsBusinessTime, UsesLocalTimeNotUtc) {
  const CompanyConfig c = Company();
  // 15:30Z is 09:30 CST in January but 10:30 CDT in July: both open; 23:30Z never is.
  EXPECT_TRUE(IsBusinessTime(c, At("2026-01-13T15:30:00Z")));
  EXPECT_FALSE(IsBusinessTime(c, At("2026-01-13T23:30:00Z")));  // 17:30 CST
  EXPECT_TRUE(IsBusinessTime(c, At("2026-07-14T21:30:00Z")));   // 16:30 CDT
  EXPECT_FALSE(IsBusinessTime(c, At("2026-01-13T13:30:00Z")));  // 07:30 CST
}

TEST(IsBusinessTime, UnknownZoneIsNeverOpen) {
  CompanyConfig c = Company();
  c.time_zone = "Mars/Olympus_Mons";
  EXPECT_FALSE(IsBusinessTime(c, At("2026-03-10T10:00:00-05:00")));
}

TEST(AddSla, ClockTimeIsPlainAdditionDayAndNight) {
  const CompanyConfig c = Company();
  const Sla fifteen{minutes(15), false};
  EXPECT_EQ(Due(c, "2026-03-15T02:10:00-05:00", fifteen), At("2026-03-15T02:25:00-05:00"));
  // Across the spring-forward gap: one real hour after 01:30 CST reads 03:30 CDT.
  EXPECT_EQ(Due(c, "2026-03-08T01:30:00-06:00", Sla{hours(1), false}),
            At("2026-03-08T03:30:00-05:00"));
}

TEST(AddSla, BusinessTimeWithinOneDay) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Due(c, "2026-03-10T10:00:00-05:00", kTwoBusinessHours),
            At("2026-03-10T12:00:00-05:00"));
  // Using up the day exactly ends at closing, not at the next opening.
  EXPECT_EQ(Due(c, "2026-03-10T15:00:00-05:00", kTwoBusinessHours),
            At("2026-03-10T17:00:00-05:00"));
}

TEST(AddSla, BusinessTimeCarriesOverNight) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Due(c, "2026-03-10T16:30:00-05:00", kTwoBusinessHours),
            At("2026-03-11T09:30:00-05:00"));
  // Arriving before opening: counting starts at 08:00.
  EXPECT_EQ(Due(c, "2026-03-10T06:00:00-05:00", kTwoBusinessHours),
            At("2026-03-10T10:00:00-05:00"));
  // Arriving at night: counting starts next morning.
  EXPECT_EQ(Due(c, "2026-03-10T22:45:00-05:00", Sla{minutes(90), true}),
            At("2026-03-11T09:30:00-05:00"));
}

TEST(AddSla, FridayEveningLandsMonday) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Due(c, "2026-03-13T18:30:00-05:00", kTwoBusinessHours),
            At("2026-03-16T10:00:00-05:00"));
  EXPECT_EQ(Due(c, "2026-03-14T11:00:00-05:00", Sla{hours(4), true}),  // Saturday
            At("2026-03-16T12:00:00-05:00"));
  // Friday 16:00 + 4h: one hour Friday, three Monday.
  EXPECT_EQ(Due(c, "2026-03-13T16:00:00-05:00", Sla{hours(4), true}),
            At("2026-03-16T11:00:00-05:00"));
}

TEST(AddSla, HolidaysAreSkipped) {
  const CompanyConfig c = Company();
  // Wednesday before Thanksgiving -> Friday after it.
  EXPECT_EQ(Due(c, "2026-11-25T16:00:00-06:00", kTwoBusinessHours),
            At("2026-11-27T09:00:00-06:00"));
  // Christmas on a Friday: Thursday afternoon -> Monday.
  EXPECT_EQ(Due(c, "2026-12-24T16:00:00-06:00", kTwoBusinessHours),
            At("2026-12-28T09:00:00-06:00"));
}

TEST(AddSla, SpringForwardWeekend) {
  const CompanyConfig c = Company();
  // Friday in CST, Monday in CDT: the deadline keeps its 09:00 local opening.
  const Timestamp due = Due(c, "2026-03-06T16:00:00-06:00", kTwoBusinessHours);
  EXPECT_EQ(due, At("2026-03-09T09:00:00-05:00"));
  EXPECT_EQ(FormatUtc(due), "2026-03-09T14:00:00Z");
}

TEST(AddSla, FallBackWeekend) {
  const CompanyConfig c = Company();
  const Timestamp due = Due(c, "2026-10-30T16:00:00-05:00", kTwoBusinessHours);
  EXPECT_EQ(due, At("2026-11-02T09:00:00-06:00"));
  EXPECT_EQ(FormatUtc(due), "2026-11-02T15:00:00Z");
}

TEST(AddSla, BusinessHoursSpanningTheSpringForwardGapCountRealTime) {
  const CompanyConfig c = OpenAllWeek(0, 24 * 60);
  // 23:00 CST + 4 real hours = 04:00 CDT (a wall-clock count would say 03:00).
  EXPECT_EQ(Due(c, "2026-03-07T23:00:00-06:00", Sla{hours(4), true}),
            At("2026-03-08T04:00:00-05:00"));
}

TEST(AddSla, ShortSpringForwardSundayHasOneHourLess) {
  CompanyConfig c = Company();
  for (DayHours& h : c.hours) h = DayHours{};
  c.hours[0] = DayHours{60, 4 * 60};  // Sundays 01:00-04:00 only
  // 2026-03-08 holds only 2 real hours (01:00 CST to 04:00 CDT); the third is next Sunday.
  EXPECT_EQ(Due(c, "2026-03-08T00:00:00-06:00", Sla{hours(3), true}),
            At("2026-03-15T02:00:00-05:00"));
}

TEST(AddSla, LongFallBackSundayHasOneHourMore) {
  CompanyConfig c = Company();
  for (DayHours& h : c.hours) h = DayHours{};
  c.hours[0] = DayHours{60, 4 * 60};  // Sundays 01:00-04:00 only
  // 2026-11-01 holds 4 real hours (01:00 CDT to 04:00 CST).
  EXPECT_EQ(Due(c, "2026-11-01T00:00:00-05:00", Sla{hours(4), true}),
            At("2026-11-01T04:00:00-06:00"));
  // The repeated 01:30 (second time, CST) is still open.
  EXPECT_TRUE(IsBusinessTime(c, At("2026-11-01T01:30:00-06:00")));
  EXPECT_FALSE(IsBusinessTime(c, At("2026-11-01T04:00:00-06:00")));
}

TEST(AddSla, ClosingInsideTheRepeatedHourUsesItsSecondReading) {
  CompanyConfig c = Company();
  for (DayHours& h : c.hours) h = DayHours{};
  c.hours[0] = DayHours{0, 90};  // Sundays 00:00-01:30
  // On 2026-11-01 that is 00:00 CDT to the second 01:30 (CST): 2.5 real hours.
  EXPECT_EQ(Due(c, "2026-11-01T00:00:00-05:00", Sla{minutes(150), true}),
            At("2026-11-01T01:30:00-06:00"));
  EXPECT_TRUE(IsBusinessTime(c, At("2026-11-01T01:15:00-06:00")));
}

TEST(AddSla, OneBusinessDayIsSameTimeNextBusinessDay) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Due(c, "2026-03-10T10:00:00-05:00", kOneBusinessDay),
            At("2026-03-11T10:00:00-05:00"));
  EXPECT_EQ(Due(c, "2026-03-13T10:00:00-05:00", kOneBusinessDay),  // Friday -> Monday
            At("2026-03-16T10:00:00-05:00"));
  EXPECT_EQ(Due(c, "2026-11-25T10:00:00-06:00", kOneBusinessDay),  // over Thanksgiving
            At("2026-11-27T10:00:00-06:00"));
  EXPECT_EQ(Due(c, "2026-03-12T10:00:00-05:00", Sla{hours(48), true}),  // Thu + 2 -> Mon
            At("2026-03-16T10:00:00-05:00"));
}

TEST(AddSla, OneBusinessDayFromOutsideHoursIsTheNextFullDay) {
  const CompanyConfig c = Company();
  // Friday evening, Saturday, and Monday before opening: all due by Monday's close.
  EXPECT_EQ(Due(c, "2026-03-13T18:30:00-05:00", kOneBusinessDay),
            At("2026-03-16T17:00:00-05:00"));
  EXPECT_EQ(Due(c, "2026-03-14T12:00:00-05:00", kOneBusinessDay),
            At("2026-03-16T17:00:00-05:00"));
  EXPECT_EQ(Due(c, "2026-03-16T06:00:00-05:00", kOneBusinessDay),
            At("2026-03-16T17:00:00-05:00"));
}

TEST(AddSla, OneBusinessDayKeepsLocalTimeAcrossBothDstChanges) {
  const CompanyConfig c = Company();
  EXPECT_EQ(Due(c, "2026-03-06T10:00:00-06:00", kOneBusinessDay),
            At("2026-03-09T10:00:00-05:00"));
  EXPECT_EQ(Due(c, "2026-10-30T10:00:00-05:00", kOneBusinessDay),
            At("2026-11-02T10:00:00-06:00"));
}

TEST(AddSla, OneBusinessDayClampsIntoAShorterDay) {
  CompanyConfig c = Company();
  c.hours[6] = DayHours{9 * 60, 12 * 60};  // Saturday mornings
  EXPECT_EQ(Due(c, "2026-03-13T15:00:00-05:00", kOneBusinessDay),
            At("2026-03-14T12:00:00-05:00"));
}

TEST(AddSla, NoOpenHoursIsAnErrorNotAHang) {
  CompanyConfig c = Company();
  for (DayHours& h : c.hours) h = DayHours{};
  auto due = AddSla(c, At("2026-03-10T10:00:00-05:00"), kTwoBusinessHours);
  ASSERT_FALSE(due.ok());
  EXPECT_NE(due.status().message().find("no open hours"), std::string::npos);
  // Clock SLAs still work without hours.
  EXPECT_TRUE(AddSla(c, At("2026-03-10T10:00:00-05:00"), Sla{minutes(15), false}).ok());
}

TEST(AddSla, OpenDaysAllHolidaysIsAnError) {
  CompanyConfig c = Company();
  for (DayHours& h : c.hours) h = DayHours{};
  c.hours[0] = DayHours{8 * 60, 12 * 60};  // Sundays only, and every Sunday is a holiday
  c.holidays.clear();
  for (auto d = Date(2026, 1, 4); d < Date(2028, 1, 1); d += std::chrono::days{7})
    c.holidays.push_back(d);
  for (const Sla& sla : {kTwoBusinessHours, kOneBusinessDay}) {
    auto due = AddSla(c, At("2026-01-05T10:00:00-06:00"), sla);
    ASSERT_FALSE(due.ok()) << FormatSla(sla);
    EXPECT_NE(due.status().message().find("no business hours within 400 days"),
              std::string::npos);
  }
}

TEST(AddSla, UnknownZoneAndNegativeAmountAreErrors) {
  CompanyConfig c = Company();
  EXPECT_FALSE(AddSla(c, At("2026-03-10T10:00:00-05:00"), Sla{hours(-1), false}).ok());
  c.time_zone = "America/Nowhere";
  auto due = AddSla(c, At("2026-03-10T10:00:00-05:00"), kTwoBusinessHours);
  ASSERT_FALSE(due.ok());
  EXPECT_NE(due.status().message().find("America/Nowhere"), std::string::npos);
}

TEST(OnCallAt, WeeklyRotationInOrderAndWrapping) {
  const CompanyConfig c = Company();
  EXPECT_EQ(OnCallAt(c, At("2026-03-04T03:00:00-06:00")), "Luis Mendez");
  EXPECT_EQ(OnCallAt(c, At("2026-03-11T03:00:00-05:00")), "Kim Tran");
  EXPECT_EQ(OnCallAt(c, At("2026-03-18T03:00:00-05:00")), "Pat Young");
  EXPECT_EQ(OnCallAt(c, At("2026-03-25T03:00:00-05:00")), "Luis Mendez");
}

TEST(OnCallAt, NewPersonAtTheExactHandoverMinute) {
  const CompanyConfig c = Company();
  // Handover Monday 08:00 local, also right after the switch to CDT.
  EXPECT_EQ(OnCallAt(c, At("2026-03-09T07:59:00-05:00")), "Luis Mendez");
  EXPECT_EQ(OnCallAt(c, At("2026-03-09T07:59:59-05:00")), "Luis Mendez");
  EXPECT_EQ(OnCallAt(c, At("2026-03-09T08:00:00-05:00")), "Kim Tran");
  EXPECT_EQ(OnCallAt(c, At("2026-03-16T08:00:00-05:00")), "Pat Young");
  EXPECT_EQ(OnCallAt(c, At("2026-03-02T08:00:00-06:00")), "Luis Mendez");
}

TEST(OnCallAt, BeforeRotationStartCountsBackwards) {
  const CompanyConfig c = Company();
  EXPECT_EQ(OnCallAt(c, At("2026-03-02T07:59:00-06:00")), "Pat Young");  // week -1
  EXPECT_EQ(OnCallAt(c, At("2026-02-20T12:00:00-06:00")), "Kim Tran");   // week -2
  EXPECT_EQ(OnCallAt(c, At("2026-02-13T12:00:00-06:00")), "Luis Mendez");
}

TEST(OnCallAt, ExplicitRangeWinsThenRotationResumes) {
  CompanyConfig c = Company();
  c.on_call.ranges.push_back(
      {"Ana Ruiz", At("2026-03-10T18:00:00-05:00"), At("2026-03-11T06:00:00-05:00")});
  EXPECT_EQ(OnCallAt(c, At("2026-03-10T17:59:00-05:00")), "Kim Tran");
  EXPECT_EQ(OnCallAt(c, At("2026-03-10T18:00:00-05:00")), "Ana Ruiz");
  EXPECT_EQ(OnCallAt(c, At("2026-03-11T05:59:59-05:00")), "Ana Ruiz");
  EXPECT_EQ(OnCallAt(c, At("2026-03-11T06:00:00-05:00")), "Kim Tran");  // `to` is exclusive
}

TEST(OnCallAt, NobodyWithoutRotationOrRange) {
  CompanyConfig c = Company();
  c.on_call = OnCall{};
  EXPECT_FALSE(OnCallAt(c, At("2026-03-10T12:00:00-05:00")).has_value());
}

}  // namespace
}  // namespace ringback

namespace ringback {
namespace {

using testing_company::At;
using testing_company::Company;
using std::chrono::hours;
using std::chrono::minutes;

TEST(BusinessTimeBetween, CountsOnlyOpenHours) {
  const CompanyConfig c = Company();  // Mon-Fri 08:00-17:00 Central
  // Friday 16:30 -> Monday 09:00: 30 minutes Friday + 1 hour Monday; the weekend counts nothing.
  EXPECT_EQ(BusinessTimeBetween(c, At("2026-03-13T16:30:00-05:00"), At("2026-03-16T09:00:00-05:00")),
            minutes(90));
  // Inside one day it is the plain difference.
  EXPECT_EQ(BusinessTimeBetween(c, At("2026-03-10T09:00:00-05:00"), At("2026-03-10T11:15:00-05:00")),
            minutes(135));
  // A night wait: Tuesday 20:00 -> Wednesday 08:30 is half an hour of business time.
  EXPECT_EQ(BusinessTimeBetween(c, At("2026-03-10T20:00:00-05:00"), At("2026-03-11T08:30:00-05:00")),
            minutes(30));
  EXPECT_EQ(BusinessTimeBetween(c, At("2026-03-10T11:00:00-05:00"), At("2026-03-10T09:00:00-05:00")), Seconds{0});
}

TEST(BusinessTimeBetween, HolidaysCountNothing) {
  const CompanyConfig c = Company();  // Thanksgiving 2026-11-26 is a holiday
  // Wednesday 16:00 -> Friday 09:00: 1 hour Wednesday + 1 hour Friday.
  EXPECT_EQ(BusinessTimeBetween(c, At("2026-11-25T16:00:00-06:00"), At("2026-11-27T09:00:00-06:00")), hours(2));
}

}  // namespace
}  // namespace ringback
