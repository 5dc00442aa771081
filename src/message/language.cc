#include "message/language.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ringback {
namespace {

struct Word {
  std::string_view text;
  int weight;
};

// Words shared by both languages ("a", "no", "me") are in neither list. Words that mark a
// language on their own (greetings, thanks, "quisiera") weigh 2.
constexpr std::array<Word, 64> kEnglish{{
    {"the", 1},   {"and", 1},    {"to", 1},     {"of", 1},     {"in", 1},     {"is", 1},     {"it", 1},
    {"you", 1},   {"that", 1},   {"for", 1},    {"on", 1},     {"with", 1},   {"this", 1},   {"we", 1},
    {"our", 1},   {"my", 1},     {"i", 1},      {"have", 1},   {"are", 1},    {"be", 1},     {"was", 1},
    {"at", 1},    {"your", 1},   {"can", 1},    {"do", 1},     {"not", 1},    {"but", 1},    {"if", 1},
    {"or", 1},    {"would", 1},  {"like", 1},   {"about", 1},  {"get", 1},    {"just", 1},   {"need", 1},
    {"what", 1},  {"when", 1},   {"how", 1},    {"there", 1},  {"they", 1},   {"from", 1},   {"will", 1},
    {"an", 1},    {"as", 1},     {"so", 1},     {"out", 1},    {"up", 1},     {"yes", 1},    {"know", 1},
    {"could", 1}, {"does", 1},   {"please", 2}, {"thanks", 2}, {"thank", 2},  {"hi", 2},     {"hello", 2},
    {"we're", 1}, {"it's", 1},   {"i'm", 1},    {"don't", 1},  {"we'd", 1},   {"morning", 1}, {"afternoon", 1},
    {"yeah", 1},
}};

constexpr std::array<Word, 64> kSpanish{{
    {"el", 1},        {"la", 1},        {"los", 1},       {"las", 1},      {"de", 1},        {"del", 1},
    {"que", 1},       {"y", 1},         {"en", 1},        {"un", 1},       {"una", 1},       {"por", 1},
    {"para", 1},      {"con", 1},       {"es", 1},        {"mi", 1},       {"su", 1},        {"se", 1},
    {"lo", 1},        {"le", 1},        {"al", 1},        {"como", 1},     {"pero", 1},      {"m\xC3\xA1s", 1},
    {"muy", 1},       {"casa", 1},      {"est\xC3\xA1", 1}, {"usted", 2},  {"ustedes", 2},   {"nos", 1},
    {"este", 1},      {"esta", 1},      {"hay", 1},       {"tambi\xC3\xA9n", 1}, {"cuando", 1}, {"cu\xC3\xA1ndo", 1},
    {"qu\xC3\xA9", 1}, {"porque", 1},   {"tengo", 1},     {"tiene", 1},    {"puede", 1},     {"pueden", 1},
    {"menos", 1},     {"s\xC3\xAD", 1}, {"hola", 2},      {"gracias", 2},  {"buenas", 2},    {"buenos", 2},
    {"tardes", 1},    {"d\xC3\xAD" "as", 1}, {"quisiera", 2}, {"necesito", 2}, {"favor", 2},  {"llamar", 1},
    {"llamada", 1},   {"mensaje", 1},   {"techo", 1},     {"aire", 1},     {"presupuesto", 1}, {"cotizaci\xC3\xB3n", 1},
    {"estoy", 1},     {"estamos", 1},   {"somos", 1},     {"quiero", 1},
}};

// Lower-cased words of `text`: letters (any non-ASCII byte counts as a letter, so "más" and
// "cotización" stay whole) and inner apostrophes ("we're").
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && word.back() == '\'') word.pop_back();
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) || c >= 0x80) {
      // Upper-case Á É Í Ó Ú Ñ (C3 81..9A) read as their lower-case forms (C3 A1..BA).
      if (c == 0xC3 && i + 1 < text.size()) {
        const unsigned char next = static_cast<unsigned char>(text[i + 1]);
        word += static_cast<char>(c);
        word += static_cast<char>(next >= 0x80 && next <= 0x9E ? next + 0x20 : next);
        ++i;
        continue;
      }
      word += static_cast<char>(std::tolower(c));
    } else if ((c == '\'' ) && !word.empty()) {
      word += '\'';
    } else if (text.substr(i, 3) == "\xE2\x80\x99" && !word.empty()) {  // ’ as in we’re
      word += '\'';
      i += 2;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

template <std::size_t N>
int Weight(const std::array<Word, N>& list, const std::string& word) {
  auto it = std::find_if(list.begin(), list.end(), [&](const Word& w) { return w.text == word; });
  return it == list.end() ? 0 : it->weight;
}

}  // namespace

const std::vector<std::string>& ShippedLocales() {
  static const std::vector<std::string> locales{"en", "es"};
  return locales;
}

LanguageGuess GuessLanguage(std::string_view text) {
  LanguageGuess guess;
  for (const std::string& w : Words(text)) {
    guess.english += Weight(kEnglish, w);
    guess.spanish += Weight(kSpanish, w);
  }
  if (guess.spanish >= 2 && guess.spanish > guess.english) guess.locale = "es";
  return guess;
}

}  // namespace ringback
