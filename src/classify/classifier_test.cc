// Behaviour of the classifier as the office sees it: which category a message lands in, how
// sure it is, and whether the reasons name the words or facts that decided it.
#include "classify/classifier.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace ringback {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::shared_ptr<const Classifier> Make(const CompanyConfig& config = {}) {
  auto c = Classifier::Create(config);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : nullptr;
}

const Classifier& Default() {
  static const std::shared_ptr<const Classifier> c = Make();
  return *c;
}

Classification Sms(std::string_view text, const ClassifyContext& ctx = {}) {
  return Default().Classify(Channel::kSms, text, ctx);
}

Category Cat(std::string_view text, const ClassifyContext& ctx = {}) {
  return Sms(text, ctx).category;
}

std::string AllReasons(const Classification& c) {
  std::string out;
  for (const std::string& r : c.reasons) out += r + "\n";
  return out;
}

ClassifyContext Age(int days) {
  ClassifyContext ctx;
  ctx.estimate_age_days = days;
  return ctx;
}

// --- stop -----------------------------------------------------------------------------------

class StopKeyword : public ::testing::TestWithParam<const char*> {};

TEST_P(StopKeyword, AloneIsStop) {
  const Classification c = Sms(GetParam());
  EXPECT_EQ(c.category, Category::kStop) << GetParam();
  EXPECT_GE(c.confidence, 0.95);
  EXPECT_THAT(AllReasons(c), HasSubstr("opt-out keyword"));
}

INSTANTIATE_TEST_SUITE_P(CarrierKeywords, StopKeyword,
                         ::testing::Values("STOP", "stop", "Stop.", "STOP!!", "  stop  ",
                                           "STOPALL", "UNSUBSCRIBE", "Cancel", "END", "quit",
                                           "REVOKE", "OPT OUT", "opt-out", "OPTOUT",
                                           "Stop please", "\xE2\x80\x9CSTOP\xE2\x80\x9D"));

class StopPhrase : public ::testing::TestWithParam<const char*> {};

TEST_P(StopPhrase, AnywhereIsStop) {
  EXPECT_EQ(Cat(GetParam()), Category::kStop) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, StopPhrase,
    ::testing::Values("Hi, please take me off your list, thanks", "Don't call me again.",
                      "dont call me again", "Do not contact me", "wrong number",
                      "I think you have the wrong number", "Not interested.",
                      "we are no longer interested", "Leave me alone!", "remove my number",
                      "please don\xE2\x80\x99t text me", "stop texting me",
                      "This is harassment", "We went with another company",
                      "Please unsubscribe me from these emails", "quit calling me",
                      "how did you get my number?", "wrong #"));

class NotStop : public ::testing::TestWithParam<const char*> {};

TEST_P(NotStop, OrdinaryUseOfStopWordsIsNotStop) {
  EXPECT_NE(Cat(GetParam()), Category::kStop) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    Words, NotStop,
    ::testing::Values("can you stop by Tuesday", "can you stop the leak", "stop the leak please",
                      "cancel my appointment for Friday", "it won't stop dripping",
                      "the furnace keeps stopping", "End of the month works for the install",
                      "Quit my job so I'm home all day for the estimate",
                      "I think I gave you the wrong number on the form, it's 512-555-0199",
                      "Don't call before 5, text is fine. Need a quote.",
                      "I'm not interested in the premium shingles, just the standard ones",
                      "Reply STOP to opt out of these reminders. Your Google listing expires.",
                      "press nine to opt out of your business listing update",
                      "We're going a different direction with the layout, can you revise the "
                      "quote?"));

TEST(Stop, WinsOverAnEmergencyInTheSameMessage) {
  EXPECT_EQ(Cat("Water is pouring in but don't call me again, I found someone else"),
            Category::kStop);
}

TEST(Stop, ReasonQuotesTheWords) {
  EXPECT_THAT(AllReasons(Sms("OK. Please take me off your list.")),
              HasSubstr("\"take me off your list\""));
}

// --- emergency ------------------------------------------------------------------------------

class EmergencyCue : public ::testing::TestWithParam<const char*> {};

TEST_P(EmergencyCue, IsEmergency) {
  const Classification c = Sms(GetParam());
  EXPECT_EQ(c.category, Category::kEmergency) << GetParam() << "\n" << AllReasons(c);
  EXPECT_GE(c.confidence, 0.7);
}

INSTANTIATE_TEST_SUITE_P(
    Cues, EmergencyCue,
    ::testing::Values(
        "water coming through the ceiling in the den",            // active leak
        "the roof is leaking into the bedroom",                   // active leak
        "no heat and it's 50 degrees inside",                     // no heat
        "furnace won't turn on",                                  // no heat
        "AC is blowing warm air and it's 90 in the house",        // no cooling
        "a tree fell on our garage in the storm",                 // storm damage
        "shingles blew off and there's a hole in the roof",       // storm damage
        "standing water in the basement",                         // water intrusion
        "we smell gas by the water heater",                       // safety
        "the outlet by the panel is sparking",                    // safety
        "sewage backing up into the tub",                         // safety
        "basement is flooding",                                   // safety
        "locked out, garage door stuck",                          // access
        "pipe burst in the crawl space"));

TEST(Emergency, ReasonQuotesTheBuyersOwnWords) {
  const Classification c = Sms("Water\xE2\x80\x99s coming thru the CEILING in the den");
  EXPECT_EQ(c.category, Category::kEmergency);
  EXPECT_THAT(AllReasons(c), HasSubstr("says \"Water\xE2\x80\x99s coming thru\""));
}

