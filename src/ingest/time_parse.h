// Reads the date-time forms exports really use: ISO 8601 (with "T" or a space, with or without
// seconds, fractions, "Z" or an offset), RFC 2822 mail dates, US "11/16/2026 07:48 AM" and
// day-first "16/11/2026 19:48", "16 Nov 2026", "Nov 16, 2026 7:48 PM", "Monday, November 16,
// 2026", 12- and 24-hour clocks, Excel serial numbers (1900 system) and Unix epoch seconds or
// milliseconds. Text with an offset, "Z", "UTC" or a US zone abbreviation is absolute; text
// without one is wall-clock time in the company's zone (DST gaps resolve forward, repeated
// hours to the first occurrence).
#pragma once

#include <optional>
#include <string_view>

#include "core/time.h"

namespace date {
class time_zone;
}

namespace ringback {

// Which number of a numeric date ("04/11/2026") is the month.
enum class DateOrder { kUnknown, kMonthFirst, kDayFirst };

// `order` decides numeric dates whose first two numbers could both be a month; a date whose
// first number is over 12 ("16/11/2026") is read day first whatever `order` says, and one whose
// second is over 12 month first.
std::optional<Timestamp> ParseExportTime(std::string_view text, const date::time_zone* zone,
                                         DateOrder order = DateOrder::kMonthFirst);

// What one value says about its file's date order: kMonthFirst for "11/16/2026" (16 cannot be
// a month), kDayFirst for "16/11/2026", kUnknown when both readings work or it is no numeric
// date.
DateOrder DateOrderEvidence(std::string_view text);

// The shape of a value: a date with a time, a date alone, a time of day alone, or none.
enum class TimeShape { kNone, kDateTime, kDate, kClock };
TimeShape ShapeOfTime(std::string_view text);

}  // namespace ringback
