// Text helpers for mail: HTML reduced to text, and quoted reply text stripped so that only
// what the person newly wrote is classified.
#pragma once

#include <string>
#include <string_view>

namespace ringback {

// Drops tags, scripts and styles, decodes the common entities, keeps line breaks at block
// elements, collapses runs of blank space.
std::string HtmlToText(std::string_view html);

// Cuts the reply at the first quoted part: "> " lines, "On ... wrote:", "-----Original
// Message-----", an Outlook "From: ... Sent: ..." block. Trims the result.
std::string StripQuotedReply(std::string_view text);

}  // namespace ringback