TEST(Emergency, SinceLastNightIsStillActive) {
  const Classification c = Sms("no heat since last night");
  EXPECT_EQ(c.category, Category::kEmergency);
  EXPECT_THAT(AllReasons(c), HasSubstr("\"since last night\""));
}

TEST(Emergency, NegatedCuesDoNotMakeAnEmergency) {
  for (const char* text :
       {"the roof is no longer leaking", "it's not leaking anymore",
        "This is not an emergency, the filter light is blinking",
        "the leak has stopped since you patched it", "not urgent, just want a tune-up",
        "our basement flooded back in 2019, we want to finish it now",
        "No heat issues this year, just want the annual tune-up"})
    EXPECT_NE(Cat(text), Category::kEmergency) << text;
}

TEST(Emergency, NegationIsExplainedInTheReasons) {
  EXPECT_THAT(AllReasons(Sms("We're no longer leaking, thanks for the patch")),
              HasSubstr("not counted: \"no longer leaking\" (negated)"));
}

TEST(Emergency, DoubleNegativeStillLeaks) {
  EXPECT_EQ(Cat("the ceiling won't stop dripping"), Category::kEmergency);
  EXPECT_EQ(Cat("it hasn't stopped leaking through the roof since yesterday"),
            Category::kEmergency);
}

TEST(Emergency, NoRushDemotesAProblemButNotASafetyRisk) {
  const Classification leak = Sms("No rush, but the roof is leaking a little over the porch");
  EXPECT_EQ(leak.category, Category::kActiveEstimate);
  EXPECT_THAT(AllReasons(leak), HasSubstr("not treated as an emergency"));
  EXPECT_EQ(Cat("no rush but I smell gas near the furnace"), Category::kEmergency);
}

TEST(Emergency, WeakProblemNeedsUrgency) {
  EXPECT_EQ(Cat("there's a leak under the sink"), Category::kActiveEstimate);
  EXPECT_EQ(Cat("there's a leak under the sink, need someone asap"), Category::kEmergency);
}

TEST(Emergency, SomeoneElsesEmergencyIsNot) {
  EXPECT_NE(Cat("sorry for the delay after your proposal, we had a family emergency"),
            Category::kEmergency);
  EXPECT_NE(Cat("do you offer emergency service on weekends?"), Category::kEmergency);
}

// --- misspellings ---------------------------------------------------------------------------

TEST(Spelling, CommonSmsAndTranscriptErrorsAreUnderstood) {
  EXPECT_EQ(Cat("theres a leek in the roof plz call asap"), Category::kEmergency);
  EXPECT_EQ(Cat("water leaking thru the ceiling"), Category::kEmergency);
  EXPECT_EQ(Cat("our furnance quit"), Category::kEmergency);
  EXPECT_EQ(Cat("the a/c is not cooling"), Category::kEmergency);
  EXPECT_EQ(Cat("AC not cooling"), Category::kEmergency);
  EXPECT_EQ(Cat("can I get an estimite for gutters"), Category::kActiveEstimate);
  EXPECT_EQ(Cat("need a qoute for a new roof"), Category::kActiveEstimate);
  EXPECT_EQ(Cat("pls unsubcribe me"), Category::kStop);
}

// --- estimates ------------------------------------------------------------------------------

TEST(Estimate, RequestsArePricingScopeInspectionOrScheduling) {
  for (const char* text :
       {"How much to replace a 40 gallon water heater?", "Can someone come out and look at our gutters?",
        "I'd like to schedule an inspection", "Looking for a quote on a kitchen remodel",
        "What would it cost to add a bathroom fan?"})
    EXPECT_EQ(Cat(text), Category::kActiveEstimate) << text;
}

TEST(Estimate, AgeOfTheEstimateOnFileDecidesActiveOrOld) {
  const char* reply = "We got your quote and would like to move forward";
  const Classification young = Sms(reply, Age(10));
  EXPECT_EQ(young.category, Category::kActiveEstimate);
  EXPECT_THAT(AllReasons(young), HasSubstr("estimate sent 10 days ago"));
  const Classification old = Sms(reply, Age(45));
  EXPECT_EQ(old.category, Category::kOldEstimate);
  EXPECT_THAT(AllReasons(old), HasSubstr("estimate sent 45 days ago"));
  EXPECT_EQ(Cat(reply, Age(30)), Category::kOldEstimate);  // the threshold itself is old
  EXPECT_EQ(Cat(reply, Age(29)), Category::kActiveEstimate);
}

TEST(Estimate, CompanyThresholdComesFromConfig) {
  CompanyConfig config;
  config.old_estimate_days = 60;
  const auto c = Make(config);
  ClassifyContext ctx;
  ctx.estimate_age_days = 45;
  EXPECT_EQ(c->Classify(Channel::kSms, "is the price on your estimate still good?", ctx).category,
            Category::kActiveEstimate);
}

TEST(Estimate, WordsAloneCanSayTheQuoteIsOld) {
  const Classification c = Sms("Hi, you gave us a quote last spring for the roof");
  EXPECT_EQ(c.category, Category::kOldEstimate);
  EXPECT_THAT(AllReasons(c), HasSubstr("\"last spring\""));
  EXPECT_EQ(Cat("Thanks for the quote you sent, we want to go ahead"),
            Category::kActiveEstimate);
}

TEST(Estimate, NewRequestFromAContactWithAnOldEstimateIsActive) {
  EXPECT_EQ(Cat("Can I get a quote for gutters too?", Age(90)), Category::kActiveEstimate);
}

// --- warranty -------------------------------------------------------------------------------

