// Reads the date-time formats exports really use. Text with an offset or "Z" is absolute;
// text without one is wall-clock time in the company's zone (DST gaps resolve forward,
// repeated hours to the first occurrence).
#pragma once

#include <optional>
#include <string_view>

#include "core/time.h"

namespace date {
class time_zone;
}

namespace ringback {

std::optional<Timestamp> ParseExportTime(std::string_view text, const date::time_zone* zone);

}  // namespace ringback
