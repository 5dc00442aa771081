// Company configuration: the example file loads completely, and every mistake a person can
// make in the TOML is reported with the file, line and key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "config/config_loader.h"
#include "core/time.h"

namespace ringback {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using std::chrono::hours;
using std::chrono::minutes;

const std::string kSourceDir = RINGBACK_SOURCE_DIR;

std::chrono::sys_days Date(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// 1-based line of the first line of `text` containing `needle` (0 when absent).
int LineOf(const std::string& text, const std::string& needle) {
  const auto pos = text.find(needle);
  if (pos == std::string::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// "company.toml:<line of needle>: <key>"
std::string Where(const std::string& text, const std::string& needle, const std::string& key) {
  const int line = LineOf(text, needle);
  EXPECT_GT(line, 0) << "test text lacks " << needle;
  return "company.toml:" + std::to_string(line) + ": " + key;
}

const std::string kCompany = R"([company]
name = "Test Roofing"
time_zone = "America/Chicago"
phone_region = "US"
trades = ["roofing", "hvac"]
)";

const std::string kHours = R"(
[hours]
mon = "08:00-17:00"
tue = "08:00-17:00"
sat = "closed"
)";

const std::string kTeam = R"(
[[team]]
name = "Ann Lee"
role = "owner"
phone = "512-555-0111"
email = "Ann@TestRoofing.example.com"

[[team]]
name = "Bo Park"
role = "technician"
trades = ["hvac"]
service_lead = true
)";

std::string Valid(const std::string& extra = "") { return kCompany + kHours + kTeam + extra; }

StatusOr<CompanyConfig> Parse(const std::string& text) { return ParseConfig(text, "company.toml"); }

TEST(LoadConfig, ExampleConfigLoadsCompletely) {
  auto config = LoadConfig(kSourceDir + "/config/company.example.toml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const CompanyConfig& c = *config;
  EXPECT_EQ(c.name, "Summit Ridge Roofing & Air");
  EXPECT_EQ(c.time_zone, "America/Chicago");
  EXPECT_EQ(c.phone_region, "US");
  EXPECT_EQ(c.phone, "(512) 555-0100") << "the main line, as people read it";
  EXPECT_THAT(c.draft_channels, ElementsAre("sms", "email", "call"));
  EXPECT_THAT(c.draft_locales, ElementsAre("en", "es"));
  EXPECT_THAT(c.trades, ElementsAre("roofing", "hvac"));

  // Hours: index 0 is Sunday.
  EXPECT_TRUE(c.hours[0].closed());
  for (int day = 1; day <= 5; ++day) {
    EXPECT_EQ(c.hours[static_cast<std::size_t>(day)].open_minute, 7 * 60 + 30) << day;
    EXPECT_EQ(c.hours[static_cast<std::size_t>(day)].close_minute, 17 * 60 + 30) << day;
  }
  EXPECT_EQ(c.hours[6].open_minute, 8 * 60);
  EXPECT_EQ(c.hours[6].close_minute, 12 * 60);
  EXPECT_THAT(c.holidays, ElementsAre(Date(2026, 11, 26), Date(2026, 11, 27), Date(2026, 12, 24),
                                      Date(2026, 12, 25), Date(2027, 1, 1)));

  ASSERT_EQ(c.team.size(), 7u);
  EXPECT_EQ(c.team[0].name, "Maria Alvarez");
  EXPECT_EQ(c.team[0].role, Role::kOwner);
  EXPECT_EQ(c.team[0].phone, "+15125550101");
  EXPECT_EQ(c.team[0].email, "maria@summitridge.example.com");
  EXPECT_EQ(c.team[1].role, Role::kDispatcher);
  EXPECT_EQ(c.team[2].role, Role::kOffice);
  EXPECT_EQ(c.team[3].name, "Rick Hollis");
  EXPECT_EQ(c.team[3].role, Role::kEstimator);
  EXPECT_THAT(c.team[3].trades, ElementsAre("roofing"));
  EXPECT_FALSE(c.team[3].service_lead);
  EXPECT_EQ(c.team[5].name, "Luis Mendez");
  EXPECT_EQ(c.team[5].role, Role::kTechnician);
  EXPECT_TRUE(c.team[5].service_lead);
  EXPECT_EQ(c.team[5].email, "");
  EXPECT_FALSE(c.team[6].has_own_hours);
  EXPECT_TRUE(c.team[6].days_off.empty());

  // SLA for every real category.
  ASSERT_EQ(c.sla.size(), 6u);
  EXPECT_EQ(c.sla.at(Category::kEmergency).amount, minutes(15));
  EXPECT_FALSE(c.sla.at(Category::kEmergency).business_time);
  EXPECT_EQ(c.sla.at(Category::kActiveEstimate).amount, hours(2));
  EXPECT_TRUE(c.sla.at(Category::kActiveEstimate).business_time);
  EXPECT_EQ(c.sla.at(Category::kOldEstimate).amount, hours(24));
  EXPECT_TRUE(c.sla.at(Category::kOldEstimate).business_time);
  EXPECT_EQ(c.sla.at(Category::kWarranty).amount, hours(4));
  EXPECT_TRUE(c.sla.at(Category::kWarranty).business_time);
  EXPECT_EQ(c.sla.at(Category::kRoutine).amount, hours(24));
  EXPECT_EQ(c.sla.at(Category::kUnknown).amount, hours(2));
  EXPECT_EQ(c.next_action.size(), 6u);
  EXPECT_THAT(c.next_action.at(Category::kEmergency), HasSubstr("15 min"));

  // On-call: the rotation hands over at 07:30 local on 2026-11-02 (CST, after DST ended).
  EXPECT_THAT(c.on_call.rotation, ElementsAre("Luis Mendez", "Jake Turner"));
  EXPECT_EQ(FormatUtc(c.on_call.rotation_start), "2026-11-02T13:30:00Z");
  EXPECT_TRUE(c.on_call.ranges.empty());

  EXPECT_EQ(c.old_estimate_days, 30);
  EXPECT_EQ(c.duplicate_window_days, 7);
  EXPECT_EQ(c.quiet_start_minute, 8 * 60);
  EXPECT_EQ(c.quiet_end_minute, 21 * 60);
  EXPECT_TRUE(c.spam_numbers.empty());
}

TEST(ParseConfig, MinimalConfigGetsDefaults) {
  auto config = Parse(Valid());
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const CompanyConfig& c = *config;
  EXPECT_EQ(c.hours[1].open_minute, 8 * 60);
  EXPECT_TRUE(c.hours[3].closed()) << "a weekday not listed is closed";
  EXPECT_TRUE(c.hours[6].closed());
  EXPECT_TRUE(c.sla.empty());
  EXPECT_EQ(c.old_estimate_days, 30);
  EXPECT_EQ(c.duplicate_window_days, 7);
  EXPECT_EQ(c.quiet_start_minute, 8 * 60);
  EXPECT_EQ(c.quiet_end_minute, 21 * 60);
  ASSERT_EQ(c.team.size(), 2u);
  EXPECT_EQ(c.team[0].phone, "+15125550111") << "team phones are stored as E.164";
  EXPECT_EQ(c.team[0].email, "ann@testroofing.example.com");
  EXPECT_THAT(c.team[1].trades, ElementsAre("hvac"));
  EXPECT_TRUE(c.team[1].service_lead);
}

TEST(ParseConfig, DraftChannelsLanguagesAndTemplatesPerLanguage) {
  auto config = Parse(Valid(R"(
[drafts]
channels = ["email", "call"]
languages = ["es", "en"]
[templates.sms]
routine = "Hi. Reply STOP to opt out."
[templates.es.email]
routine = "Subject: Hola\n\nHola. Responda no me interesa."
[templates.en.call]
unknown = "Say: Hi."
)"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_THAT(config->draft_channels, ElementsAre("email", "call"));
  EXPECT_THAT(config->draft_locales, ElementsAre("es", "en"));
  EXPECT_EQ(config->templates.at("sms.routine"), "Hi. Reply STOP to opt out.");
  EXPECT_EQ(config->templates.at("es.email.routine"), "Subject: Hola\n\nHola. Responda no me interesa.");
  EXPECT_EQ(config->templates.at("call.unknown"), "Say: Hi.") << "[templates.en.*] is English, the default";
  EXPECT_TRUE(Parse(Valid()).value().draft_channels.empty()) << "unset: every channel";

  auto bad = Parse(Valid("[drafts]\nchannels = [\"fax\"]\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("drafts.channels"));
  EXPECT_THAT(bad.status().message(), HasSubstr("\"fax\""));
  bad = Parse(Valid("[drafts]\nlanguages = [\"fr\"]\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("drafts.languages"));
  bad = Parse(Valid("[drafts]\nchannels = []\n"));
  EXPECT_FALSE(bad.ok());
  bad = Parse(Valid("[templates.es.fax]\nroutine = \"x\"\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("templates.es.fax"));
}

TEST(ParseConfig, TheCompanyPhoneIsReadAsPeopleWriteIt) {
  auto with_phone = [](const std::string& phone) {
    std::string text = Valid();
    text.replace(text.find("[company]\n") + 10, 0, "phone = \"" + phone + "\"\n");
    return Parse(text);
  };
  auto config = with_phone("512.555.0100");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->phone, "(512) 555-0100");
  auto bad = with_phone("call us");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("company.phone"));
}

TEST(ParseConfig, RoleAliasesAndDefaultRole) {
  auto config = Parse(Valid(R"(
[[team]]
name = "Cy Dale"
role = "csr"

[[team]]
name = "Di Fox"
role = "sales"

[[team]]
name = "Ed Gray"
)"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  ASSERT_EQ(config->team.size(), 5u);
  EXPECT_EQ(config->team[2].role, Role::kDispatcher);
  EXPECT_EQ(config->team[3].role, Role::kEstimator);
  EXPECT_EQ(config->team[4].role, Role::kOffice);
}

TEST(ParseConfig, PersonalHoursAndDaysOff) {
  auto config = Parse(Valid(R"(
[[team]]
name = "Cy Dale"
days_off = ["2026-11-20", "2026-11-23"]
[team.hours]
mon = "06:00-14:00"
)"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const Person& p = config->team.back();
  EXPECT_TRUE(p.has_own_hours);
  EXPECT_EQ(p.hours[1].open_minute, 6 * 60);
  EXPECT_EQ(p.hours[1].close_minute, 14 * 60);
  EXPECT_THAT(p.days_off, ElementsAre(Date(2026, 11, 20), Date(2026, 11, 23)));
}

TEST(ParseConfig, OnCallRotationAndRanges) {
  auto config = Parse(Valid(R"(
[on_call]
rotation = ["Bo Park", "Ann Lee"]
rotation_start = "2026-11-02T07:30"

[[on_call.range]]
name = "Ann Lee"
from = "2026-11-18T17:30"
to = "2026-11-20T07:30"
)"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_THAT(config->on_call.rotation, ElementsAre("Bo Park", "Ann Lee"));
  EXPECT_EQ(FormatUtc(config->on_call.rotation_start), "2026-11-02T13:30:00Z");
  ASSERT_EQ(config->on_call.ranges.size(), 1u);
  EXPECT_EQ(config->on_call.ranges[0].name, "Ann Lee");
  EXPECT_EQ(FormatUtc(config->on_call.ranges[0].from), "2026-11-18T23:30:00Z");
  EXPECT_EQ(FormatUtc(config->on_call.ranges[0].to), "2026-11-20T13:30:00Z");
}

TEST(ParseConfig, SpamNumbersAreStoredAsE164) {
  auto config = Parse(Valid(R"(
[classify]
old_estimate_days = 45
spam_numbers = ["(512) 555-0199", "+1 512 555 0198"]
[classify.terms]
emergency = ["skylight leaking"]
)"));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->old_estimate_days, 45);
  EXPECT_THAT(config->spam_numbers, ElementsAre("+15125550199", "+15125550198"));
  ASSERT_EQ(config->extra_terms.count("emergency"), 1u);
  EXPECT_THAT(config->extra_terms.at("emergency"), ElementsAre("skylight leaking"));
}

TEST(ParseConfig, BadHoursNameFileLineAndKey) {
  const std::string text = kCompany + R"(
[hours]
mon = "08:00-17:00"
tue = "25:00-17:00"
)" + kTeam;
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "tue = \"25:00", "hours.tue:")));
  EXPECT_THAT(config.status().message(), HasSubstr("07:30-17:30"));
}

TEST(ParseConfig, HoursThatCloseBeforeTheyOpenAreAnError) {
  for (const char* hours_text : {"17:00-08:00", "08:00-08:00", "8-17", "08:00", "08:60-17:00", "morning"}) {
    const std::string text = kCompany + "\n[hours]\nmon = \"" + hours_text + "\"\n" + kTeam;
    auto config = Parse(text);
    ASSERT_FALSE(config.ok()) << hours_text;
    EXPECT_THAT(config.status().message(), HasSubstr("hours.mon")) << hours_text;
  }
}

// BUG: config_loader.cc ParseClock accepts hour 24 with any minutes, so "08:00-24:30" loads as
// closing at minute 1470 (past midnight) instead of being reported. Expected: an error naming
// hours.mon. Actual: the config loads with close_minute == 1470.
TEST(ParseConfig, ClockPastMidnightIsAnError) {
  const std::string text = kCompany + "\n[hours]\nmon = \"08:00-24:30\"\n" + kTeam;
  auto config = Parse(text);
  ASSERT_FALSE(config.ok()) << "close_minute = " << config->hours[1].close_minute;
  EXPECT_THAT(config.status().message(), HasSubstr("hours.mon"));
}

TEST(ParseConfig, BadPersonalHoursNameTheTeamKey) {
  const std::string text = Valid(R"(
[[team]]
name = "Cy Dale"
[team.hours]
wed = "9 to 5"
)");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "wed = \"9 to 5", "team.hours.wed:")));
}

TEST(ParseConfig, UnknownRoleNamesFileLineAndKey) {
  const std::string text = Valid(R"(
[[team]]
name = "Cy Dale"
role = "plumber"
)");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "role = \"plumber\"", "team.role:")));
  EXPECT_THAT(config.status().message(), HasSubstr("technician"));
}

TEST(ParseConfig, UnknownTimeZoneNamesFileLineAndKey) {
  std::string text = Valid();
  text.replace(text.find("America/Chicago"), 15, "America/Atlantis");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "time_zone =", "company.time_zone:")));
  EXPECT_THAT(config.status().message(), HasSubstr("America/Atlantis"));
}

