// Callback drafts: the wording per category, the greeting, and the categories that must never
// get a draft.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "message/draft.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

DraftInput Input(Category category, std::string name = "Jane Doe") {
  DraftInput in;
  in.category = category;
  in.contact_name = std::move(name);
  in.agent_name = "Rick Hollis";
  in.company_name = "Summit Ridge Roofing & Air";
  in.summary = "roof leaking over the garage";
  return in;
}

const Category kReal[] = {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
                          Category::kWarranty,  Category::kRoutine,        Category::kUnknown};

TEST(DraftCallback, EveryRealCategoryGetsAGreetingAndTheSender) {
  for (Category c : kReal) {
    const std::string draft = DraftCallback(Input(c));
    ASSERT_FALSE(draft.empty()) << CategoryName(c);
    EXPECT_THAT(draft, StartsWith("Hi Jane,")) << CategoryName(c);
    EXPECT_THAT(draft, HasSubstr("Rick with Summit Ridge Roofing & Air")) << CategoryName(c);
    EXPECT_THAT(draft, Not(HasSubstr("&amp;"))) << "a text message is not HTML";
    EXPECT_THAT(draft, Not(HasSubstr("{{"))) << CategoryName(c);
    EXPECT_THAT(draft, Not(HasSubstr("\n"))) << CategoryName(c);
    EXPECT_THAT(draft, Not(HasSubstr("  "))) << CategoryName(c) << ": " << draft;
    EXPECT_LT(draft.size(), 480u) << "a callback text stays short: " << CategoryName(c);
  }
}

TEST(DraftCallback, EmergencyTellsThemToCall911) {
  const std::string draft = DraftCallback(Input(Category::kEmergency));
  EXPECT_THAT(draft, HasSubstr("911"));
  EXPECT_THAT(draft, HasSubstr("calling you now"));
  EXPECT_THAT(draft, HasSubstr("STOP"));
}

TEST(DraftCallback, OldEstimateAsksOnceAndOffersNotInterested) {
  const std::string draft = DraftCallback(Input(Category::kOldEstimate));
  EXPECT_THAT(draft, HasSubstr("estimate"));
  EXPECT_THAT(draft, HasSubstr("not interested"));
}

TEST(DraftCallback, OtherCategoriesCarryStopWording) {
  for (Category c : {Category::kActiveEstimate, Category::kWarranty, Category::kRoutine, Category::kUnknown}) {
    EXPECT_THAT(DraftCallback(Input(c)), HasSubstr("Reply STOP to opt out")) << CategoryName(c);
  }
}

TEST(DraftCallback, CategoryWordingFitsTheRequest) {
  EXPECT_THAT(DraftCallback(Input(Category::kActiveEstimate)), HasSubstr("quote"));
  EXPECT_THAT(DraftCallback(Input(Category::kWarranty)), HasSubstr("problem with our work"));
  EXPECT_THAT(DraftCallback(Input(Category::kUnknown)), HasSubstr("missed your call"));
  // Each category has its own text.
  for (Category a : kReal) {
    for (Category b : kReal) {
      if (a == b) continue;
      EXPECT_NE(DraftCallback(Input(a)), DraftCallback(Input(b))) << CategoryName(a) << " vs " << CategoryName(b);
    }
  }
}

TEST(DraftCallback, WithoutANameTheGreetingIsJustHi) {
  for (const char* name : {"", "WIRELESS CALLER", "Anonymous", "(512) 555-0142", "J.", "AUSTIN TX"}) {
    for (Category c : kReal) {
      const std::string draft = DraftCallback(Input(c, name));
      ASSERT_FALSE(draft.empty());
      EXPECT_THAT(draft, StartsWith("Hi,")) << '"' << name << "\" " << CategoryName(c);
      EXPECT_THAT(draft, Not(HasSubstr("Hi ,"))) << name;
      EXPECT_THAT(draft, Not(HasSubstr("WIRELESS"))) << name;
    }
  }
}

TEST(DraftCallback, WithoutAnAgentOrCompanyItStillReadsWell) {
  DraftInput in = Input(Category::kRoutine);
  in.agent_name = "";
  in.company_name = "";
  const std::string draft = DraftCallback(in);
  EXPECT_THAT(draft, StartsWith("Hi Jane, this is our office."));
  EXPECT_THAT(draft, Not(HasSubstr(" with ,")));
}

TEST(DraftCallback, NamesAreNotHtmlEscaped) {
  const std::string draft = DraftCallback(Input(Category::kRoutine, "Shaun O'Brien"));
  EXPECT_THAT(draft, StartsWith("Hi Shaun,"));
  DraftInput in = Input(Category::kRoutine, "Mary-Kate O'Neil");
  EXPECT_THAT(DraftCallback(in), StartsWith("Hi Mary-Kate,"));
}

TEST(DraftCallback, NoDraftForSpamDuplicateOrStop) {
  for (Category c : {Category::kSpam, Category::kDuplicate, Category::kStop}) {
    EXPECT_EQ(DraftCallback(Input(c)), "") << CategoryName(c);
  }
}

TEST(DraftCallback, NoDraftForSomeoneWhoAskedToStop) {
  for (Category c : kReal) {
    DraftInput in = Input(c);
    in.do_not_contact = true;
    EXPECT_EQ(DraftCallback(in), "") << CategoryName(c);
  }
}

TEST(GreetingName, FirstNameOfARealName) {
  EXPECT_EQ(GreetingName("Jane Doe"), "Jane");
  EXPECT_EQ(GreetingName("  Glenn   Harper "), "Glenn");
  EXPECT_EQ(GreetingName("Olivia"), "Olivia");
  EXPECT_EQ(GreetingName("Mary-Kate Olsen"), "Mary-Kate");
  EXPECT_EQ(GreetingName("D'Andre Smith"), "D'Andre");
}

TEST(GreetingName, NothingForCallerIdTextNumbersOrInitials) {
  EXPECT_EQ(GreetingName("WIRELESS CALLER"), "");
  EXPECT_EQ(GreetingName("MITCHELL DWAYNE"), "") << "all-caps caller ID is not a greeting";
  EXPECT_EQ(GreetingName("Anonymous"), "");
  EXPECT_EQ(GreetingName("Unknown Caller"), "");
  EXPECT_EQ(GreetingName("Private"), "");
  EXPECT_EQ(GreetingName("Wireless Caller"), "");
  EXPECT_EQ(GreetingName("(512) 555-0142"), "");
  EXPECT_EQ(GreetingName("+15125550142"), "");
  EXPECT_EQ(GreetingName("J. Doe"), "");
  EXPECT_EQ(GreetingName("J"), "");
  EXPECT_EQ(GreetingName(""), "");
  EXPECT_EQ(GreetingName("jane@example.com"), "");
}

}  // namespace
}  // namespace ringback
