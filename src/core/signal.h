// Signal: one inbound event from a buyer (a call, a voicemail, a form, a text, an email, a
// Business Profile message), as read from an export. Signals are facts: once imported they
// never change, and everything else is derived from them.
#pragma once

#include <cstdint>
#include <string>

#include "core/category.h"
#include "core/time.h"

namespace ringback {

// Where a record came from, so every error and every row can be traced to its file and line.
struct SourceRef {
  std::string file;
  std::int64_t line = 0;
};

struct Signal {
  std::string id;  // stable: derived from the source's own id, else from the content
  Channel channel = Channel::kCall;
  Timestamp received_at{};
  std::string name;       // as the export gives it
  std::string phone_raw;  // as the export gives it
  std::string phone;      // E.164, empty when there is none or it is not a valid number
  std::string email;      // normalized (lower case), empty when none
  std::string subject;
  std::string text;       // transcript, message body, form message
  std::string trade;      // a trade named by the source (form "service" field), else empty
  std::int64_t duration_seconds = -1;  // calls: -1 when unknown
  bool answered = false;               // calls: answered live (not a missed contact)
  // Where the lead came from, normalized for display ("Google Business Profile", "Website",
  // "Google Ads", "Google Local Services Ads", "Facebook", "Yelp", "Referral"...); empty when
  // the export does not say.
  std::string lead_source;
  // Empty when a person wrote it; otherwise why the message is bulk or automated mail
  // ("List-Unsubscribe header", "Precedence: bulk", "from mailer-daemon").
  std::string bulk;
  SourceRef source;
};

// Attempt: one outbound contact the business made (callback, text, email), read from the same
// exports, so the audit measures real response time.
struct Attempt {
  std::string id;
  Channel channel = Channel::kCall;
  Timestamp at{};
  std::string phone;  // E.164 of the person contacted
  std::string email;
  std::string actor;  // who made it, when the export says
  std::string from_email;  // mail: the address it was sent from (a shared inbox or a person's)
  std::int64_t duration_seconds = -1;
  SourceRef source;
};

// Estimate: one quote from an estimate/CRM export.
struct Estimate {
  std::string id;      // stable row identity
  std::string number;  // the CRM's estimate number
  std::string name;
  std::string phone;   // E.164
  std::string email;
  std::string estimator;
  std::string trade;
  std::string status;  // as the export gives it, lower case: "sent", "approved", "declined"...
  std::int64_t total_cents = 0;
  Timestamp sent_at{};
  SourceRef source;
};

}  // namespace ringback
