// End-to-end: the real `ringback` binary on the bundled sample week and on bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/time.h"
#include "e2e_support.h"
#include "message/draft_lint.h"
#include "message/sms_lint.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using e2e::kBinary;
using e2e::kSource;
using e2e::ReadCsv;
using e2e::Ringback;
using e2e::RunResult;
using e2e::Slurp;
using e2e::Table;

class SampleWeek : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("ringback-e2e-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    first_ = Ringback(Args(dir_ / "out1"));
    second_ = Ringback(Args(dir_ / "out2"));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static std::string Args(const fs::path& out) {
    return "audit " + kSource + "/examples/sample-week/exports --config " + kSource +
           "/config/company.example.toml --as-of 2026-11-23T08:00 --db " + e2e::DbArg(dir_ / "week.db") +
           " --out " + out.string();
  }

  static fs::path dir_;
  static RunResult first_, second_;
};
fs::path SampleWeek::dir_;
RunResult SampleWeek::first_, SampleWeek::second_;

TEST_F(SampleWeek, PrintsTheSummaryAndWritesTheThreeFiles) {
  ASSERT_EQ(first_.exit_code, 0) << first_.out;
  EXPECT_THAT(first_.out, HasSubstr("Read 160 signals, 40 callbacks and 29 estimates from 6 files; 3 rows rejected"));
  for (const char* file : {"queue.csv", "rejects.csv", "report.html"})
    EXPECT_TRUE(fs::exists(dir_ / "out1" / file)) << file;
}

TEST_F(SampleWeek, RejectsTheThreeBadRowsWithFileLineAndReason) {
  Table rejects = ReadCsv(dir_ / "out1" / "rejects.csv");
  ASSERT_EQ(rejects.size(), 3u);
  std::set<std::string> where;
  for (auto& r : rejects) where.insert(fs::path(r["file"]).filename().string() + ":" + r["line"]);
  EXPECT_EQ(where, (std::set<std::string>{"calls.csv:49", "calls.csv:61", "web-forms.csv:19"}));
  for (auto& r : rejects) EXPECT_FALSE(r["reason"].empty());
}

// The answer key made with the data: every person's one opportunity has the expected category.
TEST_F(SampleWeek, EveryPersonGetsTheExpectedCategory) {
  Table queue = ReadCsv(dir_ / "out1" / "queue.csv");
  Table expected = ReadCsv(kSource + "/examples/sample-week/expected.csv");
  ASSERT_EQ(expected.size(), 103u);
  std::map<std::string, std::vector<std::map<std::string, std::string>>> primaries;
  for (auto& row : queue)
    if (row["duplicate_of"].empty()) primaries[row["contact_key"]].push_back(row);
  int wrong = 0;
  for (auto& person : expected) {
    const std::string& c = person["contact"];
    const std::string key = (c.rfind('+', 0) == 0 ? "tel:" : "mailto:") + c;
    auto& rows = primaries[key];
    if (person["category"] == "answered") {
      EXPECT_TRUE(rows.empty()) << c << " was answered live: nothing to call back";
      continue;
    }
    ASSERT_EQ(rows.size(), 1u) << c << " (" << person["note"] << ") should be one opportunity";
    auto& row = rows.front();
    if (person["stopped"] == "1") {
      EXPECT_EQ(row["status"], "do_not_contact") << c << " " << person["note"];
      EXPECT_TRUE(row["draft"].empty()) << c;
      EXPECT_TRUE(row["owner"].empty()) << c;
    }
    if (row["category"] != person["category"]) {
      ++wrong;
      ADD_FAILURE() << c << " (" << person["note"] << "): got " << row["category"] << ", expected "
                    << person["category"] << "; reasons: " << row["reasons"];
    }
  }
  EXPECT_EQ(wrong, 0);
}

TEST_F(SampleWeek, EveryRealOpportunityHasOwnerBackupActionDeadlineAndDraft) {
  Table queue = ReadCsv(dir_ / "out1" / "queue.csv");
  int real = 0;
  for (auto& row : queue) {
    if (!row["duplicate_of"].empty() || row["status"] == "do_not_contact" || row["category"] == "spam") continue;
    ++real;
    EXPECT_FALSE(row["owner"].empty()) << row["id"];
    EXPECT_FALSE(row["backup_owner"].empty()) << row["id"];
    EXPECT_NE(row["owner"], row["backup_owner"]) << row["id"];
    EXPECT_FALSE(row["next_action"].empty()) << row["id"];
    EXPECT_FALSE(row["deadline"].empty()) << row["id"];
    if (row["status"] != "reached") {
      EXPECT_FALSE(row["draft"].empty()) << row["id"];
    }
  }
  EXPECT_EQ(real, 77);  // emergency 13, active 23, old 8, warranty 6, routine 12, unknown 15
}

