#include "assign/local_time.h"

#include <algorithm>
#include <cctype>
#include <exception>

namespace ringback::assign_internal {

StatusOr<const date::time_zone*> FindZone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception& e) {
    return Status::InvalidArgument("unknown time zone \"" + name + "\": " + e.what());
  }
}

LocalDate LocalDateOf(const date::time_zone* zone, Timestamp t) {
  auto local = std::chrono::floor<date::days>(zone->to_local(t));
  return LocalDate{local.time_since_epoch()};
}

Timestamp FromLocal(const date::time_zone* zone, LocalDate date, Seconds since_midnight,
                    date::choose choose) {
  date::local_seconds local{date.time_since_epoch() + since_midnight};
  return zone->to_sys(local, choose);
}

unsigned WeekdayIndex(LocalDate date) { return date::weekday(date).c_encoding(); }

bool ContainsDate(const std::vector<LocalDate>& dates, LocalDate date) {
  return std::find(dates.begin(), dates.end(), date) != dates.end();
}

std::optional<std::pair<Timestamp, Timestamp>> OpenInterval(const date::time_zone* zone,
                                                            const DayHours& hours,
                                                            LocalDate date) {
  // Config values outside a day are clamped rather than trusted.
  const int open = std::clamp(hours.open_minute, 0, 24 * 60);
  const int close = std::clamp(hours.close_minute, 0, 24 * 60);
  if (open >= close) return std::nullopt;
  Timestamp from = FromLocal(zone, date, std::chrono::minutes(open), date::choose::earliest);
  Timestamp to = FromLocal(zone, date, std::chrono::minutes(close), date::choose::latest);
  if (from >= to) return std::nullopt;  // hours entirely inside a DST gap
  return std::make_pair(from, to);
}

std::string NormalizeName(std::string_view name) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!name.empty() && is_space(name.front())) name.remove_prefix(1);
  while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace ringback::assign_internal