TEST(ParseConfig, RotationNameNotInTheTeam) {
  const std::string text = Valid(R"(
[on_call]
rotation = ["Bo Park", "Zed Quinn"]
)");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "rotation = [", "on_call.rotation:")));
  EXPECT_THAT(config.status().message(), HasSubstr("Zed Quinn"));
}

TEST(ParseConfig, BadOnCallRangeIsAnError) {
  for (const char* range : {"name = \"Zed Quinn\"\nfrom = \"2026-11-18T17:30\"\nto = \"2026-11-20T07:30\"",
                            "name = \"Ann Lee\"\nfrom = \"2026-11-20T17:30\"\nto = \"2026-11-18T07:30\"",
                            "name = \"Ann Lee\"\nfrom = \"next tuesday\"\nto = \"2026-11-18T07:30\""}) {
    auto config = Parse(Valid(std::string("\n[[on_call.range]]\n") + range + "\n"));
    ASSERT_FALSE(config.ok()) << range;
    EXPECT_THAT(config.status().message(), HasSubstr("on_call.range")) << range;
  }
}

TEST(ParseConfig, BadRotationStart) {
  const std::string text = Valid(R"(
[on_call]
rotation = ["Bo Park"]
rotation_start = "Monday morning"
)");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "rotation_start", "on_call.rotation_start:")));
}

TEST(ParseConfig, BadSlaTextNamesFileLineAndKey) {
  const std::string text = Valid(R"(
[sla]
emergency = "15m"
routine = "soon"
)");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "routine = \"soon\"", "sla.routine:")));
  EXPECT_THAT(config.status().message(), HasSubstr("2h business"));
}