TEST_F(SampleWeek, NothingIsDraftedForStopsSpamOrDuplicates) {
  for (auto& row : ReadCsv(dir_ / "out1" / "queue.csv")) {
    if (row["status"] == "do_not_contact" || row["category"] == "spam" || !row["duplicate_of"].empty()) {
      EXPECT_TRUE(row["draft"].empty()) << row["id"] << " " << row["category"];
    }
  }
}

TEST_F(SampleWeek, SecondRunOnTheSameDatabaseChangesNothing) {
  ASSERT_EQ(second_.exit_code, 0) << second_.out;
  EXPECT_EQ(Slurp(dir_ / "out1" / "queue.csv"), Slurp(dir_ / "out2" / "queue.csv"));
  EXPECT_EQ(Slurp(dir_ / "out1" / "rejects.csv"), Slurp(dir_ / "out2" / "rejects.csv"));
  EXPECT_THAT(second_.out, HasSubstr("Read 160 signals, 40 callbacks and 29 estimates"));
}

// Every sample number is in Texas (Central time): a draft may go out, and a callback falls due,
// only from 08:00 to 21:00 local, except an emergency the person reported.
TEST_F(SampleWeek, DraftsAndDeadlinesKeepQuietHours) {
  int drafts = 0;
  auto local_minute = [](const std::string& iso) {  // "2026-11-23T08:00:00-06:00"
    return std::stoi(iso.substr(11, 2)) * 60 + std::stoi(iso.substr(14, 2));
  };
  for (auto& row : ReadCsv(dir_ / "out1" / "queue.csv")) {
    if (row.at("draft").empty()) {
      EXPECT_EQ(row.at("send_after"), "") << row.at("id");
      continue;
    }
    ++drafts;
    ASSERT_FALSE(row.at("send_after").empty()) << row.at("id");
    EXPECT_GE(row.at("send_after"), std::string("2026-11-23T08:00")) << "not before the audit's as-of";
    if (row.at("category") == "emergency") continue;
    EXPECT_GE(local_minute(row.at("send_after")), 8 * 60) << row.at("id");
    EXPECT_LT(local_minute(row.at("send_after")), 21 * 60) << row.at("id");
    EXPECT_GE(local_minute(row.at("deadline")), 8 * 60) << row.at("id") << " " << row.at("deadline");
    EXPECT_LT(local_minute(row.at("deadline")), 21 * 60) << row.at("id") << " " << row.at("deadline");
  }
  EXPECT_GT(drafts, 20);
  EXPECT_THAT(Slurp(dir_ / "out1" / "report.html"), HasSubstr("send after Mon 11/23 08:00 AM"));
}

TEST_F(SampleWeek, ReportShowsCategoriesAndOwners) {
  const std::string html = Slurp(dir_ / "out1" / "report.html");
  EXPECT_THAT(html, HasSubstr("Summit Ridge Roofing &amp; Air"));
  for (const char* text : {"emergency", "active_estimate", "Who owns the next action", "Rick Hollis", "Dana Brooks"})
    EXPECT_THAT(html, HasSubstr(text));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<script")));
}

// Every draft of the sample week is written for one channel and passes the lint the golden
// drafts pass: no "Reply STOP" in an email, no text over two segments or without a way to
// stop, no unfilled field.
TEST_F(SampleWeek, EveryDraftIsForOneChannelAndPassesTheLint) {
  std::map<std::string, int> by_channel;
  for (auto& row : ReadCsv(dir_ / "out1" / "queue.csv")) {
    const std::string& draft = row.at("draft");
    if (draft.empty()) {
      EXPECT_EQ(row.at("draft_channel"), "") << row.at("id");
      continue;
    }
    const std::optional<DraftChannel> channel = ParseDraftChannel(row.at("draft_channel"));
    ASSERT_TRUE(channel.has_value()) << row.at("id") << ": \"" << row.at("draft_channel") << "\"";
    ++by_channel[row.at("draft_channel")];
    for (const LintIssue& issue : LintDraft(*channel, draft)) ADD_FAILURE() << row.at("id") << ": " << issue.message << "\n" << draft;
    if (*channel == DraftChannel::kEmail) {
      EXPECT_THAT(draft, ::testing::Not(HasSubstr("Reply STOP"))) << row.at("id");
      EXPECT_GE(BodySentences(draft), 2) << draft;
      EXPECT_LE(BodySentences(draft), 4) << draft;
    }
    if (*channel == DraftChannel::kSms) {
      EXPECT_LE(LintSms(draft).segments, 2u) << draft;
    }
    // The person wrote by email: the answer is an email (or a call, for an emergency).
    if (row.at("channel") == "email" && row.at("channels") == "email" && row.at("category") != "emergency") {
      EXPECT_EQ(row.at("draft_channel"), "email") << row.at("id");
    }
  }
  EXPECT_GT(by_channel["sms"], 20);
  EXPECT_GT(by_channel["email"], 10);
  EXPECT_GT(by_channel["call"], 2);
}

