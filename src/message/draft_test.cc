// Callback drafts: the channel and language chosen, what the draft answers, the greeting, the
// rules every draft keeps (a way to stop, no SMS keyword in an email, at most two texts), and
// the categories and people that must never get a draft. Word-for-word drafts are the golden
// cases (draft_golden_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "message/draft.h"
#include "message/draft_lint.h"
#include "message/language.h"

namespace ringback {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

const Category kReal[] = {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
                          Category::kWarranty,  Category::kRoutine,        Category::kUnknown};

Timestamp At(const char* text) { return *ParseUtc(text); }

const CompanyConfig& Company() {
  static const CompanyConfig company = [] {
    CompanyConfig c;
    c.name = "Summit Ridge Roofing & Air";
    c.time_zone = "America/Chicago";
    c.phone = "(512) 555-0100";
    return c;
  }();
  return company;
}

// One signal on `channel` with `text`, from Jane Doe, who has a mobile and an email.
DraftRequest Request(Category category, Channel channel = Channel::kSms, std::string text = "roof leaking over the garage",
                     std::string name = "Jane Doe") {
  DraftRequest r;
  r.category = category;
  r.contact_name = std::move(name);
  r.phone = "+15125550142";
  r.email = "jane@example.com";
  r.agent_name = "Rick Hollis";
  r.agent_phone = "(512) 555-0104";
  r.company = &Company();
  r.as_of = At("2026-11-23T08:00:00-06:00");
  r.signals.push_back({channel, At("2026-11-19T10:00:00-06:00"), channel == Channel::kEmail ? "Roof" : "", std::move(text)});
  return r;
}

DraftRequest On(DraftChannel channel, Category category, std::string name = "Jane Doe") {
  DraftRequest r = Request(category, Channel::kSms, "roof leaking over the garage", std::move(name));
  r.channel = channel;
  return r;
}

TEST(WriteDraft, EveryChannelAndCategoryHasAShortTextWithAWayToStop) {
  for (DraftChannel channel : kDraftChannels) {
    for (Category c : kReal) {
      const Draft d = WriteDraft(On(channel, c));
      const std::string what = std::string(DraftChannelName(channel)) + "." + std::string(CategoryName(c));
      ASSERT_FALSE(d.text.empty()) << what << ": " << d.withheld;
      EXPECT_EQ(d.channel, channel);
      EXPECT_EQ(d.template_key, what);
      EXPECT_FALSE(d.company_template) << what;
      EXPECT_TRUE(HasStopWording(d.text)) << what << ":\n" << d.text;
      EXPECT_THAT(LintDraft(channel, d.FullText()), IsEmpty()) << what << ":\n" << d.FullText();
      EXPECT_THAT(PressurePhrases(d.text + d.subject), IsEmpty()) << what;
      EXPECT_THAT(PromisePhrases(d.text + d.subject), IsEmpty()) << what;
      EXPECT_EQ(d.subject.empty(), channel != DraftChannel::kEmail) << what;
      EXPECT_EQ(d.sms.has_value(), channel == DraftChannel::kSms) << what;
      EXPECT_FALSE(d.send_after.has_value()) << "quiet hours are the caller's: " << what;
    }
  }
}

TEST(WriteDraft, TextsGreetByFirstNameAndNameTheSender) {
  for (Category c : kReal) {
    const Draft d = WriteDraft(On(DraftChannel::kSms, c));
    EXPECT_THAT(d.text, StartsWith("Hi Jane, this is ")) << CategoryName(c);
    EXPECT_THAT(d.text, HasSubstr("Summit Ridge Roofing & Air")) << CategoryName(c);
    EXPECT_THAT(d.text, Not(HasSubstr("&amp;"))) << "a text message is not HTML";
    EXPECT_THAT(d.text, Not(HasSubstr("\n")));
    EXPECT_THAT(d.text, Not(HasSubstr("  "))) << d.text;
    EXPECT_LE(d.sms->segments, 2u) << d.text;
  }
}

TEST(WriteDraft, WithoutANameTheGreetingIsJustHi) {
  for (const char* name : {"", "WIRELESS CALLER", "Anonymous", "(512) 555-0142", "J.", "AUSTIN TX"}) {
    for (Category c : kReal) {
      for (DraftChannel channel : {DraftChannel::kSms, DraftChannel::kEmail}) {
        const Draft d = WriteDraft(On(channel, c, name));
        ASSERT_FALSE(d.text.empty());
        EXPECT_THAT(d.text, StartsWith("Hi,")) << '"' << name << "\" " << CategoryName(c);
        EXPECT_THAT(d.text, Not(HasSubstr("WIRELESS"))) << name;
        EXPECT_THAT(LintDraft(channel, d.FullText()), IsEmpty()) << d.FullText();
      }
    }
  }
}

TEST(WriteDraft, NamesAreNotHtmlEscapedAndMayBeAccented) {
  EXPECT_THAT(WriteDraft(Request(Category::kRoutine, Channel::kSms, "", "Shaun O'Brien")).text, StartsWith("Hi Shaun,"));
  EXPECT_THAT(WriteDraft(Request(Category::kRoutine, Channel::kSms, "", "Mary-Kate O'Neil")).text, StartsWith("Hi Mary-Kate,"));
  EXPECT_THAT(WriteDraft(Request(Category::kRoutine, Channel::kSms, "", "José Ramírez")).text, StartsWith("Hi José,"));
}

TEST(WriteDraft, EmergencyOnEveryChannelPointsTo911First) {
  for (DraftChannel channel : kDraftChannels) {
    const Draft d = WriteDraft(On(channel, Category::kEmergency));
    EXPECT_THAT(d.text, HasSubstr("call 911 first")) << DraftChannelName(channel);
    EXPECT_THAT(d.text, HasSubstr("best number")) << DraftChannelName(channel);
  }
}

TEST(WriteDraft, OldEstimateEverywhereIsOnceAndEasyToDecline) {
  for (DraftChannel channel : kDraftChannels) {
    DraftRequest r = On(channel, Category::kOldEstimate);
    r.signals.clear();  // a follow-up of our own, not a reply
    const Draft d = WriteDraft(r);
    EXPECT_THAT(d.text, HasSubstr("once")) << DraftChannelName(channel) << ": follow up once, not a sequence";
    EXPECT_TRUE(HasStopWording(d.text)) << DraftChannelName(channel);
  }
}

TEST(WriteDraft, AnEmailDeclinesInWordsNeverWithAnSmsKeyword) {
  for (Category c : kReal)
    for (const char* locale : {"en", "es"}) {
      DraftRequest r = On(DraftChannel::kEmail, c);
      if (std::string(locale) == "es") r.signals.front().text = "Hola, necesito ayuda con el techo de mi casa.";
      const Draft d = WriteDraft(r);
      EXPECT_EQ(d.locale, locale);
      EXPECT_FALSE(HasSmsStopKeyword(d.FullText())) << d.FullText();
      EXPECT_TRUE(HasStopWording(d.FullText())) << d.FullText();
      EXPECT_THAT(d.text, Not(HasSubstr("STOP")));
    }
}

TEST(WriteDraft, EmailSignsWithTheSendersNameAndTheCompanysPhone) {
  const Draft d = WriteDraft(On(DraftChannel::kEmail, Category::kRoutine));
  EXPECT_THAT(d.text, HasSubstr("Thanks,\nRick Hollis\nSummit Ridge Roofing & Air\n(512) 555-0100"));
  // No company phone: the sender's own number.
  CompanyConfig no_phone = Company();
  no_phone.phone.clear();
  DraftRequest r = On(DraftChannel::kEmail, Category::kRoutine);
  r.company = &no_phone;
  EXPECT_THAT(WriteDraft(r).text, HasSubstr("Summit Ridge Roofing & Air\n(512) 555-0104"));
}

TEST(WriteDraft, AReplyToAnEmailKeepsTheirSubject) {
  DraftRequest r = Request(Category::kActiveEstimate, Channel::kEmail, "Can we get a quote?");
  r.signals.front().subject = "Roof quote";
  EXPECT_EQ(WriteDraft(r).subject, "Re: Roof quote");
  r.signals.front().subject = "RE: Estimate #3897";
  EXPECT_EQ(WriteDraft(r).subject, "RE: Estimate #3897") << "no \"Re: RE:\"";
  r.signals.front() = {Channel::kForm, r.signals.front().received_at, "", "Can we get a quote?"};
  r.phone.clear();
  const Draft d = WriteDraft(r);
  EXPECT_EQ(d.channel, DraftChannel::kEmail);
  EXPECT_EQ(d.subject, "Your estimate request with Summit Ridge Roofing & Air") << "a form has no subject of its own";
}

TEST(WriteDraft, EmailWithNothingKnownStillReadsWell) {
  DraftRequest r = On(DraftChannel::kEmail, Category::kActiveEstimate, "WIRELESS CALLER");
  r.agent_name = r.agent_phone = r.summary = "";
  r.signals.clear();
  CompanyConfig bare;
  r.company = &bare;
  const Draft d = WriteDraft(r);
  EXPECT_EQ(d.subject, "Your estimate request with our office");
  EXPECT_THAT(d.text, StartsWith("Hi,\n\n"));
  EXPECT_THAT(d.text, HasSubstr("Thanks,\nour office"));
  EXPECT_THAT(d.text, Not(HasSubstr("You asked")));
  EXPECT_THAT(LintDraft(DraftChannel::kEmail, d.FullText()), IsEmpty()) << d.FullText();
}

TEST(WriteDraft, CallScriptSaysWhatToSayTheVoicemailAndTheTextAfter) {
  DraftRequest r = Request(Category::kRoutine, Channel::kVoicemail, "do you service the temple area please call me back");
  const Draft d = WriteDraft(r);
  ASSERT_EQ(d.channel, DraftChannel::kCall) << d.channel_why;
  EXPECT_THAT(d.text, StartsWith("Say: Hi, this is Rick with Summit Ridge Roofing & Air, returning your call from Thursday. "
                                 "Am I speaking with Jane?"));
  EXPECT_THAT(d.text, HasSubstr("\n\nVoicemail: Hi Jane, this is Rick with Summit Ridge Roofing & Air"));
  EXPECT_THAT(d.text, HasSubstr("call us back at (512) 555-0100"));
  EXPECT_THAT(d.text, HasSubstr("\n\nText after (if no answer): Hi Jane, this is"));
  EXPECT_THAT(d.text, HasSubstr("Reply STOP to opt out."));
  // A landline takes no text: no text after.
  r.landline = true;
  EXPECT_THAT(WriteDraft(r).text, Not(HasSubstr("Text after")));
  // Nor when the company does not text.
  CompanyConfig no_texts = Company();
  no_texts.draft_channels = {"call", "email"};
  r.landline = false;
  r.company = &no_texts;
  EXPECT_THAT(WriteDraft(r).text, Not(HasSubstr("Text after")));
}

TEST(ChooseDraftChannel, FromHowThePersonReachedOut) {
  auto channel = [](DraftRequest r) { return WriteDraft(r).channel; };
  EXPECT_EQ(channel(Request(Category::kRoutine, Channel::kEmail, "Do you work in Kyle?")), DraftChannel::kEmail);
  EXPECT_EQ(channel(Request(Category::kRoutine, Channel::kSms, "Do you work in Kyle?")), DraftChannel::kSms);
  EXPECT_EQ(channel(Request(Category::kUnknown, Channel::kCall, "")), DraftChannel::kSms) << "a missed call gets a text";
  EXPECT_EQ(channel(Request(Category::kRoutine, Channel::kForm, "Do you work in Kyle?")), DraftChannel::kSms);
  DraftRequest form = Request(Category::kRoutine, Channel::kForm, "Do you work in Kyle?");
  form.phone.clear();
  EXPECT_EQ(channel(form), DraftChannel::kEmail) << "a form with only an email";
  // Their latest signal decides: a text after an email is answered by text.
  DraftRequest both = Request(Category::kRoutine, Channel::kEmail, "Do you work in Kyle?");
  both.signals.push_back({Channel::kSms, At("2026-11-20T10:00:00-06:00"), "", "Also Buda?"});
  EXPECT_EQ(channel(both), DraftChannel::kSms);
}

TEST(ChooseDraftChannel, EmergencyLandlineAndAskedForChannels) {
  auto choice = [](DraftRequest r) { return WriteDraft(r); };
  Draft d = choice(Request(Category::kEmergency, Channel::kEmail, "Water pouring through the ceiling"));
  EXPECT_EQ(d.channel, DraftChannel::kCall) << "an emergency with a phone is called";
  EXPECT_EQ(d.channel_why, "an emergency: call first");
  DraftRequest landline = Request(Category::kUnknown, Channel::kCall, "");
  landline.landline = true;
  d = choice(landline);
  EXPECT_EQ(d.channel, DraftChannel::kCall);
  EXPECT_EQ(d.channel_why, "a landline: call, do not text");
  d = choice(Request(Category::kActiveEstimate, Channel::kForm, "Chimney flashing is loose. Email is best."));
  EXPECT_EQ(d.channel, DraftChannel::kEmail);
  d = choice(Request(Category::kActiveEstimate, Channel::kForm, "Please don't call me, text me instead."));
  EXPECT_EQ(d.channel, DraftChannel::kSms) << "\"don't call me\" is not a call request";
}

TEST(ChooseDraftChannel, AChannelTheyRefusedIsNeverUsed) {
  // A form is answered by text, unless they said no texts: then by email, and the why says so.
  Draft d = WriteDraft(Request(Category::kActiveEstimate, Channel::kForm,
                               "Need a quote on gutters for a 2 story. No texts please, I'm at work all day."));
  EXPECT_EQ(d.channel, DraftChannel::kEmail);
  EXPECT_EQ(d.channel_why, "they used the web form; they asked not to be reached by sms");
  EXPECT_THAT(d.facts.reasons, Contains("asks not to be reached by sms: \"no texts\""));
  // A deaf caller in an emergency: text, not the usual call first.
  d = WriteDraft(Request(Category::kEmergency, Channel::kSms, "pipe burst under the sink, water everywhere. I am deaf, text only"));
  EXPECT_EQ(d.channel, DraftChannel::kSms) << d.channel_why;
  // A call script for someone who refused texts has no text to send after.
  d = WriteDraft(Request(Category::kEmergency, Channel::kVoicemail, "no heat and the baby is here please call dont text"));
  ASSERT_EQ(d.channel, DraftChannel::kCall);
  EXPECT_THAT(d.text, Not(HasSubstr("Text after")));
  // Spanish.
  d = WriteDraft(Request(Category::kActiveEstimate, Channel::kForm, "Quiero un presupuesto para el techo. No me manden mensajes, gracias."));
  EXPECT_EQ(d.channel, DraftChannel::kEmail);
  // The classifier lets a channel switch through as a request ("stop texting me ... just call"):
  // the draft must then honour it.
  d = WriteDraft(Request(Category::kActiveEstimate, Channel::kSms,
                         "Please stop texting me about the estimate and just call. I can pick up at lunch."));
  EXPECT_EQ(d.channel, DraftChannel::kCall) << d.channel_why;
  d = WriteDraft(Request(Category::kActiveEstimate, Channel::kEmail,
                         "No more emails please, they get buried. Text me at 555-418-2290 about the roof quote."));
  EXPECT_EQ(d.channel, DraftChannel::kSms) << d.channel_why;
  // Every channel that reaches them refused: no draft, and why.
  DraftRequest only_phone = Request(Category::kActiveEstimate, Channel::kForm, "Estimate for a bathroom remodel. Email only.");
  only_phone.email.clear();
  d = WriteDraft(only_phone);
  EXPECT_THAT(d.text, IsEmpty());
  EXPECT_EQ(d.withheld, "no channel they accept reaches them");
}

TEST(ChooseDraftChannel, AFollowUpIsNeverWrittenOnAChannelRefusedEarlier) {
  // An old quote's follow-up is a text; a contact who refused texts in an earlier message gets a
  // call script instead, and one who refused texts and calls gets an email.
  DraftRequest r = Request(Category::kOldEstimate, Channel::kForm, "");
  r.signals.clear();
  r.channel = DraftChannel::kSms;
  r.estimates = {{"1001", "Roof Repair", "awaiting response", At("2026-09-01T10:00:00-05:00")}};
  EXPECT_EQ(WriteDraft(r).channel, DraftChannel::kSms);
  r.refused = {DraftChannel::kSms};
  Draft d = WriteDraft(r);
  EXPECT_EQ(d.channel, DraftChannel::kCall) << d.channel_why;
  EXPECT_THAT(d.text, Not(HasSubstr("Text after"))) << "no text to send after the call either";
  EXPECT_THAT(d.facts.reasons, Contains("asked in an earlier message not to be reached by sms"));
  r.refused = {DraftChannel::kSms, DraftChannel::kCall};
  d = WriteDraft(r);
  EXPECT_EQ(d.channel, DraftChannel::kEmail) << d.channel_why;
  r.email.clear();
  d = WriteDraft(r);
  EXPECT_THAT(d.text, IsEmpty());
  EXPECT_EQ(d.withheld, "no channel they accept reaches them");
}

TEST(ChooseDraftChannel, ATimeOrAPersonAfterTheWordsIsNotARefusal) {
  // "don't call before 9" says when; "don't call my husband" says whom; the channel still stands.
  for (const char* text : {"Burst pipe in the basement!! don't call before 9, I work nights",
                           "water heater leaking everywhere, don't call my husband he's at work",
                           "flooding in the laundry room, do not call the landline"}) {
    const Draft d = WriteDraft(Request(Category::kEmergency, Channel::kSms, text));
    EXPECT_EQ(d.channel, DraftChannel::kCall) << text << ": " << d.channel_why;
    EXPECT_TRUE(d.facts.refused.empty()) << text;
  }
  // Not texts of one kind, and not a text that has no words.
  EXPECT_EQ(WriteDraft(Request(Category::kActiveEstimate, Channel::kForm, "no text on the old shingles, need a quote")).channel,
            DraftChannel::kSms);
}

TEST(ChooseDraftChannel, OnlyWhatTheCompanyUses) {
  CompanyConfig email_only = Company();
  email_only.draft_channels = {"email"};
  DraftRequest r = Request(Category::kUnknown, Channel::kCall, "");
  r.company = &email_only;
  Draft d = WriteDraft(r);
  EXPECT_EQ(d.channel, DraftChannel::kEmail);
  r.email.clear();
  d = WriteDraft(r);
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.withheld, "no channel the company uses reaches them");
}

