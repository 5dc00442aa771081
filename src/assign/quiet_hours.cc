#include "assign/quiet_hours.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "assign/local_time.h"

namespace ringback {
namespace {

using assign_internal::FindZone;
using assign_internal::FromLocal;
using assign_internal::LocalDate;
using assign_internal::LocalDateOf;

constexpr int kFederalStart = 8 * 60;
constexpr int kFederalEnd = 21 * 60;

std::string Clock(int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

std::string Range(int start, int end) { return Clock(start) + "-" + Clock(end); }

bool Valid(int start, int end) { return start >= 0 && end <= 24 * 60 && start < end; }

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool SameState(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return Upper(x) == Upper(y); });
}

// The zones the person may be in: theirs first, then the other parts of an ambiguous area.
std::vector<const date::time_zone*> Zones(const CompanyConfig& config, const PhoneZone& zone) {
  std::vector<const date::time_zone*> out;
  StatusOr<const date::time_zone*> main = FindZone(zone.zone);
  if (!main.ok()) main = FindZone(config.time_zone);
  if (!main.ok()) main = FindZone("UTC");
  if (main.ok()) out.push_back(*main);
  if (zone.ambiguous)
    for (const std::string& name : zone.other_zones)
      if (StatusOr<const date::time_zone*> other = FindZone(name); other.ok()) out.push_back(*other);
  return out;
}

// Start and end of the window on local `date`; a start inside a DST gap opens at the
// transition, and a repeated hour opens late and closes early, so the window only shrinks.
std::pair<Timestamp, Timestamp> WindowOn(const date::time_zone* tz, const CallingWindow& w, LocalDate date) {
  return {FromLocal(tz, date, std::chrono::minutes(w.start_minute), date::choose::latest),
          FromLocal(tz, date, std::chrono::minutes(w.end_minute), date::choose::earliest)};
}

bool Inside(const date::time_zone* tz, const CallingWindow& w, Timestamp t) {
  const LocalDate today = LocalDateOf(tz, t);
  auto [from, to] = WindowOn(tz, w, today);
  return from <= t && t < to;
}

// The first instant >= t inside the window in `tz`.
Timestamp NextInside(const date::time_zone* tz, const CallingWindow& w, Timestamp t) {
  const LocalDate today = LocalDateOf(tz, t);
  for (int i = 0; i <= 3; ++i) {
    auto [from, to] = WindowOn(tz, w, today + date::days(i));
    if (to > t && from < to) return std::max(t, from);
  }
  return t;  // unreachable for a window of at least one minute
}

}  // namespace

CallingWindow CallingWindowFor(const CompanyConfig& config, std::string_view state) {
  CallingWindow w;
  if (Valid(config.quiet_start_minute, config.quiet_end_minute)) {
    w.start_minute = config.quiet_start_minute;
    w.end_minute = config.quiet_end_minute;
    w.source = "quiet hours " + Range(w.start_minute, w.end_minute);
  } else {
    w.source = "federal quiet hours " + Range(kFederalStart, kFederalEnd) + " (company window is empty)";
  }
  if (state.empty()) return w;
  for (const auto& [code, hours] : config.state_quiet_hours) {
    if (!SameState(code, state) || !Valid(hours.first, hours.second)) continue;
    const int start = std::max(w.start_minute, hours.first);
    const int end = std::min(w.end_minute, hours.second);
    const std::string label = std::string(state) + " quiet hours " + Range(hours.first, hours.second);
    if (start < end) {
      if (start != w.start_minute || end != w.end_minute) w.source += ", " + label;
      w.start_minute = start;
      w.end_minute = end;
    } else {
      w = {hours.first, hours.second, label + " (no overlap with the company's)"};
    }
    break;
  }
  return w;
}

bool IsCallingTime(const CompanyConfig& config, Timestamp t, const PhoneZone& zone) {
  const CallingWindow w = CallingWindowFor(config, zone.state);
  for (const date::time_zone* tz : Zones(config, zone))
    if (!Inside(tz, w, t)) return false;
  return true;
}

Timestamp SendAfter(const CompanyConfig& config, Timestamp proposed, const PhoneZone& zone,
                    bool emergency_reply) {
  if (emergency_reply) return proposed;
  const CallingWindow w = CallingWindowFor(config, zone.state);
  const std::vector<const date::time_zone*> zones = Zones(config, zone);
  if (zones.empty()) return proposed;
  // Move forward until one pass over all zones changes nothing. Zones hours apart share most
  // of a 13-hour window, so this settles in two or three passes.
  Timestamp t = proposed;
  for (int pass = 0; pass < 8; ++pass) {
    bool moved = false;
    for (const date::time_zone* tz : zones) {
      const Timestamp next = NextInside(tz, w, t);
      moved = moved || next != t;
      t = next;
    }
    if (!moved) return t;
  }
  return NextInside(zones.front(), w, proposed);  // no common window: the person's own zone
}

}  // namespace ringback
