#include "classify/normalize.h"

#include <gtest/gtest.h>

namespace ringback::classify {
namespace {

TEST(Normalize, LowerCaseQuotesAndWhitespace) {
  const NormalizedText n =
      Normalize("  Don\xE2\x80\x99t   CALL\t\xE2\x80\x9Cme\xE2\x80\x9D \xE2\x80\x94 ok  ", {});
  EXPECT_EQ(n.text, "don't call \"me\" - ok");
}

TEST(Normalize, LineBreaksSurviveAsClauseEnds) {
  EXPECT_EQ(Normalize("no rush\r\n\r\nLeak in roof", {}).text, "no rush\nleak in roof");
}

TEST(Normalize, SpellingVariantsAreReplacedWordByWord) {
  const SpellingMap spelling{{"leek", "leak"}, {"thru", "through"}, {"a/c", "ac"}};
  EXPECT_EQ(Normalize("Leek THRU the roof, a/c out, 'leek'", spelling).text,
            "leak through the roof, ac out, 'leak'");
  EXPECT_EQ(Normalize("leeks", spelling).text, "leeks");  // whole words only
}

TEST(Normalize, AStutteredShortWordReadsOnce) {
  const std::string said = "about the the estimate, I I think we had had it";
  const NormalizedText n = Normalize(said, {});
  EXPECT_EQ(n.text, "about the estimate, i think we had had it");  // "had had" is English
  EXPECT_EQ(n.Original(said, 10, 18), "estimate");
  EXPECT_EQ(Normalize("the. the end", {}).text, "the. the end");  // not across a stop
}

TEST(Normalize, SpokenFillersAreDropped) {
  const SpellingMap spelling{{"uh", std::string(kDropWord)}, {"um", std::string(kDropWord)}};
  EXPECT_EQ(Normalize("back in uh the spring, um, we want it", spelling).text,
            "back in the spring, we want it");
  EXPECT_EQ(Normalize("it was may uh.", spelling).text, "it was may .");
  EXPECT_EQ(Normalize("umbrella humid", spelling).text, "umbrella humid");  // whole words only
  const std::string said = "call uh Jim";
  const NormalizedText n = Normalize(said, spelling);
  EXPECT_EQ(n.text, "call jim");
  EXPECT_EQ(n.Original(said, 5, 8), "Jim");
}

TEST(Normalize, SpanishAccentsAndInvertedMarksFold) {
  const std::string original = "\xC2\xBF" "Cu\xC3\xA1" "nto cuesta? N\xC3\xBA" "mero equivocado, ma\xC3\xB1" "ana";
  const NormalizedText n = Normalize(original, {});
  EXPECT_EQ(n.text, "cuanto cuesta? numero equivocado, manana");
  EXPECT_EQ(n.Original(original, 0, 6), "Cu\xC3\xA1" "nto");  // the leading mark is blank space
}

TEST(Normalize, OriginalGivesBackTheBuyersWords) {
  const SpellingMap spelling{{"thru", "through"}};
  const std::string original = "Water\xE2\x80\x99s coming THRU the ceiling";
  const NormalizedText n = Normalize(original, spelling);
  const std::size_t at = n.text.find("coming through");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(n.Original(original, at, at + std::string("coming through").size()), "coming THRU");
  EXPECT_EQ(n.Original(original, 0, 7), "Water\xE2\x80\x99s");
  EXPECT_EQ(n.Original(original, 3, 3), "");
}

}  // namespace
}  // namespace ringback::classify