TEST(WriteDraft, ASpanishWriterGetsASpanishDraftWhenTheCompanyWritesSpanish) {
  DraftRequest r = Request(Category::kActiveEstimate, Channel::kSms, "Hola, quisiera un presupuesto para cambiar el techo de mi casa.");
  Draft d = WriteDraft(r);
  EXPECT_EQ(d.locale, "es");
  EXPECT_EQ(d.template_key, "es.sms.active_estimate");
  EXPECT_THAT(d.text, StartsWith("Hola Jane, le escribe Rick de Summit Ridge Roofing & Air."));
  EXPECT_THAT(d.text, HasSubstr("responda STOP"));
  EXPECT_EQ(d.sms->encoding, SmsEncoding::kGsm7) << "the Spanish texts avoid á, í, ó and ú: " << d.text;
  CompanyConfig english_only = Company();
  english_only.draft_locales = {"en"};
  r.company = &english_only;
  d = WriteDraft(r);
  EXPECT_EQ(d.locale, "en");
  EXPECT_THAT(d.text, StartsWith("Hi Jane,"));
}

TEST(WriteDraft, TextsFitTwoSegmentsAndOneWhereTheyCan) {
  // A bare missed call fits one text.
  Draft d = WriteDraft(Request(Category::kUnknown, Channel::kCall, ""));
  EXPECT_EQ(d.sms->segments, 1u) << d.text;
  // A very long company name: the agent's name and the asides go first, then the details.
  CompanyConfig long_name = Company();
  long_name.name = "Summit Ridge Roofing, Gutters, Siding, Windows, Heating & Air Conditioning of Central Texas LLC";
  for (Category c : kReal) {
    DraftRequest r = Request(c, Channel::kSms, "Hi, the heat pump you installed is rattling. Is that covered under the warranty?");
    r.company = &long_name;
    d = WriteDraft(r);
    ASSERT_FALSE(d.text.empty()) << d.withheld;
    EXPECT_LE(d.sms->segments, 2u) << d.text;
    EXPECT_TRUE(HasStopWording(d.text)) << d.text;
  }
  // An accent GSM-7 lacks would make the text UCS-2 (70 characters a segment): when that costs
  // a third text, the name is spelt plainly rather than dropped.
  d = WriteDraft(Request(Category::kWarranty, Channel::kSms, "The gutters are sagging again", "Zoë Ng"));
  EXPECT_EQ(d.sms->encoding, SmsEncoding::kGsm7);
  EXPECT_THAT(d.text, StartsWith("Hi Zoe, ")) << d.text;
  EXPECT_LE(d.sms->segments, 2u) << d.text;
  // A name in another script stays UCS-2 when the text fits, and never costs a third text.
  d = WriteDraft(Request(Category::kUnknown, Channel::kCall, "", "Łucja Nowak"));
  EXPECT_LE(d.sms->segments, 2u) << d.text;
  EXPECT_TRUE(HasStopWording(d.text));
}

