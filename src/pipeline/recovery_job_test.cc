// Old estimate recovery over a fixture export with every exclusion reason.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "assign/assigner.h"
#include "config/config_loader.h"
#include "pipeline/audit.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace fs = std::filesystem;

const std::string kFixtures = std::string(RINGBACK_SOURCE_DIR) + "/tests/fixtures/recovery/";

class RecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<CompanyConfig> loaded = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
    ASSERT_TRUE(loaded.ok());
    config_ = *loaded;
    db_ = (fs::temp_directory_path() / ("ringback-recovery-" + std::to_string(getpid()) + ".db")).string();
    fs::remove(db_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }

  std::map<std::string, RecoveryItem> Run(std::vector<std::string> files, int per_day = 5) {
    AuditOptions options;
    for (const std::string& f : files) options.inputs.push_back(kFixtures + f);
    options.db_path = db_;
    options.as_of = *ParseUtc("2026-11-23T14:00:00Z");  // Monday 08:00 in Austin
    options.recovery.per_owner_per_day = per_day;
    StatusOr<AuditResult> result = RunAudit(config_, options);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    std::map<std::string, RecoveryItem> items;
    if (!result.ok() || !result->recovery) return items;
    // The plan again over the audit's database, each quote as the plan streams it.
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(db_);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return items;
    int follow_ups = 0;
    StatusOr<RecoveryRun> run = PlanRecoveryFromStore(
        **store, config_, RecoveryOptionsFor(config_, options.recovery), *options.as_of, false, nullptr,
        [&](const RecoveryItem& item) {
          items[item.estimate.number] = item;
          follow_ups += item.decision == RecoveryDecision::kFollowUp;
          return Status::Ok();
        });
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    if (run.ok()) {
      EXPECT_EQ(run->plan.follow_ups, follow_ups) << "the totals count what was streamed";
      EXPECT_EQ(run->plan.follow_ups, result->recovery->plan.follow_ups) << "the same plan as the audit's";
    }
    return items;
  }

  CompanyConfig config_;
  std::string db_;
};

TEST_F(RecoveryTest, EachQuoteIsDecidedForTheRightReason) {
  auto items = Run({"estimates.csv", "sms.csv", "calls.csv"});
  ASSERT_EQ(items.size(), 18u);
  const std::map<std::string, std::string> excluded = {
      {"1003", "asked to stop on 2026-11-18"},
      {"1004", "already sold"},
      {"1005", "declined: not interested"},
      {"1006", "closed (archived)"},
      {"1007", "a newer quote exists"},
      {"1009", "already in the callback queue"},
      {"1010", "reached on 2026-11-10"},
      {"1011", "too recent"},
      {"1012", "older than the maximum age"},
      {"1013", "never sent"},
      {"1018", "asked to stop on 2026-11-19"},
  };
  for (const auto& [number, why] : excluded) {
    const RecoveryItem& item = items[number];
    EXPECT_EQ(item.decision, RecoveryDecision::kExcluded) << number;
    ASSERT_FALSE(item.reasons.empty()) << number;
    EXPECT_THAT(item.reasons.front(), StartsWith(why)) << number;
    EXPECT_TRUE(item.draft.empty()) << number;
    EXPECT_TRUE(item.owner.empty()) << number;
  }
  EXPECT_EQ(items["1002"].decision, RecoveryDecision::kNeedsConsentCheck);
  EXPECT_TRUE(items["1002"].draft.empty()) << "no call script before consent is checked";
  for (const char* number : {"1001", "1008", "1014", "1015", "1016", "1017"}) {
    EXPECT_EQ(items[number].decision, RecoveryDecision::kFollowUp) << number;
    EXPECT_EQ(items[number].owner, "Rick Hollis") << number << ": the estimator who wrote it";
    EXPECT_FALSE(items[number].backup_owner.empty());
    EXPECT_NE(items[number].backup_owner, items[number].owner);
    EXPECT_THAT(items[number].draft, HasSubstr("not interested")) << "easy to decline";
  }
}

TEST_F(RecoveryTest, RankedByExpectedValue) {
  auto items = Run({"estimates.csv", "sms.csv", "calls.csv"});
  // 1008: $12,000 at 44 days (12%) outranks 1001: $8,000 at 53 days.
  EXPECT_EQ(items["1008"].expected_value_cents, 144000);
  EXPECT_EQ(items["1001"].expected_value_cents, 96000);
}

TEST_F(RecoveryTest, DeadlinesAreSpreadOverBusinessDaysWithinBusinessHours) {
  auto items = Run({"estimates.csv", "sms.csv", "calls.csv"}, /*per_day=*/2);
  std::map<std::string, int> per_day;
  for (const char* number : {"1001", "1008", "1014", "1015", "1016", "1017"}) {
    ASSERT_TRUE(items[number].deadline) << number;
    const Timestamp due = *items[number].deadline;  // inside hours, or exactly at closing time
    EXPECT_TRUE(IsBusinessTime(config_, due) || IsBusinessTime(config_, due - std::chrono::minutes(1))) << number;
    ++per_day[FormatLocal(*items[number].deadline, config_.time_zone, "%F")];
  }
  EXPECT_EQ(per_day.size(), 3u) << "six follow-ups at two a day take three business days";
  for (const auto& [day, n] : per_day) EXPECT_LE(n, 2) << day;
}

