// End-to-end: `ringback review` and `ringback outcome` on the audited sample week. The review's
// figures are checked against queue.csv counted independently here, outcomes recorded by a
// person show in the next review, the workbook opens in LibreOffice with the same numbers as
// review.csv, and a sanitized review names nobody.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "e2e_support.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using e2e::kSource;
using e2e::ReadCsv;
using e2e::Ringback;
using e2e::RunResult;
using e2e::Slurp;
using e2e::Table;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kConfig = " --config " + kSource + "/config/company.example.toml";

class Review : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ringback-review-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    const RunResult audit = Ringback("audit " + kSource + "/examples/sample-week/exports" + kConfig +
                                     " --as-of 2026-11-23T08:00 --db " + Db() + " --out " + Path("audit"));
    ASSERT_EQ(audit.exit_code, 0) << audit.out;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return e2e::DbArg(dir_ / "week.db"); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  RunResult RunReview(const std::string& out, const std::string& extra = "") const {
    return Ringback("review --db " + Db() + kConfig + " --week 2026-W47 --as-of 2026-11-23T08:00 --out " + Path(out) +
                    " " + extra);
  }

  // review.csv as metric -> this week's value.
  std::map<std::string, double> Figures(const std::string& out) const {
    std::map<std::string, double> f;
    for (const auto& row : ReadCsv(dir_ / out / "review.csv")) f[row.at("metric")] = std::stod(row.at("this_week"));
    return f;
  }

  fs::path dir_;
};

bool IsRealCategory(const std::string& c) {
  return c == "emergency" || c == "active_estimate" || c == "old_estimate" || c == "warranty" || c == "routine" ||
         c == "unknown";
}

TEST_F(Review, FiguresAgreeWithTheQueue) {
  const RunResult run = RunReview("r");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("Week 2026-W47: 77 real opportunities"));
  for (const char* file : {"report.html", "review.xlsx", "review.csv", "queue.csv"})
    EXPECT_TRUE(fs::exists(dir_ / "r" / file)) << file;
  // Count the queue by hand: real rows, attempts before the deadline, overdue, spam, duplicates.
  const Table queue = ReadCsv(dir_ / "r" / "queue.csv");
  int real = 0, within = 0, attempted = 0, overdue = 0, spam = 0, duplicates = 0;
  for (const auto& row : queue) {
    if (!row.at("duplicate_of").empty()) {
      ++duplicates;
      continue;
    }
    if (row.at("category") == "spam") ++spam;
    if (!IsRealCategory(row.at("category")) || row.at("status") == "do_not_contact") continue;
    ++real;
    overdue += row.at("status") == "overdue";
    if (row.at("first_attempt_at").empty()) continue;
    ++attempted;  // ISO local times with the same offset compare as text within one week
    // An escalated row's deadline is its backup's: its own was missed.
    within += row.at("escalations") == "0" && row.at("first_attempt_at") <= row.at("deadline");
  }
  const auto f = Figures("r");
  EXPECT_EQ(f.at("real opportunities"), real);
  EXPECT_EQ(real, 77);  // examples/sample-week/expected.csv
  EXPECT_EQ(f.at("attempted"), attempted);
  EXPECT_EQ(f.at("attempted within SLA"), within);
  EXPECT_EQ(f.at("overdue"), overdue);
  EXPECT_EQ(f.at("spam"), spam);
  EXPECT_EQ(f.at("duplicates"), duplicates);
  EXPECT_NEAR(f.at("share attempted within SLA"), std::round(100.0 * within / real) / 100, 0.005);
  const std::string html = Slurp(dir_ / "r" / "report.html");
  for (const char* section : {"The week in figures: 2026-W47", "Time to first attempt", "Where the handoff failed",
                              "What the leak costs", "Old estimate recovery", "The seven-day plan", "<svg"})
    EXPECT_THAT(html, HasSubstr(section));
  EXPECT_THAT(html, Not(HasSubstr("<script"))) << "the report is self-contained and static";
  EXPECT_THAT(html, Not(HasSubstr("http"))) << "no external assets";
}