// Helen said yes to Estimate #3897 and asked two questions: her draft is an email that answers
// that, not a "still want a quote?" text. José wrote in Spanish: his draft is in Spanish.
TEST_F(SampleWeek, DraftsAnswerWhatThePersonAsked) {
  std::map<std::string, std::map<std::string, std::string>> by_contact;
  for (auto& row : ReadCsv(dir_ / "out1" / "queue.csv"))
    if (row.at("duplicate_of").empty()) by_contact[row.at("contact_key")] = row;
  const auto& helen = by_contact["mailto:helen.sato@example.org"];
  EXPECT_EQ(helen.at("draft_channel"), "email");
  EXPECT_THAT(helen.at("draft"), HasSubstr("Subject: Re: Estimate #3897 from Summit Ridge Roofing & Air\n\nHi Helen,"));
  EXPECT_THAT(helen.at("draft"), HasSubstr("go ahead with Estimate #3897 (roof replacement)"));
  EXPECT_THAT(helen.at("draft"), HasSubstr("the start date and the deposit"));
  EXPECT_THAT(helen.at("draft"), HasSubstr("(512) 555-0100"));
  EXPECT_THAT(helen.at("draft"), ::testing::Not(HasSubstr("STOP")));
  const auto& jose = by_contact["mailto:jose.ramirez@example.net"];
  EXPECT_THAT(jose.at("draft"), HasSubstr("Hola José,"));
  EXPECT_THAT(jose.at("draft"), HasSubstr("no me interesa"));
}

// The heat map's cells, recounted from queue.csv alone: each row received in the week is one
// contact in its local weekday and hour; a real opportunity that went overdue, was escalated or
// was first attempted after its deadline is one lost.
TEST_F(SampleWeek, TheHeatMapCountsWhatQueueCsvSays) {
  int in[7][24] = {}, lost[7][24] = {};
  const std::set<std::string> real = {"emergency", "active_estimate", "old_estimate", "warranty", "routine", "unknown"};
  for (auto& row : ReadCsv(dir_ / "out1" / "queue.csv")) {
    const std::string& at = row.at("received_at");  // local: "2026-11-19T07:42:00-06:00"
    const std::chrono::year_month_day date{std::chrono::year{std::stoi(at.substr(0, 4))},
                                           std::chrono::month{static_cast<unsigned>(std::stoi(at.substr(5, 2)))},
                                           std::chrono::day{static_cast<unsigned>(std::stoi(at.substr(8, 2)))}};
    const auto day = (std::chrono::sys_days{date} - std::chrono::sys_days{std::chrono::year{2026} / 11 / 16}).count();
    if (day < 0 || day > 6) continue;
    const int hour = std::stoi(at.substr(11, 2));
    ++in[day][hour];
    const bool primary = row.at("duplicate_of").empty() && real.count(row.at("category")) &&
                         row.at("status") != "do_not_contact" && row.at("status") != "closed";
    const bool late = !row.at("first_attempt_at").empty() && !row.at("deadline").empty() &&
                      *ParseUtc(row.at("first_attempt_at")) > *ParseUtc(row.at("deadline"));
    if (primary && (row.at("status") == "overdue" || row.at("escalations") != "0" || late)) ++lost[day][hour];
  }
  const std::string html = Slurp(dir_ / "out1" / "report.html");
  int cells = 0, total_in = 0, total_lost = 0;
  for (std::size_t at = html.find("<td data-day=\""); at != std::string::npos; at = html.find("<td data-day=\"", at + 1)) {
    int d = -1, h = -1, n = -1, l = -1;
    ASSERT_EQ(std::sscanf(html.c_str() + at, "<td data-day=\"%d\" data-hour=\"%d\" data-in=\"%d\" data-lost=\"%d\"", &d, &h, &n, &l), 4);
    ASSERT_TRUE(d >= 0 && d < 7 && h >= 0 && h < 24);
    EXPECT_EQ(n, in[d][h]) << "day " << d << " hour " << h;
    EXPECT_EQ(l, lost[d][h]) << "day " << d << " hour " << h;
    ++cells, total_in += n, total_lost += l;
  }
  EXPECT_EQ(cells, 7 * 24);
  EXPECT_EQ(total_in, 148);
  EXPECT_GT(total_lost, 0);
  EXPECT_THAT(html, HasSubstr("<svg class=\"heatmap-grid\" role=\"img\""));
  EXPECT_THAT(html, HasSubstr(std::to_string(total_in) + " inbound contacts, " + std::to_string(total_lost) + " missed or answered late"));
}

