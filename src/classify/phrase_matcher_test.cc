// The phrase matcher finds with Hyperscan exactly the hits RE2 alone finds (FindAllReference),
// on the shipped lexicons and the classification corpus, and keeps finding them for entries and
// texts Hyperscan cannot take, and with a prebuilt database.
#include "classify/phrase_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "classify/lexicon.h"
#include "classify/normalize.h"
#include "classify/phrase_database.h"
#include "core/embedded.h"

namespace ringback::classify {
namespace {

namespace fs = std::filesystem;

std::string Show(const std::vector<Hit>& hits, std::string_view text) {
  std::string out;
  for (const Hit& h : hits)
    out += std::to_string(h.entry) + "@" + std::to_string(h.begin) + "-" + std::to_string(h.end) +
           " \"" + std::string(text.substr(h.begin, h.end - h.begin)) + "\"\n";
  return out;
}

bool Same(const std::vector<Hit>& a, const std::vector<Hit>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].group != b[i].group || a[i].entry != b[i].entry || a[i].begin != b[i].begin ||
        a[i].end != b[i].end)
      return false;
  return true;
}

void ExpectSameHits(const PhraseMatcher& m, std::string_view text) {
  const std::vector<Hit> fast = m.FindAll(text);
  const std::vector<Hit> reference = m.FindAllReference(text);
  EXPECT_TRUE(Same(fast, reference)) << "text: " << text << "\nHyperscan:\n"
                                     << Show(fast, text) << "RE2:\n"
                                     << Show(reference, text);
}

// Every entry of every shipped lexicon (negation included), in file order.
std::vector<LexiconEntry> ShippedEntries() {
  std::vector<LexiconEntry> out;
  for (const auto& [path, bytes] : embedded::lexicon()) {
    StatusOr<Lexicon> lex = ParseLexicon(path, bytes);
    EXPECT_TRUE(lex.ok()) << lex.status().message();
    if (!lex.ok()) continue;
    for (const auto& [section, entries] : lex->sections)
      out.insert(out.end(), entries.begin(), entries.end());
  }
  return out;
}

SpellingMap ShippedSpelling() {
  SpellingMap map;
  for (const auto& [path, bytes] : embedded::lexicon()) {
    if (LexiconName(path) != "spelling") continue;
    const StatusOr<Lexicon> lex = ParseLexicon(path, bytes);
    EXPECT_TRUE(lex.ok());
    if (lex.ok())
      for (const auto& [variant, canonical] : lex->spellings) map[variant] = canonical;
  }
  return map;
}

// Compiled once (seconds: every shipped entry goes through Hyperscan's compiler).
const PhraseMatcher& Shipped() {
  static const PhraseMatcher* m = [] {
    auto* matcher = new PhraseMatcher();
    int group = 0;
    for (const LexiconEntry& e : ShippedEntries()) EXPECT_TRUE(matcher->Add(group++ % 7, e).ok());
    EXPECT_TRUE(matcher->Compile().ok());
    return matcher;
  }();
  return *m;
}

// The texts of the classification corpus (development and held-out: matching is not tuned).
std::vector<std::string> CorpusTexts() {
  std::vector<std::string> texts;
  for (const auto& f : fs::recursive_directory_iterator("tests/cases/classify")) {
    if (f.path().extension() != ".jsonl") continue;
    std::ifstream in(f.path());
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string())
        texts.push_back(j["text"].get<std::string>());
    }
  }
  return texts;
}

// Every shipped entry but the few dot-all ones reaching across sentences (left to RE2: with
// them Hyperscan took minutes to compile the set) is found by Hyperscan.
TEST(PhraseMatcher, HyperscanScansTheShippedLexicons) {
  EXPECT_GT(Shipped().size(), 1000u);
  std::size_t dot_all = 0;
  for (const LexiconEntry& e : ShippedEntries()) dot_all += e.regex.find("(?s)") != std::string::npos;
  EXPECT_LE(dot_all, 12u) << "keep entries that reach across sentences few";
  EXPECT_EQ(Shipped().scanned_entries() + dot_all, Shipped().size());
}

TEST(PhraseMatcher, HyperscanFindsWhatRe2FindsOnTheCorpus) {
  const std::vector<std::string> texts = CorpusTexts();
  ASSERT_GT(texts.size(), 1000u);
  const SpellingMap spelling = ShippedSpelling();
  std::size_t hits = 0;
  for (const std::string& t : texts) {
    const std::string normalized = Normalize(t, spelling).text;
    ExpectSameHits(Shipped(), normalized);
    ExpectSameHits(Shipped(), t);  // not normalized: capitals, quotes, line breaks
    hits += Shipped().FindAll(normalized).size();
  }
  EXPECT_GT(hits, texts.size());  // the comparison is not between two empty lists
}

TEST(PhraseMatcher, HyperscanFindsWhatRe2FindsAtTheEdges) {
  for (const char* text : {
           "", " ", "stop", "stop.", ".stop", "'stop'", "leak", "leak leak leak", "leak-leak",
           "no heat", "no heat!", "¿no heat?", "é no heat é", "no heat\n", "\nno heat",
           "water coming through the ceiling, water coming through the ceiling",
           "the quote you gave us last spring", "please stop texting me", "roof leak's back",
           "leaking leaks leaked", "a/c out", "ac ac ac ac ac ac ac ac ac ac ac ac ac",
           "unsubscribe | privacy policy", "© 2024 all rights reserved", "no me interesa",
           "se rompio el tubo de agua", "it's 95 degrees inside", "it is 40 degrees in here",
           "stop stop stop", "wrong number. my correct number is 555", "don't call dont call",
           "ñ", "\xF0\x9F\x98\x80 stop \xF0\x9F\x98\x80", "leak\xC2\xA0now"}) {
    ExpectSameHits(Shipped(), text);
  }
}