TEST(ParseConfig, SlaMustBeText) {
  const std::string text = Valid("\n[sla]\nemergency = 15\n");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "emergency = 15", "sla.emergency:")));
}

TEST(ParseConfig, SlaForAnUnknownCategory) {
  const std::string text = Valid("\n[sla]\nurgent = \"15m\"\n");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "urgent =", "sla.urgent:")));
  EXPECT_THAT(config.status().message(), HasSubstr("unknown category"));
}

TEST(ParseConfig, BadHolidayDate) {
  std::string text = Valid();
  text.replace(text.find("sat = \"closed\""), 14, "sat = \"closed\"\nholidays = [\"2026-11-26\", \"Thanksgiving\"]");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "holidays =", "hours.holidays:")));
  EXPECT_THAT(config.status().message(), HasSubstr("Thanksgiving"));
}

TEST(ParseConfig, BadSpamNumber) {
  const std::string text = Valid("\n[classify]\nspam_numbers = [\"12345\"]\n");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(Where(text, "spam_numbers", "classify.spam_numbers:")));
  EXPECT_THAT(config.status().message(), HasSubstr("12345"));
}

TEST(ParseConfig, BadQuietHours) {
  const std::string text = Valid("\n[quiet_hours]\nstart = \"21:00\"\nend = \"08:00\"\n");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("quiet_hours"));
}