TEST(Warranty, ProblemWithTheCompanysOwnWork) {
  const Classification c = Sms("you replaced our roof last year and it leaks at the flashing");
  EXPECT_EQ(c.category, Category::kWarranty);
  EXPECT_THAT(AllReasons(c), AllOf(HasSubstr("\"you replaced\""), HasSubstr("\"leaks\"")));
  EXPECT_EQ(Cat("the unit you installed is making a grinding noise"), Category::kWarranty);
}

TEST(Warranty, PastJobOnFileStrengthensIt) {
  ClassifyContext past;
  past.has_past_job = true;
  EXPECT_EQ(Cat("the drain is clogged again", {}), Category::kActiveEstimate);
  const Classification c = Sms("the drain is clogged again", past);
  EXPECT_EQ(c.category, Category::kWarranty);
  EXPECT_THAT(AllReasons(c), HasSubstr("past job"));
  const char* work = "the water heater you installed is rumbling";
  EXPECT_GT(Sms(work, past).confidence, Sms(work).confidence);
}

TEST(Warranty, TermsQuestionIsRoutineNotAClaim) {
  EXPECT_EQ(Cat("How long is the warranty on a new roof?"), Category::kRoutine);
}

// --- routine, spam, unknown -----------------------------------------------------------------

TEST(Routine, QuestionsThatAreUsefulButNotUrgent) {
  for (const char* text :
       {"Do you service Round Rock?", "What are your hours on Saturday?",
        "Do you offer maintenance plans?", "Are you licensed and insured?",
        "Need to reschedule my appointment to next week"})
    EXPECT_EQ(Cat(text), Category::kRoutine) << text;
}

TEST(Spam, PitchesToTheBusiness) {
  for (const char* text :
       {"This is an important message about your Google listing, press 1",
        "We have exclusive roofing leads in your area", "Your business is pre-approved for "
        "working capital", "calling about your car's extended warranty",
        "I'm a recruiter with licensed HVAC techs available", "We do SEO for contractors"})
    EXPECT_EQ(Cat(text), Category::kSpam) << text;
}

TEST(Spam, ARealRequestIsNeverSpam) {
  EXPECT_EQ(Cat("Found you on Google, need a quote for my roof"), Category::kActiveEstimate);
  ClassifyContext listed;
  listed.on_spam_list = true;
  const Classification c = Sms("water pouring through the kitchen ceiling", listed);
  EXPECT_EQ(c.category, Category::kEmergency);
  EXPECT_EQ(Cat("call me back", listed), Category::kSpam);
}

TEST(Context, BlockListedCallerWithNothingSaidIsSpam) {
  ClassifyContext ctx;
  ctx.on_spam_list = true;
  ctx.duration_seconds = 3;
  const Classification c = Default().Classify(Channel::kCall, "", ctx);
  EXPECT_EQ(c.category, Category::kSpam);
  EXPECT_THAT(AllReasons(c), HasSubstr("block list"));
}

TEST(Context, ShortUnansweredCallIsUnknownNotSpam) {
  ClassifyContext ctx;
  ctx.duration_seconds = 4;
  const Classification c = Default().Classify(Channel::kCall, "", ctx);
  EXPECT_EQ(c.category, Category::kUnknown);
  EXPECT_THAT(AllReasons(c), HasSubstr("missed call of 4 s"));
}

TEST(Context, AnsweredCallWithoutNotesIsUnknown) {
  ClassifyContext ctx;
  ctx.answered = true;
  ctx.duration_seconds = 120;
  const Classification c = Default().Classify(Channel::kCall, "", ctx);
  EXPECT_EQ(c.category, Category::kUnknown);
  EXPECT_THAT(AllReasons(c), HasSubstr("answered call"));
}

TEST(Context, MissedCallFromAContactWithAnEstimateIsAboutTheEstimate) {
  const Classification c = Default().Classify(Channel::kCall, "", Age(45));
  EXPECT_EQ(c.category, Category::kOldEstimate);
  EXPECT_LT(c.confidence, 0.6);
}

TEST(Context, RepeatedCallsMakeAWeakProblemAnEmergency) {
  ClassifyContext repeated;
  repeated.calls_within_minutes = 2;
  EXPECT_EQ(Cat("call me back, it's about the leak"), Category::kActiveEstimate);
  const Classification c = Sms("call me back, it's about the leak", repeated);
  EXPECT_EQ(c.category, Category::kEmergency);
  EXPECT_THAT(AllReasons(c), HasSubstr("called 2 more times within 15 minutes"));
}

TEST(Context, RepeatedCallsWithoutAnUrgentCueOnlyRaiseConfidence) {
  ClassifyContext repeated;
  repeated.calls_within_minutes = 3;
  const Classification once = Default().Classify(Channel::kCall, "", {});
  const Classification thrice = Default().Classify(Channel::kCall, "", repeated);
  EXPECT_EQ(thrice.category, Category::kUnknown);
  EXPECT_GT(thrice.confidence, once.confidence);
  EXPECT_THAT(AllReasons(thrice), HasSubstr("called 3 more times"));
  const Classification quote = Sms("can I get a quote for gutters", repeated);
  EXPECT_EQ(quote.category, Category::kActiveEstimate);
  EXPECT_GT(quote.confidence, Sms("can I get a quote for gutters").confidence);
  ClassifyContext single;
  single.calls_within_minutes = 1;
  EXPECT_EQ(Cat("call me back, it's about the leak", single), Category::kActiveEstimate);
}

TEST(Unknown, NothingToGoOn) {
  const Classification c = Sms("Hi, call me back please");
  EXPECT_EQ(c.category, Category::kUnknown);
  EXPECT_FALSE(c.reasons.empty());
  EXPECT_EQ(Default().Classify(Channel::kVoicemail, "   ", {}).category, Category::kUnknown);
}