TEST(WriteDraft, CurlyQuotesInValuesDoNotMakeATextUcs2) {
  DraftRequest r = Request(Category::kOldEstimate, Channel::kSms, "Is the quote still good?", "D\xE2\x80\x99" "Andre Smith");
  r.estimates = {{"3715", "Gutters \xE2\x80\x93 seamless", "sent", At("2026-09-10T00:00:00-05:00")}};
  const Draft d = WriteDraft(r);
  EXPECT_EQ(d.sms->encoding, SmsEncoding::kGsm7) << d.text;
}

TEST(WriteDraft, TheCompanyTemplateWinsWhenItFollowsTheRules) {
  CompanyConfig company = Company();
  company.templates = {{"sms.routine", "Hi {{contact.first_name}}, {{agent.first_name}} from {{company.name}}. Call you back? Reply STOP to opt out."}};
  DraftRequest r = Request(Category::kRoutine, Channel::kSms, "Do you work in Kyle?");
  r.company = &company;
  Draft d = WriteDraft(r);
  EXPECT_TRUE(d.company_template);
  EXPECT_EQ(d.text, "Hi Jane, Rick from Summit Ridge Roofing & Air. Call you back? Reply STOP to opt out.");
  EXPECT_THAT(d.notes, IsEmpty());
  // Other categories, channels and languages keep the built-in text.
  r.category = Category::kWarranty;
  EXPECT_FALSE(WriteDraft(r).company_template);
  r = Request(Category::kRoutine, Channel::kSms, "Hola, ¿trabajan en Kyle?");
  r.company = &company;
  EXPECT_FALSE(WriteDraft(r).company_template) << "sms.routine is English; Spanish uses es.sms.routine";
  // A company template per language.
  company.templates["es.sms.routine"] = "Hola {{contact.first_name}}, ¿le llamamos? Responda STOP para darse de baja.";
  d = WriteDraft(r);
  EXPECT_TRUE(d.company_template);
  EXPECT_EQ(d.template_key, "es.sms.routine");
}

