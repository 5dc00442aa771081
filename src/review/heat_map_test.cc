// The heat map: which weekday and hour each contact lands in (company time), which count as
// missed or answered late, the roster and on-call overlay, the worst hours, and the HTML a
// screen reader and a printer can read.
#include "review/heat_map.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Timestamp At(const std::string& text) { return ParseUtc(text).value(); }

// Open Monday-Friday 08:00-17:00 and Saturday 08:00-12:00 Central; Dana works Saturdays
// 08:00-10:00 only; Luis is on call the first week and Jake from Monday 07:30 of 2026-W47.
CompanyConfig Company() {
  CompanyConfig c;
  c.time_zone = "America/Chicago";
  for (int day = 1; day <= 5; ++day) c.hours[day] = DayHours{8 * 60, 17 * 60};
  c.hours[6] = DayHours{8 * 60, 12 * 60};
  Person dana;
  dana.name = "Dana Brooks";
  dana.has_own_hours = true;
  for (int day = 1; day <= 5; ++day) dana.hours[day] = DayHours{8 * 60, 17 * 60};
  dana.hours[6] = DayHours{8 * 60, 10 * 60};
  Person tom;
  tom.name = "Tom Nguyen";
  tom.days_off = {std::chrono::sys_days{std::chrono::year{2026} / 11 / 20}};  // Friday
  c.team = {dana, tom};
  c.on_call.rotation = {"Luis Mendez", "Jake Turner"};
  c.on_call.rotation_start = At("2026-11-09T07:30:00-06:00");
  c.holidays = {std::chrono::sys_days{std::chrono::year{2026} / 11 / 19}};  // Thursday, to test
  return c;
}

IsoWeek W47() { return IsoWeekOf(At("2026-11-18T12:00:00-06:00"), "America/Chicago"); }

Opportunity Row(const std::string& received, Category category, OpportunityStatus status,
                std::optional<std::string> deadline = std::nullopt, std::optional<std::string> attempt = std::nullopt) {
  Opportunity o;
  o.received_at = At(received);
  o.category = category;
  o.status = status;
  if (deadline) o.deadline = At(*deadline);
  if (attempt) o.first_attempt_at = At(*attempt);
  return o;
}

