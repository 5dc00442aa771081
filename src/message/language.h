// The language a person wrote in, so that the draft answers in it. Decided from stop words
// (the short words every sentence of a language uses: "the", "and", "el", "para"), counted
// over everything the person wrote; a greeting or a thank-you in another language ("Gracias,
// José" under an English email) does not outweigh the message. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ringback {

// The locales drafts are shipped in, default first: "en", "es".
const std::vector<std::string>& ShippedLocales();
inline constexpr std::string_view kDefaultLocale = "en";

struct LanguageGuess {
  std::string locale = "en";  // "es" or "en"
  int english = 0;            // weighted stop words found per language
  int spanish = 0;
};

// Spanish when its stop words weigh at least 2 and more than the English ones; English
// otherwise (also for an empty text).
LanguageGuess GuessLanguage(std::string_view text);

}  // namespace ringback
