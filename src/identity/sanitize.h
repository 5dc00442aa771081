// Sanitizing for reports that leave the office: names reduced to initials, phones to their
// last four digits, emails, phone numbers and street addresses removed from free text.
#pragma once

#include <string>
#include <string_view>

namespace ringback {

// "Jane Q. Doe" -> "J.Q.D."; "" for an empty or non-name string.
std::string Initials(std::string_view name);

// Replaces emails with "[email]", phone-like numbers with "[phone]" and street addresses
// ("1234 Oak Hollow Dr") with "[address]".
std::string ScrubText(std::string_view text);

}  // namespace ringback
