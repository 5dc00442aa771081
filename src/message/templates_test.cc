// Templates: the built-in set is complete and clean, merge fields are checked, rendering
// leaves no gap, and the checks behind `ringback templates check` catch what a contractor
// must fix (no way to stop, unknown fields, pressure wording, UCS-2, unused templates).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>

#include "message/templates.h"
#include "message/wording.h"

namespace ringback {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> Errors(const std::vector<LintIssue>& issues) {
  std::vector<std::string> out;
  for (const LintIssue& i : issues)
    if (i.severity == Severity::kError) out.push_back(i.message);
  return out;
}

std::vector<std::string> Warnings(const std::vector<LintIssue>& issues) {
  std::vector<std::string> out;
  for (const LintIssue& i : issues)
    if (i.severity == Severity::kWarning) out.push_back(i.message);
  return out;
}

CompanyConfig Company() {
  CompanyConfig c;
  c.name = "Summit Ridge Roofing & Air";
  Person p;
  p.name = "Rick Hollis";
  p.phone = "+15125550142";
  c.team.push_back(p);
  return c;
}

const TemplateCheck* Find(const std::vector<TemplateCheck>& checks, const std::string& key) {
  for (const TemplateCheck& c : checks)
    if (c.key == key) return &c;
  return nullptr;
}

TEST(Wording, StopWordingInTheFormsPeopleWriteIt) {
  EXPECT_TRUE(HasStopWording("Reply STOP to opt out."));
  EXPECT_TRUE(HasStopWording("reply \"stop\" anytime"));
  EXPECT_TRUE(HasStopWording("If not, just reply not interested."));
  EXPECT_TRUE(HasStopWording("Unsubscribe here"));
  EXPECT_TRUE(HasStopWording("just say so and we won\xE2\x80\x99t call again"));  // curly apostrophe
  EXPECT_FALSE(HasStopWording("Please stop by our showroom"));
  EXPECT_FALSE(HasStopWording("We will call you back soon."));
}

TEST(Wording, SpanishStopWordingAndTheSmsKeyword) {
  EXPECT_TRUE(HasStopWording("Para darse de baja, responda STOP."));
  EXPECT_TRUE(HasStopWording("responda \"no me interesa\" y no le volveremos a contactar"));
  EXPECT_TRUE(HasSmsStopKeyword("Reply STOP to opt out."));
  EXPECT_TRUE(HasSmsStopKeyword("Para darse de baja, responda STOP."));
  EXPECT_FALSE(HasSmsStopKeyword("just reply \"not interested\" and we'll close it"));
  EXPECT_FALSE(HasSmsStopKeyword("Please stop by our showroom"));
}

TEST(Wording, PromisesAreFound) {
  EXPECT_THAT(PromisePhrases("We guarantee same-day service"), ElementsAre("guarantee", "same-day"));
  EXPECT_THAT(PromisePhrases("Llegamos mañana mismo"), ElementsAre("manana mismo"));
  EXPECT_THAT(PromisePhrases("What day and time suit you for a visit?"), IsEmpty());
}

TEST(Wording, PressurePhrasesAreFoundAsWholeWords) {
  EXPECT_THAT(PressurePhrases("Act now: limited time offer!"), ElementsAre("act now", "limited time"));
  EXPECT_THAT(PressurePhrases("Book today and get 20% off"), ElementsAre("% off"));
  EXPECT_THAT(PressurePhrases("Take $250 off a new roof"), ElementsAre("$250 off"));
  EXPECT_THAT(PressurePhrases("Our spring SALE ends soon"), ElementsAre("sale"));
  EXPECT_THAT(PressurePhrases("A discounted rate"), ElementsAre("discounted"));
  // Honest sentences that merely look alike.
  EXPECT_THAT(PressurePhrases("No hurry at all. We sell wholesale and the estimate is $250."), IsEmpty());
  EXPECT_THAT(PressurePhrases("Reply STOP to opt out."), IsEmpty());
}

TEST(BuiltinTemplates, EveryLanguageChannelAndDraftCategoryHasOne) {
  for (const char* locale : {"en", "es"}) {
    for (DraftChannel channel : kDraftChannels) {
      for (Category category : kDraftCategories) {
        const std::string key = TemplateKey(channel, category, locale);
        ASSERT_TRUE(BuiltinTemplates().contains(key)) << key;
        EXPECT_THAT(BuiltinTemplates().at(key), Not(StartsWith("\n"))) << key;
      }
    }
  }
  EXPECT_EQ(BuiltinTemplates().size(), 36u) << "nothing for spam, duplicate or stop";
}

TEST(BuiltinTemplates, PassEveryCheckWithoutErrors) {
  const std::vector<TemplateCheck> checks = CheckTemplates(Company());
  ASSERT_EQ(checks.size(), 36u) << "English and Spanish";
  for (const TemplateCheck& c : checks) {
    EXPECT_FALSE(c.company) << c.key;
    EXPECT_THAT(Errors(c.issues), IsEmpty()) << c.key << ":\n" << c.sample.text;
    EXPECT_THAT(c.sample.text, Not(HasSubstr("{{"))) << c.key;
    if (c.channel == DraftChannel::kSms) {
      ASSERT_TRUE(c.sms.has_value()) << c.key;
      EXPECT_EQ(c.sms->encoding, SmsEncoding::kGsm7) << c.key << " must not turn into UCS-2";
      EXPECT_LE(c.sms->segments, 2u) << c.key << " is short";
    } else {
      EXPECT_TRUE(HasStopWording(c.sample.text)) << c.key;
    }
  }
}

TEST(BuiltinTemplates, TextsFitOneSegmentWhereTheyCan) {
  const std::vector<TemplateCheck> checks = CheckTemplates(Company());
  // A missed call: one text, in either language.
  for (const char* key : {"sms.unknown", "es.sms.unknown"})
    EXPECT_EQ(Find(checks, key)->sms->segments, 1u) << key << ": " << Find(checks, key)->sample.text;
  // The emergency text carries the 911 advice too: two segments, said so by a warning.
  const TemplateCheck* emergency = Find(checks, "sms.emergency");
  EXPECT_EQ(emergency->sms->segments, 2u);
  EXPECT_THAT(Warnings(emergency->issues), ElementsAre(HasSubstr("2 segments")));
}

TEST(BuiltinTemplates, EveryKindOfRequestIsAnsweredInEveryTemplate) {
  const CompanyConfig c = Company();
  for (const char* locale : {"en", "es"})
    for (DraftChannel channel : kDraftChannels)
      for (Category category : kDraftCategories) {
        const TemplateSource source = FindTemplate(channel, category, nullptr, locale);
        MergeValues v = SampleValues(c, category, locale);
        std::set<std::string> texts;
        for (Intent i : {Intent::kGoAhead, Intent::kProblem, Intent::kQuestion, Intent::kRequest, Intent::kMissedCall}) {
          v.intent = i;
          StatusOr<Rendered> r = RenderTemplate(source.text, channel, category, v);
          ASSERT_TRUE(r.ok()) << source.key;
          EXPECT_FALSE(r->text.empty()) << source.key << " " << IntentName(i);
          texts.insert(r->text);
        }
        // An emergency is answered the same way whatever was said, and a call script leaves the
        // wording to the caller (the question comes as a note); texts and emails answer in words.
        if (category != Category::kEmergency && channel != DraftChannel::kCall) {
          EXPECT_GE(texts.size(), channel == DraftChannel::kSms ? 3u : 2u) << source.key << ": their own words";
        }
      }
}

TEST(LintTemplateSource, KnownFieldsAndSectionsAreAccepted) {
  EXPECT_THAT(LintTemplateSource("Hi {{contact.first_name}}, {{agent.first_name}} {{agent.phone}} "
                                 "{{company.name}} {{{request.summary}}} {{&company.name}}"),
              IsEmpty());
  EXPECT_THAT(LintTemplateSource("{{#contact}}Hi {{first_name}}{{/contact}}{{^agent.first_name}}x{{/agent.first_name}}"),
              IsEmpty());
  EXPECT_THAT(LintTemplateSource("{{#emergency}}911{{/emergency}}{{! a note: act now }}"), IsEmpty())
      << "category sections are allowed; comments are never sent";
}

TEST(LintTemplateSource, UnknownFieldsAreErrorsWithAHint) {
  EXPECT_THAT(Errors(LintTemplateSource("Hi {{first_name}}")),
              ElementsAre(AllOf(HasSubstr("{{first_name}}"), HasSubstr("did you mean {{contact.first_name}}"))));
  EXPECT_THAT(Errors(LintTemplateSource("Hi {{contact.last_name}}")),
              ElementsAre(AllOf(HasSubstr("unknown merge field {{contact.last_name}}"), HasSubstr("known:"))));
  EXPECT_THAT(Errors(LintTemplateSource("{{#coupon}}x{{/coupon}}")), ElementsAre(HasSubstr("{{coupon}}")));
  EXPECT_THAT(Errors(LintTemplateSource("{{#agent}}{{nickname}}{{/agent}}")), ElementsAre(HasSubstr("{{nickname}}")));
}

TEST(LintTemplateSource, SyntaxPartialsAndDelimitersAreErrors) {
  EXPECT_THAT(Errors(LintTemplateSource("Hi {{#contact.first_name}}there")), ElementsAre(HasSubstr("does not parse")));
  EXPECT_THAT(Errors(LintTemplateSource("Hi {{contact.first_name")), ElementsAre(HasSubstr("does not parse")));
  EXPECT_THAT(Errors(LintTemplateSource("{{> footer}}")), ElementsAre(HasSubstr("partials")));
  EXPECT_THAT(Errors(LintTemplateSource("{{=<% %>=}}<% contact.first_name %>")), ElementsAre(HasSubstr("delimiters")));
  EXPECT_THAT(Errors(LintTemplateSource("  ")), ElementsAre("empty template"));
}

TEST(LintTemplateSource, PressureWordingIsAnError) {
  EXPECT_THAT(Errors(LintTemplateSource("Act now, {{contact.first_name}}: 10% off this week only!")),
              ElementsAre(HasSubstr("\"act now\""), HasSubstr("\"% off\"")));
  // The buyer's own words in a value are not ours: only the fixed text is checked.
  EXPECT_THAT(LintTemplateSource("You wrote: {{request.summary}}"), IsEmpty());
}

TEST(RenderTemplate, MissingValuesLeaveNoGap) {
  MergeValues none;
  StatusOr<Rendered> r = RenderTemplate("Hi {{contact.first_name}}, this is {{agent.first_name}} at {{company.name}} .",
                                        DraftChannel::kSms, Category::kRoutine, none);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Hi, this is at our office.");
  r = RenderTemplate("Hello {{contact.first_name}}! {{contact.first_name}}, are you there?", DraftChannel::kSms,
                     Category::kRoutine, none);
  EXPECT_EQ(r->text, "Hello! are you there?");
  MergeValues jane;
  jane.contact_first_name = "Jane";
  r = RenderTemplate("Hi {{contact.first_name}},\n  this   is us.", DraftChannel::kSms, Category::kRoutine, jane);
  EXPECT_EQ(r->text, "Hi Jane, this is us.") << "an SMS is one paragraph";
}

TEST(RenderTemplate, ValuesArePlainTextAndCannotInjectTags) {
  MergeValues v;
  v.contact_first_name = "O'Brien";
  v.company_name = "Roofing & Air <Austin>";
  v.request_summary = "{{agent.phone}} leak\nin the attic";
  StatusOr<Rendered> r = RenderTemplate("{{contact.first_name}} {{company.name}} {{request.summary}}",
                                        DraftChannel::kSms, Category::kRoutine, v);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "O'Brien Roofing & Air <Austin> agent.phone leak in the attic");
}

