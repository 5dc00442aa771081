// Callback templates (a company's own Mustache text: lint, render with sample values, fit an
// SMS into two segments) and the lints every draft passes (LintDraft, LintSms).
// The first byte picks the channel and category; the rest is the template.
// Invariants: lint and render never throw; every message, rendered text and subject is valid
// UTF-8 when the template is; a fitted SMS is at most two segments; SMS counts are consistent.
#include "fuzz/fuzz_support.h"
#include "message/draft_lint.h"
#include "message/sms_lint.h"
#include "message/templates.h"

using namespace ringback;

namespace {

void CheckIssues(const std::vector<LintIssue>& issues) {
  for (const LintIssue& i : issues) fuzz::RequireUtf8(i.message, "lint message is not UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const CompanyConfig config = fuzz::FuzzCompany();
  const DraftChannel channel = kDraftChannels[data[0] % 3];
  const Category category = kDraftCategories[(data[0] / 3) % std::size(kDraftCategories)];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool utf8 = IsValidUtf8(text);

  const std::vector<LintIssue> lint = LintTemplateSource(text);
  if (utf8) CheckIssues(lint);
  // Sample values per category and locale, made once (they do not depend on the input).
  static std::map<std::pair<Category, bool>, MergeValues> samples;
  const bool spanish = (data[0] & 0x80) != 0;
  auto it = samples.find({category, spanish});
  if (it == samples.end())
    it = samples.emplace(std::pair{category, spanish}, SampleValues(config, category, spanish ? "es" : "en")).first;
  const MergeValues& values = it->second;
  StatusOr<Rendered> rendered = RenderTemplate(text, channel, category, values);
  if (rendered.ok() && utf8) {
    fuzz::RequireUtf8(rendered->text, "rendered text is not UTF-8");
    fuzz::RequireUtf8(rendered->subject, "rendered subject is not UTF-8");
    CheckIssues(LintDraft(channel, rendered->text));
  }
  if (channel == DraftChannel::kSms) {
    if (std::optional<FittedSms> fitted = FitSms(text, category, values)) {
      const SmsLint sms = LintSms(fitted->rendered.text);
      fuzz::Require(sms.segments <= 2, "a fitted SMS takes more than two segments", fitted->rendered.text);
      if (utf8) fuzz::RequireUtf8(fitted->rendered.text, "fitted SMS is not UTF-8");
    }
  }
  const SmsLint sms = LintSms(text);
  fuzz::Require(sms.units >= sms.characters || sms.encoding == SmsEncoding::kUcs2, "GSM-7 septets fewer than characters");
  fuzz::Require((sms.characters == 0) == (sms.segments == 0), "segments of an empty text");
  for (const std::string& c : sms.ucs2_characters) fuzz::RequireUtf8(c, "UCS-2 character is not UTF-8");
  if (utf8) CheckIssues(sms.issues);
  return 0;
}