TEST_F(SampleWeek, TheReportShowsEachDraftsChannel) {
  const std::string html = Slurp(dir_ / "out1" / "report.html");
  for (const char* label : {"<b>Draft (text message), send after", "<b>Draft (email), send after", "<b>Draft (call script), send after"})
    EXPECT_THAT(html, HasSubstr(label));
}

// The first week has no week before it: "no data", not zeros and "+148"; and every day of the
// plan points at a section the report has.
TEST_F(SampleWeek, NoDataForAnEmptyWeekAndThePlanPointsAtRealSections) {
  const std::string html = Slurp(dir_ / "out1" / "report.html");
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">148</td><td class=\"num\">no data</td><td class=\"num change\"></td>"));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("+148")));
  EXPECT_THAT(html, HasSubstr("No signals were imported for 2026-W46"));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("see above")));
  int links = 0;
  const std::size_t plan = html.find("id=\"plan\"");
  ASSERT_NE(plan, std::string::npos);
  for (std::size_t at = html.find("<a href=\"#", plan); at != std::string::npos; at = html.find("<a href=\"#", at + 1)) {
    const std::size_t begin = at + 10, end = html.find('"', begin);
    const std::string id = html.substr(begin, end - begin);
    EXPECT_NE(html.find("id=\"" + id + "\""), std::string::npos) << "the plan points at #" << id;
    ++links;
  }
  EXPECT_EQ(links, 7);
}

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ringback-bad-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Config() const { return " --config " + kSource + "/config/company.example.toml --as-of 2026-11-23T08:00"; }
  fs::path dir_;
};

TEST_F(BadInput, MissingFileIsNamedAndTheGoodFilesStillImport) {
  RunResult run = Ringback("audit " + (dir_ / "nope.csv").string() + " " + kSource +
                     "/tests/fixtures/bad-input/calls-broken.csv" + Config() + " --out " + (dir_ / "out").string());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("nope.csv"));
  EXPECT_THAT(run.out, HasSubstr("no such file"));
  Table queue = ReadCsv(dir_ / "out" / "queue.csv");
  EXPECT_EQ(queue.size(), 2u);  // the two good missed calls
}

TEST_F(BadInput, BrokenQuoteAndNoPhoneAreRejectedWithLineAndReason) {
  RunResult run = Ringback("audit " + kSource + "/tests/fixtures/bad-input/calls-broken.csv" + Config() + " --out " +
                     (dir_ / "out").string());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  Table rejects = ReadCsv(dir_ / "out" / "rejects.csv");
  ASSERT_EQ(rejects.size(), 2u) << run.out;
  EXPECT_EQ(rejects[0]["line"], "3");
  EXPECT_THAT(rejects[0]["reason"], HasSubstr("quote"));
  EXPECT_EQ(rejects[1]["line"], "4");
  EXPECT_THAT(rejects[1]["reason"], HasSubstr("Anonymous"));
  Table queue = ReadCsv(dir_ / "out" / "queue.csv");
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_THAT(queue[0]["contact"] + queue[1]["contact"], HasSubstr("(512) 555-0187"));
}

TEST_F(BadInput, UnreadableFileIsAClearError) {
  const fs::path locked = dir_ / "locked.csv";
  std::ofstream(locked) << "Start Time,From\n";
  fs::permissions(locked, fs::perms::none);
  RunResult run = Ringback("audit " + locked.string() + Config() + " --out " + (dir_ / "out").string());
  fs::permissions(locked, fs::perms::owner_all);
  if (getuid() == 0) GTEST_SKIP() << "root reads any file";
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("locked.csv:0: cannot read the file"));
}

TEST_F(BadInput, UsageErrorsExitTwo) {
  EXPECT_EQ(Ringback("audit").exit_code, 2);
  EXPECT_EQ(Ringback("no-such-command").exit_code, 2);
  RunResult run = Ringback("audit x.csv");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("--config"));
}

TEST_F(BadInput, MissingConfigIsFatalWithAMessage) {
  RunResult run = Ringback("audit x.csv --config " + (dir_ / "none.toml").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("none.toml"));
}

}  // namespace
}  // namespace ringback
