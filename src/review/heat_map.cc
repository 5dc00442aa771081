#include "review/heat_map.h"

#include <date/date.h>
#include <date/tz.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "assign/assigner.h"
#include "core/embedded.h"

namespace ringback {
namespace {

namespace mustache = kainjow::mustache;

const date::time_zone* ZoneOrUtc(const std::string& zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
}

constexpr const char* kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr const char* kDayShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// "7:30 am", "8 am", "12 pm" for minutes after local midnight (1440 reads as "12 am").
std::string Clock(int minutes) {
  const int h = minutes / 60 % 24, m = minutes % 60;
  const int h12 = h % 12 == 0 ? 12 : h % 12;
  char buf[16];
  if (m == 0) std::snprintf(buf, sizeof buf, "%d %s", h12, h < 12 ? "am" : "pm");
  else std::snprintf(buf, sizeof buf, "%d:%02d %s", h12, m, h < 12 ? "am" : "pm");
  return buf;
}

// Whether [hour, hour + 1) overlaps the day's open hours.
bool Covers(const DayHours& hours, int hour) {
  return !hours.closed() && hours.open_minute < (hour + 1) * 60 && hours.close_minute > hour * 60;
}

bool Contains(const std::vector<std::chrono::sys_days>& dates, std::chrono::sys_days d) {
  return std::find(dates.begin(), dates.end(), d) != dates.end();
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// A blue from white (no contact) to dark (the busiest hour); the text on it stays readable.
std::string Fill(int inbound, int max) {
  if (inbound <= 0 || max <= 0) return "#ffffff";
  const double t = 0.25 + 0.75 * static_cast<double>(inbound) / max;
  auto mix = [t](int from, int to) { return static_cast<int>(std::lround(from + (to - from) * t)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", mix(0xee, 0x1f), mix(0xf3, 0x4e), mix(0xfb, 0x9e));
  return buf;
}

bool DarkFill(int inbound, int max) { return max > 0 && 0.25 + 0.75 * static_cast<double>(inbound) / max > 0.6; }

}  // namespace

bool IsMissedOrLate(const Opportunity& o) {
  if (!o.duplicate_of.empty() || !IsReal(o.category)) return false;
  if (o.status == OpportunityStatus::kDoNotContact || o.status == OpportunityStatus::kClosed) return false;
  if (o.status == OpportunityStatus::kOverdue || o.escalations > 0) return true;
  return o.first_attempt_at && o.deadline && *o.first_attempt_at > *o.deadline;
}

std::string HourRange(int from, int to) {
  const auto h12 = [](int h) { return h % 12 == 0 ? 12 : h % 12; };
  const auto half = [](int h) { return h % 24 < 12 ? "am" : "pm"; };
  const bool same = std::string(half(from)) == half(to);
  return std::to_string(h12(from)) + (same ? "" : std::string(" ") + half(from)) + "\xE2\x80\x93" +
         std::to_string(h12(to)) + " " + half(to);
}

HeatMapBuilder::HeatMapBuilder(const CompanyConfig& config, IsoWeek week) : config_(config) {
  map_.week = week;
  const date::time_zone* tz = ZoneOrUtc(config.time_zone);
  const auto monday = date::floor<date::days>(tz->to_local(week.start));
  for (int d = 0; d < 7; ++d) {
    HeatDay& day = map_.days[static_cast<std::size_t>(d)];
    const date::local_days local = monday + date::days{d};
    const std::chrono::sys_days date{local.time_since_epoch()};
    const unsigned weekday = date::weekday{date}.c_encoding();  // 0 = Sunday, as CompanyConfig::hours
    const DayHours& office = config.hours[weekday];
    day.name = kDayNames[d];
    day.label = std::string(kDayShort[d]) + " " + date::format("%m/%d", date);
    day.holiday = Contains(config.holidays, date);
    day.office_hours = day.holiday ? "holiday" : office.closed() ? "closed" : Clock(office.open_minute) + "\xE2\x80\x93" + Clock(office.close_minute);
    auto at = [&](int minutes) {
      return std::chrono::time_point_cast<Seconds>(tz->to_sys(local + std::chrono::minutes(minutes), date::choose::earliest));
    };
    for (int h = 0; h < 24; ++h) {
      HeatCell& cell = day.hours[static_cast<std::size_t>(h)];
      cell.open = !day.holiday && Covers(office, h);
      for (const Person& p : config.team) {
        if (Contains(p.days_off, date)) continue;
        const bool works = p.has_own_hours ? Covers(p.hours[weekday], h) : cell.open;
        if (works) cell.staff.push_back(p.name);
      }
      cell.on_call = OnCallAt(config, at(h * 60)).value_or("");
    }
    // Who is on call through the day, with the hand-over time when it changes.
    std::string current;
    for (int m = 0; m < 24 * 60; m += 15) {
      const std::string who = OnCallAt(config, at(m)).value_or("");
      if (m > 0 && who == current) continue;
      day.on_call.push_back((who.empty() ? std::string("nobody") : who) + (m == 0 ? "" : " from " + Clock(m)));
      current = who;
    }
  }
}

void HeatMapBuilder::Add(const Opportunity& o) {
  if (o.received_at < map_.week.start || o.received_at >= map_.week.end) return;
  const date::time_zone* tz = ZoneOrUtc(config_.time_zone);
  const auto local = tz->to_local(o.received_at);
  const auto monday = date::floor<date::days>(tz->to_local(map_.week.start));
  const auto day = (date::floor<date::days>(local) - monday).count();
  const auto hour = date::floor<std::chrono::hours>(local - date::floor<date::days>(local)).count();
  if (day < 0 || day > 6 || hour < 0 || hour > 23) return;
  HeatCell& cell = map_.days[static_cast<std::size_t>(day)].hours[static_cast<std::size_t>(hour)];
  ++cell.inbound;
  ++map_.inbound;
  map_.max_inbound = std::max(map_.max_inbound, cell.inbound);
  if (IsMissedOrLate(o)) {
    ++cell.lost;
    ++map_.lost;
  }
}

HeatMap HeatMapBuilder::Finish() {
  std::vector<HeatSpot> spots;
  for (int d = 0; d < 7; ++d) {
    const HeatDay& day = map_.days[static_cast<std::size_t>(d)];
    for (int h = 0; h < 24;) {
      const HeatCell& first = day.hours[static_cast<std::size_t>(h)];
      if (first.lost == 0) {
        ++h;
        continue;
      }
      HeatSpot spot{d, h, h, 0, 0, ""};
      // One run: consecutive hours with losses and the same staffing.
      while (spot.to_hour < 24) {
        const HeatCell& c = day.hours[static_cast<std::size_t>(spot.to_hour)];
        if (c.lost == 0 || c.open != first.open || c.staff.empty() != first.staff.empty() || c.on_call != first.on_call) break;
        spot.inbound += c.inbound;
        spot.lost += c.lost;
        ++spot.to_hour;
      }
      const std::string staff = first.staff.empty() ? "nobody on the roster working"
                                                    : std::to_string(first.staff.size()) + " on the roster";
      spot.text = std::string(kDayShort[d]) + " " + HourRange(spot.from_hour, spot.to_hour) + ": " +
                  std::to_string(spot.lost) + " missed or answered late of " + std::to_string(spot.inbound) + "; " +
                  (day.holiday ? "holiday" : first.open ? "office open" : "office closed") + ", " + staff + "; " +
                  (first.on_call.empty() ? "nobody on call" : "on call " + first.on_call);
      spots.push_back(spot);
      h = spot.to_hour;
    }
  }
  std::stable_sort(spots.begin(), spots.end(), [](const HeatSpot& a, const HeatSpot& b) { return a.lost > b.lost; });
  if (spots.size() > 3) spots.resize(3);
  map_.worst = std::move(spots);
  return std::move(map_);
}

namespace {

constexpr int kLeft = 84, kCellW = 30, kCellH = 34, kBand = 10, kRowH = kCellH + kBand + 4, kTop = 18, kRight = 300;

const std::string& HeatMapTemplate() {
  static const std::string text = [] {
    for (const auto& [path, bytes] : embedded::templates())
      if (path.ends_with("heat_map.html.mustache")) return std::string(bytes);
    return std::string();
  }();
  return text;
}

mustache::data Svg(const HeatMap& map) {
  mustache::data hours{mustache::data::type::list};
  for (int h = 0; h < 24; h += 3) {
    mustache::data label;
    label.set("x", std::to_string(kLeft + h * kCellW + 2));
    label.set("text", HourRange(h, h + 1).substr(0, HourRange(h, h + 1).find("\xE2\x80\x93")) +
                          (h < 12 ? "a" : "p"));
    hours.push_back(label);
  }
  mustache::data days{mustache::data::type::list};
  for (int d = 0; d < 7; ++d) {
    const HeatDay& day = map.days[static_cast<std::size_t>(d)];
    const int y = kTop + d * kRowH;
    mustache::data row;
    row.set("label", day.label);
    row.set("label_y", std::to_string(y + kCellH / 2 + 4));
    row.set("on_call", "on call " + Join(day.on_call, "; "));
    row.set("on_call_x", std::to_string(kLeft + 24 * kCellW + 8));
    mustache::data cells{mustache::data::type::list};
    mustache::data bands{mustache::data::type::list};
    for (int h = 0; h < 24; ++h) {
      const HeatCell& c = day.hours[static_cast<std::size_t>(h)];
      const int x = kLeft + h * kCellW;
      mustache::data cell;
      cell.set("x", std::to_string(x));
      cell.set("y", std::to_string(y));
      cell.set("w", std::to_string(kCellW));
      cell.set("h", std::to_string(kCellH));
      cell.set("fill", Fill(c.inbound, map.max_inbound));
      cell.set("off", c.staff.empty());
      if (c.inbound > 0) {
        cell.set("count", std::to_string(c.inbound));
        cell.set("count_x", std::to_string(x + kCellW / 2));
        cell.set("count_y", std::to_string(y + 14));
        cell.set("count_fill", DarkFill(c.inbound, map.max_inbound) ? "#ffffff" : "#1d2430");
      }
      if (c.lost > 0) {
        mustache::data lost;
        lost.set("x", std::to_string(x + 3));
        lost.set("y", std::to_string(y + kCellH - 15));
        lost.set("w", std::to_string(kCellW - 6));
        lost.set("text", std::to_string(c.lost));
        lost.set("text_x", std::to_string(x + kCellW / 2));
        lost.set("text_y", std::to_string(y + kCellH - 5));
        cell.set("lost", lost);
      }
      cells.push_back(cell);
      // The office's open hours as a bar under the row, one rectangle per run of open hours.
      if (c.open && (h == 0 || !day.hours[static_cast<std::size_t>(h - 1)].open)) {
        int end = h;
        while (end < 24 && day.hours[static_cast<std::size_t>(end)].open) ++end;
        mustache::data band;
        band.set("x", std::to_string(x));
        band.set("y", std::to_string(y + kCellH + 3));
        band.set("w", std::to_string((end - h) * kCellW));
        bands.push_back(band);
      }
    }
    row.set("cells", cells);
    row.set("bands", bands);
    days.push_back(row);
  }
  mustache::data svg;
  svg.set("hours", hours);
  svg.set("days", days);
  svg.set("width", std::to_string(kLeft + 24 * kCellW + kRight));
  svg.set("height", std::to_string(kTop + 7 * kRowH));
  return svg;
}

mustache::data Table(const HeatMap& map) {
  mustache::data head{mustache::data::type::list};
  for (const HeatDay& day : map.days) {
    mustache::data th;
    th.set("label", day.label);
    th.set("office_hours", day.office_hours);
    th.set("on_call", Join(day.on_call, ", "));
    head.push_back(th);
  }
  mustache::data rows{mustache::data::type::list};
  for (int h = 0; h < 24; ++h) {
    mustache::data row;
    row.set("hour", HourRange(h, h + 1));
    mustache::data cells{mustache::data::type::list};
    for (int d = 0; d < 7; ++d) {
      const HeatCell& c = map.days[static_cast<std::size_t>(d)].hours[static_cast<std::size_t>(h)];
      mustache::data cell;
      cell.set("day", std::to_string(d));
      cell.set("hour", std::to_string(h));
      cell.set("in", std::to_string(c.inbound));
      cell.set("lost", std::to_string(c.lost));
      std::string text = c.inbound == 0 ? "\xE2\x80\x93" : std::to_string(c.inbound) + " in";
      if (c.lost > 0) text += ", " + std::to_string(c.lost) + " lost";
      cell.set("text", text);
      if (!c.open) cell.set("closed", true);
      if (c.staff.empty()) cell.set("nobody", true);
      if (c.lost > 0) cell.set("has_lost", true);
      cells.push_back(cell);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  mustache::data table;
  table.set("head", head);
  table.set("rows", rows);
  return table;
}

}  // namespace

std::string RenderHeatMap(const HeatMap& map, const std::string& id) {
  mustache::data data;
  data.set("id", id);
  data.set("week", map.week.Label());
  // Names no cell uses: a section looks a missing name up in the enclosing data.
  data.set("total_in", std::to_string(map.inbound));
  data.set("total_lost", std::to_string(map.lost));
  mustache::data worst{mustache::data::type::list};
  for (const HeatSpot& s : map.worst) worst.push_back(mustache::data("text", s.text));
  data.set("worst", worst);
  data.set("has_worst", !map.worst.empty());
  std::string summary = std::to_string(map.inbound) + " inbound contacts, " + std::to_string(map.lost) +
                        " missed or answered late.";
  if (!map.worst.empty()) summary += " Most lost: " + map.worst.front().text + ".";
  data.set("summary", summary);
  data.set("svg", Svg(map));
  data.set("table", Table(map));
  mustache::mustache tmpl(HeatMapTemplate());
  return tmpl.render(data);
}

}  // namespace ringback