TEST(WriteDraft, ACompanyTemplateThatBreaksARuleIsNotUsed) {
  CompanyConfig company = Company();
  company.templates = {
      {"sms.unknown", "Hi {{contact.first_name}}, we missed your call!"},                   // no way to stop
      {"sms.routine", "Act now {{contact.first_name}}: 15% off! Reply STOP to opt out."},   // pressure
      {"sms.warranty", "Hi {{contact.nickname}}. Reply STOP to opt out."},                // unknown field
      {"sms.old_estimate", "Hi {{#contact.first_name}}. Reply STOP to opt out."},         // syntax
      {"email.active_estimate", "Subject: Hi\n\nStill want that quote? Reply STOP to opt out."},  // SMS keyword
      {"call.emergency", "Say: We guarantee a crew within the hour."},                     // a promise
      {"sms.emergency", std::string(400, 'x') + " Reply STOP to opt out."},              // three texts
  };
  for (const auto& [key, text] : company.templates) {
    const std::size_t dot = key.find('.');
    DraftRequest r = On(*ParseDraftChannel(key.substr(0, dot)), *ParseCategory(key.substr(dot + 1)));
    r.company = &company;
    const Draft d = WriteDraft(r);
    EXPECT_FALSE(d.company_template) << key;
    DraftRequest builtin = r;
    builtin.company = &Company();
    EXPECT_EQ(d.text, WriteDraft(builtin).text) << key << ": the built-in text instead";
    EXPECT_THAT(d.notes, Contains(StartsWith("company template " + key + " not used: "))) << key;
  }
}