TEST_F(RecoveryTest, NotInterestedNeverComesBackAcrossReimports) {
  auto first = Run({"estimates.csv", "sms.csv", "calls.csv"});
  EXPECT_EQ(first["1018"].decision, RecoveryDecision::kExcluded);
  auto again = Run({"estimates.csv", "sms.csv", "calls.csv", "reimport/estimates-later.csv"});
  EXPECT_EQ(again["1018"].decision, RecoveryDecision::kExcluded);
  EXPECT_EQ(again["1019"].decision, RecoveryDecision::kExcluded) << "a newer quote to the same person is still a stop";
  EXPECT_THAT(again["1019"].reasons.front(), StartsWith("asked to stop"));
}

TEST_F(RecoveryTest, AContactWhoRefusedTextsGetsACallScript) {
  // An old quote whose contact wrote, months ago, that texts do not reach them: the follow-up
  // is a call script, and the reasons say why. (A store built by hand: no queue, so nothing open.)
  StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(db_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Estimate e;
  e.id = "est-1";
  e.number = "2001";
  e.name = "Ann Follow";
  e.phone = "+15125550111";
  e.estimator = "Rick Hollis";
  e.trade = "Roof Repair";
  e.status = "awaiting response";
  e.total_cents = 800000;
  e.sent_at = *ParseUtc("2026-10-01T15:00:00Z");
  ASSERT_TRUE((*store)->PutEstimate(e, nullptr).ok());
  Signal s;
  s.id = "sms-1";
  s.channel = Channel::kSms;
  s.received_at = *ParseUtc("2026-10-02T15:00:00Z");
  s.phone = e.phone;
  s.text = "Got the roof quote, thanks. I do not read texts, please call instead.";
  s.source = {"sms.csv", 2};
  ASSERT_TRUE((*store)->PutSignal(s, "tel:" + e.phone, nullptr).ok());
  ASSERT_TRUE((*store)->LinkHandles({"tel:" + e.phone}).ok());
  RecoveryItem got;
  StatusOr<RecoveryRun> run = PlanRecoveryFromStore(**store, config_, RecoveryOptions{}, *ParseUtc("2026-11-23T14:00:00Z"),
                                                    false, nullptr, [&](const RecoveryItem& item) {
                                                      got = item;
                                                      return Status::Ok();
                                                    });
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(got.decision, RecoveryDecision::kFollowUp);
  EXPECT_EQ(got.draft_channel, "call");
  EXPECT_THAT(got.reasons.back(), HasSubstr("follow-up by call"));
  EXPECT_THAT(got.draft, HasSubstr("2001"));
}

TEST(ParseAge, AcceptsDaysWeeksMonthsYears) {
  EXPECT_EQ(*ParseAge("30d"), Seconds(std::chrono::days(30)));
  EXPECT_EQ(*ParseAge("2w"), Seconds(std::chrono::days(14)));
  EXPECT_EQ(*ParseAge("18mo"), Seconds(std::chrono::days(549)));
  EXPECT_EQ(*ParseAge("1y"), Seconds(std::chrono::days(365)));
  EXPECT_FALSE(ParseAge("30").ok());
  EXPECT_FALSE(ParseAge("soon").ok());
}

TEST(RecoveryOptionsFor, TheCompanysReopenRatesDecideTheExpectedValue) {
  StatusOr<CompanyConfig> config = ParseConfig(R"(
[company]
name = "Test"
time_zone = "America/Chicago"
[hours]
mon = "08:00-17:00"
[[team]]
name = "Rick Hollis"
role = "estimator"
[recovery]
reopen_rates = [{ max_age_days = 60, rate = 0.2 }, { max_age_days = 400, rate = 0.1 }]
)", "company.toml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const RecoveryOptions options = RecoveryOptionsFor(*config, RecoveryOptions{});
  ASSERT_EQ(options.bands.size(), 3u);
  EXPECT_EQ(options.bands[0].max_age_days, 60);
  EXPECT_DOUBLE_EQ(options.bands[0].rate, 0.2);
  EXPECT_EQ(options.bands[1].label, "61–400 days");
  EXPECT_DOUBLE_EQ(options.bands[2].rate, 0.0) << "older than the last band";
  // Without [recovery] the built-in bands stay.
  CompanyConfig plain;
  EXPECT_EQ(RecoveryOptionsFor(plain, RecoveryOptions{}).bands.size(), RecoveryOptions::DefaultBands().size());
  // Bands out of order are an error naming the key.
  StatusOr<CompanyConfig> bad = ParseConfig(R"(
[company]
name = "Test"
[hours]
mon = "08:00-17:00"
[[team]]
name = "Rick Hollis"
role = "estimator"
[recovery]
reopen_rates = [{ max_age_days = 400, rate = 0.1 }, { max_age_days = 60, rate = 0.2 }]
)", "company.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), ::testing::HasSubstr("recovery.reopen_rates: bands must be in ascending"));
}

}  // namespace
}  // namespace ringback