TEST(PhraseMatcher, TextsThatAreNotUtf8AreFoundByRe2) {
  const PhraseMatcher& m = Shipped();
  for (const char* text : {"no heat \xFF", "\xC3 stop", "stop \xED\xA0\x80", "roof leak\xE9"}) {
    const std::vector<Hit> hits = m.FindAll(text);
    EXPECT_TRUE(Same(hits, m.FindAllReference(text))) << text;
    EXPECT_FALSE(hits.empty()) << text;
  }
}

TEST(PhraseMatcher, EntriesHyperscanCannotTakeAreFoundByRe2) {
  PhraseMatcher m;
  ASSERT_TRUE(m.Add(1, *ParseEntry("leak*", "a")).ok());
  ASSERT_TRUE(m.Add(2, *ParseEntry("re: (x?)", "empty")).ok());           // can match nothing
  ASSERT_TRUE(m.Add(3, *ParseEntry("re: (?i)STOP", "folded")).ok());      // Unicode case folding
  ASSERT_TRUE(m.Add(4, *ParseEntry("re: \\pL+ roof", "unicode")).ok());   // a Unicode class
  ASSERT_TRUE(m.Compile().ok());
  EXPECT_EQ(m.scanned_entries(), 1u);
  for (const char* text : {"x leak stop", "STOP leaking", "ſtop", "éé roof leak", "nothing"})
    ExpectSameHits(m, text);
  const std::vector<Hit> hits = m.FindAll("xx STOP leaks");
  std::vector<int> groups;
  for (const Hit& h : hits) groups.push_back(h.group);
  EXPECT_THAT(groups, ::testing::ElementsAre(2, 2, 3, 1));
}

TEST(PhraseMatcher, PrebuiltDatabaseIsUsedOnlyForTheEntriesItWasBuiltFrom) {
  auto build = [](const std::vector<std::string>& phrases, std::string_view prebuilt) {
    auto m = std::make_unique<PhraseMatcher>();
    int group = 0;
    for (const std::string& p : phrases) EXPECT_TRUE(m->Add(group++, *ParseEntry(p, p)).ok());
    EXPECT_TRUE(m->Compile(prebuilt).ok());
    return m;
  };
  const auto first = build({"roof leak", "leak*", "re: \\bno heat\\b"}, {});
  EXPECT_FALSE(first->used_prebuilt());
  StatusOr<std::string> db = first->Serialize();
  ASSERT_TRUE(db.ok()) << db.status().message();

  const std::string text = "roof leak and no heat, leaking, need a quote";
  const auto same = build({"roof leak", "leak*", "re: \\bno heat\\b"}, *db);
  EXPECT_TRUE(same->used_prebuilt());
  EXPECT_TRUE(Same(same->FindAll(text), first->FindAll(text)));

  // The company's own terms come after the built-in ones: compiled here, beside the database.
  const auto more = build({"roof leak", "leak*", "re: \\bno heat\\b", "need a quote"}, *db);
  EXPECT_TRUE(more->used_prebuilt());
  EXPECT_EQ(more->scanned_entries(), 4u);
  EXPECT_EQ(more->FindAll(text).size(), 5u);
  ExpectSameHits(*more, text);

  const auto other = build({"roof leaks", "leak*", "re: \\bno heat\\b"}, *db);
  EXPECT_FALSE(other->used_prebuilt());
  ExpectSameHits(*other, text);
  EXPECT_FALSE(build({"roof leak"}, *db)->used_prebuilt());  // fewer entries than the database
  EXPECT_FALSE(build({"roof leak"}, "ringback phrase database 1\nnonsense")->used_prebuilt());
  EXPECT_FALSE(more->Serialize().ok());  // two databases: not one to write
}

TEST(PhraseMatcher, ClassifierReadsTheEmbeddedDatabase) {
  StatusOr<bool> plain = BuiltInPhrasesPrebuilt(CompanyConfig{});
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_TRUE(*plain);
  CompanyConfig config;
  config.extra_terms["emergency"] = {"sump pump alarm"};
  StatusOr<bool> extra = BuiltInPhrasesPrebuilt(config);
  ASSERT_TRUE(extra.ok()) << extra.status().message();
  EXPECT_TRUE(*extra);
}

TEST(PhraseMatcher, ThreadsShareOneMatcher) {
  const std::vector<std::string> texts = {"no heat and water coming through the ceiling",
                                          "please stop texting me", "the quote from last spring"};
  std::vector<std::vector<Hit>> expected;
  for (const std::string& t : texts) expected.push_back(Shipped().FindAllReference(t));
  auto work = [&](bool* ok) {
    for (int round = 0; round < 200; ++round)
      for (std::size_t i = 0; i < texts.size(); ++i)
        if (!Same(Shipped().FindAll(texts[i]), expected[i])) *ok = false;
  };
  bool ok1 = true, ok2 = true;
  std::thread a(work, &ok1), b(work, &ok2);
  a.join();
  b.join();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
}

}  // namespace
}  // namespace ringback::classify