TEST(WriteDraft, NoDraftOnAnyChannelForSpamDuplicateStopOrASuppressedContact) {
  CompanyConfig company = Company();
  for (DraftChannel channel : kDraftChannels)
    for (const char* category : {"spam", "duplicate", "stop", "routine"})
      company.templates[std::string(DraftChannelName(channel)) + "." + category] = "Hi {{contact.first_name}}. Reply STOP to opt out.";
  for (DraftChannel channel : kDraftChannels) {
    for (Category c : {Category::kSpam, Category::kDuplicate, Category::kStop}) {
      DraftRequest r = On(channel, c);
      r.company = &company;
      const Draft d = WriteDraft(r);
      EXPECT_EQ(d.text, "") << DraftChannelName(channel) << " " << CategoryName(c);
      EXPECT_EQ(d.FullText(), "");
      EXPECT_THAT(d.withheld, HasSubstr(std::string(CategoryName(c)))) << DraftChannelName(channel);
    }
    for (Category c : kReal) {
      DraftRequest r = On(channel, c);
      r.company = &company;
      r.do_not_contact = true;
      const Draft d = WriteDraft(r);
      EXPECT_EQ(d.text, "") << DraftChannelName(channel) << " " << CategoryName(c);
      EXPECT_EQ(d.withheld, "the contact asked to stop");
    }
  }
}

