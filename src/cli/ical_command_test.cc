// `ringback ical`: the feed a phone subscribes to. Parsed back with libical (a real iCalendar
// implementation, as calendar apps use) rather than only compared as text.
#include "cli/ical_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "store/store.h"

namespace ringback::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

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
  o.next_action = "Call within 15 min; if no answer, text the urgent note";
  o.reasons = {"emergency: \"water, ceiling\"", "on call now: Luis Mendez"};
  o.summary = "Water coming through the kitchen ceiling\nsince 6am";
  if (deadline) o.deadline = At(deadline);
  o.status = OpportunityStatus::kOpen;
  return o;
}

// What libical reads back from one VTODO or VEVENT.
struct Parsed {
  std::string uid, summary, description;
  std::int64_t due = 0;  // DUE (task) or DTEND (event), Unix seconds
};

// Parses `ics` with libical; fails the test on any error property libical adds.
std::map<std::string, Parsed> ParseIcs(const std::string& ics, icalcomponent_kind kind, int* count) {
  std::map<std::string, Parsed> out;
  icalcomponent* calendar = icalcomponent_new_from_string(ics.c_str());
  EXPECT_NE(calendar, nullptr) << ics;
  if (calendar == nullptr) return out;
  EXPECT_EQ(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(calendar), 0) << ics;
  *count = icalcomponent_count_components(calendar, kind);
  icaltimezone* utc = icaltimezone_get_utc_timezone();
  for (icalcomponent* c = icalcomponent_get_first_component(calendar, kind); c != nullptr;
       c = icalcomponent_get_next_component(calendar, kind)) {
    Parsed p;
    p.uid = icalcomponent_get_uid(c);
    p.summary = icalcomponent_get_summary(c);
    p.description = icalcomponent_get_description(c);
    const icaltimetype when = kind == ICAL_VTODO_COMPONENT ? icalcomponent_get_due(c) : icalcomponent_get_dtend(c);
    EXPECT_TRUE(icaltime_is_utc(when)) << p.uid;
    p.due = static_cast<std::int64_t>(icaltime_as_timet_with_zone(when, utc));
    out[p.uid] = p;
  }
  icalcomponent_free(calendar);
  return out;
}

class IcalCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ringback-ical-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "audit.db").string();
    config_.name = "Ridgeline Roofing & Air";
    config_.time_zone = "America/Chicago";
    auto store = OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<Opportunity> rows;
    rows.push_back(Row("R-emergency", Category::kEmergency, "Luis Mendez", "2026-11-17T07:15:00-06:00",
                       "Jane Doe \xC2\xB7 (512) 555-0142"));
    rows.push_back(Row("R-estimate", Category::kActiveEstimate, "Dana Cole", "2026-11-17T09:00:00-06:00", "Bob Roe"));
    Opportunity tried = Row("R-tried", Category::kWarranty, "LUIS MENDEZ", "2026-11-17T08:00:00-06:00", "Kay Poe");
    tried.status = OpportunityStatus::kAttempted;
    tried.first_attempt_at = At("2026-11-17T07:30:00-06:00");
    rows.push_back(tried);
    Opportunity reached = Row("R-reached", Category::kRoutine, "Luis Mendez", "2026-11-17T08:00:00-06:00", "Reached");
    reached.status = OpportunityStatus::kReached;
    rows.push_back(reached);
    Opportunity stop = Row("R-stop", Category::kStop, "", nullptr, "Stop Person");
    stop.status = OpportunityStatus::kDoNotContact;
    rows.push_back(stop);
    Opportunity unowned = Row("R-unowned", Category::kRoutine, "", "2026-11-18T17:00:00-06:00", "No Owner");
    rows.push_back(unowned);
    for (const Opportunity& o : rows) ASSERT_TRUE((*store)->PutOpportunity(o).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Ical(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    return IcalCommand(args, config_, out_, err_);
  }

  CompanyConfig config_;
  fs::path dir_;
  std::string db_;
  std::ostringstream out_, err_;
};