TEST(RenderTemplate, SkippedSectionsOnTheirOwnLinesLeaveNoBlankLine) {
  const std::string tmpl = "Thanks,\n{{#agent.first_name}}\n{{agent.first_name}}\n{{/agent.first_name}}\n{{company.name}}\n\nBye";
  MergeValues v;
  v.company_name = "Summit";
  EXPECT_EQ(RenderTemplate(tmpl, DraftChannel::kEmail, Category::kRoutine, v)->text, "Thanks,\nSummit\n\nBye");
  v.agent_first_name = "Rick";
  EXPECT_EQ(RenderTemplate(tmpl, DraftChannel::kEmail, Category::kRoutine, v)->text, "Thanks,\nRick\nSummit\n\nBye");
}

TEST(RenderTemplate, EmailSubjectComesFromTheFirstLine) {
  MergeValues v;
  v.company_name = "Summit";
  StatusOr<Rendered> r = RenderTemplate("\nSubject: Your call to {{company.name}}\n\nHi {{contact.first_name}},\n\nBody.",
                                        DraftChannel::kEmail, Category::kUnknown, v);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->subject, "Your call to Summit");
  EXPECT_EQ(r->text, "Hi,\n\nBody.");
  r = RenderTemplate("Hi.", DraftChannel::kEmail, Category::kUnknown, v);
  EXPECT_EQ(r->subject, "Your message to Summit") << "a plain default subject";
  EXPECT_FALSE(RenderTemplate("{{#x}}", DraftChannel::kEmail, Category::kUnknown, v).ok());
}