TEST(ReadRequest, WhatTheyAsked) {
  DraftRequest r = Request(Category::kActiveEstimate, Channel::kEmail,
                           "We'd like to go ahead with the architectural shingle option. What is the earliest start "
                           "date, and do you need a deposit up front?");
  r.estimates = {{"3897", "Roof Replacement", "awaiting response", At("2026-11-05T00:00:00-06:00")},
                 {"3101", "Gutters", "approved", At("2026-03-01T00:00:00-06:00")}};
  RequestFacts f = ReadRequest(r);
  EXPECT_EQ(f.intent, Intent::kGoAhead);
  EXPECT_EQ(f.question, "What is the earliest start date, and do you need a deposit up front?");
  EXPECT_THAT(f.topics, ElementsAre(Topic::kStart, Topic::kDeposit));
  EXPECT_EQ(TopicsPhrase(f.topics, "en"), "the start date and the deposit");
  ASSERT_TRUE(f.estimate.has_value());
  EXPECT_EQ(f.estimate->number, "3897") << "their latest open quote";
  EXPECT_EQ(f.service, "roof");

  EXPECT_EQ(ReadRequest(Request(Category::kActiveEstimate, Channel::kSms, "Quick question before we go ahead: is the ridge vent included?")).intent,
            Intent::kQuestion)
      << "\"before we go ahead\" is not a go-ahead";
  EXPECT_EQ(ReadRequest(Request(Category::kWarranty, Channel::kSms, "The gutter guards are sagging. Is that covered?")).intent,
            Intent::kProblem);
  EXPECT_EQ(ReadRequest(Request(Category::kActiveEstimate, Channel::kForm, "Flashing looks fine, no leak. Can we get a quote?")).intent,
            Intent::kRequest)
      << "\"no leak\" is no problem, and asking for a quote is a request";
  EXPECT_EQ(ReadRequest(Request(Category::kUnknown, Channel::kCall, "")).intent, Intent::kMissedCall);
  DraftRequest form = Request(Category::kUnknown, Channel::kForm, "");
  EXPECT_EQ(ReadRequest(form).intent, Intent::kRequest) << "an empty form is not a missed call";
}

