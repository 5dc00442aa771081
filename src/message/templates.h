// Callback templates: Mustache texts per channel (sms, email, call script) and category. The
// built-in ones come from templates/draft_<channel>.mustache (one section per category,
// compiled into the binary); a company's own (CompanyConfig::templates, "sms.emergency" ->
// text) win over them. This module knows the merge fields, renders with graceful fallbacks
// (a missing name gives "Hi," not "Hi ,"), and runs the checks behind
// `ringback templates check`. Pure: no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/company_config.h"
#include "core/status.h"
#include "message/sms_lint.h"
#include "message/wording.h"

namespace ringback {

// Where a draft goes: a text message, an email, or a script for a person on the phone.
enum class DraftChannel { kSms, kEmail, kCall };
inline constexpr DraftChannel kDraftChannels[] = {DraftChannel::kSms, DraftChannel::kEmail, DraftChannel::kCall};
std::string_view DraftChannelName(DraftChannel c);  // "sms", "email", "call"
std::optional<DraftChannel> ParseDraftChannel(std::string_view name);

// The categories that get a draft, in queue order.
inline constexpr Category kDraftCategories[] = {Category::kEmergency, Category::kActiveEstimate,
                                                Category::kOldEstimate, Category::kWarranty,
                                                Category::kRoutine,  Category::kUnknown};

// "sms.emergency": the key of a template in CompanyConfig::templates and in reports.
std::string TemplateKey(DraftChannel channel, Category category);

// The merge fields a template may use: contact.first_name, agent.first_name, agent.phone,
// company.name, request.summary. Sections may also name their objects ({{#contact}}) and the
// draft's category ({{#emergency}}).
const std::vector<std::string>& MergeFields();

// Values for the merge fields. Empty means unknown: the field renders as nothing and the text
// is tidied around it; company.name falls back to "our office".
struct MergeValues {
  std::string contact_first_name;
  std::string agent_first_name;
  std::string agent_phone;
  std::string company_name;
  std::string request_summary;
};

// Built-in templates by key, for every channel and draft category.
const std::map<std::string, std::string>& BuiltinTemplates();

struct TemplateSource {
  std::string key;       // "sms.emergency"
  std::string text;      // Mustache; empty when there is none (spam, duplicate, stop)
  bool company = false;  // the company's own, from its configuration
};

// The template a draft uses: the company's own when `company` has the key, else the built-in.
TemplateSource FindTemplate(DraftChannel channel, Category category,
                            const std::map<std::string, std::string>* company);

struct Rendered {
  std::string subject;  // email only: the template's "Subject: ..." line, or a plain default
  std::string text;     // SMS: one paragraph; email and call: lines kept, blank runs folded
};

// Renders `text` for `category`, with no HTML escaping, then tidies the result so a missing
// value leaves no gap: spaces folded, no space before punctuation, no leading comma.
// InvalidArgument for a template that does not parse.
StatusOr<Rendered> RenderTemplate(std::string_view text, DraftChannel channel, Category category,
                                  const MergeValues& values);

// Checks on a template's source: syntax, unknown merge fields (with a suggestion), partials
// and delimiter changes (not supported), pressure wording in the fixed text.
std::vector<LintIssue> LintTemplateSource(std::string_view text);

// One template as `ringback templates check` reports it.
struct TemplateCheck {
  std::string key;
  DraftChannel channel = DraftChannel::kSms;
  Category category = Category::kUnknown;
  bool company = false;
  Rendered sample;                // rendered with sample values
  std::optional<SmsLint> sms;     // SMS: encoding and segments of the sample
  std::vector<LintIssue> issues;  // the source lint, then the sample's, then fallbacks'
  bool ok() const { return !HasErrors(issues); }
};

// Sample values for checks and `templates show`: the company's name, its first team member
// as the agent, a typical request for the category.
MergeValues SampleValues(const CompanyConfig& config, Category category);

// Lints one template: its source, its rendering with sample values (SMS: encoding, segments,
// stop wording; email: stop wording is an error too; call script: a warning), and its rendering
// with every optional value missing (the way to stop must survive, no gap may show).
TemplateCheck CheckTemplate(DraftChannel channel, Category category, const TemplateSource& source,
                            const MergeValues& sample);

// Every template a draft can use (each channel and draft category, the company's own where it
// has one), then each company template no draft can use (spam, duplicate, stop; unknown keys).
std::vector<TemplateCheck> CheckTemplates(const CompanyConfig& config);

}  // namespace ringback
