// `ringback templates check|show`: what a contractor sees and the exit codes scripts rely on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/templates_command.h"
#include "config/config_loader.h"

namespace ringback::cli {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

Outcome Templates(const std::vector<std::string>& args, const CompanyConfig& config) {
  std::ostringstream out, err;
  Outcome r;
  r.code = TemplatesCommand(args, config, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

CompanyConfig Example() {
  StatusOr<CompanyConfig> c = LoadConfig(RINGBACK_SOURCE_DIR "/config/company.example.toml");
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : CompanyConfig{};
}

CompanyConfig WithCompanyTemplates() {
  StatusOr<CompanyConfig> c = LoadConfig(RINGBACK_SOURCE_DIR "/tests/fixtures/templates/company_templates.toml");
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : CompanyConfig{};
}

// The output line of one template, e.g. "sms.unknown   built-in  GSM-7   147   1".
std::string Row(const std::string& out, const std::string& key) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + " ", 0) == 0) return line;
  return "";
}

TEST(TemplatesCheck, TheBuiltInTemplatesAreClean) {
  const Outcome r = Templates({"check"}, Example());
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("36 templates: 0 with errors")) << "English and Spanish";
  EXPECT_THAT(r.out, Not(HasSubstr("error:")));
  EXPECT_THAT(Row(r.out, "sms.unknown"), MatchesRegex("sms\\.unknown +built-in +GSM-7 +[0-9]+ +1"));
  EXPECT_THAT(Row(r.out, "sms.emergency"), MatchesRegex(".*GSM-7 +[0-9]+ +2"));
  EXPECT_THAT(r.out, HasSubstr("warning: 2 segments"));
  EXPECT_THAT(Row(r.out, "email.old_estimate"), MatchesRegex("email\\.old_estimate +built-in +- +[0-9]+ +-"));
  EXPECT_THAT(Row(r.out, "call.emergency"), HasSubstr("built-in"));
  EXPECT_THAT(Row(r.out, "es.sms.unknown"), MatchesRegex("es\\.sms\\.unknown +built-in +GSM-7 +[0-9]+ +1"));
  EXPECT_THAT(r.out, Not(HasSubstr("Reply STOP"))) << "check lists templates, it does not print them";
}

TEST(TemplatesCheck, CompanyTemplatesThatBreakARuleFailTheCheck) {
  const Outcome r = Templates({"check", "--config", "ignored.toml"}, WithCompanyTemplates());
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(Row(r.out, "sms.routine"), HasSubstr("company"));
  EXPECT_THAT(r.out, HasSubstr("error: no way to stop"));
  EXPECT_THAT(r.out, HasSubstr("error: pressure wording \"act now\""));
  EXPECT_THAT(r.out, HasSubstr("error: pressure wording \"% off\""));
  EXPECT_THAT(r.out, HasSubstr("error: unknown merge field {{contact.last_name}}"));
  EXPECT_THAT(r.out, HasSubstr("36 templates: 3 with errors"));
  EXPECT_THAT(r.err, HasSubstr("3 template(s) have errors"));
}

TEST(TemplatesShow, RendersASampleWithItsEncodingAndSegments) {
  const Outcome r = Templates({"show", "unknown"}, Example());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("sms.unknown (built-in)"),
                           HasSubstr("Hi Jordan, this is Maria with Summit Ridge Roofing & Air. Sorry we missed your call on Thursday."),
                           HasSubstr("Reply STOP to opt out."), HasSubstr("GSM-7, "), HasSubstr(" 1 segment\n")));
}

TEST(TemplatesShow, EmailAndCallChannels) {
  Outcome r = Templates({"show", "emergency", "--channel", "email"}, Example());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("email.emergency (built-in)"),
                           HasSubstr("Subject: Your message to Summit Ridge Roofing & Air\n\nHi Jordan,"),
                           HasSubstr("call 911 first"), Not(HasSubstr("GSM-7"))));
  r = Templates({"show", "old_estimate", "--channel=call"}, Example());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("call.old_estimate"), HasSubstr("we won't call again")));
}

TEST(TemplatesShow, EachLanguageTheOfficeWrites) {
  Outcome r = Templates({"show", "routine", "--locale", "es", "--channel", "email"}, Example());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("es.email.routine (built-in)"), HasSubstr("Hola José,"),
                           HasSubstr("no me interesa"), Not(HasSubstr("STOP"))));
  r = Templates({"show", "unknown", "--locale=es"}, Example());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("es.sms.unknown (built-in)"), HasSubstr("responda STOP"), HasSubstr(" 1 segment\n")));
  r = Templates({"show", "unknown", "--locale", "fr"}, Example());
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown language \"fr\""));
}

TEST(TemplatesShow, ACompanyTemplateIsShownWithItsErrors) {
  Outcome r = Templates({"show", "routine"}, WithCompanyTemplates());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("sms.routine (company)"));
  EXPECT_THAT(r.out, HasSubstr("Hi Jordan, Glenn at Cedar Creek Plumbing. Can we call you back?"));
  r = Templates({"show", "unknown"}, WithCompanyTemplates());
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.out, HasSubstr("error: no way to stop"));
}

TEST(TemplatesShow, NoDraftIsEverWrittenForSpam) {
  const Outcome r = Templates({"show", "spam"}, Example());
  EXPECT_EQ(r.code, 0);
  EXPECT_THAT(r.out, HasSubstr("No draft is ever written for spam."));
}

TEST(Templates, BadUsageExitsTwo) {
  const CompanyConfig config = Example();
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{}, {"lint"}, {"check", "extra"}, {"show"}, {"show", "urgent"},
                                             {"show", "routine", "--channel", "fax"}, {"show", "routine", "--channel"},
                                             {"check", "--verbose"}}) {
    const Outcome r = Templates(args, config);
    EXPECT_EQ(r.code, 2) << ::testing::PrintToString(args);
    EXPECT_THAT(r.err, HasSubstr("usage: ringback templates")) << ::testing::PrintToString(args);
  }
  const Outcome help = Templates({"--help"}, config);
  EXPECT_EQ(help.code, 0);
  EXPECT_THAT(help.out, HasSubstr("usage: ringback templates check"));
}

}  // namespace
}  // namespace ringback::cli