TEST(ReadRequest, TheEstimateTheyNamed) {
  DraftRequest r = Request(Category::kOldEstimate, Channel::kEmail, "You gave us an estimate last December (2651). Is it still valid?");
  r.estimates = {{"2651", "Roof Replacement", "sent", At("2025-12-09T00:00:00-06:00")},
                 {"3715", "Gutters", "sent", At("2026-09-10T00:00:00-05:00")}};
  RequestFacts f = ReadRequest(r);
  ASSERT_TRUE(f.estimate.has_value());
  EXPECT_EQ(f.estimate->number, "2651");
  EXPECT_EQ(f.estimate->what, "Roof Replacement");
  // A number in their words that no export has: still named, with nothing known of it.
  f = ReadRequest(Request(Category::kActiveEstimate, Channel::kSms, "About quote #4410, can we add gutters?"));
  ASSERT_TRUE(f.estimate.has_value());
  EXPECT_EQ(f.estimate->number, "4410");
  // Square feet and phone numbers are not estimate numbers.
  f = ReadRequest(Request(Category::kActiveEstimate, Channel::kSms, "House is 1,800 sq ft, call 512 555 0126"));
  EXPECT_FALSE(f.estimate.has_value());
}

TEST(ReadRequest, TheDayTheyCalled) {
  const Timestamp as_of = At("2026-11-23T08:00:00-06:00");
  EXPECT_EQ(DayPhrase(At("2026-11-19T10:00:00-06:00"), as_of, "America/Chicago", "en"), "Thursday");
  EXPECT_EQ(DayPhrase(At("2026-11-19T10:00:00-06:00"), as_of, "America/Chicago", "es"), "jueves");
  EXPECT_EQ(DayPhrase(At("2026-11-12T10:00:00-06:00"), as_of, "America/Chicago", "en"), "Nov 12") << "over six days ago";
  EXPECT_EQ(DayPhrase(At("2026-11-12T10:00:00-06:00"), as_of, "America/Chicago", "es"), "12 de noviembre");
  EXPECT_EQ(DayPhrase(At("2026-11-22T23:30:00-06:00"), as_of, "America/Chicago", "en"), "Sunday") << "local time decides";
}

