// Matching phrases in what people write, for the draft stage: text folded to lower case with
// accents and curly quotes removed, and phrases found as whole words. Internal to src/message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ringback::message_internal {

// Lower-case ASCII; á é í ó ú ü ñ (either case) as a e i o u u n; curly single quotes as ',
// double quotes dropped, ¿ and ¡ and whitespace runs as one space. Other bytes are kept.
std::string Fold(std::string_view text);

// Where `phrase` (already folded) occurs in `folded` with no letter or digit glued to either
// end, searching from `from`; npos when it does not.
std::size_t FindWords(std::string_view folded, std::string_view phrase, std::size_t from = 0);

inline bool ContainsWords(std::string_view folded, std::string_view phrase) {
  return FindWords(folded, phrase) != std::string_view::npos;
}

}  // namespace ringback::message_internal
