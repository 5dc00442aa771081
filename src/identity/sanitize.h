// Sanitizing for reports that leave the office: names reduced to initials, phones to their
// last four digits, emails, phone numbers and street addresses removed from free text.
#pragma once

#include <string>
#include <string_view>

namespace ringback {

// "Jane Q. Doe" -> "J.Q.D."; "" for an empty or non-name string.
std::string Initials(std::string_view name);

// Replaces emails with "[email]", phone-like numbers with "[phone]" and street addresses
// ("1234 Oak Hollow Dr") with "[address]", and self-introductions to initials.
std::string ScrubText(std::string_view text);

// Reduces the name a caller gives for themselves to initials: "my name is teresa nakamura"
// -> "my name is T. N.", "this is Angela Ruiz" -> "this is A. R." ("this is" and "I'm" only
// before capitalized words). ScrubText does this too.
std::string ScrubIntroductions(std::string_view text);

// Replaces every word of `name` (two letters or more, any case, whole words) found in `text`
// with its initial: ScrubName("hi this is angela ruiz", "Angela Ruiz") -> "hi this is A. R.".
// Callers' transcripts say their own names; a shared report must not.
std::string ScrubName(std::string_view text, std::string_view name);

}  // namespace ringback
