// Instants and durations. Every instant inside Ringback is UTC seconds (Timestamp); local
// wall-clock time exists only at the edges (parsing exports, showing deadlines) and in the
// business calendar, which converts with the IANA time zone database.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ringback {

using Timestamp = std::chrono::sys_seconds;
using Seconds = std::chrono::seconds;

// Seconds since the Unix epoch, for storage.
inline std::int64_t ToUnix(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp FromUnix(std::int64_t s) { return Timestamp(Seconds(s)); }

// "2026-11-17T14:05:00Z".
std::string FormatUtc(Timestamp t);

// Parses "2026-11-17T14:05:00Z" (the form FormatUtc writes, also with an offset such as
// "-06:00"). Returns nullopt for anything else.
std::optional<Timestamp> ParseUtc(std::string_view text);

// Wall-clock time in an IANA zone with a strftime-like date::format pattern, e.g.
// FormatLocal(t, "America/Chicago", "%a %m/%d %I:%M %p") -> "Mon 11/16 07:42 AM".
// Falls back to UTC when the zone is unknown.
std::string FormatLocal(Timestamp t, const std::string& zone, const char* pattern);

// ISO 8601 local time with offset: "2026-11-16T07:42:00-06:00".
std::string FormatLocalIso(Timestamp t, const std::string& zone);

}  // namespace ringback
