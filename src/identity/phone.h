// Phone numbers and email addresses as contact handles. Phones are parsed with
// libphonenumber (local formats, "+1 (555)…", extensions, vanity letters) into E.164.
#pragma once

#include <string>
#include <string_view>

namespace ringback {

struct PhoneNumber {
  std::string e164;       // "+15125550142"; empty when the text is not a valid number
  std::string extension;  // "12" for "x12"
  std::string error;      // why e164 is empty: "not a phone number", "too short"...
  bool ok() const { return !e164.empty(); }
};

// Longer than any number as people write it (country code, extension and punctuation
// included). Refused before the parser, whose time grows faster than the text's length.
inline constexpr std::size_t kMaxPhoneText = 64;

// Parses `raw` as a phone number dialled from `region` (ISO 3166 alpha-2, e.g. "US").
PhoneNumber ParsePhone(std::string_view raw, std::string_view region);

// "(512) 555-0142" for a number of `region`, international format otherwise.
std::string FormatPhoneForDisplay(std::string_view e164, std::string_view region);

// True when libphonenumber's metadata says `e164` is a fixed line (FIXED_LINE): it cannot take
// a text. Numbers that may be either (FIXED_LINE_OR_MOBILE, most of North America) are not.
bool IsFixedLine(std::string_view e164);

// Keeps only the last four digits: "***-***-0142". For sanitized output.
std::string MaskPhone(std::string_view e164);

// Lower-cased, trimmed address; empty when `raw` holds no plausible address. Accepts
// "Jane Doe <Jane@Example.com>" and returns "jane@example.com".
std::string NormalizeEmail(std::string_view raw);

// The handle strings that identify a contact: "tel:+15125550142", "mailto:jane@example.com".
std::string PhoneHandle(std::string_view e164);
std::string EmailHandle(std::string_view email);

}  // namespace ringback