TEST(CheckTemplates, CompanyTemplatesWinAndAreChecked) {
  CompanyConfig c = Company();
  c.templates["sms.routine"] = "Hi {{contact.first_name}}, {{company.name}} here. Can we call you back? Reply STOP to opt out.";
  c.templates["sms.unknown"] = "Hi {{contact.first_name}}, we missed your call!";
  c.templates["email.warranty"] = "Subject: Warranty\n\nHi {{contact.last_name}}, limited time: 20% off repairs.";
  const std::vector<TemplateCheck> checks = CheckTemplates(c);
  ASSERT_EQ(checks.size(), 36u);

  const TemplateCheck* routine = Find(checks, "sms.routine");
  EXPECT_TRUE(routine->company);
  EXPECT_TRUE(routine->ok());
  EXPECT_EQ(routine->sample.text,
            "Hi Jordan, Summit Ridge Roofing & Air here. Can we call you back? Reply STOP to opt out.");
  EXPECT_FALSE(Find(checks, "es.sms.routine")->company) << "an English template does not speak for Spanish";

  EXPECT_THAT(Errors(Find(checks, "sms.unknown")->issues), Contains(HasSubstr("no way to stop")));
  EXPECT_THAT(Errors(Find(checks, "email.warranty")->issues),
              ElementsAre(HasSubstr("{{contact.last_name}}"), HasSubstr("\"limited time\""), HasSubstr("\"% off\""),
                          HasSubstr("no way to stop")));
  c.templates.clear();
  c.templates["email.routine"] = "Subject: Hi\n\nHi {{contact.first_name}}, can we call? Reply STOP to opt out.";
  c.templates["call.routine"] = "Say: We guarantee we'll be there today.";
  const std::vector<TemplateCheck> more = CheckTemplates(c);
  EXPECT_THAT(Errors(Find(more, "email.routine")->issues), Contains(HasSubstr("an SMS keyword in an email")));
  EXPECT_THAT(Errors(Find(more, "call.routine")->issues), Contains(HasSubstr("promise \"guarantee\"")));
  EXPECT_FALSE(Find(checks, "sms.emergency")->company);
}

