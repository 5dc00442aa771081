#include "cli/contacts_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "config/config_loader.h"
#include "pipeline/audit.h"
#include "pipeline/store_sink.h"

namespace ringback::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class StopCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<CompanyConfig> loaded = LoadConfig(std::string(RINGBACK_SOURCE_DIR) + "/config/company.example.toml");
    ASSERT_TRUE(loaded.ok());
    config_ = *loaded;
    db_ = (fs::temp_directory_path() / ("ringback-stop-" + std::to_string(getpid()) + ".db")).string();
    fs::remove(db_);
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok());
    Signal s;
    s.id = "q1";
    s.channel = Channel::kForm;
    s.received_at = *ParseUtc("2026-11-17T15:00:00Z");
    s.phone = "+15125550142";
    s.email = "jane@example.com";
    s.name = "Jane Doe";
    s.text = "Can I get a quote for a new roof?";
    StoreSink sink(**store);
    ASSERT_TRUE(sink.OnSignal(s).ok());
    AuditOptions options;
    AuditResult result;
    result.as_of = *ParseUtc("2026-11-17T16:00:00Z");
    ASSERT_TRUE(RebuildQueue(**store, config_, options, result).ok());
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }

  int Stop(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    args.insert(args.end(), {"--db", db_});
    return StopCommand(args, config_, out_, err_);
  }

  Opportunity Row() {
    auto store = OpenSqliteStore(db_);
    Opportunity row;
    EXPECT_TRUE((*store)->ForEachOpportunity([&](const Opportunity& o) { row = o; return Status::Ok(); }).ok());
    return row;
  }

  CompanyConfig config_;
  std::string db_;
  std::ostringstream out_, err_;
};

TEST_F(StopCommandTest, AddByEmailStopsThePersonOnEveryChannelAndListShowsIt) {
  ASSERT_FALSE(Row().draft.empty());
  ASSERT_EQ(Stop({"add", "Jane@Example.com", "--reason", "asked by phone not to be contacted", "--actor", "Dana Brooks",
                  "--as-of", "2026-11-18T09:00"}),
            0)
      << err_.str();
  Opportunity row = Row();
  EXPECT_EQ(row.status, OpportunityStatus::kDoNotContact);
  EXPECT_TRUE(row.draft.empty());
  EXPECT_TRUE(row.owner.empty());
  ASSERT_EQ(Stop({"list"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("mailto:jane@example.com"));
  EXPECT_THAT(out_.str(), HasSubstr("asked by phone"));
}

TEST_F(StopCommandTest, LiftNeedsAReasonAndAnActorAndRestoresTheCallback) {
  ASSERT_EQ(Stop({"add", "(512) 555-0142", "--reason", "not interested", "--actor", "Dana Brooks"}), 0) << err_.str();
  EXPECT_EQ(Stop({"lift", "(512) 555-0142", "--actor", "Maria Alvarez"}), 2) << "a lift without a reason is refused";
  ASSERT_EQ(Stop({"lift", "(512) 555-0142", "--reason", "called back asking for the quote", "--actor", "Maria Alvarez"}),
            0)
      << err_.str();
  EXPECT_NE(Row().status, OpportunityStatus::kDoNotContact);
  EXPECT_FALSE(Row().draft.empty());
  ASSERT_EQ(Stop({"list", "--all"}), 0);
  EXPECT_THAT(out_.str(), HasSubstr("lifted"));
  EXPECT_THAT(out_.str(), HasSubstr("Maria Alvarez"));
}

TEST_F(StopCommandTest, LiftWithoutAStopOrForAStrangerFails) {
  EXPECT_EQ(Stop({"lift", "(512) 555-0142", "--reason", "r", "--actor", "a"}), 1);
  EXPECT_THAT(err_.str(), HasSubstr("no stop in force"));
  EXPECT_EQ(Stop({"lift", "(512) 555-0199", "--reason", "r", "--actor", "a"}), 1);
  EXPECT_THAT(err_.str(), HasSubstr("not a known contact"));
  EXPECT_EQ(Stop({"add", "hello", "--reason", "r", "--actor", "a"}), 2);
}

TEST_F(StopCommandTest, ContactsListsHandlesChannelsOpenOpportunityAndStop) {
  std::ostringstream out, err;
  ASSERT_EQ(ContactsCommand({"--db", db_, "--json"}, out, err), 0) << err.str();
  EXPECT_THAT(out.str(), HasSubstr("\"tel:+15125550142\""));
  EXPECT_THAT(out.str(), HasSubstr("\"mailto:jane@example.com\""));
  EXPECT_THAT(out.str(), HasSubstr("\"open_opportunity\":\"R-q1\""));
  EXPECT_THAT(out.str(), HasSubstr("\"stopped\":false"));
  ASSERT_EQ(Stop({"add", "+15125550142", "--reason", "STOP by phone", "--actor", "Tom Nguyen"}), 0);
  out.str("");
  ASSERT_EQ(ContactsCommand({"--db", db_}, out, err), 0);
  EXPECT_THAT(out.str(), HasSubstr("asked to stop on"));
}

TEST(ContactsCommand, MissingDatabaseSaysToRunTheAuditFirst) {
  std::ostringstream out, err;
  EXPECT_EQ(ContactsCommand({"--db", "/nonexistent/ringback.db"}, out, err), 1);
  EXPECT_THAT(err.str(), HasSubstr("run `ringback audit"));
  EXPECT_FALSE(fs::exists("/nonexistent/ringback.db"));
}

}  // namespace
}  // namespace ringback::cli
