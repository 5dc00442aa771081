// Small text helpers every stage uses: ASCII case folding, trimming, joining and splitting.
// ASCII only on purpose: they serve headers, statuses, keywords and stored lists, never
// people's words (the classifier normalizes those with its own rules).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ringback {

// `s` with A-Z folded to a-z; other bytes (UTF-8 included) unchanged.
std::string Lower(std::string_view s);

// `s` without leading and trailing ASCII whitespace (space, tab, CR, LF, VT, FF).
std::string_view Trim(std::string_view s);

// Trim's result as a string of its own.
inline std::string TrimmedString(std::string_view s) { return std::string(Trim(s)); }

// The items with `sep` between them: Join({"a", "b"}, ", ") is "a, b".
std::string Join(const std::vector<std::string>& items, std::string_view sep);

// The pieces of `text` between `sep`s, as std::getline reads them: "" gives none, "a,,b" gives
// "a", "", "b", and a trailing separator adds no empty piece.
std::vector<std::string> Split(std::string_view text, char sep);

// True when `needle` occurs in `haystack` (case-sensitive).
bool Contains(std::string_view haystack, std::string_view needle);

// True when any of `needles` occurs in `haystack` (case-sensitive).
bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles);

// The longest prefix of `s` of at most `max_bytes` bytes that does not end inside a UTF-8
// sequence (a cut never leaves half a character).
std::string_view Utf8Prefix(std::string_view s, std::size_t max_bytes);

// How an error or a reject quotes a value it refuses: `"value"` when it is short, else its
// first `max_bytes` (UTF-8 safe) then `…" (N bytes)`, so a message never carries a whole
// megabyte cell. 200 bytes by default.
inline constexpr std::size_t kMaxQuotedBytes = 200;
std::string QuoteValue(std::string_view s, std::size_t max_bytes = kMaxQuotedBytes);

}  // namespace ringback
