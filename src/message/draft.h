// Callback drafts: short, human, honest texts written for one channel (a text, an email or a
// call script), in the person's language, answering what they asked (the estimate and what
// it was for, the service, the day they called, a go-ahead, a question or a problem), from
// the company's templates or the built-in ones (see message/templates.h). Rules are enforced
// here, not suggested: there is never a draft for spam, a duplicate, a stop, or a contact who
// asked to stop, on any channel; a text is at most two segments and carries the stop wording;
// an email declines in words, never "Reply STOP"; a company template that breaks a rule (no
// way to stop, pressure wording, a promise, an unknown merge field, a syntax error, too long)
// is not used, and the built-in one is used instead. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/time.h"
#include "message/channel_choice.h"
#include "message/draft_request.h"
#include "message/request_facts.h"
#include "message/sms_lint.h"
#include "message/templates.h"

namespace ringback {

struct Draft {
  DraftChannel channel = DraftChannel::kSms;
  std::string locale = "en";
  std::string text;      // empty when no draft may be written (see `withheld`)
  std::string subject;   // email only
  std::string withheld;  // why there is no draft: "spam", "the contact asked to stop", ...
  std::string template_key;  // the template used, "sms.emergency", "es.email.routine"
  bool company_template = false;  // the company's own template was used
  // Why the company's template was not used, e.g. "company template sms.routine not used: no
  // way to stop"; for the person reviewing the queue.
  std::vector<std::string> notes;
  std::optional<SmsLint> sms;  // SMS drafts: encoding and segments
  // Earliest time to send, from quiet hours; filled in by the caller (assign), never here.
  std::optional<Timestamp> send_after;
  RequestFacts facts;       // what the draft answers
  std::string channel_why;  // why this channel: "they wrote by email"

  // The draft as the office copies it: an email is "Subject: ...", a blank line, the text.
  std::string FullText() const;
};

// The draft for one opportunity. `request.company` must be set.
Draft WriteDraft(const DraftRequest& request);

// The first name worth greeting someone with: "Jane" from "Jane Doe", "" from "WIRELESS
// CALLER", "Anonymous", a phone number or initials.
std::string GreetingName(const std::string& full_name);

}  // namespace ringback
