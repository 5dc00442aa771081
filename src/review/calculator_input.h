// What a person types into the calculators (`ringback leak`, `ringback response-time`, the
// web app's calculator page), read strictly: nullopt for anything that is not a whole value.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/time.h"

namespace ringback {

// A number spelled out whole: no sign, no exponent, no trailing text.
std::optional<double> ParseNumber(std::string_view text);
// "12" -> 12; at most a million, which no contractor misses in a week.
std::optional<int> ParseCount(std::string_view text);
// "0.35" or "35%" -> 0.35; nullopt outside [0, 1].
std::optional<double> ParseRate(std::string_view text);
// "8500", "8500.50", "$8500" -> cents. No thousands separators: a comma separates list items.
std::optional<std::int64_t> ParseDollars(std::string_view text);
// "5m", "90m", "2h", "1d", "1h30m", "45s", "1.5h", "0" -> seconds; at most a year.
std::optional<Seconds> ParseDelay(std::string_view text);

}  // namespace ringback
