#include "message/sms_lint.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "core/text.h"

namespace ringback {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// GSM 03.38 basic character set (3GPP TS 23.038), as Unicode, minus ESC (0x1B).
constexpr std::array<char32_t, 127> kGsmBasic{
    U'@', U'£', U'$', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç', U'\n', U'Ø', U'ø', U'\r', U'Å', U'å',
    U'Δ', U'_', U'Φ', U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ', U'Θ', U'Ξ', U'Æ', U'æ', U'ß', U'É',
    U' ', U'!', U'"', U'#', U'¤', U'%', U'&', U'\'', U'(', U')', U'*', U'+', U',', U'-', U'.', U'/',
    U'0', U'1', U'2', U'3', U'4', U'5', U'6', U'7', U'8', U'9', U':', U';', U'<', U'=', U'>', U'?',
    U'¡', U'A', U'B', U'C', U'D', U'E', U'F', U'G', U'H', U'I', U'J', U'K', U'L', U'M', U'N', U'O',
    U'P', U'Q', U'R', U'S', U'T', U'U', U'V', U'W', U'X', U'Y', U'Z', U'Ä', U'Ö', U'Ñ', U'Ü', U'§',
    U'¿', U'a', U'b', U'c', U'd', U'e', U'f', U'g', U'h', U'i', U'j', U'k', U'l', U'm', U'n', U'o',
    U'p', U'q', U'r', U's', U't', U'u', U'v', U'w', U'x', U'y', U'z', U'ä', U'ö', U'ñ', U'ü', U'à',
};

// The extension table: sent as ESC + character, two septets.
constexpr std::array<char32_t, 10> kGsmExtension{U'\f', U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€'};

struct Decoded {
  char32_t code_point = kReplacement;
  std::size_t length = 1;
  bool valid = true;
};

// One UTF-8 sequence at `at`. An ill-formed one becomes U+FFFD over its maximal valid prefix
// (at least one byte), so decoding always advances.
Decoded DecodeUtf8(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(at);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {kReplacement, 1, false};
  }
  for (std::size_t k = 1; k <= need; ++k) {
    const std::size_t i = at + k;
    const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (i >= s.size() || byte(i) < min || byte(i) > max) return {kReplacement, k, false};
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  return {cp, need + 1, true};
}

std::string EncodeUtf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

std::string CodePointName(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// The GSM-7 look-alike worth suggesting for a common UCS-2 character, if any.
std::optional<std::string_view> GsmLookAlike(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x0060: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x2013: case 0x2014: return "-";
    case 0x2026: return "...";
    case 0x00A0: return "a plain space";
    default: return std::nullopt;
  }
}

// Billed segments for characters of the given unit costs: everything in one message when it
// fits, otherwise packed into parts without splitting a character.
std::size_t CountSegments(const std::vector<std::size_t>& costs, std::size_t total, std::size_t single,
                          std::size_t part) {
  if (total == 0) return 0;
  if (total <= single) return 1;
  std::size_t segments = 1, used = 0;
  for (std::size_t cost : costs) {
    if (used + cost > part) {
      ++segments;
      used = 0;
    }
    used += cost;
  }
  return segments;
}

void Add(std::vector<LintIssue>& issues, Severity severity, std::string message) {
  issues.push_back({severity, std::move(message)});
}

// "{{contact.name}}" left in the text: the first unfilled tag, or "".
std::string UnfilledTag(std::string_view text) {
  std::size_t open = text.find("{{");
  std::size_t close = text.find("}}");
  if (open == std::string_view::npos && close == std::string_view::npos) return "";
  if (open == std::string_view::npos) return "}}";
  close = text.find("}}", open);
  if (close != std::string_view::npos) return std::string(text.substr(open, close + 2 - open));
  return std::string(Utf8Prefix(text.substr(open), 24));  // never half a character
}

}  // namespace

std::string_view SmsEncodingName(SmsEncoding e) { return e == SmsEncoding::kGsm7 ? "GSM-7" : "UCS-2"; }

namespace {

int SearchGsmSeptets(char32_t cp) {
  if (std::find(kGsmBasic.begin(), kGsmBasic.end(), cp) != kGsmBasic.end()) return 1;
  if (std::find(kGsmExtension.begin(), kGsmExtension.end(), cp) != kGsmExtension.end()) return 2;
  return 0;
}

// Every character of every draft is looked up: the Latin-1 range, where nearly all of them
// are, from a table built once by the same search.
const std::array<std::int8_t, 256>& Latin1Septets() {
  static const std::array<std::int8_t, 256> table = [] {
    std::array<std::int8_t, 256> t{};
    for (char32_t cp = 0; cp < 256; ++cp) t[cp] = static_cast<std::int8_t>(SearchGsmSeptets(cp));
    return t;
  }();
  return table;
}

}  // namespace

int GsmSeptets(char32_t cp) { return cp < 256 ? Latin1Septets()[cp] : SearchGsmSeptets(cp); }

std::size_t SmsSegments(std::string_view utf8) {
  // Two passes, as LintSms counts: the encoding and total first, then the packing only for a
  // text longer than one segment.
  bool gsm = true;
  std::size_t septets = 0, utf16 = 0;
  for (std::size_t at = 0; at < utf8.size();) {
    const Decoded d = DecodeUtf8(utf8, at);
    at += d.length;
    const int s = d.valid ? GsmSeptets(d.code_point) : 0;
    gsm = gsm && s != 0;
    septets += static_cast<std::size_t>(s);
    utf16 += d.code_point > 0xFFFF ? 2 : 1;
  }
  const std::size_t total = gsm ? septets : utf16;
  if (total == 0) return 0;
  if (total <= (gsm ? kGsm7SingleSegment : kUcs2SingleSegment)) return 1;
  const std::size_t part = gsm ? kGsm7ConcatenatedSegment : kUcs2ConcatenatedSegment;
  std::size_t segments = 1, used = 0;
  for (std::size_t at = 0; at < utf8.size();) {
    const Decoded d = DecodeUtf8(utf8, at);
    at += d.length;
    const std::size_t cost = gsm ? static_cast<std::size_t>(GsmSeptets(d.code_point)) : (d.code_point > 0xFFFF ? 2 : 1);
    if (used + cost > part) ++segments, used = 0;
    used += cost;
  }
  return segments;
}

SmsLint LintSms(std::string_view utf8) {
  SmsLint lint;
  std::vector<std::size_t> septets, utf16;
  std::vector<char32_t> ucs2_only;
  std::optional<std::size_t> first_invalid;
  for (std::size_t at = 0; at < utf8.size();) {
    const Decoded d = DecodeUtf8(utf8, at);
    if (!d.valid && !first_invalid) first_invalid = at;
    at += d.length;
    ++lint.characters;
    const int gsm = d.valid ? GsmSeptets(d.code_point) : 0;
    septets.push_back(static_cast<std::size_t>(gsm));
    utf16.push_back(d.code_point > 0xFFFF ? 2 : 1);
    if (gsm == 0 && std::find(ucs2_only.begin(), ucs2_only.end(), d.code_point) == ucs2_only.end())
      ucs2_only.push_back(d.code_point);
  }
  if (ucs2_only.empty()) {
    lint.encoding = SmsEncoding::kGsm7;
    for (std::size_t s : septets) lint.units += s;
    lint.segments = CountSegments(septets, lint.units, kGsm7SingleSegment, kGsm7ConcatenatedSegment);
  } else {
    lint.encoding = SmsEncoding::kUcs2;
    for (std::size_t u : utf16) lint.units += u;
    lint.segments = CountSegments(utf16, lint.units, kUcs2SingleSegment, kUcs2ConcatenatedSegment);
    for (char32_t cp : ucs2_only) lint.ucs2_characters.push_back(EncodeUtf8(cp));
  }

  std::vector<LintIssue>& issues = lint.issues;
  if (lint.characters == 0) {
    Add(issues, Severity::kError, "empty text");
    return lint;
  }
  if (std::string tag = UnfilledTag(utf8); !tag.empty())
    Add(issues, Severity::kError, "unfilled merge field \"" + tag + "\"");
  if (!HasStopWording(utf8))
    Add(issues, Severity::kError, "no way to stop: add \"Reply STOP to opt out\" (or \"reply not interested\")");
  if (first_invalid)
    Add(issues, Severity::kWarning,
        "invalid UTF-8 at byte " + std::to_string(*first_invalid) + " (counted as U+FFFD)");
  if (lint.encoding == SmsEncoding::kUcs2) {
    std::string which;
    for (std::size_t i = 0; i < ucs2_only.size() && i < 5; ++i) {
      const char32_t cp = ucs2_only[i];
      if (!which.empty()) which += ", ";
      which += "\"" + EncodeUtf8(cp) + "\" (" + CodePointName(cp);
      if (auto alike = GsmLookAlike(cp)) which += "; use " + std::string(*alike);
      which += ")";
    }
    if (ucs2_only.size() > 5) which += ", ...";
    Add(issues, Severity::kWarning,
        "UCS-2: " + which + " not in the GSM-7 alphabet, so one text holds 70 characters instead of 160");
  }
  if (lint.segments > 1) {
    const bool gsm = lint.encoding == SmsEncoding::kGsm7;
    Add(issues, Severity::kWarning,
        std::to_string(lint.segments) + " segments: " + std::to_string(lint.units) +
            (gsm ? " septets (one text holds 160, split texts 153 each)"
                 : " UTF-16 units (one text holds 70, split texts 67 each)"));
  }
  for (const std::string& gap : FindGaps(utf8))
    Add(issues, Severity::kWarning, "a value looks missing: \"" + gap + "\"");
  return lint;
}

}  // namespace ringback
