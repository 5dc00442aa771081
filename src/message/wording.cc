#include "message/wording.h"

#include "message/text_match.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ringback {
namespace {

// Phrases are matched on Fold()ed text (lower case, no accents), whole words only.
constexpr std::array<std::string_view, 29> kStopPhrases{
    "reply stop",       "text stop",          "send stop",
    "reply with stop",  "opt out",            "opt-out",
    "unsubscribe",      "not interested",     "won't contact you again",
    "will not contact you again", "won't call again", "will not call again",
    "won't call you again", "will not call you again", "stop contacting",
    "no longer contact", "won't text you again", "will not text you again",
    "won't hear from us", "responda stop",  "responde stop",
    "envie stop",       "darse de baja",      "no me interesa",
    "no le volveremos a", "no volveremos a llamar", "no volveremos a escribir",
    "no le contactaremos", "dejar de recibir",
};

constexpr std::array<std::string_view, 8> kSmsKeywordPhrases{
    "reply stop", "text stop", "send stop", "reply with stop", "responda stop", "responde stop", "envie stop",
    "stop to opt out"};

// Urgency tricks and invented discounts. "no hurry" is honest, so "hurry" alone is not here.
constexpr std::array<std::string_view, 44> kPressurePhrases{
    "act now",        "act fast",         "act today",        "limited time",
    "limited-time",   "hurry up",         "last chance",      "final chance",
    "final notice",   "today only",       "only today",       "expires",
    "expiring",       "offer ends",       "don't miss",       "dont miss",
    "too late",       "while supplies last", "spots are filling", "only a few spots",
    "before it's gone", "discount",        "discounted",       "% off",
    "percent off",    "coupon",           "promo",            "special offer",
    "special price",  "special pricing",  "sale",             "lowest price",
    "save big",       "descuento",        "oferta",           "promocion",
    "ultima oportunidad", "solo hoy",     "por tiempo limitado", "actue ya",
    "no se lo pierda", "precio especial", "rebaja",           "cupon",
};

// What a callback cannot honestly promise before anyone has looked: a time or a result.
constexpr std::array<std::string_view, 18> kPromisePhrases{
    "guarantee",      "guaranteed",      "we'll be there",  "we will be there",
    "same day",       "same-day",        "within the hour", "within an hour",
    "by tomorrow",    "first thing tomorrow", "in no time", "best price",
    "garantizado",    "garantizamos",    "manana mismo",    "el mismo dia",
    "en una hora",    "mejor precio",
};

// Words that read as a dropped value when punctuation follows at once: "help with."
constexpr std::array<std::string_view, 7> kDanglingWords{
    "with", "about", "regarding", "the", "your", "from", "and"};

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string Normalize(std::string_view text) { return message_internal::Fold(text); }

bool ContainsWords(std::string_view text, std::string_view phrase) {
  return message_internal::ContainsWords(text, phrase);
}

// "$50 off", "$1,000 off": a money amount taken off a price.
std::string MoneyOff(std::string_view text) {
  for (std::size_t at = text.find('$'); at != std::string_view::npos; at = text.find('$', at + 1)) {
    std::size_t i = at + 1;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',' || text[i] == '.')) ++i;
    if (i == at + 1) continue;
    if (text.substr(i, 4) == " off" && (i + 4 == text.size() || !IsAlnum(text[i + 4])))
      return std::string(text.substr(at, i + 4 - at));
  }
  return "";
}

std::string Excerpt(std::string_view text, std::size_t end) {
  std::size_t begin = end > 16 ? end - 16 : 0;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;  // UTF-8 start
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

bool HasErrors(const std::vector<LintIssue>& issues) {
  return std::any_of(issues.begin(), issues.end(),
                     [](const LintIssue& i) { return i.severity == Severity::kError; });
}

bool HasStopWording(std::string_view text) {
  const std::string norm = Normalize(text);
  return std::any_of(kStopPhrases.begin(), kStopPhrases.end(),
                     [&](std::string_view p) { return ContainsWords(norm, p); });
}

bool HasSmsStopKeyword(std::string_view text) {
  const std::string norm = Normalize(text);
  return std::any_of(kSmsKeywordPhrases.begin(), kSmsKeywordPhrases.end(),
                     [&](std::string_view p) { return ContainsWords(norm, p); });
}

std::vector<std::string> PromisePhrases(std::string_view text) {
  const std::string norm = Normalize(text);
  std::vector<std::string> found;
  for (std::string_view p : kPromisePhrases)
    if (ContainsWords(norm, p)) found.emplace_back(p);
  return found;
}

std::vector<std::string> PressurePhrases(std::string_view text) {
  const std::string norm = Normalize(text);
  std::vector<std::string> found;
  for (std::string_view p : kPressurePhrases)
    if (ContainsWords(norm, p)) found.emplace_back(p);
  if (std::string money = MoneyOff(norm); !money.empty()) found.push_back(money);
  return found;
}

std::vector<std::string> FindGaps(std::string_view text) {
  std::vector<std::string> gaps;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (text.substr(i, 2) == "\"\"" || text.substr(i, 2) == "()" || text.substr(i, 2) == "[]") {
      gaps.push_back(Excerpt(text, i + 2));
      ++i;
      continue;
    }
    if (c != ',' && c != '.' && c != ';' && c != ':' && c != '!' && c != '?') continue;
    if (text.substr(i, 3) == "...") {  // an ellipsis is not a gap
      i += 2;
      continue;
    }
    // "Hi ," — a space before punctuation after a word.
    std::size_t j = i;
    while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t')) --j;
    if (j < i && j > 0 && IsAlnum(text[j - 1])) {
      gaps.push_back(Excerpt(text, i + 1));
      continue;
    }
    // "help with." — a word that needs a value after it.
    if (c == '!' || c == '?') continue;
    std::size_t w = i;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    std::string word(text.substr(w, i - w));
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (std::find(kDanglingWords.begin(), kDanglingWords.end(), word) != kDanglingWords.end())
      gaps.push_back(Excerpt(text, i + 1));
  }
  return gaps;
}

}  // namespace ringback