TEST(ParseConfig, TomlSyntaxErrorNamesTheLine) {
  const std::string text = Valid("\n[sla]\nemergency = \"15m\n");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith("company.toml:" + std::to_string(LineOf(text, "emergency = "))));
}

TEST(ParseConfig, MissingSectionsAreErrors) {
  auto no_company = Parse(kHours + kTeam);
  ASSERT_FALSE(no_company.ok());
  EXPECT_THAT(no_company.status().message(), HasSubstr("company"));

  auto no_team = Parse(kCompany + kHours);
  ASSERT_FALSE(no_team.ok());
  EXPECT_THAT(no_team.status().message(), HasSubstr("team"));

  auto no_hours = Parse(kCompany + kTeam);
  ASSERT_FALSE(no_hours.ok());
  EXPECT_THAT(no_hours.status().message(), HasSubstr("hours"));

  std::string nameless = Valid();
  nameless.replace(nameless.find("name = \"Test Roofing\""), 21, "");
  auto no_name = Parse(nameless);
  ASSERT_FALSE(no_name.ok());
  EXPECT_THAT(no_name.status().message(), HasSubstr("company.name"));
}

TEST(ParseConfig, TeamMemberWithoutANameIsAnError) {
  const std::string text = Valid("\n[[team]]\nrole = \"office\"\n");
  auto config = Parse(text);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("team.name"));
}

TEST(LoadConfig, MissingFileIsAClearError) {
  const std::string path = kSourceDir + "/tests/fixtures/config/does-not-exist.toml";
  auto config = LoadConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(config.status().message(), HasSubstr(path));
  EXPECT_THAT(config.status().message(), HasSubstr("company.example.toml"));
}

TEST(LoadConfig, ErrorsInAFileNameThePathAndLine) {
  const std::string path = kSourceDir + "/tests/fixtures/config/bad_hours.toml";
  auto config = LoadConfig(path);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), StartsWith(path + ":10: hours.mon:"));
}

}  // namespace
}  // namespace ringback
