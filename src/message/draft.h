// Callback drafts: short, human, honest texts per category and channel, from the company's
// templates or the built-in ones (see message/templates.h). Rules are enforced here, not
// suggested: there is never a draft for spam, a duplicate, a stop, or a contact who asked to
// stop; a company template that breaks a rule (no way to stop, pressure wording, an unknown
// merge field, a syntax error) is not used, and the built-in one is used instead.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/time.h"
#include "message/sms_lint.h"
#include "message/templates.h"

namespace ringback {

struct DraftInput {
  Category category = Category::kUnknown;
  bool do_not_contact = false;  // the contact asked to stop, on any channel
  std::string contact_name;     // full name as known; may be empty or "WIRELESS CALLER"
  std::string agent_name;       // the owner who will send it; may be empty
  std::string company_name;
  std::string summary;          // the request in a few words; may be empty
  DraftChannel channel = DraftChannel::kSms;
  // The company's templates (CompanyConfig::templates), which win over the built-in ones.
  const std::map<std::string, std::string>* templates = nullptr;
  // The agent's direct number as it should read ("(512) 555-0142", e.g. from
  // FormatPhoneForDisplay), for {{agent.phone}}; may be empty.
  std::string agent_phone;
};

struct Draft {
  DraftChannel channel = DraftChannel::kSms;
  std::string text;      // empty when no draft may be written (see `withheld`)
  std::string subject;   // email only
  std::string withheld;  // why there is no draft: "spam", "the contact asked to stop", ...
  std::string template_key;  // the template used, "sms.emergency"
  bool company_template = false;  // the company's own template was used
  // Why the company's template was not used, e.g. "company template sms.routine not used: no
  // way to stop"; for the person reviewing the queue.
  std::vector<std::string> notes;
  std::optional<SmsLint> sms;  // SMS drafts: encoding and segments
  // Earliest time to send, from quiet hours; filled in by the caller (assign), never here.
  std::optional<Timestamp> send_after;
};

// The draft for one opportunity on `input.channel`.
Draft WriteDraft(const DraftInput& input);

// WriteDraft(input).text: the callback text, or "" when no draft may be written.
std::string DraftCallback(const DraftInput& input);

// The first name worth greeting someone with: "Jane" from "Jane Doe", "" from "WIRELESS
// CALLER", "Anonymous", a phone number or initials.
std::string GreetingName(const std::string& full_name);

}  // namespace ringback
