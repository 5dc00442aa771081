// `ringback queue`: the live queue from an audit database, by deadline, with overdue computed
// at --as-of, an owner filter, JSON for scripts, and no empty database made by a typo.
#include "cli/queue_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "store/store.h"

namespace ringback::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

Timestamp At(const char* text) {
  auto t = ParseUtc(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(Timestamp{});
}

Opportunity Row(std::string id, Category category, std::string owner, const char* deadline, std::string contact) {
  Opportunity o;
  o.id = std::move(id);
  o.contact_key = "tel:+15125550142";
  o.contact_display = std::move(contact);
  o.category = category;
  o.received_at = At("2026-11-17T07:00:00-06:00");
  o.owner = std::move(owner);
  o.backup_owner = "Ana Ruiz";
  o.next_action = "Call, then text if no answer";
  if (deadline) o.deadline = At(deadline);
  o.status = OpportunityStatus::kOpen;
  return o;
}

class QueueCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (fs::temp_directory_path() / ("ringback-queue-" + std::to_string(getpid()) + ".db")).string();
    Remove();
    config_.name = "Ridgeline Roofing";
    config_.time_zone = "America/Chicago";
    auto store = OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<Opportunity> rows;
    rows.push_back(Row("R-routine", Category::kRoutine, "Ben Clark", "2026-11-18T17:00:00-06:00", "Sam Lee"));
    rows.push_back(Row("R-emergency", Category::kEmergency, "Luis Mendez", "2026-11-17T07:15:00-06:00",
                       "Jane Doe \xC2\xB7 (512) 555-0142"));
    rows.back().draft = "Say: Hi, this is Luis.";
    rows.back().draft_channel = "call";
    rows.push_back(Row("R-estimate", Category::kActiveEstimate, "Dana Cole", "2026-11-17T09:00:00-06:00", "Bob Roe"));
    Opportunity tried = Row("R-tried", Category::kWarranty, "luis mendez", "2026-11-17T08:00:00-06:00", "Kay Poe");
    tried.status = OpportunityStatus::kAttempted;
    tried.first_attempt_at = At("2026-11-17T07:30:00-06:00");
    rows.push_back(tried);
    Opportunity reached = Row("R-reached", Category::kRoutine, "Ben Clark", "2026-11-17T08:00:00-06:00", "Reached");
    reached.status = OpportunityStatus::kReached;
    rows.push_back(reached);
    Opportunity stop = Row("R-stop", Category::kStop, "", nullptr, "Stop Person");
    stop.status = OpportunityStatus::kDoNotContact;
    rows.push_back(stop);
    Opportunity dup = Row("R-dup", Category::kDuplicate, "", nullptr, "Jane Doe");
    dup.status = OpportunityStatus::kClosed;
    dup.duplicate_of = "R-emergency";
    rows.push_back(dup);
    for (const Opportunity& o : rows) ASSERT_TRUE((*store)->PutOpportunity(o).ok());
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }

  int Queue(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return QueueCommand(args, config_, out_, err_);
  }

  CompanyConfig config_;
  std::string db_;
  std::ostringstream out_, err_;
};

TEST_F(QueueCommandTest, TableListsOpenWorkByDeadlineAndFlagsOverdue) {
  // 08:30: the emergency (07:15) is overdue, the attempted warranty (08:00) is not.
  ASSERT_EQ(Queue({"--db", db_, "--as-of", "2026-11-17T08:30"}), kExitOk) << err_.str();
  const std::string text = out_.str();
  EXPECT_THAT(text, HasSubstr("Ridgeline Roofing"));
  EXPECT_THAT(text, HasSubstr("DEADLINE"));
  const auto emergency = text.find("Jane Doe");
  const auto tried = text.find("Kay Poe");
  const auto estimate = text.find("Bob Roe");
  const auto routine = text.find("Sam Lee");
  ASSERT_NE(emergency, std::string::npos);
  ASSERT_NE(routine, std::string::npos);
  EXPECT_LT(emergency, tried);
  EXPECT_LT(tried, estimate);
  EXPECT_LT(estimate, routine);
  // The emergency's row says OVERDUE, in company time.
  const std::string jane_line = text.substr(text.rfind('\n', emergency) + 1, text.find('\n', emergency) - text.rfind('\n', emergency));
  EXPECT_THAT(jane_line, HasSubstr("R-emergency"));
  EXPECT_THAT(jane_line, HasSubstr("OVERDUE"));
  EXPECT_THAT(jane_line, HasSubstr("Tue 11/17 07:15 AM"));
  EXPECT_THAT(jane_line, HasSubstr("Luis Mendez"));
  EXPECT_THAT(jane_line, HasSubstr("Ana Ruiz"));
  EXPECT_THAT(jane_line, HasSubstr("emergency"));
  EXPECT_THAT(jane_line, HasSubstr("Call, then text if no answer"));
  const std::string kay_line = text.substr(text.rfind('\n', tried) + 1, text.find('\n', tried) - text.rfind('\n', tried));
  EXPECT_THAT(kay_line, HasSubstr("attempted"));
  EXPECT_THAT(kay_line, Not(HasSubstr("OVERDUE")));
  for (const char* gone : {"Reached", "Stop Person", "duplicate"}) EXPECT_THAT(text, Not(HasSubstr(gone)));
  EXPECT_THAT(text, HasSubstr("4 callbacks, 1 overdue"));
}