TEST(CheckTemplates, CurlyQuotesInACompanySmsAreAUcs2Warning) {
  CompanyConfig c = Company();
  c.templates["sms.routine"] = "Hi {{contact.first_name}}, it\xE2\x80\x99s {{company.name}}. Reply STOP to opt out.";
  const std::vector<TemplateCheck> checks = CheckTemplates(c);
  const TemplateCheck* routine = Find(checks, "sms.routine");
  ASSERT_NE(routine, nullptr);
  EXPECT_TRUE(routine->ok());
  EXPECT_EQ(routine->sms->encoding, SmsEncoding::kUcs2);
  EXPECT_THAT(Warnings(routine->issues), ElementsAre(HasSubstr("UCS-2")));
}

TEST(CheckTemplates, StopWordingMustSurviveMissingValues) {
  CompanyConfig c = Company();
  c.templates["sms.routine"] = "Hi{{#contact.first_name}} {{contact.first_name}}, reply STOP to opt out{{/contact.first_name}}.";
  const std::vector<TemplateCheck> checks = CheckTemplates(c);
  EXPECT_THAT(Errors(Find(checks, "sms.routine")->issues), Contains(HasSubstr("disappears when a value is missing")));
}

TEST(CheckTemplates, GapsWithMissingValuesAreWarnings) {
  CompanyConfig c = Company();
  c.templates["sms.active_estimate"] = "Hi {{contact.first_name}}, still need help with {{request.summary}}? Reply STOP to opt out.";
  c.templates["email.active_estimate"] = "Hi,\n\nAbout your request regarding {{request.summary}}.\n\nReply not interested to stop.";
  const std::vector<TemplateCheck> checks = CheckTemplates(c);
  EXPECT_THAT(Errors(Find(checks, "sms.active_estimate")->issues), IsEmpty());
  EXPECT_THAT(Warnings(Find(checks, "email.active_estimate")->issues),
              Contains(HasSubstr("regarding.")));
}

