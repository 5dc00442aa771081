#include "message/draft.h"

#include <cctype>
#include <sstream>

#include "message/draft_lint.h"
#include "core/text.h"

namespace ringback {
namespace {

// The rendered text of `source`, or the first rule it breaks (in `why`).
std::optional<Rendered> Render(const TemplateSource& source, DraftChannel channel, Category category,
                               const MergeValues& values, std::string& why) {
  for (const LintIssue& issue : LintTemplateSource(source.text)) {
    if (issue.severity == Severity::kError) {
      why = issue.message;
      return std::nullopt;
    }
  }
  StatusOr<Rendered> rendered = RenderTemplate(source.text, channel, category, values);
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
  if (channel != DraftChannel::kCall && !HasStopWording(rendered->text)) {
    why = "no way to stop";
    return std::nullopt;
  }
  if (channel == DraftChannel::kEmail && HasSmsStopKeyword(rendered->text)) {
    why = "an SMS keyword (\"Reply STOP\") in an email";
    return std::nullopt;
  }
  return *rendered;
}

// A text message that fits two segments (see FitSms), from a template that passes its lint
// and keeps the way to stop.
std::optional<Rendered> RenderSms(const TemplateSource& source, Category category, const MergeValues& values,
                                  std::string& why) {
  std::optional<Rendered> checked = Render(source, DraftChannel::kSms, category, values, why);  // the rules, once
  if (!checked) return std::nullopt;
  // The checked text is FitSms's first rendering when the values are not already shortened.
  std::optional<FittedSms> fitted = values.brief ? FitSms(source.text, category, values)
                                                 : FitSms(source.text, category, values, std::move(*checked));
  if (!fitted) {
    why = "longer than two texts";
    return std::nullopt;
  }
  if (!HasStopWording(fitted->rendered.text)) {
    why = "no way to stop once shortened";
    return std::nullopt;
  }
  return fitted->rendered;
}

std::optional<Rendered> RenderFor(const TemplateSource& source, DraftChannel channel, Category category,
                                  const MergeValues& values, std::string& why) {
  if (channel == DraftChannel::kSms) return RenderSms(source, category, values, why);
  return Render(source, channel, category, values, why);
}

// "Re: " + their subject, once: "RE: x" and "Re: x" stay as they are.
std::string ReplySubject(const std::string& theirs) {
  std::string s = TrimmedString(theirs);
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  if (Lower(s.substr(0, 3)) == "re:") return s;
  return "Re: " + s;
}

MergeValues ValuesFor(const DraftRequest& r, const RequestFacts& f, const std::string& locale) {
  const CompanyConfig& company = *r.company;
  MergeValues v;
  v.contact_first_name = GreetingName(r.contact_name);
  v.agent_first_name = GreetingName(r.agent_name);
  if (!v.agent_first_name.empty()) v.agent_name = TrimmedString(r.agent_name);
  v.agent_phone = r.agent_phone;
  v.company_name = company.name;
  v.company_phone = company.phone;
  v.request_summary = r.summary;
  if (f.first_at != Timestamp{}) v.request_day = DayPhrase(f.first_at, r.as_of, company.time_zone, locale);
  v.request_service = ServicePhrase(f.service, locale);
  v.request_question = f.question;
  v.request_topics = TopicsPhrase(f.topics, locale);
  v.request_subject = f.their_subject;
  v.intent = f.intent;
  v.called = !r.signals.empty() &&
             (r.signals.front().channel == Channel::kCall || r.signals.front().channel == Channel::kVoicemail);
  if (f.estimate) {
    v.estimate_number = f.estimate->number;
    // "roof replacement" reads as part of an English sentence; another language quotes the
    // CRM's label as written ("Roof Replacement").
    v.estimate_for = locale == "en" ? Lower(TrimmedString(f.estimate->what)) : TrimmedString(f.estimate->what);
  }
  return v;
}

// The draft on `channel` with `values`: the company's template when it passes, else the built-in.
void WriteOn(const DraftRequest& r, DraftChannel channel, const std::string& locale, const MergeValues& values,
             Draft& draft) {
  draft.channel = channel;
  draft.locale = locale;
  const Category category = r.category;
  std::optional<Rendered> rendered;
  TemplateSource source = FindTemplate(channel, category, &r.company->templates, locale);
  if (source.company) {
    std::string why;
    rendered = RenderFor(source, channel, category, values, why);
    if (rendered) {
      Rendered check = *rendered;
      Draft probe;
      probe.channel = channel, probe.text = check.text, probe.subject = check.subject;
      const std::vector<LintIssue> issues = LintDraft(channel, probe.FullText());
      if (!issues.empty()) rendered.reset(), why = issues.front().message;
    }
    if (!rendered) draft.notes.push_back("company template " + source.key + " not used: " + why);
  }
  if (!rendered) {
    source = FindTemplate(channel, category, nullptr, locale);
    std::string why;
    rendered = RenderFor(source, channel, category, values, why);
    if (!rendered) {
      draft.withheld = "no usable template " + source.key + ": " + why;
      return;
    }
  }
  draft.template_key = source.key;
  draft.company_template = source.company;
  draft.text = std::move(rendered->text);
  draft.subject = std::move(rendered->subject);
  if (channel == DraftChannel::kEmail && !values.request_subject.empty()) draft.subject = ReplySubject(values.request_subject);
  if (channel == DraftChannel::kSms) draft.sms = LintSms(draft.text);
}

}  // namespace

std::string Draft::FullText() const {
  if (text.empty()) return "";
  if (channel == DraftChannel::kEmail) return "Subject: " + subject + "\n\n" + text;
  return text;
}

std::string GreetingName(const std::string& full_name) {
  std::istringstream in(full_name);
  std::string first;
  in >> first;
  if (first.size() < 2) return "";
  bool has_lower = false;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(first[i]);
    if (c >= 0x80) {  // a letter of a name such as "José" or "Zoë": lower case when not C3 80..9E
      if (c == 0xC3 && i + 1 < first.size() && static_cast<unsigned char>(first[i + 1]) >= 0xA0) has_lower = true;
      continue;
    }
    if (!std::isalpha(c) && c != '-' && c != '\'') return "";
    if (std::islower(c)) has_lower = true;
  }
  // All-caps caller-ID text ("WIRELESS CALLER", "AUSTIN TX") is not a name to greet.
  if (!has_lower) return "";
  std::string lower;
  for (char c : first) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "anonymous" || lower == "unknown" || lower == "wireless" || lower == "private") return "";
  return first;
}