// --- precedence -----------------------------------------------------------------------------

TEST(Precedence, StopEmergencyWarrantyEstimateRoutine) {
  EXPECT_EQ(Cat("Not interested. Also the roof is leaking."), Category::kStop);
  EXPECT_EQ(Cat("the AC you installed is not cooling and it's 90 inside"),
            Category::kEmergency);
  EXPECT_EQ(Cat("the faucet you installed drips, can you give me a quote for a new one?"),
            Category::kWarranty);
  EXPECT_EQ(Cat("Do you service Austin? I need a quote for a new roof"),
            Category::kActiveEstimate);
  EXPECT_EQ(Cat("How long does a roof replacement take?"), Category::kRoutine);
}

// --- trade ----------------------------------------------------------------------------------

TEST(Trade, NamedByTheWords) {
  EXPECT_EQ(Sms("need a quote for new shingles and gutters").trade, "roofing");
  EXPECT_EQ(Sms("the furnace and thermostat are acting up").trade, "hvac");
  EXPECT_EQ(Sms("toilet is clogged and the sink drains slow").trade, "plumbing");
  EXPECT_EQ(Sms("mold and water damage after the flood").trade, "restoration");
  EXPECT_EQ(Sms("we want to remodel the kitchen, new cabinets").trade, "remodeling");
  EXPECT_EQ(Sms("call me back").trade, "");
}

// --- company terms --------------------------------------------------------------------------

TEST(ExtraTerms, ExtendTheLexicons) {
  CompanyConfig config;
  config.trades = {"roofing", "solar"};
  config.extra_terms["emergency"] = {"ice machine down"};
  config.extra_terms["spam"] = {"roofing directory"};
  config.extra_terms["emergency.problem"] = {"inverter beeping"};
  config.extra_terms["solar"] = {"solar panel*"};
  config.extra_terms["stop.keyword"] = {"basta"};
  const auto c = Make(config);
  ASSERT_NE(c, nullptr);
  const Classification ice = c->Classify(Channel::kSms, "our ice machine down again", {});
  EXPECT_EQ(ice.category, Category::kEmergency);
  EXPECT_THAT(AllReasons(ice), HasSubstr("\"ice machine down\""));
  EXPECT_EQ(c->Classify(Channel::kSms, "List your company in our roofing directory", {}).category,
            Category::kSpam);
  EXPECT_EQ(c->Classify(Channel::kSms, "inverter beeping, need help asap", {}).category,
            Category::kEmergency);
  EXPECT_EQ(c->Classify(Channel::kSms, "quote for solar panels", {}).trade, "solar");
  EXPECT_EQ(c->Classify(Channel::kSms, "Basta!", {}).category, Category::kStop);
  EXPECT_NE(Cat("our ice machine down again"), Category::kEmergency);  // default unchanged
}

TEST(ExtraTerms, MistakesAreReportedNotIgnored) {
  CompanyConfig unknown_key;
  unknown_key.extra_terms["emergancy"] = {"ice machine down"};
  const auto a = Classifier::Create(unknown_key);
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("extra_terms[emergancy]"));
  CompanyConfig bad_regex;
  bad_regex.extra_terms["spam"] = {"re: (unclosed"};
  EXPECT_FALSE(Classifier::Create(bad_regex).ok());
  CompanyConfig bad_section;
  bad_section.extra_terms["stop.nope"] = {"basta"};
  EXPECT_FALSE(Classifier::Create(bad_section).ok());
  CompanyConfig bad_days;
  bad_days.old_estimate_days = 0;
  EXPECT_FALSE(Classifier::Create(bad_days).ok());
}

// --- every result ---------------------------------------------------------------------------

TEST(Result, ConfidenceInRangeReasonsPresentNeverDuplicate) {
  for (const char* text : {"", "STOP", "water pouring in", "hi", "quote please",
                           "press 1 for your google listing", "do you service austin"}) {
    for (Channel ch : {Channel::kCall, Channel::kSms, Channel::kEmail}) {
      const Classification c = Default().Classify(ch, text, {});
      EXPECT_GE(c.confidence, 0.0);
      EXPECT_LE(c.confidence, 1.0);
      EXPECT_FALSE(c.reasons.empty()) << text;
      EXPECT_NE(c.category, Category::kDuplicate);
    }
  }
}

}  // namespace
}  // namespace ringback