TEST(CheckTemplates, CallScriptsWithoutAWayToStopAreOnlyWarned) {
  CompanyConfig c = Company();
  c.templates["call.routine"] = "Hi, this is {{agent.first_name}}. How can I help?";
  const std::vector<TemplateCheck> checks = CheckTemplates(c);
  const TemplateCheck* call = Find(checks, "call.routine");
  EXPECT_TRUE(call->ok());
  EXPECT_THAT(Warnings(call->issues), ElementsAre(HasSubstr("no way to stop")));
}

TEST(CheckTemplates, TemplatesNoDraftCanUseAreReported) {
  CompanyConfig c = Company();
  c.templates["sms.spam"] = "Hi! Reply STOP to opt out.";
  c.templates["fax.routine"] = "Hi";
  c.templates["es.sms.routine"] = "Hola. Responda STOP para darse de baja.";
  c.draft_locales = {"en"};
  const std::vector<TemplateCheck> checks = CheckTemplates(c);
  ASSERT_EQ(checks.size(), 21u) << "18 English templates, then the three no draft can use";
  EXPECT_THAT(Warnings(Find(checks, "sms.spam")->issues), ElementsAre(HasSubstr("never used")));
  EXPECT_THAT(Errors(Find(checks, "fax.routine")->issues), ElementsAre(HasSubstr("unknown template")));
  EXPECT_THAT(Warnings(Find(checks, "es.sms.routine")->issues), ElementsAre(HasSubstr("does not write drafts in \"es\"")));
}

TEST(DraftChannel, NamesRoundTrip) {
  for (DraftChannel c : kDraftChannels) EXPECT_EQ(ParseDraftChannel(DraftChannelName(c)), c);
  EXPECT_EQ(ParseDraftChannel("fax"), std::nullopt);
  EXPECT_EQ(TemplateKey(DraftChannel::kCall, Category::kOldEstimate), "call.old_estimate");
  EXPECT_EQ(TemplateKey(DraftChannel::kCall, Category::kOldEstimate, "en"), "call.old_estimate");
  EXPECT_EQ(TemplateKey(DraftChannel::kSms, Category::kRoutine, "es"), "es.sms.routine");
}

