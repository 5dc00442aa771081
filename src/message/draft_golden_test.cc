// Golden drafts: each file in tests/cases/drafts/ is one person's request (their signals, what
// is known of them, the company's settings) and the draft Ringback must write for it, word for
// word. Together they cover every category × channel × language and a go-ahead, a question, a
// problem and a bare missed call; every golden draft passes the draft lint.
//
// A changed template changes these drafts on purpose: rewrite the expected texts with
//   RINGBACK_UPDATE_GOLDEN=1 build/message_test --gtest_filter='GoldenDrafts*'
// and read the diff before committing it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "message/draft.h"
#include "message/draft_lint.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(RINGBACK_SOURCE_DIR) / "tests" / "cases" / "drafts";
constexpr std::string_view kDraftMarker = "--- draft";

struct GoldenCase {
  fs::path path;
  std::string header;  // everything before the marker, kept as written when updating
  DraftRequest request;
  CompanyConfig company;
  std::map<std::string, std::string> expect;  // channel, locale, intent
  std::string expected;                       // the draft, or "(none: REASON)"
  std::string error;                          // a malformed file
};

std::string Trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, '|');) parts.push_back(Trim(part));
  return parts;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');)
    if (!Trim(part).empty()) parts.push_back(Trim(part));
  return parts;
}

// The company every case writes for, as config/company.example.toml describes it.
CompanyConfig SummitRidge() {
  CompanyConfig c;
  c.name = "Summit Ridge Roofing & Air";
  c.time_zone = "America/Chicago";
  c.phone = "(512) 555-0100";
  return c;
}

Timestamp Time(const std::string& text, std::string& error) {
  std::optional<Timestamp> t = ParseUtc(text);
  if (!t) error = "not a time with an offset: \"" + text + "\"";
  return t.value_or(Timestamp{});
}

GoldenCase ReadCase(const fs::path& path) {
  GoldenCase c;
  c.path = path;
  c.company = SummitRidge();
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string all = buffer.str();
  const std::size_t marker = all.find("\n" + std::string(kDraftMarker) + "\n");
  if (marker == std::string::npos) {
    c.error = "no \"--- draft\" line";
    return c;
  }
  c.header = all.substr(0, marker + 1);
  c.expected = all.substr(marker + kDraftMarker.size() + 2);
  while (!c.expected.empty() && c.expected.back() == '\n') c.expected.pop_back();
  DraftRequest& r = c.request;  // its company is set where it is written (RequestOf): cases move
  std::istringstream lines(c.header);
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      c.error = "line " + std::to_string(n) + ": expected key: value";
      return c;
    }
    const std::string key = line.substr(0, colon);
    const std::string value = Trim(line.substr(colon + 1));
    std::string error;
    if (key == "category") {
      r.category = ParseCategory(value).value_or(Category::kDuplicate);
    } else if (key == "name") {
      r.contact_name = value;
    } else if (key == "phone") {
      r.phone = value;
    } else if (key == "landline") {
      r.landline = value == "yes";
    } else if (key == "email") {
      r.email = value;
    } else if (key == "trade") {
      r.trade = value;
    } else if (key == "summary") {
      r.summary = value;
    } else if (key == "agent") {
      r.agent_name = value;
    } else if (key == "agent_phone") {
      r.agent_phone = value;
    } else if (key == "as_of") {
      r.as_of = Time(value, error);
    } else if (key == "stopped") {
      r.do_not_contact = value == "yes";
    } else if (key == "company_channels") {
      c.company.draft_channels = SplitComma(value);
    } else if (key == "company_languages") {
      c.company.draft_locales = SplitComma(value);
    } else if (key == "estimate") {  // NUMBER | WHAT | STATUS | SENT (time with offset)
      const std::vector<std::string> p = SplitBar(value);
      if (p.size() != 4) error = "estimate: NUMBER | WHAT | STATUS | SENT";
      else r.estimates.push_back({p[0], p[1], p[2], Time(p[3], error)});
    } else if (key == "signal") {  // CHANNEL | TIME | SUBJECT
      const std::vector<std::string> p = SplitBar(value);
      const std::optional<Channel> channel = p.empty() ? std::nullopt : ParseChannel(p[0]);
      if (!channel || p.size() < 2) error = "signal: CHANNEL | TIME [| SUBJECT]";
      else r.signals.push_back({*channel, Time(p[1], error), p.size() > 2 ? p[2] : "", ""});
    } else if (key == "text") {  // one more line of the last signal's text
      if (r.signals.empty()) error = "text: before any signal";
      else r.signals.back().text += (r.signals.back().text.empty() ? "" : "\n") + line.substr(colon + 2 <= line.size() ? colon + 2 : colon + 1);
    } else if (key == "expect") {
      for (const std::string& kv : SplitComma(value)) {
        const std::size_t eq = kv.find('=');
        if (eq == std::string::npos) error = "expect: key=value, ...";
        else c.expect[kv.substr(0, eq)] = kv.substr(eq + 1);
      }
    } else {
      error = "unknown key \"" + key + "\"";
    }
    if (!error.empty()) {
      c.error = "line " + std::to_string(n) + ": " + error;
      return c;
    }
  }
  return c;
}