namespace ringback {
namespace {

// A 10 MB message (issue 22's mail body) is classified on its first kMaxClassifiedBytes: what
// it says at the start decides; words past the bound are not read.
TEST(ClassifierBound, ALongTextIsClassifiedOnItsPrefix) {
  std::string filler;
  while (filler.size() < 10 * 1000 * 1000) filler += "the weather was fine and the game went long. ";
  const Classification leak = Default().Classify(
      Channel::kEmail, "Water is coming through the ceiling right now, please come today.\n" + filler, {});
  EXPECT_EQ(leak.category, Category::kEmergency) << AllReasons(leak);
  const std::string late = filler.substr(0, kMaxClassifiedBytes + 100) + " water is pouring through the ceiling";
  EXPECT_NE(Default().Classify(Channel::kEmail, late, {}).category, Category::kEmergency)
      << "words past the bound are not read";
}

// --- messages read as people write them (issue 17, independent writers) ---------------------

TEST(Reading, ATapbackIsUnknownWhateverTheQuotedWordsSay) {
  for (const char* text : {"Liked “Your estimate is attached, let us know!”",
                           "Loved \"We'll be there at 9\"", "Reacted 👍 to “Reply STOP to opt out”"})
    EXPECT_EQ(Cat(text), Category::kUnknown) << text;
}

TEST(Reading, AnAutomaticReplyIsUnknown) {
  const Classification c = Default().Classify(
      Channel::kEmail,
      "Subject: Automatic reply: Your estimate\n\nI am out of the office until Monday with "
      "limited access to email. For urgent matters call my cell.",
      {});
  EXPECT_EQ(c.category, Category::kUnknown);
}

TEST(Reading, TheOverpaymentScamIsSpamEvenAboutTheSendersNewHouse) {
  EXPECT_EQ(Cat("Hi, I need a roof quote for my new house. I will send a check for more than "
                "the deposit, please forward the extra to my mover."),
            Category::kSpam);
  // A real buyer paying by check is not.
  EXPECT_EQ(Cat("Can I pay the deposit for the roof by check?"), Category::kRoutine);
}

TEST(Reading, AReplyIsReadApartFromTheMessageItQuotes) {
  EXPECT_EQ(Cat("> Summit Roofing: your estimate expires Friday! Reply YES to book.\n\nNO. "
                "Remove me."),
            Category::kStop);
  // The quoted newsletter's footer and safety tips are the office's words, not the reader's.
  const Classification c = Default().Classify(
      Channel::kEmail,
      "Subject: Re: Fall tips\n\nPlease unsubscribe me from these newsletters. But I still want "
      "the quote for the heat pump.\n\nOn Wed, Oct 1, 2025 at 7:00 AM Comfort Pro wrote:\n> Test "
      "your carbon monoxide detectors.\n> Unsubscribe | Manage preferences",
      {});
  EXPECT_EQ(c.category, Category::kActiveEstimate);
}

TEST(Reading, AListOfChannelsIsAStopAChosenChannelIsNot) {
  EXPECT_EQ(Cat("Do not call, text, or email me again."), Category::kStop);
  EXPECT_NE(Cat("don't call, text me instead, when can you come?"), Category::kStop);
  EXPECT_NE(Cat("stop calling before 9am please, I work nights. still want the quote"),
            Category::kStop);
  EXPECT_NE(Cat("Sorry if wrong number, is this ABC Plumbing? My toilet is leaking"),
            Category::kStop);
}

TEST(Reading, APastEventAlreadyOverIsNotAnEmergency) {
  EXPECT_EQ(Cat("we had a pipe burst in January, it's fixed, need the drywall redone"),
            Category::kActiveEstimate);
  EXPECT_EQ(Cat("roof leaks when it rains, can you come look and give us a price"),
            Category::kActiveEstimate);
  EXPECT_EQ(Cat("AC out. 103°. Mother is 90, home alone."), Category::kEmergency);
}

TEST(Reading, AQuoteDatedInDigitsIsDatedAgainstTheMessage) {
  ClassifyContext december;
  december.received_at = ParseUtc("2026-12-07T15:00:00Z");
  ClassifyContext february;
  february.received_at = ParseUtc("2026-02-20T15:00:00Z");
  const char* text = "Estimate from 2/9 for the kitchen backsplash, still want it. Can you start?";
  EXPECT_EQ(Cat(text, december), Category::kOldEstimate);
  EXPECT_EQ(Cat(text, february), Category::kActiveEstimate);
}

TEST(Reading, StopsReportedByTheOfficeOrALetterAreStops) {
  for (const char* text : {"DNC - customer asked not to be called again. Remove from follow-up list.",
                           "Missed call from (614) 555-0193. VM: asked to be taken off our list.",
                           "no longer the homeowner - pls remove"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
  // A lawyer's letter reads like a pitch to the business ("Dear Sir or Madam", "your company"),
  // but its subject line is the sender's.
  const Classification letter = Default().Classify(
      Channel::kEmail,
      "Subject: Cease and Desist - Unsolicited Calls to Mr. Reyes\n\nDear Sir or Madam:\n\nThis "
      "office represents Mr. Reyes with respect to repeated unsolicited telephone calls placed by "
      "your company. Demand is hereby made that you immediately cease all calls, texts and other "
      "communications and remove his number from any marketing or dialing lists. Please confirm "
      "in writing within ten days.\n\nVery truly yours,\nA. Whitcomb, Esq.",
      {});
  EXPECT_EQ(letter.category, Category::kStop) << AllReasons(letter);
}

TEST(Reading, ALeadPlatformsNoticeIsTheHomeownersWords) {
  // The platform's "Unsubscribe" footer is not a stop and does not make the lead bulk mail;
  // the homeowner's own opt-out inside the notice is a stop.
  const Classification lead = Default().Classify(
      Channel::kEmail,
      "New lead from Angi\nCustomer: Mercedes Alvarado\nService: Gutter Cleaning & Repair\nZIP: 85032\n"
      "Homeowner note: Please do not call before 9 AM. Prefers text.\n\nUnsubscribe from lead alerts",
      {});
  EXPECT_NE(lead.category, Category::kStop) << AllReasons(lead);
  EXPECT_NE(lead.category, Category::kSpam) << AllReasons(lead);
  const Classification refused = Default().Classify(
      Channel::kEmail,
      "HomeAdvisor Lead Alert\nCustomer: Dwayne Fitch\nTask: Repair Water Heater\nZip: 30047\n"
      "Comments from homeowner: I did NOT submit this. Someone used my info. Do not call this number.\n\n"
      "To stop receiving these alerts, update your notification settings in ProCenter.",
      {});
  EXPECT_EQ(refused.category, Category::kStop) << AllReasons(refused);
}

TEST(Reading, ACallAskedForAfterASoftOptOutTakesItBack) {
  EXPECT_NE(Cat("Your office told my husband I'm on a do-not-call list?? I never asked for that. Please call "
                "me about the bathroom estimate, we're ready to schedule."),
            Category::kStop);
  EXPECT_EQ(Cat("I never asked for this. Don't call me about it."), Category::kStop);
}

TEST(Reading, OneChannelRefusedAndAnotherAskedForIsNotAStop) {
  const Classification c = Default().Classify(
      Channel::kSms, "Please stop texting me about the estimate and just call. I can pick up at lunch, 12-1.", {});
  EXPECT_NE(c.category, Category::kStop);
  EXPECT_THAT(AllReasons(c), HasSubstr("asks to be reached by call instead"));
  for (const char* text : {"No me manden correos, no los reviso. Mejor mandeme el presupuesto por WhatsApp.",
                           "No more emails please, they get buried. Text me at 555-418-2290 about the roof quote."})
    EXPECT_NE(Cat(text), Category::kStop) << text;
  // Both channels refused, the other one not asked for, or only offered "if needed": stops.
  for (const char* text : {"Stop texting me. Don't call me either.", "Stop calling me, I'll text you if I need you.",
                           "Please direct no further calls to her home. If anything is needed you may email me."})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
}

TEST(Reading, AQuoteDeclinedInPlainWordsIsAStop) {
  // Estimate words everywhere, and no contact verb: the quote let go is the opt-out.
  for (const char* text : {"We won't be needing the estimate after all. Thanks anyway.",
                           "Please cancel our estimate, we're moving.",
                           "We've decided to hold off indefinitely. Please close out our estimate.",
                           "ya no vamos a necesitar el presupuesto, gracias", "no need for the estimate anymore",
                           "please disregard our estimate request", "I'd like to withdraw my estimate request",
                           "never mind about the estimate", "please void the estimate", "we are declining your estimate",
                           "we're passing on the quote", "hi this is tom about the estimate we've decided against it thank you",
                           "regarding the estimate, we've chosen another contractor",
                           "not going to do the bathroom after all, thanks for the estimate",
                           "the project has been cancelled", "forget the estimate", "estimate declined",
                           "we won't be accepting the quote", "we decided not to use you",
                           "we got a better price elsewhere, no thanks", "too expensive, no thanks",
                           "we're not going to proceed", "no thank you on the estimate"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
  // The same words about one part, or with a request after: not a stop.
  for (const char* text : {"we decided against the metal roof, can you quote architectural shingles instead?",
                           "never mind the quote for the deck, can you quote the fence instead?",
                           "please disregard our estimate request for Tuesday, can you come Thursday instead?",
                           "no need for the estimate visit, just send the price by email",
                           "we're passing on the quote for the gutters but please send one for the roof",
                           "Please cancel our estimate appointment, we'll reschedule next week",
                           "we're not going to proceed until the insurance approves it",
                           "the job was cancelled because of rain yesterday, when can the crew come back?",
                           "too expensive, no thanks on the premium one, send the basic price",
                           "the project is shelved until spring, check back in March"})
    EXPECT_NE(Cat(text), Category::kStop) << text;
}

TEST(Reading, OnePartOptedOutOfIsNotAStop) {
  for (const char* text : {"Remove me from the group text lol. just text me directly about the job",
                           "can you take me off the 8am slot and put me at 1? same day",
                           "you can take my name off the lockbox list, my son will let the crew in",
                           "cancel the quote for the back porch roof, but we still want the front one done",
                           "no more calls today pls, I'm in meetings til 5. can you just email the quote?",
                           "stop! don't pour the footings yet, the inspector hasn't signed off"})
    EXPECT_NE(Cat(text), Category::kStop) << text;
}

TEST(Reading, TheOfficesNoteAboutASellerItTurnedAwayIsSpam) {
  const Classification c = Default().Classify(
      Channel::kCall,
      "Lady said she was a homeowner w/ a gutter problem - turned out she sells gutter guards "
      "wholesale and wants us as an installer. Took her number, not interested.",
      {});
  EXPECT_EQ(c.category, Category::kSpam);
  EXPECT_THAT(AllReasons(c), HasSubstr("a seller it turned away"));
}

TEST(Reading, TheCompanysWorkNamedWithoutYou) {
  EXPECT_EQ(Cat("The seamless gutters installed on 9/19 are overflowing at the front corner, "
                "pitched the wrong way. Please have someone re-hang them."),
            Category::kWarranty);
  // Someone else's work is a new job.
  EXPECT_EQ(Cat("The gutters installed by the previous owner are overflowing at the front "
                "corner. Can you quote new ones?"),
            Category::kActiveEstimate);
  // The company's work praised, then new work asked for.
  EXPECT_EQ(Cat("you did our house roof in 2019 and we loved it. now we need the detached "
                "garage done. can you come give us a price"),
            Category::kActiveEstimate);
}

TEST(Reading, AnEmergencySaidInFacts) {
  for (const char* text :
       {"back deck stairs collapsed this morning, thats the only way out with his wheelchair",
        "someone kicked in our front door last night and the frame is split it won't lock at all",
        "main riser in the basement leaking at a threaded joint, steady stream. gate valve just spins"})
    EXPECT_EQ(Cat(text), Category::kEmergency) << text;
}

TEST(Reading, StopsInEveryVoice) {
  for (const char* text : {"Please no call more this number. I not need service. Thank you",
                           "hi yeah please take me office your list I keep getting the calls thank you",
                           "hi I am calling to unsubscribe, I replied stop and it's still coming",
                           "We've decided not to go ahead with it, so please don't keep following up.",
                           "Quiero darme de baja de sus correos y llamadas.", "\U0001F6D1", "pass"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
  // What the writer does, a footer, a visit cancelled: not opt-outs.
  for (const char* text : {"Yes, I still want the gutters done. Please call me, I do not text much.",
                           "Great news, you qualify for funding.\n\nTo unsubscribe click here",
                           "Cancelen la cita del martes, les marco para otra fecha"})
    EXPECT_NE(Cat(text), Category::kStop) << text;
}

TEST(Reading, AQuoteIsDatedThroughFillersAndAfterAName) {
  for (const char* text : {"hi this is marcy the estimate was for the drain back in um september i think we want to do it now",
                           "VM summary: Linda. Quote for tankless from around Thanksgiving. Asking about start date.",
                           "re: roof est from last Oct. wants to know if price holds"})
    EXPECT_EQ(Cat(text), Category::kOldEstimate) << text;
  const Classification c = Sms("Linda. Quote for tankless from around Thanksgiving.");
  EXPECT_NE(AllReasons(c).find("says \"Quote for\""), std::string::npos) << AllReasons(c);
}

TEST(Reading, AnotherCompanysOldQuoteOrABookedJobIsNotAnOldEstimate) {
  for (const char* text : {"got a quote from another plumber in january for a repipe, 14k, can you come look and beat it",
                           "We got a bid from another roofer back in April. Could you come out and give us your own estimate?"})
    EXPECT_EQ(Cat(text), Category::kActiveEstimate) << text;
  // A job signed and booked off an old quote: the quote's age no longer decides.
  EXPECT_NE(Cat("hi the repipe from the quote we signed back in feb is starting tmrw. door code 2289"),
            Category::kOldEstimate);
}

TEST(Reading, StormDamageToTheCompanysWorkIsANewJob) {
  EXPECT_EQ(Cat("big wind storm last night tore a bunch of shingles off the roof yall did 2 yrs ago. "
                "theyre in the yard. no leak inside. can u come look"),
            Category::kActiveEstimate);
  // Who is at risk does not make the company's failing work a rush.
  EXPECT_EQ(Cat("you did the bathroom at my mom's house. the shower door is dragging and the caulk is "
                "peeling already. She is 84 so please call me not her"),
            Category::kWarranty);
  EXPECT_EQ(Cat("furnace u fixed monday is blowing cold air again. house at 61. we have space heaters "
                "so we're ok for tonight"),
            Category::kWarranty);
}

TEST(Reading, StopsSaidLastOrForSomeoneElse) {
  for (const char* text : {"We sold. Remove.", "this isnt mike", "new number who dis, i dont need a roofer",
                           "LM - she said take off list",
                           "Lost my husband last month. I won't be going forward and would appreciate not getting any more reminders.",
                           "Por favor quítenla de sus listas.", "Hired someone else for the gutters and roof. No need to keep texting"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
  for (const char* text : {"Please remove me from this email chain - Marcus is handling the tile from here on.",
                           "Please remove my cell from your call list and use email only going forward. We still plan to sign next week.",
                           "no me manden texts, mejor call me after 6. still want the estimate pa'l roof",
                           "do we have to pull a permit for the water heater or can we opt out of that",
                           "pls stop sending the payment reminders, i already paid online tuesday",
                           "We used another company for mitigation but want you for the rebuild. Is your bid still good?"})
    EXPECT_NE(Cat(text), Category::kStop) << text;
}

TEST(Reading, AStopAboutTheQuoteItselfIsAStop) {
  for (const char* text : {"Hi, we're not interested in the estimate anymore. Thank you.",
                           "not interested in an estimate", "Cancel the estimate. We sold the house.",
                           "i already got a new roof from another company so no need to call me about an estimate",
                           "We changed our mind about the remodel. Please don't send anything else.",
                           "I filled out the form for a quote but I want to cancel and be removed",
                           "The tenant at 14 Orchard Ln wasn't authorized to request any work. I'm the owner. "
                           "Do not contact my tenant or me about this estimate.",
                           "not doing the kitchen this year or next. stop the follow up texts please"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
  for (const char* text : {"no more emails please, just call me about the estimate",
                           "do not call the landline, use my cell 555-0133 for the estimate",
                           "ok stop calling lol, ill take it! when do u start",
                           "Last year I told you guys to take me off the list, changed my mind. Is the water heater quote from then still good?",
                           "Spoke w/ homeowner: NOT interested in tankless, wants standard 50 gal quote."})
    EXPECT_NE(Cat(text), Category::kStop) << text;
}

TEST(Reading, ADeclineWithTheVisitCalledOffIsAStop) {
  for (const char* text : {"We've decided to do it ourselves. Please cancel the estimate appointment.",
                           "Going to hold off on the roof for now, please cancel Thursday's estimate and don't reschedule",
                           "After reviewing the estimate we are going to pass.",
                           "I appreciate the quote but we are going to go a different route",
                           "You can take me off your schedule, I won't need the estimate after all"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
  // Calling off one visit to book another is logistics, and a decline a request follows is not a stop.
  for (const char* text : {"please cancel tomorrow's estimate appointment and reschedule for next week",
                           "We decided to do the painting ourselves. Can you still quote the drywall repair?"})
    EXPECT_NE(Cat(text), Category::kStop) << text;
}

TEST(Reading, ALeadThatIsOnlyItsJobTypeIsAnEstimate) {
  // A Local Services Ads message lead imports as its job type alone: the word model, which has
  // seen many empty forms, must not call it unknown.
  for (const char* text : {"Roof repair", "AC repair", "Water heater replacement"})
    EXPECT_EQ(Default().Classify(Channel::kForm, text, {}).category, Category::kActiveEstimate) << text;
}

// Rule probes, not natural messages: stop words said of a thing, an animal, another line, another
// person or one option, in a composed sentence. They test the stop lexicon's masks and stay out
// of the corpus, where they would train the word model on sentences written against the rules.
TEST(Reading, StopWordsAboutOtherThingsAreNotOptOuts) {
  for (const char* text : {
           "the musty smell in the basement won't go away, can someone come test for mold",
           "the stain on the ceiling won't go away even after we painted, need a roofer to look",
           "raccoons won't leave us alone, they tore up the soffit, need a quote to repair",
           "we opted out of the gas line last time, now want a quote for the electric one",
           "can you cancel my request for tuesday and reschedule for friday, still need the estimate",
           "please don't lose my number, I need the estimate for the deck this spring",
           "I never asked for the extended warranty but the furnace you installed is making noise",
           "don't bother calling the office, call my cell, need estimate for siding",
           "is a permit not needed for a water heater swap? want a quote either way",
           "the ladder is not needed anymore, we can get on the roof from the deck. when can you come quote",
           "I already told you no on the upgrade, just fix the leak",
           "no more calls from the other company thank god, they were pushy. can you give us a price",
           "our HOA filed a complaint about the dumpster, can it be moved",
           "I need to cancel my account with the old company and get a quote from you",
           "no llamen por favor al trabajo, llamen a mi cel 555-0134, necesito presupuesto para el techo",
           "mi suegra no vive aqui pero es su casa, necesito presupuesto para el calentador",
           "no molesten a mi esposo, hablen conmigo para la cita",
           "no quiero el presupuesto mas caro, solo la reparacion",
           "no need to follow up with me, just email the quote when it's ready",
           "once the roof is done you can close the ticket, but first can you check the gutters",
           "no need to reach out, just put us on the schedule for the spring tune up",
           "can you guys remove my name from the old account and put my wife's on it",
           "I don't want texts about the newsletter but do text me about the appointment",
           "your guy said to text STOP if we don't want the estimate. we DO want it, call us",
           "we no longer need help with the roof since the insurance said no, but we still want the gutters done",
       })
    EXPECT_NE(Cat(text), Category::kStop) << text;
  for (const char* text : {"go away", "lose my number", "I already told you no", "no need to follow up with me", "we don't want the estimate"})
    EXPECT_EQ(Cat(text), Category::kStop) << text;
}

TEST(Reading, AFirmsLetterAskingOffTheCompanysListsIsAStop) {
  // Long and businesslike, it reads like mass mail; but a mailing's footer removes people from
  // "our list", and this letter asks the company to take the firm off "your" lists.
  // A vendor-list letter (independent writers, business customers).
  const std::string letter =
      "Subject: Vendor list update – Crestline Property Group\n"
      "\n"
      "Hello,\n"
      "\n"
      "Crestline Property Group is consolidating its approved vendor list effective the first of "
      "next month. Your company was not retained. Please remove all Crestline contacts and "
      "properties from your mailing, text and call lists and do not send further proposals or "
      "follow-ups.\n"
      "\n"
      "Thank you for your past service.\n"
      "\n"
      "Marisol Vance\n"
      "Vendor Relations | Crestline Property Group\n"
      "(555) 214-0193 | mvance@crestlinepg.example.com";
  EXPECT_EQ(Default().Classify(Channel::kEmail, letter, {}).category, Category::kStop);
}

TEST(Reading, AMailReplyIsReadWhereverThePersonWroteIt) {
  auto mail = [](const std::string& text) { return Default().Classify(Channel::kEmail, text, {}).category; };
  // A keyword over a phone's signature, and over a sign-off with a legal notice.
  EXPECT_EQ(mail("Subject: Re: Following up on your estimate\n\nStop\n\nSent from my iPhone\n\n"
                 "> On Mar 4, 2025, at 9:14 AM, Pipeworks <office@example.net> wrote:\n> Just checking in on the estimate."),
            Category::kStop);
  EXPECT_EQ(mail("Subject: RE: Services\n\nRemove\n\nJennifer Ostrowski\nSenior Asset Manager\nT 555-0193\n\n"
                 "The information contained in this communication is confidential and intended only for the addressee.\n\n"
                 "From: DryRight <bizdev@example.org>\nSent: Tuesday, March 11, 2025 9:30 AM\nSubject: Services\n\nHello"),
            Category::kStop);
  // Bottom-posted and answered inline, under the office's quoted lines.
  EXPECT_EQ(mail("Subject: Re: Your estimate\n\nOn Fri, Feb 28, 2025 at 3:12 PM DryRight <e@example.org> wrote:\n"
                 "> Attached is your estimate.\n\nWe've decided not to proceed. Please opt me out of any further emails."),
            Category::kStop);
  EXPECT_EQ(mail("Subject: Re: Ready to schedule?\n\nOn Mon, Mar 10, 2025 at 9:00 AM Blue <s@example.com> wrote:\n"
                 "> Would you like to schedule your installation?\n\nNo.\n\n> We still have openings.\n\n"
                 "And please stop asking. This is the fifth email."),
            Category::kStop);
  // The office's own "Reply STOP" in the quoted lines is never the person's.
  EXPECT_NE(mail("Subject: Re: Your estimate\n\nLooks good, go ahead with option B.\n\n"
                 "On Mon, Mar 10, 2025 at 9:00 AM Blue <s@example.com> wrote:\n> Here is your estimate.\n"
                 "> Reply STOP to opt out."),
            Category::kStop);
}

}  // namespace
}  // namespace ringback