// FitSms as documented, rendering every candidate first: what the lazy FitSms must return.
std::optional<FittedSms> FitEagerly(const std::string& text, Category category, const MergeValues& values) {
  std::map<SmsFit, std::pair<Rendered, std::size_t>> tries;
  for (SmsFit fit : {SmsFit::kFull, SmsFit::kPlainLetters, SmsFit::kBrief, SmsFit::kBriefPlainLetters}) {
    MergeValues v = fit == SmsFit::kPlainLetters || fit == SmsFit::kBriefPlainLetters ? WithPlainLetters(values) : values;
    v.brief = fit == SmsFit::kBrief || fit == SmsFit::kBriefPlainLetters;
    StatusOr<Rendered> r = RenderTemplate(text, DraftChannel::kSms, category, v);
    if (!r.ok()) return std::nullopt;
    tries[fit] = {*r, LintSms(r->text).segments};
  }
  for (const auto& [fit, max] : std::initializer_list<std::pair<SmsFit, std::size_t>>{
           {SmsFit::kFull, 1}, {SmsFit::kBrief, 1}, {SmsFit::kFull, 2}, {SmsFit::kPlainLetters, 1},
           {SmsFit::kPlainLetters, 2}, {SmsFit::kBrief, 2}, {SmsFit::kBriefPlainLetters, 1}, {SmsFit::kBriefPlainLetters, 2}})
    if (tries[fit].second <= max) return FittedSms{tries[fit].first, fit};
  for (bool drop_names : {false, true}) {
    StatusOr<Rendered> r =
        RenderTemplate(text, DraftChannel::kSms, category, WithoutDetails(WithPlainLetters(values), drop_names));
    if (r.ok() && LintSms(r->text).segments <= 2)
      return FittedSms{*r, drop_names ? SmsFit::kWithoutNames : SmsFit::kWithoutDetails};
  }
  return std::nullopt;
}

TEST(FitSms, EveryWayOfFittingMatchesTheDocumentedOrder) {
  const std::string text =
      "Hi {{contact.first_name}}, this is {{agent.first_name}} at {{company.name}} about "
      "{{request.service}}.{{^brief}} {{request.question}} We read every message and call back in "
      "order.{{/brief}} Reply STOP to opt out.";
  std::set<SmsFit> seen;
  const std::string long_name(120, 'M');
  for (const std::string& name : {std::string("Ann"), std::string("\xC3\x93scar"), std::string("Jos\xC3\xA9"), long_name}) {
    for (std::size_t service = 0; service <= 280; service += 20) {
      for (const char* question : {"", "Can you come Tuesday?", "\xC2\xBFPueden venir el martes? \xC3\x81ngel"}) {
        MergeValues v;
        v.contact_first_name = name;
        v.agent_first_name = "Dana";
        v.company_name = "Summit Ridge";
        v.request_service = std::string(service, 's');
        v.request_question = question;
        const std::optional<FittedSms> want = FitEagerly(text, Category::kRoutine, v);
        const std::optional<FittedSms> got = FitSms(text, Category::kRoutine, v);
        ASSERT_EQ(got.has_value(), want.has_value()) << name << " " << service;
        if (!want) continue;
        seen.insert(want->fit);
        EXPECT_EQ(got->fit, want->fit) << name << " " << service << " " << question;
        EXPECT_EQ(got->rendered.text, want->rendered.text);
        // The draft's own first rendering, handed over, changes nothing.
        StatusOr<Rendered> full = RenderTemplate(text, DraftChannel::kSms, Category::kRoutine, v);
        ASSERT_TRUE(full.ok());
        const std::optional<FittedSms> seeded = FitSms(text, Category::kRoutine, v, *full);
        ASSERT_TRUE(seeded.has_value());
        EXPECT_EQ(seeded->fit, want->fit);
        EXPECT_EQ(seeded->rendered.text, want->rendered.text);
      }
    }
  }
  // The grid reaches every outcome but the last resorts' second one.
  EXPECT_THAT(seen, AllOf(Contains(SmsFit::kFull), Contains(SmsFit::kBrief), Contains(SmsFit::kPlainLetters),
                          Contains(SmsFit::kWithoutDetails)));
}

TEST(FitSms, ATemplateThatDoesNotParseFitsNothing) {
  EXPECT_FALSE(FitSms("Hi {{#brief}}. Reply STOP to opt out.", Category::kRoutine, MergeValues{}).has_value());
}

TEST(WithPlainLetters, OnlyTheAccentsGsmLacksChange) {
  MergeValues v;
  v.contact_first_name = "\xC3\x93scar Jos\xC3\xA9 \xC3\x91u\xC3\xB1" "ez";  // Óscar José Ñuñez
  EXPECT_EQ(WithPlainLetters(v).contact_first_name, "Oscar Jos\xC3\xA9 \xC3\x91u\xC3\xB1" "ez");
  v.contact_first_name = "Ann";
  EXPECT_EQ(WithPlainLetters(v), v);
}

}  // namespace
}  // namespace ringback
