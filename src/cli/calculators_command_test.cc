// `ringback leak` and `ringback response-time`: the figures an owner reads, the JSON a script
// reads, and exit code 2 with a hint on bad usage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli/calculators_command.h"

namespace ringback::cli {
namespace {

using ::testing::AllOf;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

Outcome Leak(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CompanyConfig config;
  config.name = "Summit Ridge Roofing & Air";
  Outcome r;
  r.code = LeakCommand(args, config, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

Outcome ResponseTime(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Outcome r;
  r.code = ResponseTimeCommand(args, CompanyConfig{}, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

TEST(LeakCommand, TablePerCategoryAndTotalWithTheDefaults) {
  const Outcome r = Leak({"--missed", "emergency=3,active_estimate=10"});
  EXPECT_EQ(r.code, 0) << r.err;
  // 3 × 35% × $850 = $892.50; 10 × 35% × $9,500 = $33,250.
  EXPECT_THAT(r.out, AllOf(HasSubstr("Missed-call revenue leak - Summit Ridge Roofing & Air"),
                           ContainsRegex("emergency +3 +35% +\\$850 +\\$893\n"),
                           ContainsRegex("active_estimate +10 +35% +\\$9,500 +\\$33,250\n"),
                           ContainsRegex("total +13 +\\$34,143\n")));
  EXPECT_THAT(r.out, Not(HasSubstr("Not counted")));
  EXPECT_EQ(r.err, "");
}

TEST(LeakCommand, JsonWithWhatIfRateAndJobValue) {
  const Outcome r = Leak({"--missed", "emergency=3", "--missed", "routine=2", "--booking-rate", "0.3", "--job-value",
                          "emergency=900", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["lines"].size(), 2u);
  EXPECT_EQ(j["lines"][0]["category"], "emergency");
  EXPECT_EQ(j["lines"][0]["missed"], 3);
  EXPECT_DOUBLE_EQ(j["lines"][0]["booking_rate"].get<double>(), 0.3);
  EXPECT_DOUBLE_EQ(j["lines"][0]["job_value"].get<double>(), 900);
  EXPECT_DOUBLE_EQ(j["lines"][0]["leak"].get<double>(), 810);    // 3 × 0.3 × $900
  EXPECT_EQ(j["lines"][1]["category"], "routine");
  EXPECT_DOUBLE_EQ(j["lines"][1]["leak"].get<double>(), 210);    // 2 × 0.3 × $350 (default)
  EXPECT_DOUBLE_EQ(j["total"].get<double>(), 1020);
  EXPECT_EQ(j["missed"], 5);
}

TEST(LeakCommand, JsonMoneyKeepsCents) {
  const Outcome r = Leak({"--missed", "emergency=3", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"leak\":892.5"));
  EXPECT_THAT(r.out, HasSubstr("\"total\":892.5,\"missed\":3}"));
}

TEST(LeakCommand, APlainCountIsOfUnknownCategoryAndAPlainValueSetsEveryCategory) {
  const Outcome r = Leak({"--missed", "12", "--job-value", "8500"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, ContainsRegex("unknown +12 +35% +\\$8,500 +\\$35,700\n"));  // 12 × 0.35 × $8,500
  // Per-category values win over a plain one, whatever the order.
  const Outcome both = Leak({"--job-value", "emergency=900", "--job-value", "$500", "--missed",
                             "emergency=1,routine=1", "--booking-rate", "100%"});
  EXPECT_EQ(both.code, 0) << both.err;
  EXPECT_THAT(both.out, AllOf(ContainsRegex("emergency +1 +100% +\\$900 +\\$900\n"),
                              ContainsRegex("routine +1 +100% +\\$500 +\\$500\n"), ContainsRegex("total +2 +\\$1,400\n")));
}

TEST(LeakCommand, SpamDuplicatesAndStopsAreNotCounted) {
  const Outcome r = Leak({"--missed", "spam=40,duplicate=7,routine=2"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(ContainsRegex("routine +2 +35% +\\$350 +\\$245\n"), ContainsRegex("total +2 +\\$245\n"),
                           HasSubstr("Not counted (not real opportunities): duplicate 7, spam 40."),
                           Not(ContainsRegex("\nspam "))));
  const Outcome j = Leak({"--missed", "stop=4", "--json"});
  EXPECT_EQ(j.code, 0);
  EXPECT_EQ(j.out, "{\"lines\":[],\"total\":0,\"missed\":0}\n");
}

TEST(LeakCommand, StartsFromTheCompanysFiguresAndFlagsOverrideThem) {
  CompanyConfig config;
  config.booking_rate = 0.5;
  config.job_value_by_category_cents[Category::kEmergency] = 100000;
  std::ostringstream out, err;
  EXPECT_EQ(LeakCommand({"--missed", "emergency=2,routine=2"}, config, out, err), 0) << err.str();
  EXPECT_THAT(out.str(), AllOf(ContainsRegex("emergency +2 +50% +\\$1,000 +\\$1,000\n"),
                               ContainsRegex("routine +2 +50% +\\$350 +\\$350\n")));  // routine: built-in default
  std::ostringstream what_if, err2;
  EXPECT_EQ(LeakCommand({"--missed", "emergency=2", "--booking-rate", "25%"}, config, what_if, err2), 0);
  EXPECT_THAT(what_if.str(), ContainsRegex("emergency +2 +25% +\\$1,000 +\\$500\n"));
  std::ostringstream rt, err3;
  EXPECT_EQ(ResponseTimeCommand({"--delay", "30m", "--opportunities", "21"}, config, rt, err3), 0);
  EXPECT_THAT(rt.str(), HasSubstr("21 opportunities x 50% booking rate = 10.5 bookings"));
}

TEST(LeakCommand, ALeftoverConfigFlagIsIgnored) {
  const Outcome r = Leak({"--config", "company.toml", "--missed", "3"});
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST(LeakCommand, BadUsageExitsTwoAndSaysWhatToDo) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {},
           {"--missed"},
           {"--missed", "lots"},
           {"--missed", "urgent=3"},
           {"--missed", "1,200"},
           {"--missed", "3", "--missed", "unknown=2"},
           {"--missed", "3", "--booking-rate", "1.5"},
           {"--missed", "3", "--booking-rate", "-0.2"},
           {"--missed", "3", "--booking-rate", "abc"},
           {"--missed", "3", "--job-value", "spam=5"},
           {"--missed", "3", "--job-value", "8,500"},
           {"--missed", "3", "--job-value", "85.001"},
           {"--missed", "3", "--verbose"},
           {"extra", "--missed", "3"},
       }) {
    const Outcome r = Leak(args);
    EXPECT_EQ(r.code, 2) << ::testing::PrintToString(args) << r.out;
    EXPECT_THAT(r.err, HasSubstr("ringback leak")) << ::testing::PrintToString(args);
    EXPECT_THAT(r.err, HasSubstr("Run `ringback leak --help` for usage.")) << ::testing::PrintToString(args);
  }
  EXPECT_THAT(Leak({}).err, HasSubstr("--missed 12"));
  EXPECT_THAT(Leak({"--missed", "urgent=3"}).err, HasSubstr("unknown category \"urgent\""));
  const Outcome help = Leak({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_THAT(help.out, AllOf(HasSubstr("--missed"), HasSubstr("--booking-rate"), HasSubstr("--job-value")));
}

TEST(ResponseTimeCommand, WithNoDelayListsTheAnchorsAndTheirSources) {
  const Outcome r = ResponseTime({});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(ContainsRegex("\n5m +100%\n"), ContainsRegex("\n30m +4.8% \\(1 in 21\\)\n"),
                           ContainsRegex("\n1h +4.8% \\(1 in 21\\)\n"), ContainsRegex("\n2h +0.68% \\(1 in 147\\)\n"),
                           ContainsRegex("\n24h +0.079% \\(1 in 1,260\\)\n"), HasSubstr("Sources:"),
                           HasSubstr("InsideSales.com, 2007"), HasSubstr("HBR, March 2011"),
                           HasSubstr("docs/response-time.md")));
}

TEST(ResponseTimeCommand, BookingsAndRevenueLostToADelay) {
  const Outcome r = ResponseTime({"--delay", "2h", "--opportunities", "20", "--job-value", "1200"});
  EXPECT_EQ(r.code, 0) << r.err;
  // 20 × 35% = 7 bookings at 5 minutes; at 2 hours 7/147 remain: 6.95 lost × $1,200 = $8,343.
  EXPECT_THAT(r.out, AllOf(HasSubstr("20 opportunities x 35% booking rate = 7.0 bookings"),
                           ContainsRegex("\n2h +0.68% \\(1 in 147\\) +7.0 +\\$8,343\n"), Not(HasSubstr("Sources:"))));
}

TEST(ResponseTimeCommand, DelaysAcceptCommonSpellings) {
  const Outcome r = ResponseTime({"--delay", "90m,1h30m", "--delay", "1.5h", "--delay", "1d", "--delay", "45s"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(ContainsRegex("\n1h30m .*\n1h30m .*\n1h30m .*\n24h +0.079%"), ContainsRegex("\n45s +100%\n")));
}

TEST(ResponseTimeCommand, Json) {
  const Outcome r = ResponseTime({"--delay", "5m,30m", "--delay", "1d", "--opportunities", "10", "--booking-rate",
                                  "50%", "--job-value", "1000", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["delays"].size(), 3u);
  EXPECT_EQ(j["delays"][0]["delay"], "5m");
  EXPECT_EQ(j["delays"][0]["seconds"], 300);
  EXPECT_DOUBLE_EQ(j["delays"][0]["relative_chance"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["delays"][0]["revenue_lost"].get<double>(), 0);
  EXPECT_NEAR(j["delays"][1]["relative_chance"].get<double>(), 1.0 / 21, 1e-12);
  EXPECT_NEAR(j["delays"][1]["bookings_lost"].get<double>(), 5.0 * 20 / 21, 1e-12);
  EXPECT_DOUBLE_EQ(j["delays"][1]["revenue_lost"].get<double>(), 4761.9);  // 4.7619 × $1,000
  EXPECT_EQ(j["delays"][2]["delay"], "24h");
  EXPECT_NEAR(j["delays"][2]["relative_chance"].get<double>(), 1.0 / 1260, 1e-12);
  EXPECT_EQ(j["opportunities"], 10);
  EXPECT_DOUBLE_EQ(j["booking_rate"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["job_value"].get<double>(), 1000);
  EXPECT_DOUBLE_EQ(j["bookings_at_5_min"].get<double>(), 5);
  EXPECT_FALSE(j["delays"][0].contains("source"));

  const nlohmann::json anchors = nlohmann::json::parse(ResponseTime({"--json"}).out);
  ASSERT_EQ(anchors["anchors"].size(), 5u);
  EXPECT_THAT(anchors["anchors"][1]["source"].get<std::string>(), HasSubstr("21-fold"));
  EXPECT_FALSE(anchors.contains("opportunities"));
}

TEST(ResponseTimeCommand, BadUsageExitsTwoAndSaysWhatToDo) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--delay", "5"},
           {"--delay", "soon"},
           {"--delay", ""},
           {"--delay", "400d"},
           {"--delay"},
           {"--opportunities", "-1"},
           {"--opportunities", "many"},
           {"--booking-rate", "2"},
           {"--job-value", "emergency=900"},
           {"--frobnicate"},
       }) {
    const Outcome r = ResponseTime(args);
    EXPECT_EQ(r.code, 2) << ::testing::PrintToString(args) << r.out;
    EXPECT_THAT(r.err, HasSubstr("Run `ringback response-time --help` for usage."))
        << ::testing::PrintToString(args);
  }
  EXPECT_THAT(ResponseTime({"--delay", "5"}).err, HasSubstr("with a unit: 5m, 90m, 2h, 1d"));
  const Outcome help = ResponseTime({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_THAT(help.out, AllOf(HasSubstr("--delay"), HasSubstr("--opportunities")));
}

}  // namespace
}  // namespace ringback::cli