Draft WriteDraft(const DraftRequest& request) {
  Draft draft;
  if (request.do_not_contact) {
    draft.withheld = "the contact asked to stop";
    return draft;
  }
  if (!IsReal(request.category)) {
    draft.withheld = std::string(CategoryName(request.category)) + ": never contacted";
    return draft;
  }
  static const CompanyConfig kNoCompany;
  DraftRequest r = request;
  if (!r.company) r.company = &kNoCompany;
  draft.facts = ReadRequest(r);
  const ChannelChoice choice = ChooseDraftChannel(r, draft.facts);
  draft.channel_why = choice.why;
  if (!choice.channel) {
    draft.withheld = choice.why;
    return draft;
  }
  const std::string& locale = draft.facts.locale;
  MergeValues values = ValuesFor(r, draft.facts, locale);
  // A call script ends with the text to send when nobody answers, where a text can be sent.
  if (*choice.channel == DraftChannel::kCall && Reaches(r, DraftChannel::kSms) &&
      CompanyUses(r.company, DraftChannel::kSms) && !Refuses(draft.facts, DraftChannel::kSms)) {
    Draft text;
    WriteOn(r, DraftChannel::kSms, locale, values, text);
    values.followup_text = text.text;
    for (const std::string& n : text.notes) draft.notes.push_back(n);
  }
  WriteOn(r, *choice.channel, locale, values, draft);
  return draft;
}

}  // namespace ringback