TEST(IsMissedOrLate, OverdueEscalatedOrAnsweredAfterTheDeadline) {
  Opportunity o = Row("2026-11-21T08:10:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue);
  EXPECT_TRUE(IsMissedOrLate(o));
  o = Row("2026-11-21T08:10:00-06:00", Category::kRoutine, OpportunityStatus::kAttempted, "2026-11-23T08:10:00-06:00",
          "2026-11-23T09:00:00-06:00");
  EXPECT_TRUE(IsMissedOrLate(o)) << "answered late";
  o = Row("2026-11-21T08:10:00-06:00", Category::kRoutine, OpportunityStatus::kAttempted, "2026-11-23T08:10:00-06:00",
          "2026-11-21T09:00:00-06:00");
  EXPECT_FALSE(IsMissedOrLate(o)) << "answered in time";
  o.escalations = 1;
  EXPECT_TRUE(IsMissedOrLate(o)) << "escalated: its own deadline passed first";
  o = Row("2026-11-21T08:10:00-06:00", Category::kRoutine, OpportunityStatus::kOpen, "2026-11-24T08:10:00-06:00");
  EXPECT_FALSE(IsMissedOrLate(o)) << "not due yet";
  o = Row("2026-11-21T08:10:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue);
  o.duplicate_of = "R-1";
  EXPECT_FALSE(IsMissedOrLate(o)) << "a duplicate row counts in, not lost";
  for (OpportunityStatus s : {OpportunityStatus::kDoNotContact, OpportunityStatus::kClosed}) {
    o = Row("2026-11-21T08:10:00-06:00", Category::kUnknown, s);
    EXPECT_FALSE(IsMissedOrLate(o));
  }
  o = Row("2026-11-21T08:10:00-06:00", Category::kSpam, OpportunityStatus::kOverdue);
  EXPECT_FALSE(IsMissedOrLate(o));
}

TEST(HeatMap, ContactsLandInTheirLocalWeekdayAndHour) {
  const CompanyConfig c = Company();
  HeatMapBuilder b(c, W47());
  // Saturday 8-10 am: three missed, one answered in time; Sunday 23:59 local is Monday 05:59Z.
  for (const char* t : {"2026-11-21T08:05:00-06:00", "2026-11-21T08:40:00-06:00", "2026-11-21T09:15:00-06:00"})
    b.Add(Row(t, Category::kUnknown, OpportunityStatus::kOverdue));
  b.Add(Row("2026-11-21T09:30:00-06:00", Category::kRoutine, OpportunityStatus::kReached, "2026-11-23T09:00:00-06:00",
            "2026-11-21T09:45:00-06:00"));
  b.Add(Row("2026-11-22T23:59:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));
  b.Add(Row("2026-11-23T00:00:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));  // the week after
  b.Add(Row("2026-11-15T23:59:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));  // the week before
  const HeatMap m = b.Finish();
  EXPECT_EQ(m.inbound, 5);
  EXPECT_EQ(m.lost, 4);
  const HeatDay& sat = m.days[5];
  EXPECT_EQ(sat.label, "Sat 11/21");
  EXPECT_EQ(sat.hours[8].inbound, 2);
  EXPECT_EQ(sat.hours[8].lost, 2);
  EXPECT_EQ(sat.hours[9].inbound, 2);
  EXPECT_EQ(sat.hours[9].lost, 1);
  EXPECT_EQ(m.days[6].hours[23].inbound, 1) << "local time decides the day";
  EXPECT_EQ(m.max_inbound, 2);
}

TEST(HeatMap, TheRosterAndOnCallAreLaidOver) {
  const CompanyConfig c = Company();
  const HeatMap m = HeatMapBuilder(c, W47()).Finish();
  const HeatDay& mon = m.days[0];
  EXPECT_EQ(mon.office_hours, "8 am\xE2\x80\x93" "5 pm");
  EXPECT_FALSE(mon.hours[7].open);
  EXPECT_TRUE(mon.hours[8].open);
  EXPECT_EQ(mon.hours[9].staff, (std::vector<std::string>{"Dana Brooks", "Tom Nguyen"}));
  EXPECT_EQ(mon.hours[7].on_call, "Luis Mendez");
  EXPECT_EQ(mon.hours[8].on_call, "Jake Turner");
  EXPECT_EQ(mon.on_call, (std::vector<std::string>{"Luis Mendez", "Jake Turner from 7:30 am"}));
  const HeatDay& thu = m.days[3];
  EXPECT_TRUE(thu.holiday);
  EXPECT_EQ(thu.office_hours, "holiday");
  EXPECT_FALSE(thu.hours[10].open);
  EXPECT_EQ(thu.hours[10].staff, (std::vector<std::string>{"Dana Brooks"})) << "her own hours; the office is closed";
  EXPECT_EQ(m.days[4].hours[10].staff, (std::vector<std::string>{"Dana Brooks"})) << "Tom's day off";
  const HeatDay& sat = m.days[5];
  EXPECT_EQ(sat.hours[9].staff, (std::vector<std::string>{"Dana Brooks", "Tom Nguyen"}));
  EXPECT_EQ(sat.hours[10].staff, (std::vector<std::string>{"Tom Nguyen"}));
  EXPECT_TRUE(m.days[6].hours[10].staff.empty()) << "Sunday: nobody";
  EXPECT_EQ(m.days[6].office_hours, "closed");
}

TEST(HeatMap, TheWorstHoursAreSaidInWords) {
  const CompanyConfig c = Company();
  HeatMapBuilder b(c, W47());
  for (int i = 0; i < 3; ++i) b.Add(Row("2026-11-22T08:1" + std::to_string(i) + ":00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));
  for (int i = 0; i < 2; ++i) b.Add(Row("2026-11-22T09:1" + std::to_string(i) + ":00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));
  b.Add(Row("2026-11-17T13:00:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));
  const HeatMap m = b.Finish();
  ASSERT_EQ(m.worst.size(), 2u);
  EXPECT_EQ(m.worst[0].text,
            "Sun 8\xE2\x80\x93" "10 am: 5 missed or answered late of 5; office closed, nobody on the roster working; "
            "on call Jake Turner");
  EXPECT_EQ(m.worst[1].day, 1);
  EXPECT_EQ(m.worst[1].from_hour, 13);
}

TEST(HourRange, ReadsLikeAClock) {
  EXPECT_EQ(HourRange(8, 10), "8\xE2\x80\x93" "10 am");
  EXPECT_EQ(HourRange(11, 13), "11 am\xE2\x80\x93" "1 pm");
  EXPECT_EQ(HourRange(0, 1), "12\xE2\x80\x93" "1 am");
  EXPECT_EQ(HourRange(23, 24), "11 pm\xE2\x80\x93" "12 am");
}

TEST(RenderHeatMap, AnSvgAndATableBehindIt) {
  const CompanyConfig c = Company();
  HeatMapBuilder b(c, W47());
  b.Add(Row("2026-11-21T08:05:00-06:00", Category::kUnknown, OpportunityStatus::kOverdue));
  const std::string html = RenderHeatMap(b.Finish(), "hm");
  EXPECT_THAT(html, HasSubstr("<svg class=\"heatmap-grid\" role=\"img\" aria-labelledby=\"hm-title hm-desc\""));
  EXPECT_THAT(html, HasSubstr("<title id=\"hm-title\">"));
  EXPECT_THAT(html, HasSubstr("<desc id=\"hm-desc\">1 inbound contacts, 1 missed or answered late."));
  EXPECT_THAT(html, HasSubstr("<table class=\"heatmap-table\">"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">Sat 11/21<br><small>8 am\xE2\x80\x93" "12 pm</small></th>"));
  EXPECT_THAT(html, HasSubstr("<td data-day=\"5\" data-hour=\"8\" data-in=\"1\" data-lost=\"1\" class=\"lost\">1 in, 1 lost</td>"));
  EXPECT_THAT(html, HasSubstr("<td data-day=\"6\" data-hour=\"8\" data-in=\"0\" data-lost=\"0\">\xE2\x80\x93<span class=\"closed\"> (closed)</span></td>"));
  EXPECT_THAT(html, Not(HasSubstr("http"))) << "no external assets";
  EXPECT_THAT(html, Not(HasSubstr("style=")));
  EXPECT_THAT(html, Not(HasSubstr("{{")));
}

TEST(RenderHeatMap, NamesAreEscaped) {
  CompanyConfig c = Company();
  c.team[0].name = "<b>Dana</b> & Co";
  c.on_call.rotation = {"<script>x</script>"};
  const std::string html = RenderHeatMap(HeatMapBuilder(c, W47()).Finish(), "hm");
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;"));
}

}  // namespace
}  // namespace ringback
