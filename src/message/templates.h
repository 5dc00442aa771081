// Callback templates: Mustache texts per locale, channel (sms, email, call script) and
// category. The built-in ones come from templates/draft_<channel>.mustache (English) and
// templates/draft_<channel>.<locale>.mustache (Spanish: .es), one section per category,
// compiled into the binary; a company's own (CompanyConfig::templates: "sms.emergency" for
// English, "es.sms.emergency" for Spanish) win over them. This module knows the merge fields,
// renders with graceful fallbacks (a missing name gives "Hi," not "Hi ,"), and runs the checks
// behind `ringback templates check`. Pure: no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/company_config.h"
#include "core/status.h"
#include "message/draft_channel.h"
#include "message/request_facts.h"
#include "message/sms_lint.h"
#include "message/wording.h"

namespace ringback {

// The categories that get a draft, in queue order.
inline constexpr Category kDraftCategories[] = {Category::kEmergency, Category::kActiveEstimate,
                                                Category::kOldEstimate, Category::kWarranty,
                                                Category::kRoutine,  Category::kUnknown};

// "sms.emergency" for English, "es.sms.emergency" for another locale: the key of a template
// in CompanyConfig::templates and in reports.
std::string TemplateKey(DraftChannel channel, Category category, std::string_view locale = "en");

// The merge fields a template may use:
//   contact.first_name; agent.first_name, agent.name, agent.phone; company.name, company.phone;
//   request.summary, request.day ("Thursday"), request.service ("the heat pump"),
//   request.question (their question as written), request.topics ("the start date and the
//   deposit"), request.subject (their email subject);
//   request.go_ahead, request.problem, request.asking, request.plain, request.missed_call (what
//   the request is: exactly one is set), request.called (they first called);
//   estimate.number, estimate.for ("roof replacement"); followup.text (call scripts: the text to
//   send when nobody answers).
// Sections may also name their objects ({{#contact}}), the draft's category ({{#emergency}})
// and {{#brief}} / {{^brief}} (set when an SMS must be shortened to fit two segments).
const std::vector<std::string>& MergeFields();

// Values for the merge fields. Empty means unknown: the field renders as nothing and the text
// is tidied around it; company.name falls back to "our office".
struct MergeValues {
  std::string contact_first_name;
  std::string agent_first_name;
  std::string agent_name;
  std::string agent_phone;
  std::string company_name;
  std::string company_phone;
  std::string request_summary;
  std::string request_day;
  std::string request_service;
  std::string request_question;
  std::string request_topics;
  std::string request_subject;
  Intent intent = Intent::kRequest;
  bool called = false;
  std::string estimate_number;
  std::string estimate_for;
  std::string followup_text;
  bool brief = false;

  bool operator==(const MergeValues&) const = default;
};

// Built-in templates by key, for every locale, channel and draft category.
const std::map<std::string, std::string>& BuiltinTemplates();

struct TemplateSource {
  std::string key;       // "sms.emergency", "es.call.routine"
  std::string text;      // Mustache; empty when there is none (spam, duplicate, stop)
  bool company = false;  // the company's own, from its configuration
};

// The template a draft uses: the company's own when `company` has the key, else the built-in.
TemplateSource FindTemplate(DraftChannel channel, Category category,
                            const std::map<std::string, std::string>* company, std::string_view locale = "en");

struct Rendered {
  std::string subject;  // email only: the template's "Subject: ..." line, or a plain default
  std::string text;     // SMS: one paragraph; email and call: lines kept, blank runs folded
};

// Renders `text` for `category`, with no HTML escaping, then tidies the result so a missing
// value leaves no gap: spaces folded, no space before punctuation, no leading comma. In an
// SMS, curly quotes and dashes in values become plain ones (they would make it UCS-2).
// InvalidArgument for a template that does not parse.
StatusOr<Rendered> RenderTemplate(std::string_view text, DraftChannel channel, Category category,
                                  const MergeValues& values);

// How much of a text message had to give for it to fit: nothing; the accents GSM-7 lacks in
// the values (á í ó ú ë ç ... as a i o u e c: "Hola Oscar" costs one text, "Hola Óscar" makes the whole
// text UCS-2); the {{^brief}} parts; the request's details (service, topics, day, question,
// what the estimate was for); or the names too.
enum class SmsFit { kFull, kPlainLetters, kBrief, kBriefPlainLetters, kWithoutDetails, kWithoutNames };

struct FittedSms {
  Rendered rendered;
  SmsFit fit = SmsFit::kFull;
};

// The text message `text` renders to with `values`, at most two segments: one segment where the
// full or the shortened ({{#brief}}) text allows; else the full text in two, with the plain
// letters if it needs them; else the shortened one in two; failing that, the shortened text
// without the request's details, then without names. nullopt when nothing fits or it does
// not render.
std::optional<FittedSms> FitSms(std::string_view text, Category category, const MergeValues& values);

// The same, with `full` already rendered from `text` and `values` with `brief` off (a draft
// renders it first to check its rules): the result is FitSms's, without rendering it again.
std::optional<FittedSms> FitSms(std::string_view text, Category category, const MergeValues& values,
                                Rendered full);

// `values` shortened ({{#brief}}) and without the request's details; without the contact's
// and agent's first names too when `drop_names`.
MergeValues WithoutDetails(MergeValues values, bool drop_names);

// `values` with the Latin accents GSM-7 cannot send spelt plainly: á í ó ú â ê ë ç ... as
// a i o u a e e c (é, ñ, ü, à, è... are in GSM-7 and stay).
MergeValues WithPlainLetters(MergeValues values);

// Checks on a template's source: syntax, unknown merge fields (with a suggestion), partials
// and delimiter changes (not supported), pressure wording and promises in the fixed text.
std::vector<LintIssue> LintTemplateSource(std::string_view text);

// One template as `ringback templates check` reports it.
struct TemplateCheck {
  std::string key;
  std::string locale = "en";
  DraftChannel channel = DraftChannel::kSms;
  Category category = Category::kUnknown;
  bool company = false;
  Rendered sample;                // rendered with the category's typical sample values
  std::optional<SmsLint> sms;     // SMS: encoding and segments of the sample
  std::vector<LintIssue> issues;  // the source lint, then the samples', then fallbacks'
  bool ok() const { return !HasErrors(issues); }
};

// Sample values for checks and `templates show`: the company's name and phone, its first team
// member as the agent, a typical request for the category in `locale`.
MergeValues SampleValues(const CompanyConfig& config, Category category, std::string_view locale = "en");

// Lints one template: its source; its rendering with sample values for every kind of request
// (go-ahead, problem, question, plain request, bare missed call) and with every optional value
// missing (SMS: encoding, at most two segments once shortened, stop wording; email: a plain
// way to decline in words, never an SMS keyword like "Reply STOP"; call script: a warning
// without a way to stop; no gap, no unfilled field).
TemplateCheck CheckTemplate(DraftChannel channel, Category category, const TemplateSource& source,
                            const MergeValues& sample, std::string_view locale = "en");

// Every template a draft can use (each locale of the company, channel and draft category, the
// company's own where it has one), then each company template no draft can use (spam,
// duplicate, stop; unknown keys or locales).
std::vector<TemplateCheck> CheckTemplates(const CompanyConfig& config);

// The locales the company writes drafts in: [drafts] languages, else the shipped ones.
std::vector<std::string> CompanyLocales(const CompanyConfig& config);

}  // namespace ringback
