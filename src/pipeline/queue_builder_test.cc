// The queue as the office sees it: one person across channels is one opportunity.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_loader.h"
#include "pipeline/audit.h"
#include "pipeline/store_sink.h"

namespace ringback {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class QueueBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<CompanyConfig> loaded = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
    ASSERT_TRUE(loaded.ok());
    config_ = *loaded;
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(":memory:");
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    result_.as_of = *ParseUtc("2026-11-23T14:00:00Z");
  }

  void Add(std::string id, Channel channel, const char* utc, std::string phone, std::string email, std::string text) {
    Signal s;
    s.id = std::move(id);
    s.channel = channel;
    s.received_at = *ParseUtc(utc);
    s.phone = phone;
    s.phone_raw = phone;
    s.email = std::move(email);
    s.text = std::move(text);
    StoreSink sink(*store_);
    ASSERT_TRUE(sink.OnSignal(s).ok());
  }

  std::vector<Opportunity> Queue() {
    EXPECT_TRUE(RebuildQueue(*store_, config_, options_, result_).ok());
    std::vector<Opportunity> rows;
    EXPECT_TRUE(store_->ForEachOpportunity([&](const Opportunity& o) { rows.push_back(o); return Status::Ok(); }).ok());
    return rows;
  }

  CompanyConfig config_;
  std::unique_ptr<Store> store_;
  AuditOptions options_;
  AuditResult result_;
};

TEST_F(QueueBuilderTest, CallFormAndEmailOfOnePersonAreOneOpportunityWithEveryChannel) {
  Add("c1", Channel::kCall, "2026-11-17T15:00:00Z", "+15125550146", "", "");
  Add("f1", Channel::kForm, "2026-11-17T16:00:00Z", "+15125550146", "denise@example.net",
      "Need a quote to replace our roof");
  Add("e1", Channel::kEmail, "2026-11-18T16:00:00Z", "", "denise@example.net", "Any update on the roof quote?");
  std::vector<Opportunity> rows = Queue();
  ASSERT_EQ(rows.size(), 3u);
  int primaries = 0;
  for (const Opportunity& o : rows) {
    EXPECT_EQ(o.contact_key, "tel:+15125550146");
    if (!o.duplicate_of.empty()) continue;
    ++primaries;
    EXPECT_EQ(o.category, Category::kActiveEstimate);
    EXPECT_EQ(o.channels, (std::vector<Channel>{Channel::kCall, Channel::kForm, Channel::kEmail}));
    EXPECT_FALSE(o.owner.empty());
  }
  EXPECT_EQ(primaries, 1);
}

TEST_F(QueueBuilderTest, EmailFirstThenFormWithBothHandlesStillLinks) {
  Add("e1", Channel::kEmail, "2026-11-17T15:00:00Z", "", "sam@example.org", "Do you service Round Rock?");
  Add("f1", Channel::kForm, "2026-11-17T18:00:00Z", "+15125550190", "sam@example.org", "Do you service Round Rock?");
  std::vector<Opportunity> rows = Queue();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].contact_key, rows[1].contact_key);
}

TEST_F(QueueBuilderTest, InvalidNumberIsKeptAsWrittenAndFlagged) {
  Signal s;
  s.id = "bad1";
  s.channel = Channel::kCall;
  s.received_at = *ParseUtc("2026-11-17T15:00:00Z");
  s.phone_raw = "+1 (555) 123-4567";
  StoreSink sink(*store_);
  ASSERT_TRUE(sink.OnSignal(s).ok());
  std::vector<Opportunity> rows = Queue();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].contact_key, "raw:15551234567");
  std::string reasons;
  for (const std::string& r : rows[0].reasons) reasons += r + "\n";
  EXPECT_THAT(reasons, HasSubstr("not a valid number"));
}

TEST_F(QueueBuilderTest, DeadlinePassedWithoutAttemptEscalatesToTheBackupWithATimelineEvent) {
  Add("r1", Channel::kSms, "2026-11-17T15:00:00Z", "+15125550191", "", "Do you service Round Rock?");
  std::vector<Opportunity> rows = Queue();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_GE(rows[0].escalations, 1);
  StatusOr<std::vector<TimelineEvent>> events = store_->EventsFor(rows[0].id);
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->front().kind, "escalated");
  EXPECT_THAT(events->front().detail, HasSubstr("moved from"));
  EXPECT_NE(rows[0].owner, rows[0].backup_owner);
}

TEST_F(QueueBuilderTest, AnsweredCallAfterTheRequestCountsAsReached) {
  Add("v1", Channel::kVoicemail, "2026-11-17T15:00:00Z", "+15125550192", "", "Need a quote for gutters and roof");
  Signal answered;
  answered.id = "a1";
  answered.channel = Channel::kCall;
  answered.answered = true;
  answered.received_at = *ParseUtc("2026-11-17T16:00:00Z");
  answered.phone = "+15125550192";
  StoreSink sink(*store_);
  ASSERT_TRUE(sink.OnSignal(answered).ok());
  std::vector<Opportunity> rows = Queue();
  ASSERT_EQ(rows.size(), 1u) << "an answered call is not a callback to make";
  EXPECT_EQ(rows[0].status, OpportunityStatus::kReached);
  EXPECT_TRUE(rows[0].draft.empty());
}

}  // namespace
}  // namespace ringback