TEST_F(Review, OutcomesRecordedByAPersonShowInTheNextReview) {
  const Table queue = ReadCsv(dir_ / "audit" / "queue.csv");
  std::vector<std::string> open;
  for (const auto& row : queue)
    if (row.at("duplicate_of").empty() && row.at("status") == "overdue" && row.at("category") == "active_estimate")
      open.push_back(row.at("id"));
  ASSERT_GE(open.size(), 3u);
  RunResult r = Ringback("outcome " + open[0] + " booked --db " + Db() + kConfig +
                         " --at 2026-11-20T10:00 --actor Dana --note \"roof replacement, deposit taken\"");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Recorded booked for " + open[0]));
  // The same outcome again changes nothing.
  ASSERT_EQ(Ringback("outcome " + open[0] + " booked --db " + Db() + kConfig + " --at 2026-11-20T10:00").exit_code, 0);
  // A CSV of outcomes: one good row, one unknown outcome, one unknown id.
  const std::string csv = Path("outcomes.csv");
  std::ofstream(csv) << "id,outcome,at,actor,note\n"
                     << open[1] << ",not a fit,2026-11-20T11:00,Rick,wants a metal roof we don't do\n"
                     << open[2] << ",maybe,2026-11-20T11:00,Rick,\n"
                     << "R-0000000000,booked,2026-11-20T11:00,Rick,\n";
  r = Ringback("outcome --import " + csv + " --db " + Db() + kConfig);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("Recorded 1 outcomes"));
  EXPECT_THAT(r.out, HasSubstr("outcomes.csv:3: outcome: \"maybe\" is not one of"));
  EXPECT_THAT(r.out, HasSubstr("outcomes.csv:4: id: no opportunity \"R-0000000000\""));

  ASSERT_EQ(RunReview("after").exit_code, 0);
  const auto f = Figures("after");
  EXPECT_EQ(f.at("booked"), 1);
  EXPECT_EQ(f.at("not a fit"), 1);
  const Table outcomes_queue = ReadCsv(dir_ / "after" / "queue.csv");
  const auto row = std::find_if(outcomes_queue.begin(), outcomes_queue.end(),
                                [&](const auto& q) { return q.at("id") == open[0]; });
  ASSERT_NE(row, outcomes_queue.end());
  EXPECT_EQ(row->at("status"), "reached");
}

TEST_F(Review, AStopOutcomeStopsTheContactEverywhere) {
  const Table queue = ReadCsv(dir_ / "audit" / "queue.csv");
  const auto open = std::find_if(queue.begin(), queue.end(), [](const auto& q) {
    return q.at("duplicate_of").empty() && q.at("status") == "overdue" && !q.at("draft").empty();
  });
  ASSERT_NE(open, queue.end());
  const RunResult r = Ringback("outcome " + open->at("id") + " do_not_contact --db " + Db() + kConfig +
                               " --at 2026-11-23T07:00 --note \"said never call again\"");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ASSERT_EQ(RunReview("after").exit_code, 0);
  for (const auto& q : ReadCsv(dir_ / "after" / "queue.csv")) {
    if (q.at("contact_key") != open->at("contact_key")) continue;
    EXPECT_EQ(q.at("draft"), "") << q.at("id");
    EXPECT_EQ(q.at("next_action"), "") << q.at("id");
  }
  // The audit wrote the same week's review before the outcome.
  EXPECT_EQ(Figures("after").at("stopped (do not contact)"), Figures("audit").at("stopped (do not contact)") + 1);
}

TEST_F(Review, BadUsageAndMissingThingsAreClear) {
  RunResult r = Ringback("review --db " + Db() + kConfig + " --week 2026-47");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("not an ISO week: \"2026-47\" (write it like 2026-W47)"));
  r = Ringback("review --db " + e2e::DbArg(Path("nothing.db")) + kConfig);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("run `ringback audit"));
  EXPECT_FALSE(e2e::DbExists(Path("nothing.db"))) << "a missing database is never created empty";
  r = Ringback("outcome R-1 won --db " + Db() + kConfig);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("\"won\" is not an outcome"));
  r = Ringback("outcome R-0000000000 booked --db " + Db() + kConfig);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("no opportunity \"R-0000000000\""));
}

// Every command the README documents is reachable through the binary, not only as a function.
TEST_F(Review, EveryDocumentedCommandAnswers) {
  const std::string db = " --db " + Db() + kConfig;
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"queue" + db + " --overdue --as-of 2026-11-23T08:00", "OVERDUE"},
      {"queue" + db + " --json --as-of 2026-11-23T08:00", "\"next_action\""},
      {"ical" + db + " --owner \"Rick Hollis\" --as-of 2026-11-23T08:00", "BEGIN:VCALENDAR"},
      {"contacts --db " + Db(), "asked to stop"},
      {"stop list" + db, "tel:+1"},
      {"templates check" + kConfig, "sms.emergency"},
      {"inspect " + kSource + "/examples/sample-week/exports/calls.csv", "Columns:"},
      {"leak --missed emergency=2,active_estimate=3 --booking-rate 0.5 --job-value 1000", "total                  5                                $2,500"},
      {"response-time --delay 30m", "30m"},
      {"recover --estimates " + kSource + "/examples/sample-week/exports/estimates.csv" + kConfig +
           " --as-of 2026-11-23T08:00 --out " + Path("recover"),
       "recovery.csv"},
  };
  for (const auto& [args, expected] : commands) {
    const RunResult r = Ringback(args);
    EXPECT_EQ(r.exit_code, 0) << "ringback " << args << "\n" << r.out;
    EXPECT_THAT(r.out, HasSubstr(expected)) << "ringback " << args;
  }
}