TEST_F(IcalCommandTest, FeedParsesWithLibicalOneTaskPerOpenCallback) {
  ASSERT_EQ(Ical({"--db", db_, "--as-of", "2026-11-17T08:30"}), kExitOk) << err_.str();
  int count = 0;
  std::map<std::string, Parsed> todos = ParseIcs(out_.str(), ICAL_VTODO_COMPONENT, &count);
  EXPECT_EQ(count, 3);
  ASSERT_EQ(todos.size(), 3u);
  const std::string uid = "R-emergency@ridgeline-roofing-air.ringback.invalid";
  ASSERT_EQ(todos.count(uid), 1u);
  const Parsed& jane = todos[uid];
  EXPECT_EQ(jane.due, ToUnix(At("2026-11-17T07:15:00-06:00")));
  EXPECT_EQ(jane.summary, "Call back Jane D. (emergency)");
  // Escaping round-trips: semicolons, commas, quotes and line breaks come back as written.
  EXPECT_THAT(jane.description, HasSubstr("Next action: Call within 15 min; if no answer, text the urgent note\n"));
  EXPECT_THAT(jane.description, HasSubstr("Request: Water coming through the kitchen ceiling\nsince 6am\n"));
  EXPECT_THAT(jane.description, HasSubstr("Why: emergency: \"water, ceiling\"; on call now: Luis Mendez"));
  EXPECT_THAT(jane.description, HasSubstr("(overdue)"));
  EXPECT_THAT(jane.description, HasSubstr("Contact: Jane Doe \xC2\xB7 (512) 555-0142"));
  EXPECT_EQ(todos.count("R-reached@ridgeline-roofing-air.ringback.invalid"), 0u);
  EXPECT_EQ(todos.count("R-unowned@ridgeline-roofing-air.ringback.invalid"), 0u);
  EXPECT_THAT(out_.str(), Not(HasSubstr("R-stop")));
}

TEST_F(IcalCommandTest, OwnerFilterKeepsThatOwnersCallbacks) {
  ASSERT_EQ(Ical({"--db", db_, "--owner", "luis mendez", "--as-of", "2026-11-17T08:30"}), kExitOk);
  int count = 0;
  std::map<std::string, Parsed> todos = ParseIcs(out_.str(), ICAL_VTODO_COMPONENT, &count);
  std::vector<std::string> summaries;
  for (const auto& [uid, p] : todos) summaries.push_back(p.summary);
  EXPECT_THAT(summaries, UnorderedElementsAre("Call back Jane D. (emergency)", "Call back Kay P. (warranty)"));
  EXPECT_THAT(out_.str(), HasSubstr("X-WR-CALNAME:Ringback callbacks: Ridgeline Roofing & Air (luis mendez)"));
  Person luis;
  luis.name = "Luis Mendez";
  config_.team = {luis};
  ASSERT_EQ(Ical({"--db", db_, "--owner", "luis mendez", "--as-of", "2026-11-17T08:30"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("X-WR-CALNAME:Ringback callbacks: Ridgeline Roofing & Air (Luis Mendez)"));
}

TEST_F(IcalCommandTest, EventsForCalendarsThatIgnoreTasks) {
  ASSERT_EQ(Ical({"--db", db_, "--events", "--as-of", "2026-11-17T08:30"}), kExitOk);
  int events = 0, todos = 0;
  std::map<std::string, Parsed> parsed = ParseIcs(out_.str(), ICAL_VEVENT_COMPONENT, &events);
  ParseIcs(out_.str(), ICAL_VTODO_COMPONENT, &todos);
  EXPECT_EQ(events, 3);
  EXPECT_EQ(todos, 0);
  EXPECT_EQ(parsed["R-estimate@ridgeline-roofing-air.ringback.invalid"].due,
            ToUnix(At("2026-11-17T09:00:00-06:00")));  // the event ends at the deadline
}

TEST_F(IcalCommandTest, FixedAsOfGivesTheSameBytesAndOutReplacesTheFile) {
  const std::string path = (dir_ / "luis.ics").string();
  { std::ofstream(path) << "old contents"; }
  ASSERT_EQ(Ical({"--db", db_, "--out", path, "--as-of", "2026-11-17T08:30"}), kExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("Wrote 3 callbacks to " + path));
  std::ifstream in(path, std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(Ical({"--db", db_, "--as-of", "2026-11-17T08:30"}), kExitOk);
  EXPECT_EQ(written, out_.str());
  EXPECT_THAT(written, HasSubstr("DTSTAMP:20261117T143000Z\r\n"));
  EXPECT_FALSE(fs::exists(path + ".tmp"));
}

TEST_F(IcalCommandTest, UnwritableOutIsFatal) {
  EXPECT_EQ(Ical({"--db", db_, "--out", (dir_ / "no-such-dir" / "x.ics").string()}), kExitFatal);
  EXPECT_THAT(err_.str(), HasSubstr("cannot write"));
}

TEST_F(IcalCommandTest, MissingDatabaseIsFatalAndNotCreated) {
  const std::string missing = (dir_ / "typo.db").string();
  EXPECT_EQ(Ical({"--db", missing}), kExitFatal);
  EXPECT_THAT(err_.str(), HasSubstr("run `ringback audit"));
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(IcalCommandTest, BadUsageExitsTwo) {
  EXPECT_EQ(Ical({"--owner", "Luis"}), kExitUsage);
  EXPECT_EQ(Ical({"--db", db_, "--as-of", "soon"}), kExitUsage);
  EXPECT_EQ(Ical({"--help"}), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("--events"));
}

}  // namespace
}  // namespace ringback::cli
