#include "identity/sanitize.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <vector>

namespace ringback {

std::string Initials(std::string_view name) {
  std::istringstream in{std::string(name)};
  std::string out;
  for (std::string word; in >> word;) {
    unsigned char c = static_cast<unsigned char>(word.front());
    if (std::isalpha(c)) out += static_cast<char>(std::toupper(c)) + std::string(".");
  }
  return out;
}

std::string ScrubText(std::string_view text) {
  static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  static const std::regex phone(R"((\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})");
  static const std::regex address(
      R"(\b\d{2,6}\s+(?:[A-Z][A-Za-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Ct|Court|Cir|Circle|Way|Trl|Trail|Pkwy|Parkway|Loop|Cv|Cove|Pl|Place|Run|Pass|Path|Bend|Trce|Trace|Ter|Terrace|Hwy|Highway|Xing|Crossing|Row|Sq|Square)\b\.?)",
      std::regex::icase);
  std::string out = std::regex_replace(std::string(text), email, "[email]");
  out = std::regex_replace(out, phone, "[phone]");
  out = std::regex_replace(out, address, "[address]");
  return ScrubIntroductions(out);
}

std::string ScrubIntroductions(std::string_view text) {
  // "my name is teresa nakamura": the next two words, whatever their case (transcripts are
  // lower case). "this is Angela Ruiz", "I'm Dave": only capitalized words, so "this is your
  // final notice" and "i'm calling" stay.
  static const std::regex intro(R"(\b(my name is|my name's|name is|this is|it's|it is|i'm|i am)((?:\s+[A-Za-z][A-Za-z'-]*){1,2}))",
                                std::regex::icase);
  std::string out;
  auto begin = text.begin();
  for (std::cregex_iterator it(text.data(), text.data() + text.size(), intro), end; it != end; ++it) {
    const std::cmatch& m = *it;
    const std::string lead = m[1].str();
    const bool any_case = lead.find("ame") != std::string::npos;  // "my name is", "name is"
    out.append(begin, text.begin() + (m[2].first - text.data()));
    std::istringstream words(m[2].str());
    bool naming = true;
    for (std::string w; words >> w;) {
      naming = naming && (any_case || std::isupper(static_cast<unsigned char>(w[0]))) && w != "I";
      out += " " + (naming ? std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])))) + "." : w);
    }
    begin = text.begin() + (m[2].second - text.data());
  }
  out.append(begin, text.end());
  return out;
}

namespace {

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

bool SameLetters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

std::string ScrubName(std::string_view text, std::string_view name) {
  std::vector<std::string> words;
  std::istringstream in{std::string(name)};
  for (std::string w; in >> w;) {
    while (!w.empty() && !IsWordByte(w.back())) w.pop_back();
    while (!w.empty() && !IsWordByte(w.front())) w.erase(w.begin());
    if (w.size() >= 2) words.push_back(w);
  }
  if (words.empty()) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (!IsWordByte(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && IsWordByte(text[j])) ++j;
    const std::string_view word = text.substr(i, j - i);
    const bool named = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return SameLetters(word, w); });
    out += named ? std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])))) + "." : std::string(word);
    i = j;
  }
  return out;
}

}  // namespace ringback
