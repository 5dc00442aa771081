#include "core/time.h"

#include <date/date.h>
#include <date/tz.h>

#include <sstream>

namespace ringback {

std::string FormatUtc(Timestamp t) { return date::format("%FT%TZ", t); }

std::optional<Timestamp> ParseUtc(std::string_view text) {
  for (const char* fmt : {"%FT%TZ", "%FT%T%Ez", "%FT%T%z", "%F %T%Ez", "%FT%RZ", "%FT%R%Ez"}) {
    std::istringstream in{std::string(text)};
    Timestamp t{};
    in >> date::parse(fmt, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return t;
  }
  return std::nullopt;
}

std::string FormatLocal(Timestamp t, const std::string& zone, const char* pattern) {
  try {
    return date::format(pattern, date::make_zoned(zone, t));
  } catch (const std::exception&) {
    return date::format(pattern, t);
  }
}

std::string FormatLocalIso(Timestamp t, const std::string& zone) {
  const std::string s = FormatLocal(t, zone, "%FT%T%z");  // "-0600": ISO 8601 wants "-06:00"
  if (s.size() < 5) return s;
  const std::size_t split = s.size() - 2;
  return s.substr(0, split) + ":" + s.substr(split);
}

}  // namespace ringback