namespace ringback::classify {
namespace {

TEST(ReplyBody, EndsWhereTheQuotedMailBegins) {
  // Outlook's rule line, a Spanish "escribió:" header and "mensaje original" each start the quote.
  EXPECT_EQ(ReplyBody("darme de baja, por favor. gracias.\n\n________________________________\nde: techos del valle\n"
                      "boletin de primavera: 10% en inspecciones"),
            "darme de baja, por favor. gracias.\n\n");
  EXPECT_EQ(ReplyBody("no, gracias.\nel jue, 3 abr 2025 a las 9:14, maldonado escribio:\n> buenas tardes"),
            "no, gracias.\n");
  EXPECT_EQ(ReplyBody("ok\n-----mensaje original-----\nde: ventas"), "ok\n");
  // A phone's signature under a one-word reply, and a bottom-posted reply under its quote.
  EXPECT_EQ(ReplyBody("stop\n\nsent from my iphone\n\n> on mar 4, 2025, at 9:14 am, office wrote:\n> hi"),
            "stop\n\n");
  EXPECT_EQ(ReplyBody("on fri, feb 28, 2025 at 3:12 pm dryright wrote:\n> your estimate\n\nwe've decided not to proceed."),
            "we've decided not to proceed.");
  // Outlook's header block without a rule line.
  EXPECT_EQ(ReplyBody("remove\n\njen\n\nfrom: dryright <a@example.org>\nsent: tuesday\nsubject: services"),
            "remove\n\njen\n\n");
  // A keyword over a signature and a legal notice; a paragraph that says more is not a sign-off.
  EXPECT_EQ(AboveSignOff("remove\n\njennifer ostrowski\nsenior asset manager\nt 555-0193\n\nthe information "
                         "contained in this communication is confidential and intended only for the addressee."),
            "remove");
  EXPECT_EQ(AboveSignOff("stop\n\nby the house tomorrow if you can, i want the gutters looked at before the storm"), "");
  // A short row of underscores in a form is not a rule line.
  EXPECT_EQ(ReplyBody("name: ____\nmessage: leak"), "name: ____\nmessage: leak");
}

TEST(PicksTheOptOut, TheAnswerTheAutomatedMessageOfferedToStop) {
  EXPECT_EQ(PicksTheOptOut("2\n\n> keystone: reply 1 to keep getting design tips, 2 to stop receiving them."), "2");
  EXPECT_EQ(PicksTheOptOut("n\n\n> still interested in your quote? reply y for a call back, n if you've decided "
                           "not to proceed."),
            "n");
  EXPECT_EQ(PicksTheOptOut("no\n\n> just checking in on your estimate. are you still interested? reply yes or no"), "no");
  // The answer that confirms or reschedules, and an answer written with more words, are not.
  EXPECT_EQ(PicksTheOptOut("1\n\n> reply 1 to keep getting design tips, 2 to stop receiving them."), "");
  EXPECT_EQ(PicksTheOptOut("c\n\n> reply c to confirm, r to reschedule, stop to opt out"), "");
  EXPECT_EQ(PicksTheOptOut("no\n\n> do you still want us to come tomorrow? reply yes or no"), "");
  EXPECT_EQ(PicksTheOptOut("2 please, and call me\n\n> reply 2 to stop"), "");
  EXPECT_EQ(PicksTheOptOut("12\n\n> reply 2 to stop"), "");
  EXPECT_EQ(PicksTheOptOut("2\n\n> reply 1 to confirm, 2 to stop by tuesday instead"), "");
  EXPECT_EQ(PicksTheOptOut("no\n\n> any questions before moving forward? still interested? reply yes or no"), "");
  EXPECT_EQ(PicksTheOptOut("no\n\n> still interested, or have you gone with someone else? reply yes or no"), "");
}

TEST(DeniesTheName, OnlyACapitalisedNameIsSomeoneElse) {
  for (const char* text : {"Not Gary", "Not me. Wrong Sarah. Bye", "Wrong Johnson.", "Im not Diane",
                           "> Hi Diane! Just checking in on your AC estimate :)\n\nIm not Diane",
                           "this isn\u2019t Maria lol", "this isnt mike"})
    EXPECT_TRUE(DeniesTheName(text)) << text;
  // Words, not names: a lower-case reply says no name unless it is "this isn't <name>" alone.
  for (const char* text : {"its not working.", "Not Yet", "Not Today", "It's Not Working", "not gary lol",
                           "this isnt acceptable", "I'm not sure", "Not Gary but his wife wants the quote",
                           "im not home till 5", "NOT BEFORE 9", "Not June", "WRONG PRICE", "No it's not. Thanks",
                           "I'm not. Bye", "Not Gary. Garrett", "this isnt accurate"})
    EXPECT_FALSE(DeniesTheName(text)) << text;
}

}  // namespace
}  // namespace ringback::classify
