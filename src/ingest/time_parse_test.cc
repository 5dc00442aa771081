// ParseExportTime: the date-time spellings exports use, local ones read in the company's zone.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <string>

#include "core/time.h"
#include "ingest/time_parse.h"

namespace ringback {
namespace {

const date::time_zone* Chicago() { return date::locate_zone("America/Chicago"); }

std::string Parsed(const char* text) {
  auto t = ParseExportTime(text, Chicago());
  return t ? FormatUtc(*t) : std::string("nullopt");
}

TEST(ParseExportTime, UsPhoneSystemLocalTimeInChicago) {
  EXPECT_EQ(Parsed("11/16/2026 07:42 AM"), "2026-11-16T13:42:00Z");
  EXPECT_EQ(Parsed("11/16/2026 07:42 PM"), "2026-11-17T01:42:00Z");
  EXPECT_EQ(Parsed("11/16/2026 12:05 AM"), "2026-11-16T06:05:00Z");
  EXPECT_EQ(Parsed("11/16/2026 12:05 PM"), "2026-11-16T18:05:00Z");
  EXPECT_EQ(Parsed("11/16/2026 07:42:31 AM"), "2026-11-16T13:42:31Z");
  EXPECT_EQ(Parsed("11/16/2026 19:42"), "2026-11-17T01:42:00Z");
}

TEST(ParseExportTime, SingleDigitMonthDayAndHour) {
  EXPECT_EQ(Parsed("1/5/2026 7:42 AM"), "2026-01-05T13:42:00Z");
}

// BUG: time_parse.cc tries "%m/%d/%Y %I:%M %p" before "%m/%d/%y %I:%M %p", and %Y happily
// reads "26" as the year 0026, so the two-digit-year format is never reached. Expected
// "11/16/26 07:42 AM" -> 2026-11-16T13:42:00Z; actual 0026-11-16T13:32:36Z (year 26, with the
// 1883 local-mean-time offset), so such rows import with a date 2000 years ago.
TEST(ParseExportTime, TwoDigitYearIsThisCentury) {
  // Spreadsheets re-saving a phone export often shorten the year.
  EXPECT_EQ(Parsed("11/16/26 07:42 AM"), "2026-11-16T13:42:00Z");
}

TEST(ParseExportTime, MonthNameSpelling) {
  EXPECT_EQ(Parsed("Nov 16, 2026 07:42 AM"), "2026-11-16T13:42:00Z");
}

// BUG: time_parse.cc has no format for fractional seconds: "%FT%TZ" parsed into a
// seconds-precision time fails on ".000Z", and so does every other format. Expected
// "2026-11-16T13:42:00.000Z" -> 2026-11-16T13:42:00Z; actual nullopt, so every row of such an
// export is rejected as "not a date". (Parsing into milliseconds and flooring would fix it.)
TEST(ParseExportTime, IsoWithMillisecondsIsAbsolute) {
  // JavaScript-style timestamps (toISOString) as many CRM and form exports write them.
  EXPECT_EQ(Parsed("2026-11-16T13:42:00.000Z"), "2026-11-16T13:42:00Z");
  EXPECT_EQ(Parsed("2026-11-16T13:42:00.750Z"), "2026-11-16T13:42:00Z");
}

TEST(ParseExportTime, SummerTimeIsFiveHoursBehind) {
  EXPECT_EQ(Parsed("07/01/2026 07:42 AM"), "2026-07-01T12:42:00Z");
}

TEST(ParseExportTime, IsoWithZIsAbsolute) {
  EXPECT_EQ(Parsed("2026-11-22T19:40:09Z"), "2026-11-22T19:40:09Z");
}

TEST(ParseExportTime, IsoWithOffsetIsAbsolute) {
  EXPECT_EQ(Parsed("2026-11-16T07:42:00-06:00"), "2026-11-16T13:42:00Z");
  EXPECT_EQ(Parsed("2026-11-16T07:42:00+01:00"), "2026-11-16T06:42:00Z");
}

TEST(ParseExportTime, RfcMailDateIsAbsolute) {
  EXPECT_EQ(Parsed("Mon, 16 Nov 2026 07:42:00 -0600"), "2026-11-16T13:42:00Z");
}

TEST(ParseExportTime, IsoWithoutOffsetIsLocal) {
  EXPECT_EQ(Parsed("2026-11-16 21:14:05"), "2026-11-17T03:14:05Z");
  EXPECT_EQ(Parsed("2026-11-16 08:05"), "2026-11-16T14:05:00Z");
  EXPECT_EQ(Parsed("2026-11-16T08:05:00"), "2026-11-16T14:05:00Z");
}

TEST(ParseExportTime, DateAloneIsLocalMidnight) {
  EXPECT_EQ(Parsed("2026-11-13"), "2026-11-13T06:00:00Z");
  EXPECT_EQ(Parsed("11/13/2026"), "2026-11-13T06:00:00Z");
}

TEST(ParseExportTime, SurroundingBlanksAndCarriageReturnAreIgnored) {
  EXPECT_EQ(Parsed("  11/16/2026 07:42 AM\r"), "2026-11-16T13:42:00Z");
}

TEST(ParseExportTime, LocalTimeInTheSpringForwardGapResolvesForward) {
  // 2026-03-08 02:30 does not exist in Chicago (clocks jump 02:00 CST -> 03:00 CDT at 08:00Z).
  auto t = ParseExportTime("2026-03-08 02:30", Chicago());
  ASSERT_TRUE(t.has_value()) << "a time in the gap must still import";
  auto gap_start = ParseUtc("2026-03-08T08:00:00Z");
  auto forward = ParseUtc("2026-03-08T08:30:00Z");  // 03:30 CDT
  ASSERT_TRUE(gap_start && forward);
  EXPECT_GE(*t, *gap_start) << FormatUtc(*t);
  EXPECT_LE(*t, *forward) << FormatUtc(*t);
  // And it is never earlier than a real time just before the gap.
  auto before = ParseExportTime("2026-03-08 01:59", Chicago());
  ASSERT_TRUE(before.has_value());
  EXPECT_LT(*before, *t);
}

TEST(ParseExportTime, RepeatedFallBackHourTakesTheFirstOccurrence) {
  // 2026-11-01 01:30 happens twice in Chicago: first at CDT (-05:00).
  EXPECT_EQ(Parsed("2026-11-01 01:30"), "2026-11-01T06:30:00Z");
}

TEST(ParseExportTime, GarbageIsNullopt) {
  for (const char* text : {"", "   ", "yesterday", "13/45/2026 25:99", "2026-11-16 07:42 extra",
                           "11/16/2026 7:42 XM", "N/A", "2026-02-30"}) {
    EXPECT_FALSE(ParseExportTime(text, Chicago()).has_value()) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace ringback

namespace ringback {
namespace {

std::string ParsedAs(const char* text, DateOrder order) {
  auto t = ParseExportTime(text, date::locate_zone("America/Chicago"), order);
  return t ? FormatUtc(*t) : std::string("nullopt");
}

// A phone system writing the ISO date in one column and "07:48 AM" in the next: the columns are
// joined before parsing.
TEST(ParseExportTime, IsoDateWithTwelveHourClock) {
  EXPECT_EQ(ParsedAs("2026-11-16 07:48 AM", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
  EXPECT_EQ(ParsedAs("2026-11-16 7:48pm", DateOrder::kMonthFirst), "2026-11-17T01:48:00Z");
  EXPECT_EQ(ParsedAs("2026-11-16 7:48 p.m.", DateOrder::kMonthFirst), "2026-11-17T01:48:00Z");
}

TEST(ParseExportTime, DayFirstWhenTheFileSaysSo) {
  EXPECT_EQ(ParsedAs("04/11/2026 19:48", DateOrder::kDayFirst), "2026-11-05T01:48:00Z");
  EXPECT_EQ(ParsedAs("04/11/2026 19:48", DateOrder::kMonthFirst), "2026-04-12T00:48:00Z");
  // A day over 12 decides by itself, whatever the file's order.
  EXPECT_EQ(ParsedAs("16/11/2026 19:48", DateOrder::kMonthFirst), "2026-11-17T01:48:00Z");
  EXPECT_EQ(ParsedAs("16.11.2026 19:48", DateOrder::kDayFirst), "2026-11-17T01:48:00Z");
}

TEST(ParseExportTime, DayMonthNameYear) {
  EXPECT_EQ(ParsedAs("16 Nov 2026 07:48", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
  EXPECT_EQ(ParsedAs("16-Nov-2026 7:48 AM", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
  EXPECT_EQ(ParsedAs("Monday, November 16, 2026 at 7:48 AM", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
  EXPECT_EQ(ParsedAs("Nov 16th 2026, 7:48 am CST", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
}

TEST(ParseExportTime, ExcelSerialAndEpoch) {
  // 46342 is 2026-11-16 in Excel's 1900 system; .325 of a day is 07:48.
  EXPECT_EQ(ParsedAs("46342.325", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
  EXPECT_EQ(ParsedAs("1795333680", DateOrder::kMonthFirst), "2026-11-22T07:48:00Z");
  EXPECT_EQ(ParsedAs("1795333680000", DateOrder::kMonthFirst), "2026-11-22T07:48:00Z");
  EXPECT_EQ(ParsedAs("42", DateOrder::kMonthFirst), "nullopt");
}

TEST(ParseExportTime, ZoneAbbreviationsAreAbsolute) {
  EXPECT_EQ(ParsedAs("11/16/2026 07:48 AM EST", DateOrder::kMonthFirst), "2026-11-16T12:48:00Z");
  EXPECT_EQ(ParsedAs("2026-11-16 13:48:00 UTC", DateOrder::kMonthFirst), "2026-11-16T13:48:00Z");
}

TEST(ParseExportTime, NotDates) {
  for (const char* text : {"Missed", "13:00 PM", "2026-13-01", "02/30/2026", "Call me at 5", "$1,200", "7870"})
    EXPECT_EQ(ParsedAs(text, DateOrder::kMonthFirst), "nullopt") << text;
}

TEST(DateOrderEvidence, OnlyUnambiguousValuesCount) {
  EXPECT_EQ(DateOrderEvidence("11/16/2026 07:48 AM"), DateOrder::kMonthFirst);
  EXPECT_EQ(DateOrderEvidence("16/11/2026"), DateOrder::kDayFirst);
  EXPECT_EQ(DateOrderEvidence("04/11/2026"), DateOrder::kUnknown);
  EXPECT_EQ(DateOrderEvidence("2026-11-16"), DateOrder::kUnknown);
}

TEST(ShapeOfTime, TellsDatesClocksAndOtherText) {
  EXPECT_EQ(ShapeOfTime("2026-11-16"), TimeShape::kDate);
  EXPECT_EQ(ShapeOfTime("07:48 AM"), TimeShape::kClock);
  EXPECT_EQ(ShapeOfTime("19:48"), TimeShape::kClock);
  EXPECT_EQ(ShapeOfTime("11/16/2026 7:48 PM"), TimeShape::kDateTime);
  EXPECT_EQ(ShapeOfTime("46342.325"), TimeShape::kDateTime);
  EXPECT_EQ(ShapeOfTime("78701"), TimeShape::kNone);
  EXPECT_EQ(ShapeOfTime("5125550100"), TimeShape::kNone);
  EXPECT_EQ(ShapeOfTime("00:03:12"), TimeShape::kClock);
  EXPECT_EQ(ShapeOfTime("my roof is leaking"), TimeShape::kNone);
}

}  // namespace
}  // namespace ringback