// Every name, email and phone of a buyer in the sample week, in the forms a report could show.
std::vector<std::string> PrivateData() {
  std::vector<std::string> out;
  for (const auto& row : ReadCsv(kSource + "/examples/sample-week/expected.csv")) {
    const std::string& contact = row.at("contact");
    const std::string& name = row.at("name");
    if (contact.rfind("+1", 0) == 0) {
      const std::string d = contact.substr(2);  // 5125550142
      out.push_back(contact);
      out.push_back(d.substr(0, 3) + ") " + d.substr(3, 3) + "-" + d.substr(6));
      out.push_back(d.substr(0, 3) + "-" + d.substr(3, 3) + "-" + d.substr(6));
    } else {
      out.push_back(contact);
    }
    // A person's name; the spam senders' "names" are company names and stay.
    if (!name.empty() && row.at("category") != "spam") out.push_back(name);
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The secrets found in `text` (lower case).
std::vector<std::string> Leaked(const std::string& text, const std::vector<std::string>& secrets) {
  std::vector<std::string> found;
  for (const std::string& s : secrets)
    if (text.find(Lower(s)) != std::string::npos) found.push_back(s);
  return found;
}

TEST_F(Review, ASanitizedReviewNamesNobody) {
  ASSERT_EQ(RunReview("shared", "--sanitize").exit_code, 0);
  // The workbook is zipped XML: read it as CSV through LibreOffice where it is installed, and
  // the HTML and CSV as they are.
  std::string text = Lower(Slurp(dir_ / "shared" / "report.html") + Slurp(dir_ / "shared" / "queue.csv") +
                           Slurp(dir_ / "shared" / "review.csv"));
  const std::vector<std::string> secrets = PrivateData();
  ASSERT_GT(secrets.size(), 150u);
  EXPECT_THAT(Leaked(text, secrets), ::testing::IsEmpty()) << "in report.html, queue.csv or review.csv";
  const e2e::RunResult unzip = e2e::Shell("python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                                          "[sys.stdout.write(z.read(n).decode()) for n in z.namelist()]\" " +
                                          (dir_ / "shared" / "review.xlsx").string());
  ASSERT_EQ(unzip.exit_code, 0) << unzip.out;
  const std::string workbook = Lower(unzip.out);
  EXPECT_THAT(workbook, HasSubstr("sharedstrings"));
  EXPECT_THAT(Leaked(workbook, secrets), ::testing::IsEmpty()) << "in review.xlsx";
}

// LibreOffice reads the Summary sheet with the numbers of review.csv.
TEST_F(Review, TheWorkbookOpensInLibreOfficeWithTheSameNumbers) {
  // A fresh machine has no LibreOffice: scripts/setup installs it, and a missing one is a failure.
  ASSERT_EQ(e2e::Shell("command -v soffice").exit_code, 0) << "LibreOffice is not installed (scripts/setup installs it)";
  ASSERT_EQ(RunReview("r").exit_code, 0);
  const fs::path converted = dir_ / "lo";
  const RunResult lo = e2e::Shell("cd " + dir_.string() + " && HOME=" + dir_.string() +
                                  " timeout 120 soffice --headless --norestore --convert-to csv --outdir " +
                                  converted.string() + " " + (dir_ / "r" / "review.xlsx").string());
  ASSERT_EQ(lo.exit_code, 0) << lo.out;
  const Table summary = ReadCsv(converted / "review.csv");
  const Table csv = ReadCsv(dir_ / "r" / "review.csv");
  ASSERT_EQ(summary.size(), csv.size());
  auto number = [](std::string text) {
    text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '$' || c == ','; }), text.end());
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text.pop_back();
    return std::stod(text) / (percent ? 100.0 : 1.0);
  };
  for (std::size_t i = 0; i < csv.size(); ++i) {
    std::string metric = csv[i].at("metric");
    const bool seconds = metric.size() > 10 && metric.compare(metric.size() - 10, 10, " (seconds)") == 0;
    if (seconds) metric.resize(metric.size() - 10);  // the sheet gives hours
    const auto& sheet = summary[i];
    EXPECT_THAT(sheet.at("Metric"), HasSubstr(metric));
    const std::string this_week = std::find_if(sheet.begin(), sheet.end(), [](const auto& kv) {
                                    return kv.first.rfind("This week", 0) == 0;
                                  })->second;
    const double expected = std::stod(csv[i].at("this_week")) / (seconds ? 3600.0 : 1.0);
    EXPECT_NEAR(number(this_week), expected, 0.01 + std::fabs(expected) * 0.001) << metric;
  }
}

}  // namespace
}  // namespace ringback
