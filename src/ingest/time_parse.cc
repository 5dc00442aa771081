#include "ingest/time_parse.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <sstream>

namespace ringback {
namespace {

template <typename T>
bool ParseWhole(std::string_view text, const char* fmt, T& out) {
  std::istringstream in{std::string(text)};
  in >> date::parse(fmt, out);
  if (in.fail()) return false;
  in >> std::ws;
  return in.peek() == std::char_traits<char>::eof();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "11/16/26" read with %Y is the year 26: spreadsheets mean 2026.
date::local_seconds CenturyForShortYear(date::local_seconds t) {
  const auto day = date::floor<date::days>(t);
  date::year_month_day ymd(day);
  if (static_cast<int>(ymd.year()) >= 100) return t;
  const date::year_month_day fixed(ymd.year() + date::years(2000), ymd.month(), ymd.day());
  return date::local_days(fixed) + (t - day);
}

}  // namespace

std::optional<Timestamp> ParseExportTime(std::string_view raw, const date::time_zone* zone) {
  std::string_view text = Trim(raw);
  if (text.empty()) return std::nullopt;
  static constexpr std::array<const char*, 6> kAbsolute = {
      "%FT%TZ", "%FT%T%Ez", "%F %T%Ez", "%a, %d %b %Y %T %z", "%d %b %Y %T %z", "%F %T UTC"};
  for (const char* fmt : kAbsolute) {
    date::sys_time<std::chrono::milliseconds> t;  // milliseconds: "13:42:00.000Z" is common
    if (ParseWhole(text, fmt, t)) return date::floor<Seconds>(t);
  }
  static constexpr std::array<const char*, 12> kLocal = {
      "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
      "%F %T",             "%F %R",                "%FT%T",             "%FT%R",
      "%b %d, %Y %I:%M %p", "%m/%d/%y %I:%M %p",   "%m/%d/%Y",          "%F"};
  for (const char* fmt : kLocal) {
    date::local_time<std::chrono::milliseconds> precise;
    if (!ParseWhole(text, fmt, precise)) continue;
    date::local_seconds local = date::floor<Seconds>(precise);
    local = CenturyForShortYear(local);
    try {
      return date::floor<Seconds>(zone->to_sys(local, date::choose::earliest));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace ringback