std::vector<GoldenCase> AllCases() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(kCases))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<GoldenCase> cases;
  for (const fs::path& p : paths) cases.push_back(ReadCase(p));
  return cases;
}

DraftRequest RequestOf(const GoldenCase& c) {
  DraftRequest r = c.request;
  r.company = &c.company;
  return r;
}

std::string Shown(const Draft& d) { return d.text.empty() ? "(none: " + d.withheld + ")" : d.FullText(); }

TEST(GoldenDrafts, EveryCaseWritesItsDraftWordForWord) {
  const bool update = std::getenv("RINGBACK_UPDATE_GOLDEN") != nullptr;
  const std::vector<GoldenCase> cases = AllCases();
  ASSERT_GE(cases.size(), 36u);
  for (const GoldenCase& c : cases) {
    SCOPED_TRACE(c.path.filename().string());
    ASSERT_EQ(c.error, "");
    const Draft d = WriteDraft(RequestOf(c));
    if (update) {
      std::ofstream out(c.path, std::ios::binary | std::ios::trunc);
      out << c.header << kDraftMarker << "\n" << Shown(d) << "\n";
      continue;
    }
    EXPECT_EQ(Shown(d), c.expected);
    if (c.expect.count("channel")) {
      EXPECT_EQ(DraftChannelName(d.channel), c.expect.at("channel"));
    }
    if (c.expect.count("locale")) {
      EXPECT_EQ(d.locale, c.expect.at("locale"));
    }
    if (c.expect.count("intent")) {
      EXPECT_EQ(IntentName(d.facts.intent), c.expect.at("intent"));
    }
  }
}

// The lint every queue draft must pass holds for every golden draft, and the shape the office
// expects: an email of two to four sentences, a text of at most two segments.
TEST(GoldenDrafts, EveryDraftPassesTheLint) {
  for (const GoldenCase& c : AllCases()) {
    SCOPED_TRACE(c.path.filename().string());
    const Draft d = WriteDraft(RequestOf(c));
    if (d.text.empty()) continue;
    for (const LintIssue& issue : LintDraft(d.channel, d.FullText())) ADD_FAILURE() << issue.message << "\n" << d.FullText();
    EXPECT_THAT(PressurePhrases(d.FullText()), ::testing::IsEmpty());
    if (d.channel == DraftChannel::kEmail) {
      const int sentences = BodySentences(d.FullText());
      EXPECT_GE(sentences, 2) << d.FullText();
      EXPECT_LE(sentences, 4) << d.FullText();
    }
    if (d.channel == DraftChannel::kSms) {
      EXPECT_LE(LintSms(d.text).segments, 2u);
    }
  }
}

TEST(GoldenDrafts, CoverEveryCategoryChannelAndLanguageAndEachKindOfRequest) {
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::set<std::string> intents;
  for (const GoldenCase& c : AllCases()) {
    const Draft d = WriteDraft(RequestOf(c));
    if (d.text.empty()) continue;
    seen.insert({std::string(CategoryName(c.request.category)), std::string(DraftChannelName(d.channel)), d.locale});
    intents.insert(std::string(IntentName(d.facts.intent)));
  }
  for (Category category : kDraftCategories)
    for (DraftChannel channel : kDraftChannels)
      for (const char* locale : {"en", "es"})
        EXPECT_TRUE(seen.count({std::string(CategoryName(category)), std::string(DraftChannelName(channel)), locale}))
            << "no golden draft for " << CategoryName(category) << " by " << DraftChannelName(channel) << " in "
            << locale;
  for (const char* intent : {"go_ahead", "question", "problem", "missed_call", "request"})
    EXPECT_TRUE(intents.count(intent)) << "no golden draft for a " << intent;
}

}  // namespace
}  // namespace ringback
