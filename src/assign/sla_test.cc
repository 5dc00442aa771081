// SLA text (ParseSla, FormatSla), defaults per category, and next actions.
#include <gtest/gtest.h>

#include "assign/assigner.h"
#include "assign/test_company.h"

namespace ringback {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

struct ParseCase {
  const char* text;
  Seconds amount;
  bool business;
};

TEST(ParseSla, AcceptsTheFormsPeopleWrite) {
  const ParseCase cases[] = {
      {"15m", minutes(15), false},          {"2h", hours(2), false},
      {"90m", minutes(90), false},          {"1d", hours(24), false},
      {"2h business", hours(2), true},      {"1d business", hours(24), true},
      {"30 min", minutes(30), false},       {"4 hours business", hours(4), true},
      {"  2H Business ", hours(2), true},   {"4 business hours", hours(4), true},
      {"1 day", hours(24), false},          {"45s", Seconds(45), false},
      {"20 minutes clock", minutes(20), false},
  };
  for (const ParseCase& c : cases) {
    auto sla = ParseSla(c.text);
    ASSERT_TRUE(sla.ok()) << c.text << ": " << sla.status().ToString();
    EXPECT_EQ(sla->amount, c.amount) << c.text;
    EXPECT_EQ(sla->business_time, c.business) << c.text;
  }
}

TEST(ParseSla, RejectsAnythingElseWithAClearMessage) {
  for (const char* text : {"", "abc", "15", "h", "-5m", "1.5h", "2h business extra", "0m",
                           "2 weeks", "2h business business", "367d", "9999999999m"}) {
    auto sla = ParseSla(text);
    ASSERT_FALSE(sla.ok()) << "accepted \"" << text << "\"";
    EXPECT_EQ(sla.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(sla.status().message().find("\"2h business\""), std::string::npos)
        << sla.status().message();
  }
  EXPECT_NE(ParseSla("2 weeks").status().message().find("unknown unit \"weeks\""),
            std::string::npos);
}

TEST(FormatSla, ShortFormThatParsesBack) {
  EXPECT_EQ(FormatSla(Sla{minutes(15), false}), "15m");
  EXPECT_EQ(FormatSla(Sla{minutes(90), false}), "90m");
  EXPECT_EQ(FormatSla(Sla{hours(2), true}), "2h business");
  EXPECT_EQ(FormatSla(Sla{hours(24), true}), "1d business");
  EXPECT_EQ(FormatSla(Sla{Seconds(45), false}), "45s");
  for (const char* text : {"15m", "90m", "2h business", "1d business", "3d", "45s"}) {
    auto sla = ParseSla(text);
    ASSERT_TRUE(sla.ok());
    EXPECT_EQ(FormatSla(*sla), text);
  }
}

TEST(DefaultSla, PerCategory) {
  EXPECT_EQ(FormatSla(DefaultSla(Category::kEmergency)), "15m");
  EXPECT_EQ(FormatSla(DefaultSla(Category::kActiveEstimate)), "2h business");
  EXPECT_EQ(FormatSla(DefaultSla(Category::kOldEstimate)), "1d business");
  EXPECT_EQ(FormatSla(DefaultSla(Category::kWarranty)), "4h business");
  EXPECT_EQ(FormatSla(DefaultSla(Category::kRoutine)), "1d business");
  EXPECT_EQ(FormatSla(DefaultSla(Category::kUnknown)), "2h business");
  EXPECT_EQ(DefaultSla(Category::kSpam).amount, Seconds(0));
}

TEST(SlaFor, CompanySettingWins) {
  CompanyConfig c = testing_company::Company();
  c.sla[Category::kWarranty] = Sla{hours(8), true};
  EXPECT_EQ(FormatSla(SlaFor(c, Category::kWarranty)), "8h business");
  EXPECT_EQ(FormatSla(SlaFor(c, Category::kEmergency)), "15m");
}

TEST(NextActionFor, ConcreteDefaultsAndCompanyOverride) {
  CompanyConfig c = testing_company::Company();
  EXPECT_EQ(NextActionFor(c, Category::kEmergency),
            "Call within 15 min; if no answer, text the urgent note");
  for (Category cat : {Category::kActiveEstimate, Category::kOldEstimate, Category::kWarranty,
                       Category::kRoutine, Category::kUnknown}) {
    EXPECT_FALSE(NextActionFor(c, cat).empty()) << CategoryName(cat);
  }
  EXPECT_EQ(NextActionFor(c, Category::kStop), "");
  c.sla[Category::kEmergency] = Sla{minutes(10), false};
  EXPECT_EQ(NextActionFor(c, Category::kEmergency),
            "Call within 10 min; if no answer, text the urgent note");
  c.next_action[Category::kRoutine] = "Email the price sheet";
  EXPECT_EQ(NextActionFor(c, Category::kRoutine), "Email the price sheet");
}

}  // namespace
}  // namespace ringback
