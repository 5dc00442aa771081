// The queue rebuilt through the store: handles linked at import make one contact, and the
// batched rebuild is stable. The queue's rules themselves are tested as data files in
// tests/cases/queue (src/queue/queue_cases_test.cc).
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

TEST_F(QueueBuilderTest, EmailFirstThenFormWithBothHandlesStillLinks) {
  Add("e1", Channel::kEmail, "2026-11-17T15:00:00Z", "", "sam@example.org", "Do you service Round Rock?");
  Add("f1", Channel::kForm, "2026-11-17T18:00:00Z", "+15125550190", "sam@example.org", "Do you service Round Rock?");
  std::vector<Opportunity> rows = Queue();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].contact_key, rows[1].contact_key);
}

// Six hundred contacts go through the rebuild in several batches, classified on two threads:
// each gets its own category (stops stay stops), and a second rebuild gives the same queue.
TEST_F(QueueBuilderTest, RebuildIsStableAcrossBatchesAndThreads) {
  for (int i = 0; i < 600; ++i) {
    const std::string phone = "+1512555" + std::to_string(1000 + i);
    Add("s" + std::to_string(i), Channel::kSms, "2026-11-17T15:00:00Z", phone, "",
        i % 3 == 0 ? "STOP" : i % 3 == 1 ? "Need a quote for a new roof" : "water coming through the ceiling");
  }
  const std::vector<Opportunity> first = Queue();
  ASSERT_EQ(first.size(), 600u);
  int stops = 0;
  for (const Opportunity& o : first) stops += o.status == OpportunityStatus::kDoNotContact;
  EXPECT_EQ(stops, 200);
  const std::vector<Opportunity> second = Queue();
  ASSERT_EQ(second.size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(second[i].id, first[i].id);
    EXPECT_EQ(second[i].owner, first[i].owner);
    EXPECT_EQ(second[i].draft, first[i].draft);
  }
}

}  // namespace
}  // namespace ringback
