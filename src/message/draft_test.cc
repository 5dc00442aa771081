// Callback drafts: the wording per category, the greeting, and the categories that must never
// get a draft.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "message/draft.h"

namespace ringback {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
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

TEST(DraftCallback, EmergencyPointsTo911AndAsksForNumberAndDescription) {
  const std::string draft = DraftCallback(Input(Category::kEmergency));
  EXPECT_THAT(draft, HasSubstr("call 911 first"));
  EXPECT_THAT(draft, HasSubstr("trying to call you"));
  EXPECT_THAT(draft, HasSubstr("best number"));
  EXPECT_THAT(draft, HasSubstr("what's happening"));
  EXPECT_THAT(draft, HasSubstr("Reply STOP to opt out."));
}

TEST(DraftCallback, OldEstimateAsksOnceAndOffersNotInterested) {
  const std::string draft = DraftCallback(Input(Category::kOldEstimate));
  EXPECT_THAT(draft, HasSubstr("once on our estimate"));
  EXPECT_THAT(draft, HasSubstr("reply not interested and we'll close it"));
}

TEST(DraftCallback, MissedCallAsksWhetherItIsStillNeeded) {
  const std::string draft = DraftCallback(Input(Category::kUnknown));
  EXPECT_THAT(draft, HasSubstr("Sorry we missed your call."));
  EXPECT_THAT(draft, HasSubstr("Still need help, or is it taken care of?"));
}

TEST(DraftCallback, OtherCategoriesCarryStopWording) {
  for (Category c : {Category::kActiveEstimate, Category::kWarranty, Category::kRoutine, Category::kUnknown}) {
    EXPECT_THAT(DraftCallback(Input(c)), HasSubstr("Reply STOP to opt out")) << CategoryName(c);
  }
}

TEST(DraftCallback, CategoryWordingFitsTheRequest) {
  EXPECT_THAT(DraftCallback(Input(Category::kActiveEstimate)), HasSubstr("quote"));
  EXPECT_THAT(DraftCallback(Input(Category::kWarranty)), HasSubstr("wrong with our work"));
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

DraftInput On(DraftChannel channel, Category category, std::string name = "Jane Doe") {
  DraftInput in = Input(category, std::move(name));
  in.channel = channel;
  in.agent_phone = "(512) 555-0142";
  return in;
}

TEST(WriteDraft, EveryChannelAndCategoryHasAShortTextWithAWayToStop) {
  for (DraftChannel channel : kDraftChannels) {
    for (Category c : kReal) {
      const Draft d = WriteDraft(On(channel, c));
      const std::string what = std::string(DraftChannelName(channel)) + "." + std::string(CategoryName(c));
      ASSERT_FALSE(d.text.empty()) << what;
      EXPECT_EQ(d.template_key, what);
      EXPECT_FALSE(d.company_template) << what;
      EXPECT_TRUE(HasStopWording(d.text)) << what << ":\n" << d.text;
      EXPECT_THAT(PressurePhrases(d.text + d.subject), IsEmpty()) << what;
      EXPECT_THAT(d.text, Not(HasSubstr("{{"))) << what;
      EXPECT_THAT(d.text, Not(HasSubstr("\n\n\n"))) << what;
      EXPECT_EQ(d.subject.empty(), channel != DraftChannel::kEmail) << what;
      EXPECT_EQ(d.sms.has_value(), channel == DraftChannel::kSms) << what;
      EXPECT_FALSE(d.send_after.has_value()) << "quiet hours are the caller's: " << what;
      EXPECT_LT(d.text.size(), 800u) << what;
    }
  }
}

TEST(WriteDraft, SmsDraftsCarryTheirEncodingAndSegments) {
  const Draft d = WriteDraft(On(DraftChannel::kSms, Category::kUnknown));
  ASSERT_TRUE(d.sms.has_value());
  EXPECT_EQ(d.sms->encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(d.sms->segments, 1u) << d.text;
  EXPECT_FALSE(HasErrors(d.sms->issues));
}

TEST(WriteDraft, EmergencyOnEveryChannelPointsTo911) {
  for (DraftChannel channel : kDraftChannels) {
    const Draft d = WriteDraft(On(channel, Category::kEmergency));
    EXPECT_THAT(d.text, HasSubstr("911")) << DraftChannelName(channel);
    EXPECT_THAT(d.text, HasSubstr("best number")) << DraftChannelName(channel);
  }
}

TEST(WriteDraft, EmailHasASubjectQuotesTheRequestAndSignsOff) {
  const Draft d = WriteDraft(On(DraftChannel::kEmail, Category::kActiveEstimate));
  EXPECT_EQ(d.subject, "Your estimate request with Summit Ridge Roofing & Air");
  EXPECT_THAT(d.text, StartsWith("Hi Jane,\n\nSorry we missed you."));
  EXPECT_THAT(d.text, HasSubstr("You wrote: \"roof leaking over the garage\""));
  EXPECT_THAT(d.text, HasSubstr("Thanks,\nRick\nSummit Ridge Roofing & Air\n(512) 555-0142\n"));
  EXPECT_THAT(d.text, HasSubstr("reply not interested and we won't contact you again"));
}

TEST(WriteDraft, EmailWithNothingKnownStillReadsWell) {
  DraftInput in = On(DraftChannel::kEmail, Category::kActiveEstimate, "WIRELESS CALLER");
  in.agent_name = in.agent_phone = in.company_name = in.summary = "";
  const Draft d = WriteDraft(in);
  EXPECT_EQ(d.subject, "Your estimate request with our office");
  EXPECT_THAT(d.text, StartsWith("Hi,\n\nSorry we missed you.\n\nAre you still"));
  EXPECT_THAT(d.text, HasSubstr("Thanks,\nour office\n\nIf you'd rather"));
  EXPECT_THAT(d.text, Not(HasSubstr("You wrote")));
}

TEST(WriteDraft, CallScriptGreetsByNameOnlyWhenKnown) {
  Draft d = WriteDraft(On(DraftChannel::kCall, Category::kRoutine));
  EXPECT_THAT(d.text, StartsWith("Hi, this is Rick with Summit Ridge Roofing & Air. Am I speaking with Jane?"));
  EXPECT_THAT(d.text, HasSubstr("[They asked: \"roof leaking over the garage\"]"));
  EXPECT_THAT(d.text, HasSubstr("we won't call again"));
  DraftInput in = On(DraftChannel::kCall, Category::kRoutine, "");
  in.summary = "";
  d = WriteDraft(in);
  EXPECT_THAT(d.text, StartsWith("Hi, this is Rick with Summit Ridge Roofing & Air. Thanks for reaching out"));
  EXPECT_THAT(d.text, Not(HasSubstr("They asked")));
  EXPECT_THAT(d.text, Not(HasSubstr("\n\n")));
}

TEST(WriteDraft, OldEstimateEverywhereIsEasyToDecline) {
  for (DraftChannel channel : kDraftChannels) {
    const Draft d = WriteDraft(On(channel, Category::kOldEstimate));
    EXPECT_THAT(d.text, HasSubstr("once")) << DraftChannelName(channel) << ": follow up once, not a sequence";
    EXPECT_TRUE(HasStopWording(d.text)) << DraftChannelName(channel);
  }
}

TEST(WriteDraft, TheCompanyTemplateWinsWhenItFollowsTheRules) {
  const std::map<std::string, std::string> company{
      {"sms.routine", "Hi {{contact.first_name}}, {{agent.first_name}} from {{company.name}}. Call you back? Reply STOP to opt out."}};
  DraftInput in = Input(Category::kRoutine);
  in.templates = &company;
  Draft d = WriteDraft(in);
  EXPECT_TRUE(d.company_template);
  EXPECT_EQ(d.text, "Hi Jane, Rick from Summit Ridge Roofing & Air. Call you back? Reply STOP to opt out.");
  EXPECT_THAT(d.notes, IsEmpty());
  // Other categories and channels keep the built-in text.
  in.category = Category::kWarranty;
  EXPECT_FALSE(WriteDraft(in).company_template);
  // Unknown caller: "Hi," not "Hi ,", and no stray space where the agent was.
  in = Input(Category::kRoutine, "WIRELESS CALLER");
  in.agent_name = "";
  in.templates = &company;
  EXPECT_EQ(WriteDraft(in).text, "Hi, from Summit Ridge Roofing & Air. Call you back? Reply STOP to opt out.");
}

TEST(WriteDraft, ACompanyTemplateThatBreaksARuleIsNotUsed) {
  const std::map<std::string, std::string> company{
      {"sms.unknown", "Hi {{contact.first_name}}, we missed your call!"},                  // no way to stop
      {"sms.routine", "Act now {{contact.first_name}}: 15% off! Reply STOP to opt out."},  // pressure
      {"sms.warranty", "Hi {{contact.nickname}}. Reply STOP to opt out."},               // unknown field
      {"sms.old_estimate", "Hi {{#contact.first_name}}. Reply STOP to opt out."},        // syntax
      {"email.active_estimate", "Subject: Hi\n\nStill want that quote?"},                  // no way to stop
  };
  for (const auto& [key, text] : company) {
    const std::size_t dot = key.find('.');
    DraftInput in = On(*ParseDraftChannel(key.substr(0, dot)), *ParseCategory(key.substr(dot + 1)));
    in.templates = &company;
    const Draft d = WriteDraft(in);
    EXPECT_FALSE(d.company_template) << key;
    EXPECT_EQ(d.text, WriteDraft(On(in.channel, in.category)).text) << key << ": the built-in text instead";
    EXPECT_THAT(d.notes, ElementsAre(StartsWith("company template " + key + " not used: "))) << key;
  }
}

TEST(WriteDraft, NoDraftOnAnyChannelForSpamDuplicateStopOrASuppressedContact) {
  // Even when the company wrote templates for them.
  std::map<std::string, std::string> company;
  for (DraftChannel channel : kDraftChannels)
    for (const char* category : {"spam", "duplicate", "stop", "routine"})
      company[std::string(DraftChannelName(channel)) + "." + category] = "Hi {{contact.first_name}}. Reply STOP to opt out.";
  for (DraftChannel channel : kDraftChannels) {
    for (Category c : {Category::kSpam, Category::kDuplicate, Category::kStop}) {
      DraftInput in = On(channel, c);
      in.templates = &company;
      const Draft d = WriteDraft(in);
      EXPECT_EQ(d.text, "") << DraftChannelName(channel) << " " << CategoryName(c);
      EXPECT_EQ(d.subject, "");
      EXPECT_THAT(d.withheld, HasSubstr(std::string(CategoryName(c)))) << DraftChannelName(channel);
    }
    for (Category c : kReal) {
      DraftInput in = On(channel, c);
      in.templates = &company;
      in.do_not_contact = true;
      const Draft d = WriteDraft(in);
      EXPECT_EQ(d.text, "") << DraftChannelName(channel) << " " << CategoryName(c);
      EXPECT_EQ(d.withheld, "the contact asked to stop");
    }
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
