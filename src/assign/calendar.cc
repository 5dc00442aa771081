// Business calendar and on-call: AddSla, IsBusinessTime, OnCallAt.
#include <algorithm>
#include <chrono>

#include "assign/assigner.h"
#include "assign/local_time.h"

namespace ringback {
namespace {

using assign_internal::LocalDate;
using Interval = std::pair<Timestamp, Timestamp>;

constexpr int kSearchDays = 400;  // bound on any calendar scan: a year plus slack
constexpr Seconds kDay{24 * 60 * 60};

// Open hours of `date` as instants, or nullopt on closed days and holidays.
std::optional<Interval> BusinessInterval(const CompanyConfig& config,
                                         const date::time_zone* zone, LocalDate date) {
  if (assign_internal::ContainsDate(config.holidays, date)) return std::nullopt;
  const DayHours& hours = config.hours[assign_internal::WeekdayIndex(date)];
  return assign_internal::OpenInterval(zone, hours, date);
}

bool HasAnyOpenDay(const CompanyConfig& config) {
  return std::any_of(config.hours.begin(), config.hours.end(),
                     [](const DayHours& h) { return !h.closed(); });
}

Status NoBusinessTime(Timestamp start) {
  return Status::InvalidArgument("no business hours within " + std::to_string(kSearchDays) +
                                 " days of " + FormatUtc(start) +
                                 ": check the company's hours and holidays");
}

// Counts `remaining` seconds of open time from `start`.
StatusOr<Timestamp> AddBusinessSeconds(const CompanyConfig& config, const date::time_zone* zone,
                                       Timestamp start, Seconds remaining) {
  LocalDate day = assign_internal::LocalDateOf(zone, start);
  int idle_days = 0;  // consecutive days without open time: the only way to never finish
  for (; idle_days < kSearchDays; day += date::days{1}) {
    auto open = BusinessInterval(config, zone, day);
    Timestamp begin = open ? std::max(open->first, start) : Timestamp{};
    if (!open || begin >= open->second) {
      ++idle_days;
      continue;
    }
    idle_days = 0;
    Seconds available = open->second - begin;
    if (remaining <= available) return begin + remaining;
    remaining -= available;
  }
  return NoBusinessTime(start);
}

// Where a business-day count starts: `start` inside hours, else the close of the last open
// period before it (no open time lies between that close and `start`).
std::optional<std::pair<Timestamp, LocalDate>> BusinessDayAnchor(const CompanyConfig& config,
                                                                 const date::time_zone* zone,
                                                                 Timestamp start) {
  LocalDate day = assign_internal::LocalDateOf(zone, start);
  for (int i = 0; i < kSearchDays; ++i, day -= date::days{1}) {
    auto open = BusinessInterval(config, zone, day);
    if (!open || open->first > start) continue;
    return std::make_pair(std::min(start, open->second), day);
  }
  return std::nullopt;
}

// The same local time as `start` on the `count`th following business day (clamped to hours).
StatusOr<Timestamp> AddBusinessDays(const CompanyConfig& config, const date::time_zone* zone,
                                    Timestamp start, long long count) {
  auto anchor = BusinessDayAnchor(config, zone, start);
  if (!anchor) return NoBusinessTime(start);
  const auto [from, from_day] = *anchor;
  // Seconds after local midnight of the anchor day (86400 when the day closes at 24:00).
  const Seconds time_of_day =
      zone->to_local(from) - date::local_seconds{from_day.time_since_epoch()};
  LocalDate day = from_day;
  for (int idle = 0; idle < kSearchDays; ++idle) {
    day += date::days{1};
    auto open = BusinessInterval(config, zone, day);
    if (!open) continue;
    idle = 0;
    if (--count > 0) continue;
    Timestamp target = assign_internal::FromLocal(zone, day, time_of_day, date::choose::earliest);
    return std::clamp(target, open->first, open->second);
  }
  return NoBusinessTime(start);
}

}  // namespace

StatusOr<Timestamp> AddSla(const CompanyConfig& config, Timestamp start, const Sla& sla) {
  if (sla.amount < Seconds{0}) {
    return Status::InvalidArgument("negative SLA: " + std::to_string(sla.amount.count()) + "s");
  }
  if (!sla.business_time) return start + sla.amount;
  if (sla.amount > 366 * kDay) {
    return Status::InvalidArgument("business SLA longer than 366 days: " + FormatSla(sla));
  }
  if (!HasAnyOpenDay(config)) {
    return Status::InvalidArgument("business SLA " + FormatSla(sla) + " but company \"" +
                                   config.name + "\" has no open hours on any weekday");
  }
  auto zone = assign_internal::FindZone(config.time_zone);
  if (!zone.ok()) return zone.status();
  if (sla.amount > Seconds{0} && sla.amount % kDay == Seconds{0}) {
    return AddBusinessDays(config, *zone, start, sla.amount / kDay);
  }
  return AddBusinessSeconds(config, *zone, start, sla.amount);
}

Seconds BusinessTimeBetween(const CompanyConfig& config, Timestamp from, Timestamp to) {
  if (to <= from) return Seconds{0};
  auto zone = assign_internal::FindZone(config.time_zone);
  if (!zone.ok()) return to - from;
  Seconds total{0};
  const LocalDate last = assign_internal::LocalDateOf(*zone, to);
  // Bounded like every calendar scan: a delay longer than that is counted up to the bound.
  LocalDate day = assign_internal::LocalDateOf(*zone, from);
  for (int i = 0; day <= last && i < kSearchDays; ++i, day += date::days{1}) {
    auto open = BusinessInterval(config, *zone, day);
    if (!open) continue;
    const Timestamp begin = std::max(open->first, from), end = std::min(open->second, to);
    if (begin < end) total += end - begin;
  }
  return total;
}

bool IsBusinessTime(const CompanyConfig& config, Timestamp t) {
  auto zone = assign_internal::FindZone(config.time_zone);
  if (!zone.ok()) return false;
  auto open = BusinessInterval(config, *zone, assign_internal::LocalDateOf(*zone, t));
  return open && open->first <= t && t < open->second;
}

std::optional<std::string> OnCallAt(const CompanyConfig& config, Timestamp t) {
  const OnCall& on_call = config.on_call;
  for (const OnCallRange& range : on_call.ranges) {
    if (!range.name.empty() && range.from <= t && t < range.to) return range.name;
  }
  if (on_call.rotation.empty()) return std::nullopt;
  // Elapsed wall time, so a Monday 08:00 handover stays at 08:00 across DST; UTC if the zone
  // is unknown.
  Seconds elapsed = t - on_call.rotation_start;
  if (auto zone = assign_internal::FindZone(config.time_zone); zone.ok()) {
    elapsed = (*zone)->to_local(t) - (*zone)->to_local(on_call.rotation_start);
  }
  const auto size = static_cast<long long>(on_call.rotation.size());
  const long long week = std::chrono::floor<std::chrono::weeks>(elapsed).count();
  const long long index = ((week % size) + size) % size;
  return on_call.rotation[static_cast<std::size_t>(index)];
}

}  // namespace ringback
