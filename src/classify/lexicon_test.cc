// The lexicon line format: what a phrase matches, and how mistakes in a file are reported.
#include "classify/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include "classify/phrase_matcher.h"
#include "core/embedded.h"

namespace ringback::classify {
namespace {

using ::testing::HasSubstr;

// Whether `phrase` matches somewhere in `text` on word boundaries.
bool Matches(std::string_view phrase, std::string_view text) {
  StatusOr<LexiconEntry> e = ParseEntry(phrase, "test");
  EXPECT_TRUE(e.ok()) << e.status().message();
  if (!e.ok()) return false;
  RE2 re(SearchPattern(*e));
  return RE2::PartialMatch(text, re);
}

TEST(Phrase, WholeWordsOnly) {
  EXPECT_TRUE(Matches("ac", "the ac is out"));
  EXPECT_FALSE(Matches("ac", "the back door"));
  EXPECT_FALSE(Matches("leak", "leaking"));
  EXPECT_TRUE(Matches("leak*", "leaking"));
  EXPECT_TRUE(Matches("leak*", "a leak"));
}

TEST(Phrase, ContractionsMatchWithOrWithoutApostropheAndSpelledOut) {
  for (const char* text : {"don't call", "dont call", "do not call"})
    EXPECT_TRUE(Matches("don't call", text)) << text;
  EXPECT_TRUE(Matches("won't start", "will not start"));
  EXPECT_TRUE(Matches("can't", "cannot"));
  EXPECT_TRUE(Matches("i'm", "im"));
}

TEST(Phrase, HyphenIsOptional) {
  for (const char* text : {"tune-up", "tune up", "tuneup"})
    EXPECT_TRUE(Matches("tune-up", text)) << text;
}

TEST(Phrase, GroupsAndOptionalGroups) {
  const char* p = "take me off (your|the)? list";
  EXPECT_TRUE(Matches(p, "take me off your list"));
  EXPECT_TRUE(Matches(p, "take me off the list"));
  EXPECT_TRUE(Matches(p, "take me off list"));
  EXPECT_FALSE(Matches(p, "take me off this list"));
  EXPECT_TRUE(Matches("(please)? stop", "stop"));
  EXPECT_TRUE(Matches("(please)? stop", "please stop"));
}

TEST(Phrase, RegexEntriesAreUsedAsWritten) {
  EXPECT_TRUE(Matches("re: [0-9]+ degrees", "it is 48 degrees"));
  EXPECT_TRUE(Matches("re: ac", "vacuum"));  // no boundaries added to a regex
}

TEST(Phrase, MistakesAreErrors) {
  EXPECT_FALSE(PhraseToRegex("leak?").ok());
  EXPECT_FALSE(PhraseToRegex("(a|b").ok());
  EXPECT_FALSE(PhraseToRegex("a)").ok());
  EXPECT_FALSE(PhraseToRegex("   ").ok());
  EXPECT_FALSE(ParseEntry("re: (", "x").ok());
}

TEST(File, CommentsSectionsAndDefaults) {
  StatusOr<Lexicon> lex = ParseLexicon("data/lexicon/emergency.txt",
                                       "# header\n"
                                       "no heat   # trailing comment\n"
                                       "\n"
                                       "[urgency]\n"
                                       "asap\n"
                                       "re: right (now|away)\n");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  ASSERT_EQ(lex->sections["strong"].size(), 1u);
  EXPECT_EQ(lex->sections["strong"][0].text, "no heat");
  EXPECT_EQ(lex->sections["strong"][0].source, "data/lexicon/emergency.txt:2");
  ASSERT_EQ(lex->sections["urgency"].size(), 2u);
  EXPECT_TRUE(lex->sections["urgency"][1].raw);
}

TEST(File, ErrorsNameFileAndLine) {
  auto section = ParseLexicon("data/lexicon/stop.txt", "stop\n[phrases]\nx\n");
  ASSERT_FALSE(section.ok());
  EXPECT_THAT(section.status().message(), HasSubstr("data/lexicon/stop.txt:2"));
  auto regex = ParseLexicon("data/lexicon/spam.txt", "seo\nre: (x\n");
  ASSERT_FALSE(regex.ok());
  EXPECT_THAT(regex.status().message(), HasSubstr("spam.txt:2"));
  EXPECT_FALSE(ParseLexicon("data/lexicon/emergancy.txt", "x\n").ok());
  EXPECT_FALSE(ParseLexicon("data/lexicon/spelling.txt", "two words = x\n").ok());
}

TEST(File, WordClassesExpandInRegexEntries) {
  auto lex = ParseLexicon("data/lexicon/stop.txt",
                          "{verb} = call|text\n"
                          "{ask} = don'?t {verb}\n"
                          "[phrase]\n"
                          "re: \\b{ask} me{1,2}\\b\n");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  ASSERT_EQ(lex->sections["phrase"].size(), 1u);
  EXPECT_EQ(lex->sections["phrase"][0].regex, "\\b(?:don'?t (?:call|text)) me{1,2}\\b");
  auto unknown = ParseLexicon("data/lexicon/stop.txt", "[phrase]\nre: {nope} me\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("stop.txt:2"));
  EXPECT_THAT(unknown.status().message(), HasSubstr("{nope}"));
  EXPECT_FALSE(ParseLexicon("data/lexicon/stop.txt", "{bad = x\n").ok());
}

TEST(File, SpellingVariants) {
  auto lex = ParseLexicon("data/lexicon/spelling.txt", "Leek = leak\nthru=through\n");
  ASSERT_TRUE(lex.ok());
  ASSERT_EQ(lex->spellings.size(), 2u);
  EXPECT_EQ(lex->spellings[0].first, "leek");
  EXPECT_EQ(lex->spellings[1].second, "through");
}

TEST(File, TradeFilesHaveOneSection) {
  EXPECT_EQ(SectionsOf("trade_roofing"), std::vector<std::string_view>{"words"});
  EXPECT_TRUE(SectionsOf("nonsense").empty());
}

TEST(Embedded, EveryShippedLexiconParses) {
  int trades = 0;
  for (const auto& [path, bytes] : embedded::lexicon()) {
    auto lex = ParseLexicon(path, bytes);
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    if (std::string_view(path).find("trade_") != std::string_view::npos) ++trades;
  }
  EXPECT_EQ(trades, 5);
}

TEST(Matcher, FindsEveryOccurrenceInOrder) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(1, *ParseEntry("leak*", "a")).ok());
  ASSERT_TRUE(m.Add(2, *ParseEntry("roof leak", "b")).ok());
  ASSERT_TRUE(m.Compile().ok());
  const std::vector<Hit> hits = m.FindAll("roof leak, another leak and leaking");
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].group, 2);  // same start: the longer first
  EXPECT_EQ(hits[0].begin, 0u);
  EXPECT_EQ(hits[1].group, 1);
  EXPECT_EQ(hits[1].begin, 5u);
  EXPECT_EQ(hits[3].end, 35u);
  EXPECT_TRUE(m.FindAll("nothing here").empty());
}

}  // namespace
}  // namespace ringback::classify