TEST(GuessLanguage, StopWordsDecide) {
  EXPECT_EQ(GuessLanguage("Hola, necesito un presupuesto para el techo.").locale, "es");
  EXPECT_EQ(GuessLanguage("hola habla rosa se está metiendo agua por el techo").locale, "es");
  EXPECT_EQ(GuessLanguage("HOLA, NECESITO AYUDA CON LA CALEFACCIÓN").locale, "es");
  EXPECT_EQ(GuessLanguage("Hi, I would like a quote to replace the roof on my house.\n\nGracias,\nJosé").locale, "en")
      << "a Spanish sign-off under an English message";
  EXPECT_EQ(GuessLanguage("").locale, "en");
  EXPECT_EQ(GuessLanguage("3897").locale, "en");
  EXPECT_EQ(GuessLanguage("Are you open Saturday?").locale, "en");
}

TEST(GreetingName, FirstNameOfARealName) {
  EXPECT_EQ(GreetingName("Jane Doe"), "Jane");
  EXPECT_EQ(GreetingName("  Glenn   Harper "), "Glenn");
  EXPECT_EQ(GreetingName("Olivia"), "Olivia");
  EXPECT_EQ(GreetingName("Mary-Kate Olsen"), "Mary-Kate");
  EXPECT_EQ(GreetingName("D'Andre Smith"), "D'Andre");
  EXPECT_EQ(GreetingName("José Ramírez"), "José");
  EXPECT_EQ(GreetingName("Óscar Benítez"), "Óscar");
}

TEST(GreetingName, NothingForCallerIdTextNumbersOrInitials) {
  EXPECT_EQ(GreetingName("WIRELESS CALLER"), "");
  EXPECT_EQ(GreetingName("MITCHELL DWAYNE"), "") << "all-caps caller ID is not a greeting";
  EXPECT_EQ(GreetingName("JOSÉ RAMÍREZ"), "");
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

TEST(LintDraft, CatchesWhatNoOneShouldSend) {
  auto errors = [](DraftChannel c, std::string_view text) { return LintDraft(c, text).size(); };
  EXPECT_EQ(errors(DraftChannel::kEmail, "Subject: Hi\n\nHi Jane,\n\nStill need help? Reply STOP to opt out."), 1u);
  EXPECT_EQ(errors(DraftChannel::kEmail, "Subject: Hi\n\nHi Jane,\n\nStill need help? Reply not interested to stop."), 0u);
  EXPECT_EQ(errors(DraftChannel::kEmail, "Hi Jane,\n\nStill need help? Reply not interested to stop."), 1u) << "no subject";
  EXPECT_EQ(errors(DraftChannel::kSms, "Hi Jane, still need help?"), 1u) << "no way to stop";
  EXPECT_EQ(errors(DraftChannel::kSms, std::string(400, 'x') + " Reply STOP to opt out."), 1u) << "three segments";
  EXPECT_GE(errors(DraftChannel::kSms, "Hi {{contact.first_name}}, need help? Reply STOP to opt out."), 1u);
  EXPECT_EQ(errors(DraftChannel::kSms, "Hi , need help? Reply STOP to opt out."), 1u) << "a greeting with no name";
  EXPECT_EQ(errors(DraftChannel::kCall, ""), 1u);
  EXPECT_EQ(BodySentences("Subject: x\n\nHi Jane,\n\nOne. You asked: \"Two? Really.\" Three?\n\nDecline.\n\nThanks,\nRick"), 3);
}

}  // namespace
}  // namespace ringback
