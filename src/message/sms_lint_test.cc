// SMS lint: encoding, character and segment counts as carriers bill them, and the findings a
// contractor sees before sending (no way to stop, unfilled fields, UCS-2, long texts).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "message/sms_lint.h"

namespace ringback {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kStop = " Reply STOP to opt out.";  // 23 characters

// `n` plain characters, ending with the stop wording so the text lints clean.
std::string Plain(std::size_t n) { return std::string(n - kStop.size(), 'a') + kStop; }

std::vector<std::string> Messages(const SmsLint& lint, Severity severity) {
  std::vector<std::string> out;
  for (const LintIssue& i : lint.issues)
    if (i.severity == severity) out.push_back(i.message);
  return out;
}

TEST(LintSms, PlainTextUpTo160IsOneGsm7Segment) {
  const SmsLint lint = LintSms(Plain(160));
  EXPECT_EQ(lint.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(lint.characters, 160u);
  EXPECT_EQ(lint.units, 160u);
  EXPECT_EQ(lint.segments, 1u);
  EXPECT_THAT(lint.issues, IsEmpty());
}

TEST(LintSms, LongerGsm7TextsSplitInto153SeptetParts) {
  EXPECT_EQ(LintSms(Plain(161)).segments, 2u);
  EXPECT_EQ(LintSms(Plain(306)).segments, 2u);
  EXPECT_EQ(LintSms(Plain(307)).segments, 3u);
  EXPECT_EQ(LintSms(Plain(459)).segments, 3u);
  EXPECT_EQ(LintSms(Plain(460)).segments, 4u);
}

TEST(LintSms, WarnsAboveOneSegment) {
  const SmsLint lint = LintSms(Plain(161));
  EXPECT_THAT(Messages(lint, Severity::kWarning), ElementsAre(HasSubstr("2 segments: 161 septets")));
  EXPECT_THAT(Messages(lint, Severity::kError), IsEmpty());
}

TEST(LintSms, EachExtensionCharacterTakesTwoSeptets) {
  for (const char* ext : {"^", "{", "}", "[", "]", "~", "\\", "|", "\xE2\x82\xAC" /* € */, "\f"}) {
    // 136 + 1 extension character + 23 stop = 160 characters but 161 septets.
    const std::string text = std::string(136, 'a') + ext + kStop;
    const SmsLint lint = LintSms(text);
    EXPECT_EQ(lint.encoding, SmsEncoding::kGsm7) << ext;
    EXPECT_EQ(lint.characters, 160u) << ext;
    EXPECT_EQ(lint.units, 161u) << ext;
    EXPECT_EQ(lint.segments, 2u) << "one more septet than a single text holds: " << ext;
    EXPECT_EQ(GsmSeptets(static_cast<unsigned char>(ext[0]) < 0x80 ? static_cast<char32_t>(ext[0]) : U'€'), 2) << ext;
  }
}

TEST(LintSms, EightyBracketsFillOneTextExactly) {
  EXPECT_EQ(LintSms(std::string(80, '[')).segments, 1u);
  EXPECT_EQ(LintSms(std::string(80, '[')).units, 160u);
  EXPECT_EQ(LintSms(std::string(81, '[')).segments, 2u);
}

TEST(LintSms, AnEscapedCharacterIsNeverSplitAcrossSegments) {
  // 152 + 2 + 152 = 306 septets: two parts by arithmetic, but the ^ does not fit in the first
  // part's last septet, so carriers send three.
  const std::string text = std::string(152, 'a') + "^" + std::string(152, 'a');
  const SmsLint lint = LintSms(text);
  EXPECT_EQ(lint.units, 306u);
  EXPECT_EQ(lint.segments, 3u);
}

TEST(LintSms, GsmAccentsAndGreekStayGsm7) {
  const std::string text = "José, Müller, Señor, Ångström, £5, ¥, §, ¿Qué?, ¡Hola!, Δ Ω, é è ù ì ò Ç Ø æ ß @ _ $";
  const SmsLint lint = LintSms(text);
  EXPECT_EQ(lint.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(lint.units, lint.characters) << "all in the basic set, one septet each";
  EXPECT_THAT(lint.ucs2_characters, IsEmpty());
}

TEST(LintSms, OneCurlyQuoteMakesTheTextUcs2) {
  std::string text = "We\xE2\x80\x99re sorry we missed your call." + kStop;  // We’re
  SmsLint lint = LintSms(text);
  EXPECT_EQ(lint.encoding, SmsEncoding::kUcs2);
  EXPECT_THAT(lint.ucs2_characters, ElementsAre("\xE2\x80\x99"));
  EXPECT_THAT(Messages(lint, Severity::kWarning),
              ElementsAre(AllOf(HasSubstr("UCS-2"), HasSubstr("U+2019"), HasSubstr("use '"), HasSubstr("70"))));

  // 70 UCS-2 characters fit one text; 71 need two parts of 67.
  const std::string curly = "\xE2\x80\x99";
  EXPECT_EQ(LintSms(std::string(69, 'a') + curly).segments, 1u);
  EXPECT_EQ(LintSms(std::string(70, 'a') + curly).segments, 2u);
  EXPECT_EQ(LintSms(std::string(133, 'a') + curly).segments, 2u);
  EXPECT_EQ(LintSms(std::string(134, 'a') + curly).segments, 3u);
}

TEST(LintSms, The160CharacterTextWithAnEmojiNeedsThreeSegments) {
  const std::string emoji = "\xF0\x9F\x99\x82";  // 🙂 U+1F642, a surrogate pair in UTF-16
  const std::string text = std::string(136, 'a') + emoji + kStop;
  const SmsLint lint = LintSms(text);
  EXPECT_EQ(lint.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(lint.characters, 160u);
  EXPECT_EQ(lint.units, 161u) << "the emoji counts two UTF-16 units";
  EXPECT_EQ(lint.segments, 3u);
  EXPECT_THAT(lint.ucs2_characters, ElementsAre(emoji));
}

TEST(LintSms, AnEmojiCountsTwoUnitsAndIsNeverSplit) {
  const std::string emoji = "\xF0\x9F\x98\x80";  // 😀
  EXPECT_EQ(LintSms(std::string(68, 'a') + emoji).units, 70u);
  EXPECT_EQ(LintSms(std::string(68, 'a') + emoji).segments, 1u);
  EXPECT_EQ(LintSms(std::string(69, 'a') + emoji).segments, 2u);
  // 66 + 2 + 66 = 134 units, two parts by arithmetic; the pair cannot straddle parts.
  const SmsLint lint = LintSms(std::string(66, 'a') + emoji + std::string(66, 'a'));
  EXPECT_EQ(lint.units, 134u);
  EXPECT_EQ(lint.segments, 3u);
}

TEST(LintSms, ExtensionCharactersCountOnceInUcs2) {
  const SmsLint lint = LintSms("\xE2\x82\xAC" "5 \xE2\x80\x94 ok");  // "€5 — ok"
  EXPECT_EQ(lint.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(lint.characters, 7u);
  EXPECT_EQ(lint.units, 7u);
  EXPECT_THAT(lint.ucs2_characters, ElementsAre("\xE2\x80\x94"));
}

TEST(LintSms, CharactersOutsideGsmIncludingTabAndBacktickAreUcs2) {
  EXPECT_EQ(LintSms("a\tb").encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(LintSms("a`b").encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(LintSms("Zo\xC3\xAB").encoding, SmsEncoding::kUcs2);  // ë is not in GSM 03.38
  EXPECT_EQ(LintSms("\xE4\xBD\xA0\xE5\xA5\xBD").units, 2u);      // 你好
}

TEST(LintSms, InvalidUtf8IsAWarningNotACrash) {
  for (const std::string& bad : {std::string("ok \xFF there"), std::string("cut \xE2\x80"), std::string("\xC0\xAF"),
                                std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"), std::string("\x80\x80")}) {
    const SmsLint lint = LintSms(bad + kStop);
    EXPECT_EQ(lint.encoding, SmsEncoding::kUcs2);
    EXPECT_THAT(Messages(lint, Severity::kWarning), testing::Contains(HasSubstr("invalid UTF-8")));
    EXPECT_THAT(Messages(lint, Severity::kError), IsEmpty());
    EXPECT_GT(lint.segments, 0u);
  }
  // A truncated sequence is one replacement character, not one per byte.
  EXPECT_EQ(LintSms("cut \xE2\x80").characters, 5u);
}

TEST(LintSms, NoWayToStopIsAnError) {
  const SmsLint lint = LintSms("Hi Jane, sorry we missed your call. Still need help?");
  EXPECT_THAT(Messages(lint, Severity::kError), ElementsAre(HasSubstr("no way to stop")));
  EXPECT_THAT(Messages(LintSms("Not for you? Just reply not interested."), Severity::kError), IsEmpty());
  EXPECT_THAT(Messages(LintSms("Text \"stop\" to opt out"), Severity::kError), IsEmpty());
}

TEST(LintSms, UnfilledMergeFieldsAndGapsAreFlagged) {
  SmsLint lint = LintSms("Hi {{contact.first_name}}, this is Rick." + kStop);
  EXPECT_THAT(Messages(lint, Severity::kError), ElementsAre(HasSubstr("{{contact.first_name}}")));
  lint = LintSms("Hi , do you still need help with ?" + kStop);
  EXPECT_THAT(Messages(lint, Severity::kWarning), testing::Contains(HasSubstr("\"Hi ,\"")));
  lint = LintSms("Hi Jane, still need help with." + kStop);
  EXPECT_THAT(Messages(lint, Severity::kWarning), testing::Contains(HasSubstr("help with.")));
}

// A merge field left open is quoted short, and the cut never splits a character.
TEST(LintSms, AnOpenMergeFieldIsQuotedWithWholeCharacters) {
  const SmsLint lint = LintSms("{{! Callback emailshas \u00e9t\u00e9" + kStop);
  EXPECT_THAT(Messages(lint, Severity::kError), ElementsAre("unfilled merge field \"{{! Callback emailshas \""));
}

TEST(LintSms, EmptyTextIsAnError) {
  const SmsLint lint = LintSms("");
  EXPECT_EQ(lint.segments, 0u);
  EXPECT_THAT(Messages(lint, Severity::kError), ElementsAre("empty text"));
}

// SmsSegments is LintSms's count without the rest: the same on every boundary.
TEST(SmsSegments, AgreesWithLintSmsAtEveryBoundary) {
  const std::string curly = "\xE2\x80\x99", emoji = "\xF0\x9F\x98\x80", invalid = "\xC3";
  std::vector<std::string> texts{"", "a", "[", invalid, emoji};
  for (std::size_t n : {69u, 70u, 71u, 133u, 134u, 135u, 152u, 153u, 154u, 159u, 160u, 161u, 305u, 306u, 307u}) {
    texts.push_back(std::string(n, 'a'));
    texts.push_back(std::string(n - 1, 'a') + "[");   // a two-septet character at the edge
    texts.push_back(std::string(n / 2, '['));
    texts.push_back(std::string(n - 1, 'a') + curly);  // UCS-2
    texts.push_back(std::string(n - 1, 'a') + emoji);  // a surrogate pair at the edge
    texts.push_back(std::string(n - 1, 'a') + invalid);
    texts.push_back("\xCE\xA9" + std::string(n, 'b'));  // Greek, still GSM-7
  }
  for (const std::string& t : texts) EXPECT_EQ(SmsSegments(t), LintSms(t).segments) << t.size() << ": " << t;
}

TEST(GsmSeptets, LatinOneAndBeyond) {
  EXPECT_EQ(GsmSeptets(U'a'), 1);
  EXPECT_EQ(GsmSeptets(U'\n'), 1);
  EXPECT_EQ(GsmSeptets(U'\x1B'), 0);  // ESC is not a character of its own
  EXPECT_EQ(GsmSeptets(U'\xE9'), 1);  // é
  EXPECT_EQ(GsmSeptets(U'\xE1'), 0);  // á
  EXPECT_EQ(GsmSeptets(U'^'), 2);
  EXPECT_EQ(GsmSeptets(U'\x0394'), 1);  // Δ
  EXPECT_EQ(GsmSeptets(U'\x20AC'), 2);  // €
  EXPECT_EQ(GsmSeptets(U'\x2019'), 0);  // ’
}

}  // namespace
}  // namespace ringback
