// End-to-end: the real `ringback` binary on the bundled sample week and on bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "e2e_support.h"

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
           "/config/company.example.toml --as-of 2026-11-23T08:00 --db " + (dir_ / "week.db").string() +
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