TEST_F(QueueCommandTest, OverdueIsJudgedAtAsOfNotAtAuditTime) {
  ASSERT_EQ(Queue({"--db", db_, "--overdue", "--as-of", "2026-11-17T07:00"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Nothing to call back"));
  ASSERT_EQ(Queue({"--db", db_, "--overdue", "--as-of", "2026-11-17T15:30:00Z"}), kExitOk);  // 09:30 Chicago
  EXPECT_THAT(out_.str(), HasSubstr("Jane Doe"));
  EXPECT_THAT(out_.str(), HasSubstr("Bob Roe"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("Kay Poe")));  // attempted: not overdue
  EXPECT_THAT(out_.str(), Not(HasSubstr("Sam Lee")));
}

TEST_F(QueueCommandTest, OwnerFilterIgnoresCaseAndSpaces) {
  ASSERT_EQ(Queue({"--db", db_, "--owner", " LUIS mendez ", "--as-of", "2026-11-17T08:30"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("Jane Doe"));
  EXPECT_THAT(out_.str(), HasSubstr("Kay Poe"));
  EXPECT_THAT(out_.str(), Not(HasSubstr("Bob Roe")));
  EXPECT_THAT(out_.str(), HasSubstr("2 callbacks"));
}

TEST_F(QueueCommandTest, OwnerNotOnTheTeamIsPointedOut) {
  Person luis;
  luis.name = "Luis Mendez";
  config_.team = {luis};
  ASSERT_EQ(Queue({"--db", db_, "--owner", "Luiz"}), kExitOk);
  EXPECT_THAT(err_.str(), HasSubstr("\"Luiz\" is not on the team"));
  ASSERT_EQ(Queue({"--db", db_, "--owner", "luis mendez"}), kExitOk);
  EXPECT_EQ(err_.str(), "");
  EXPECT_THAT(out_.str(), HasSubstr("(owner Luis Mendez)"));  // the team's spelling
}

TEST_F(QueueCommandTest, JsonHasTheContractFieldsWithLocalOffsets) {
  ASSERT_EQ(Queue({"--db", db_, "--json", "--as-of", "2026-11-17T08:30"}), kExitOk) << err_.str();
  const nlohmann::json rows = nlohmann::json::parse(out_.str());
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(rows.size(), 4u);
  const nlohmann::json& first = rows[0];
  EXPECT_EQ(first["id"], "R-emergency");
  EXPECT_EQ(first["owner"], "Luis Mendez");
  EXPECT_EQ(first["backup_owner"], "Ana Ruiz");
  EXPECT_EQ(first["category"], "emergency");
  EXPECT_EQ(first["status"], "overdue");  // stored "open"; overdue at 08:30
  EXPECT_EQ(first["deadline"], "2026-11-17T07:15:00-06:00");
  EXPECT_EQ(first["next_action"], "Call, then text if no answer");
  EXPECT_EQ(first["contact"], "Jane Doe \xC2\xB7 (512) 555-0142");
  EXPECT_EQ(first["overdue"], true);
  EXPECT_EQ(first["draft"], "Say: Hi, this is Luis.");
  EXPECT_EQ(first["draft_channel"], "call");
  EXPECT_EQ(rows[1]["draft_channel"], "") << "no draft, no channel";
  EXPECT_EQ(rows[1]["id"], "R-tried");
  EXPECT_EQ(rows[1]["status"], "attempted");
  EXPECT_EQ(rows[1]["overdue"], false);
  EXPECT_EQ(rows[3]["status"], "open");
  // Fields in the documented order, one object per line, for grep and diff.
  EXPECT_EQ(out_.str().find("{\"id\":\"R-emergency\",\"owner\":"), 2u);
  const std::string text = out_.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);
}

TEST_F(QueueCommandTest, EmptyJsonIsAnEmptyArray) {
  ASSERT_EQ(Queue({"--db", db_, "--json", "--owner", "Nobody"}), kExitOk);
  EXPECT_EQ(nlohmann::json::parse(out_.str()), nlohmann::json::array());
}

TEST_F(QueueCommandTest, MissingDatabaseIsFatalAndNotCreated) {
  const std::string missing = db_ + ".typo";
  EXPECT_EQ(Queue({"--db", missing}), kExitFatal);
  EXPECT_THAT(err_.str(), HasSubstr("run `ringback audit"));
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(QueueCommandTest, BadUsageExitsTwo) {
  EXPECT_EQ(Queue({}), kExitUsage);  // --db is required
  EXPECT_THAT(err_.str(), HasSubstr("--db"));
  EXPECT_EQ(Queue({"--db", db_, "--as-of", "next tuesday"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--as-of"));
  EXPECT_EQ(Queue({"--db", db_, "--bogus"}), kExitUsage);
  EXPECT_EQ(Queue({"--help"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("--overdue"));
}

}  // namespace
}  // namespace ringback::cli
