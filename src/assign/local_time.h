// Internal to src/assign: local wall-clock helpers over the tz database, shared by the
// business calendar, on-call and assignment code. Not part of the module's public API.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/company_config.h"
#include "core/status.h"
#include "core/time.h"

namespace ringback::assign_internal {

using LocalDate = std::chrono::sys_days;  // a local calendar date, as CompanyConfig stores them

// The zone named `name`; an error naming it when unknown (the tz library throws, this does not).
StatusOr<const date::time_zone*> FindZone(const std::string& name);

// The local calendar date of `t` in `zone`.
LocalDate LocalDateOf(const date::time_zone* zone, Timestamp t);

// The instant of local `date` + `since_midnight` (may reach 24:00). A time skipped by a DST
// gap resolves to the transition; a repeated time to its first (earliest) or second (latest)
// occurrence.
Timestamp FromLocal(const date::time_zone* zone, LocalDate date, Seconds since_midnight,
                    date::choose choose);

// 0 = Sunday ... 6 = Saturday, matching CompanyConfig::hours.
unsigned WeekdayIndex(LocalDate date);

// True when `dates` contains `date`.
bool ContainsDate(const std::vector<LocalDate>& dates, LocalDate date);

// [open, close) of `hours` on local `date` as instants; nullopt when closed that day. The
// open edge takes the earliest and the close the latest reading of a repeated hour, so a
// fall-back day keeps its extra real hour and a spring-forward day loses one.
std::optional<std::pair<Timestamp, Timestamp>> OpenInterval(const date::time_zone* zone,
                                                            const DayHours& hours,
                                                            LocalDate date);

// Trimmed, ASCII lower-case: how person names are compared.
std::string NormalizeName(std::string_view name);

}  // namespace ringback::assign_internal
