#include "message/text_match.h"

#include <cctype>

namespace ringback::message_internal {
namespace {

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The ASCII letter for a Latin-1 accented letter in UTF-8 (C3 xx), or 0.
char Unaccented(unsigned char second) {
  switch (second) {
    case 0x81: case 0xA1: return 'a';
    case 0x89: case 0xA9: return 'e';
    case 0x8D: case 0xAD: return 'i';
    case 0x93: case 0xB3: return 'o';
    case 0x9A: case 0xBA: case 0x9C: case 0xBC: return 'u';
    case 0x91: case 0xB1: return 'n';
    default: return 0;
  }
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (text.substr(i, 3) == "\xE2\x80\x98" || text.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else if (text.substr(i, 3) == "\xE2\x80\x9C" || text.substr(i, 3) == "\xE2\x80\x9D") {
      i += 2;
    } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < text.size() &&
               Unaccented(static_cast<unsigned char>(text[i + 1])) != 0) {
      out += Unaccented(static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else if (text.substr(i, 2) == "\xC2\xBF" || text.substr(i, 2) == "\xC2\xA1") {  // ¿ ¡ open a sentence
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
    } else if (c == '"') {
      continue;
    } else if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::size_t FindWords(std::string_view text, std::string_view phrase, std::size_t from) {
  if (phrase.empty()) return std::string_view::npos;
  for (std::size_t at = text.find(phrase, from); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    const std::size_t end = at + phrase.size();
    const bool left_ok = !IsWordByte(phrase.front()) || at == 0 || !IsWordByte(text[at - 1]);
    const bool right_ok = !IsWordByte(phrase.back()) || end == text.size() || !IsWordByte(text[end]);
    if (left_ok && right_ok) return at;
  }
  return std::string_view::npos;
}

}  // namespace ringback::message_internal
