// SMS lint: how a text travels and what it costs before anyone presses send. A text is GSM-7
// when every character is in the GSM 03.38 basic set or its extension table (^{}[]~\|€ and
// form feed take two septets each); one other character (an emoji, a curly quote, an em dash)
// makes the whole text UCS-2, counted in UTF-16 code units, so 160 characters per text become
// 70. Long texts are split into segments of 153 septets or 67 units; a two-septet character or
// a surrogate pair is never split across segments. Pure: no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "message/wording.h"

namespace ringback {

inline constexpr std::size_t kGsm7SingleSegment = 160;
inline constexpr std::size_t kGsm7ConcatenatedSegment = 153;
inline constexpr std::size_t kUcs2SingleSegment = 70;
inline constexpr std::size_t kUcs2ConcatenatedSegment = 67;

enum class SmsEncoding { kGsm7, kUcs2 };
std::string_view SmsEncodingName(SmsEncoding e);  // "GSM-7", "UCS-2"

struct SmsLint {
  SmsEncoding encoding = SmsEncoding::kGsm7;
  std::size_t characters = 0;  // Unicode code points, as a reader counts them
  std::size_t units = 0;       // GSM-7 septets, or UTF-16 code units for UCS-2
  std::size_t segments = 0;    // billed messages; 0 for an empty text
  // The distinct characters that forced UCS-2, in order of appearance ("’", "😀").
  std::vector<std::string> ucs2_characters;
  // Errors: empty text, no way to stop, an unfilled {{merge field}}. Warnings: more than one
  // segment, UCS-2, invalid UTF-8 (counted as U+FFFD), a gap where a value looks missing.
  std::vector<LintIssue> issues;
};

SmsLint LintSms(std::string_view utf8);

// The `segments` LintSms reports, without the rest of its lint: FitSms measures several
// renderings of each draft and needs only this.
std::size_t SmsSegments(std::string_view utf8);

// Septets a code point takes in GSM-7: 1 in the basic set, 2 in the extension table, 0 when
// it cannot be sent as GSM-7.
int GsmSeptets(char32_t code_point);

}  // namespace ringback
