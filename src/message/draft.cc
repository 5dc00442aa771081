#include "message/draft.h"

#include <cctype>
#include <sstream>

namespace ringback {
namespace {

// The rendered text of `source`, or the first rule it breaks (in `why`).
std::optional<Rendered> Render(const TemplateSource& source, const DraftInput& input, const MergeValues& values,
                               std::string& why) {
  for (const LintIssue& issue : LintTemplateSource(source.text)) {
    if (issue.severity == Severity::kError) {
      why = issue.message;
      return std::nullopt;
    }
  }
  StatusOr<Rendered> rendered = RenderTemplate(source.text, input.channel, input.category, values);
  if (!rendered.ok()) {
    why = rendered.status().message();
    return std::nullopt;
  }
  if (rendered->text.empty()) {
    why = "renders to an empty text";
    return std::nullopt;
  }
  // Every written text starts a conversation and must offer a way to stop; a call script is
  // spoken, and its wording is the caller's to adapt.
  if (input.channel != DraftChannel::kCall && !HasStopWording(rendered->text)) {
    why = "no way to stop";
    return std::nullopt;
  }
  return *rendered;
}

}  // namespace

std::string GreetingName(const std::string& full_name) {
  std::istringstream in(full_name);
  std::string first;
  in >> first;
  if (first.size() < 2) return "";
  bool has_lower = false;
  for (char c : first) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'') return "";
    if (std::islower(static_cast<unsigned char>(c))) has_lower = true;
  }
  // All-caps caller-ID text ("WIRELESS CALLER", "AUSTIN TX") is not a name to greet.
  if (!has_lower) return "";
  std::string lower;
  for (char c : first) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "anonymous" || lower == "unknown" || lower == "wireless" || lower == "private") return "";
  return first;
}

Draft WriteDraft(const DraftInput& input) {
  Draft draft;
  draft.channel = input.channel;
  if (input.do_not_contact) {
    draft.withheld = "the contact asked to stop";
    return draft;
  }
  if (!IsReal(input.category)) {
    draft.withheld = std::string(CategoryName(input.category)) + ": never contacted";
    return draft;
  }
  MergeValues values;
  values.contact_first_name = GreetingName(input.contact_name);
  values.agent_first_name = GreetingName(input.agent_name);
  values.agent_phone = input.agent_phone;
  values.company_name = input.company_name;
  values.request_summary = input.summary;

  std::optional<Rendered> rendered;
  TemplateSource source = FindTemplate(input.channel, input.category, input.templates);
  if (source.company) {
    std::string why;
    rendered = Render(source, input, values, why);
    if (!rendered) draft.notes.push_back("company template " + source.key + " not used: " + why);
  }
  if (!rendered) {
    source = FindTemplate(input.channel, input.category, nullptr);
    std::string why;
    rendered = Render(source, input, values, why);
    if (!rendered) {
      draft.withheld = "no usable template " + source.key + ": " + why;
      return draft;
    }
  }
  draft.template_key = source.key;
  draft.company_template = source.company;
  draft.text = std::move(rendered->text);
  draft.subject = std::move(rendered->subject);
  if (draft.channel == DraftChannel::kSms) draft.sms = LintSms(draft.text);
  return draft;
}

std::string DraftCallback(const DraftInput& input) { return WriteDraft(input).text; }

}  // namespace ringback
